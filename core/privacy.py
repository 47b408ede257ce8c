"""The privacy guard: Regiowacht never stores a resident's BSN (burgerservicenummer).

A text is read for the check in one normalised form: Unicode digits as ASCII digits (NFKC), every
kind of space, dash or dot between digits as one separator, letters glued to the digits
(`bsn111222333`) apart. Then, per PRODUCT.md: 9 digits passing the elfproef are a BSN unless
labelled as an organisation number (RSIN, KvK, AGB); 8 digits (read with a leading zero) passing
it are one when a BSN word stands near; and 8 or 9 digits right after a BSN word are one even
when they fail the elfproef (a mistyped BSN is still a BSN)."""
from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"(?<=\d)[\s\u00a0\u2000-\u200b\u202f\u205f\u3000.\-\u2010-\u2015\u2212_/]+(?=\d)")
_DIGIT_RUN = re.compile(r"(?<![\d])\d+(?: \d+)*(?![\d])")
_BSN_WORDS = re.compile(r"(bsn|burger\s*service\s*nummer|burgerservicenr|sofi\s*-?\s*nummer|sofinr)", re.IGNORECASE)
_RIGHT_AFTER_WORD = re.compile(r"(?:bsn|burger\s*service\s*nummer|burgerservicenr|sofi\s*-?\s*nummer|sofinr)"
                               r"\W{0,4}(?:nr\.?|nummer|is|:)?\W{0,4}$", re.IGNORECASE)
_ORG_LABEL = re.compile(r"(rsin|kvk|agb)(?:[- ]?(?:nummer|nr|code))?\W{0,3}$", re.IGNORECASE)
_NEAR = 40  # characters around an 8-digit number in which a BSN word makes it a BSN


def elfproef(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a non-zero multiple of 11."""
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total != 0 and total % 11 == 0


def normalised(text: str) -> str:
    """The one form the check reads: ASCII digits, one space between digit groups."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)
    return _SEPARATORS.sub(" ", text)


def _candidates(run: str):
    """Every stretch of whole groups in a run whose digits add up to 8 or 9."""
    groups = run.split(" ")
    for start in range(len(groups)):
        digits = ""
        for end in range(start, len(groups)):
            digits += groups[end]
            if len(digits) > 9:
                break
            if len(digits) in (8, 9):
                yield digits


def contains_bsn(text: str) -> bool:
    """True when the text holds what must be treated as a BSN (see PRODUCT.md, Privacy)."""
    if not text or not any(c.isdigit() for c in text):
        return False
    text = normalised(text)
    for match in _DIGIT_RUN.finditer(text):
        before = text[max(0, match.start() - 30):match.start()]
        if _ORG_LABEL.search(before):
            continue
        labelled = bool(_RIGHT_AFTER_WORD.search(before))
        near = labelled or bool(_BSN_WORDS.search(text[max(0, match.start() - _NEAR):match.end() + _NEAR]))
        for digits in _candidates(match.group()):
            if labelled:
                return True
            if len(digits) == 9 and elfproef(digits):
                return True
            if len(digits) == 8 and near and elfproef("0" + digits):
                return True
    return False
