"""The privacy guard: Regiowacht never stores a resident's BSN (burgerservicenummer)."""
from __future__ import annotations

import re

# Digit groups separated by single dots or spaces: "123456782", "1234.56.782", "123 456 782".
_DIGIT_RUN = re.compile(r"(?<![\w.])\d+(?:[. ]\d+)*")
_BSN_WORDS = re.compile(r"\b(bsn|burgerservicenummer|sofi-?nummer)\b", re.IGNORECASE)
_ORG_LABEL = re.compile(r"\b(rsin|kvk|agb)(?:[- ]?(?:nummer|nr|code))?\b\W{0,3}$", re.IGNORECASE)
_NEAR = 40  # characters around an 8-digit number in which a BSN word makes it a BSN


def elfproef(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a non-zero multiple of 11."""
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total != 0 and total % 11 == 0


def _candidates(run: str):
    """Every stretch of whole groups in a run whose digits add up to 8 or 9."""
    groups = re.split(r"[. ]", run)
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
    if not text:
        return False
    for match in _DIGIT_RUN.finditer(text):
        before = text[max(0, match.start() - 25):match.start()]
        if _ORG_LABEL.search(before):
            continue
        for digits in _candidates(match.group()):
            if len(digits) == 9 and elfproef(digits):
                return True
            if len(digits) == 8 and elfproef("0" + digits):
                window = text[max(0, match.start() - _NEAR):match.end() + _NEAR]
                if _BSN_WORDS.search(window):
                    return True
    return False
