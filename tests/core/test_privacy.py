"""The BSN guard of PRODUCT.md, read as a table: what is refused, what passes."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings, strategies as st

from core.privacy import contains_bsn, elfproef

REFUSED = [
    "BSN 111222333", "cliënt 111222333 zonder plek", "nummer 1112.22.333", "111 222 333 belt morgen",
    "zie 123456782.", "bsn: 12345672", "burgerservicenummer 1234 5672", "sofinummer 12345672 onbekend",
    "zaak 12 123456782",
    # spellings that once passed (issue 8)
    "bsn111222333", "BSN:111222333", "111-222-333", "111\u00a0222\u00a0333", "111\u2009222\u2009333",
    "111\u202f222\u202f333", "111  222  333", "111\t222\t333", "111–222–333", "１１１２２２３３３",
    # a labelled number is refused even when it fails the elfproef: a mistyped BSN is still a BSN
    "BSN 123456789", "bsn: 12345678", "burgerservicenummer: 987.654.321", "sofi-nummer 12 34 56 78",
]
ACCEPTED = [
    "zaak 2026-0412", "deadline 15-01-2027", "15.01.2027", "2026-11-25", "RSIN 111222333", "rsin: 111222333",
    "KvK 12345672 en verder", "KvK-nummer 111222333", "AGB-code 12345672", "telefoon 0612345678",
    "tel 06-12345678", "123456789 werkt niet (geen elfproef)", "12345672 zonder het woord", "000000000",
    "bedrag 1.234.567", "€ 1.234.567,89", "1111222333", "postcode 4001 AB Tiel", "om 10:30 uur",
    "zaken 2026-0412 en 2026-0415", "Wachtlijst ambulant: 37 jeugdigen, 12 weken",
]


@pytest.mark.parametrize("text", REFUSED)
def test_bsn_is_found(text):
    assert contains_bsn(text)


@pytest.mark.parametrize("text", ACCEPTED)
def test_other_numbers_pass(text):
    assert not contains_bsn(text)


def test_elfproef():
    assert elfproef("111222333") and elfproef("123456782")
    assert not elfproef("123456789") and not elfproef("000000000")


def _valid_bsn(rand: random.Random) -> str:
    while True:
        digits = "".join(str(rand.randint(0, 9)) for _ in range(9))
        if elfproef(digits):
            return digits


SEPARATORS = ["", " ", ".", "-", "\u00a0", "\u2009", "\u202f", "  ", "\t", "–"]


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 10**9), separator=st.sampled_from(SEPARATORS), grouping=st.sampled_from(
    [(9,), (3, 3, 3), (4, 2, 3), (2, 3, 4)]), before=st.text(max_size=30), after=st.text(max_size=30))
def test_any_bsn_in_any_spelling_and_any_surroundings_is_refused(seed, separator, grouping, before, after):
    digits = _valid_bsn(random.Random(seed))
    groups, i = [], 0
    for size in grouping:
        groups.append(digits[i:i + size])
        i += size
    text = f"{before} {separator.join(groups)} {after}"
    labelled = any(label in before.lower()[-12:] for label in ("rsin", "kvk", "agb"))
    assert contains_bsn(text) or labelled


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_an_exception(text):
    assert contains_bsn(text) in (True, False)
