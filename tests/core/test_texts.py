"""Every message exists in Dutch and English, with the same placeholders."""
from __future__ import annotations

import re
import string

from core.texts import TEXTS, fmt_date, t
from datetime import date


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, versions in TEXTS.items():
        assert len(versions) == 2 and all(v.strip() for v in versions), key
        nl, en = versions
        assert _fields(nl) == _fields(en), key


def test_every_key_used_in_the_code_exists():
    import pathlib
    root = pathlib.Path(__file__).resolve().parents[2]
    used = set()
    for path in [*root.glob("core/**/*.py"), *root.glob("views/*.py"), *root.glob("service/*.py"), *root.glob("jobs/*.py")]:
        source = path.read_text()
        used |= set(re.findall(r'\bt\([^,()]+,\s*"([a-z_]+)"', source))
        used |= set(re.findall(r'(?:Error|Denied|_Refusal)\("([a-z_]+)"', source))
        used |= set(re.findall(r'(?:example|problem)="([a-z_]+)"', source))
        used |= set(re.findall(r'FormField\("[a-z]+", "([a-z_]+)"', source))
    missing = {key for key in used if key not in TEXTS}
    assert len(used) > 60 and not missing


def test_dates_show_weekday_in_the_users_language():
    assert fmt_date(date(2026, 12, 1), "nl") == "di 1 dec 2026"
    assert fmt_date(date(2026, 12, 1), "en") == "Tue 1 Dec 2026"
    assert t("en", "ok_klaar", ref="T3") == "*T3* done. Well done!"
