"""The BSN guard of PRODUCT.md: 9 digits passing the elfproef, or 8 digits near the word BSN."""
from __future__ import annotations

import pytest

from core.privacy import contains_bsn, elfproef


@pytest.mark.parametrize("text", [
    "BSN 111222333", "cliënt 111222333 zonder plek", "nummer 1112.22.333", "111 222 333 belt morgen",
    "zie 123456782.", "bsn: 12345672", "burgerservicenummer 1234 5672", "sofinummer 12345672 onbekend",
    "zaak 12 123456782",
])
def test_bsn_is_found(text):
    assert contains_bsn(text)


@pytest.mark.parametrize("text", [
    "zaak 2026-0412", "deadline 15-01-2027", "RSIN 111222333", "KvK 12345672 en verder", "AGB-code 12345672",
    "telefoon 0612345678", "123456789 werkt niet (geen elfproef)", "12345672 zonder het woord", "000000000",
    "bedrag 1.234.567", "1111222333",
])
def test_other_numbers_pass(text):
    assert not contains_bsn(text)


def test_elfproef():
    assert elfproef("111222333") and elfproef("123456782")
    assert not elfproef("123456789") and not elfproef("000000000")
