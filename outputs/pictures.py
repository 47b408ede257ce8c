"""What every picture shares: matplotlib without a screen, text drawn exactly as typed (a `$` in a
title is a dollar sign, never mathtext), a file name made from a name, and alt text that fits."""
from __future__ import annotations

import re
import unicodedata
from contextlib import contextmanager

ALT_LIMIT = 1000  # Slack's alt text for an uploaded file (files.getUploadURLExternal alt_txt)


@contextmanager
def plain_text_figures():
    """pyplot with text as text: matplotlib reads `$…$` as mathtext, and a title such as `Kosten
    $x^$` would break the picture. Yields pyplot."""
    import matplotlib
    matplotlib.use("Agg")  # no screen: render to a file
    from matplotlib import pyplot
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        yield pyplot


def slug(name: str) -> str:
    """`Holland Rijnland` -> `holland-rijnland`: a file name per region or trajectory."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "regio"


def fit_alt(text: str) -> str:
    return text if len(text) <= ALT_LIMIT else text[:ALT_LIMIT - 1].rstrip() + "…"
