"""The BSN guard of PRODUCT.md (Privacy and security), spelling by spelling.

111222333, 123456782 and RSIN 111222333 pass the elfproef; 123456789 does not. 8-digit numbers are
read with a leading zero: 12345611 passes (as 012345611), 12345672 passes. Every ordinary text
below that holds digits passing the elfproef has a control: the same text without the reason it
passes, which must be refused, so the table cannot pass by accident.
"""
from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import assume, example, given, settings, strategies as st

from domain.privacy import _FOLD, contains_bsn, elfproef, normalise

NBSP, THIN, NARROW_NBSP, FIGURE, IDEOGRAPHIC = "\u00a0", "\u2009", "\u202f", "\u2007", "\u3000"
ZWSP, SOFT_HYPHEN, WORD_JOINER = "\u200b", "\u00ad", "\u2060"


def fullwidth(digits: str) -> str:
    return "".join(chr(0xFF10 + int(d)) for d in digits)


def arabic_indic(digits: str) -> str:
    return "".join(chr(0x0660 + int(d)) for d in digits)


REFUSED = [
    # (text, the spelling it stands for)
    ("BSN 111222333", "plain, labelled"),
    ("cliënt 111222333 zonder plek", "9 digits passing the elfproef, no label"),
    ("zie 123456782.", "at the end of a sentence"),
    ("nummer 1112.22.333", "the official dotted form"),
    ("111 222 333 belt morgen", "spaces"),
    ("111-222-333", "hyphens"),
    ("111 - 222 - 333", "spaced hyphens"),
    ("111  222  333", "double spaces"),
    ("111\t222\t333", "tabs"),
    (f"111{NBSP}222{NBSP}333", "non-breaking space"),
    (f"111{THIN}222{THIN}333", "thin space"),
    (f"111{NARROW_NBSP}222{NARROW_NBSP}333", "narrow no-break space"),
    (f"111{FIGURE}222{FIGURE}333", "figure space"),
    (f"111{IDEOGRAPHIC}222{IDEOGRAPHIC}333", "ideographic space"),
    ("111\u2013222\u2013333", "en dashes"),
    ("111\u2011222\u2011333", "non-breaking hyphens"),
    ("111\u2212222\u2212333", "minus signs"),
    ("111\u00b7222\u00b7333", "middle dots"),
    (f"111{ZWSP}222{ZWSP}333", "zero-width spaces"),
    (f"111{SOFT_HYPHEN}222{SOFT_HYPHEN}333", "soft hyphens"),
    ("111\x00222\x00333", "NUL bytes"),
    (fullwidth("111222333"), "full-width digits"),
    (arabic_indic("111222333"), "Arabic-Indic digits"),
    ("𝟏𝟏𝟏𝟐𝟐𝟐𝟑𝟑𝟑", "mathematical bold digits"),
    ("".join(d + "\ufe0f\u20e3" for d in "111222333"), "keycap emoji digits"),
    ("bsn111222333", "a word glued to the digits"),
    ("x111222333y", "letters on both sides"),
    ("zaak 12 123456782", "a BSN after another number"),
    ("KvK 12345678 111222333", "a label covers only the number right after it"),
    ("+111222333", "a plus sign is not a phone number by itself"),
    ("06 111222333", "10+ digits in groups: the last group alone is a BSN"),
    ("cliënten 111222333,222333444", "a list without spaces is not an amount"),
    # 8 digits with a BSN word near (12345672 and 12345611 pass as 0xxxxxxxx)
    ("bsn: 12345672", "8 digits, labelled"),
    ("burgerservicenummer 1234 5672", "8 digits in groups"),
    ("sofinummer 12345672 onbekend", "sofinummer"),
    ("sofi-nummer 12345672", "sofi-nummer"),
    ("Burger service nummer: 12.34.56.72", "the words apart, dots"),
    ("citizen service number 12345672", "the English words"),
    ("12345611 is het BSN van de cliënt", "the word after the number"),
    ("ＢＳＮ ０１２３４５６７２", "full-width letters and digits"),
    ("b\u200bsn 12345672", "a zero-width space inside the word"),
    # right after a BSN word: 8 or 9 digits, even failing the elfproef
    ("BSN 123456789", "9 digits failing the elfproef, right after BSN"),
    ("BSN-nummer: 12345678", "8 digits failing the elfproef"),
    ("bsn nr. 1234 5678", "with nr."),
    ("BSN is 87654321", "with is"),
    ("BSN:\n123456789", "on the next line"),
    ("burgerservicenummer (12345678)", "in brackets"),
    ("BSN 01-02-2003", "a date right after BSN: a birth date is personal data too"),
    ("geen BSN: 2026-0412", "right after the word, even a case reference (the price of that rule)"),
    ("sofinr 12345678", "sofinr"),
    # any separators between the digits (issue 21): slashes, underscores, commas, more spaces, line breaks
    ("urgent jeugdige bsn 123/456/782", "slashes, after the word"),
    ("dossier 123/456/782", "slashes"),
    ("123 / 456 / 782", "spaced slashes"),
    ("123_456_782", "underscores"),
    ("123,456,782", "commas"),
    ("123, 456, 782", "commas and spaces"),
    ("123      456      782", "six spaces"),
    ("123\n456\n782", "a number over three lines"),
    ("1112\n22333", "a line break inside the number"),
    ("1,2/3_4 5\n6.7-8 2", "every separator at once"),
    ("tel 06-12345611/111222333", "a phone number does not cover the number after the slash"),
    ("€ 5,00 111222333", "an amount does not cover the number after it"),
    ("BSN\n123\n456\n789", "over lines right after the word, failing the elfproef"),
    ("cliënt 1343517,33 wacht", "seven digits and two after a comma are no amount without a currency"),
    ("cliënt 27312-57,46", "hyphens do not group thousands"),
    ("€ 111 - 222 - 333", "nor do spaced hyphens, after a euro sign"),
]

ACCEPTED = [
    # (text, why it passes, control: the text without that reason, refused; None when no digits
    #  pass the elfproef anyway)
    ("zaak 2026-0412", "a case reference", None),
    ("deadline 15-01-2027", "a date", None),
    ("123456789 werkt niet", "9 digits failing the elfproef", None),
    ("12345672 zonder het woord", "8 digits, no BSN word", "BSN onbekend, 12345672 zonder het woord"),
    ("000000000", "the elfproef needs a non-zero total", None),
    ("1111222333", "10 digits are not a BSN", "111222333"),
    ("bedrag 1.234.567", "7 digits", None),
    ("€ 1.234.567,89", "an amount", None),
    ("€ 111.222.333", "an amount: euro sign before", "111.222.333"),
    ("EUR 111222333", "an amount: EUR before", "111222333"),
    ("111.222.333,00 euro", "an amount: decimals after", "111.222.333 en 00 euro"),
    ("111.222.333,- per jaar", "an amount: ,- after", "111.222.333 per jaar"),
    ("RSIN 111222333", "an RSIN passes the elfproef by design", "111222333"),
    ("RSIN: 111 222 333", "labelled, in groups", "111 222 333"),
    ("KvK 12345672 en BSN onbekend", "KvK, even near the word BSN", "12345672 en BSN onbekend"),
    ("KvK-nummer: 12345611, geen BSN", "KvK-nummer", "nummer: 12345611, geen BSN"),
    ("kvk nr. 12345611 (geen bsn)", "kvk nr.", "nr. 12345611 (geen bsn)"),
    ("K.v.K. 111222333", "K.v.K.", "111222333"),
    ("kvk111222333", "glued to the label", "x111222333"),
    ("AGB-code 12345611, zonder BSN", "AGB-code", "code 12345611, zonder BSN"),
    ("AGB 111222333", "AGB", "ABG 111222333"),
    ("btw NL111222333B01", "a VAT id: NL + RSIN + B01", "btw NL111222333 B01"),
    ("+31 6 12345609", "a phone number with +31 (612345609 passes the elfproef)", "6 12345609"),
    ("+31 (0)20 1234506", "+31 (0)", "20 1234506"),
    ("0031 6 12345609", "0031", "0 6 12345609"),
    ("tel 06-12345611, BSN volgt", "a national mobile number near the word BSN", "tel 12345611, BSN volgt"),
    ("(020) 123 4567", "a national number with area code in brackets", None),
    ("telefoon 0612345678", "10 digits", None),
    ("1234 AB Tiel", "a postcode", None),
    ("om 10:30 en 14.15", "times", None),
    # 8 digits that pass the elfproef (as 0xxxxxxxx) near the word BSN, but are dates and such
    ("BSN aangevraagd op 08-01-2027", "a date dd-mm-yyyy", "BSN aangevraagd op 08012027"),
    ("BSN aangevraagd op 2026-11-11", "a date yyyy-mm-dd", "BSN aangevraagd op 20261111"),
    ("BSN-vrije periode 2024-2025", "a year range", "BSN-vrije periode 20242025"),
    ("geen BSN, zaak 2026-0404", "a year-prefixed case reference, the form the bot asks for",
     "geen BSN, zaak 20260404"),
    ("BSN-spreekuur 11.45-12.45", "a time range", "BSN-spreekuur 11451245"),
    ("geen BSN: gebruik zaak 2026-0404", "the number is not right after the word", "geen BSN: 2026-0404"),
    ("15/01/2027 en 1,5 uur", "a date and a decimal: too few digits", None),
    # every new separator has its own control (issue 21)
    ("deadline 08/01/2027 en BSN volgt", "a date with slashes near the word BSN", "deadline 08012027 en BSN volgt"),
    ("bedrag 1.112.223,33", "an amount: decimals after a comma", "bedrag 1.112.223.33"),
    ("bedrag 1.234.567,89", "an amount of 9 digits failing the elfproef anyway", None),
    ("1,112,223.33", "an English amount: commas for thousands, a dot before decimals", "1.112.223.33"),
    ("€ 111,222,333", "an amount: commas for thousands after a euro sign", "111,222,333"),
    ("€ 1343517,33", "an amount: decimals after a euro sign", "1343517,33"),
    ("tel 06-12345611/06-12345609, BSN volgt", "two phone numbers apart by a slash",
     "tel 12345611/06-12345609, BSN volgt"),
    ("06-12345611      06-12345609, BSN volgt", "two phone numbers apart by six spaces",
     "12345611      06-12345609, BSN volgt"),
    ("bestand zaak_2026_0404 zonder BSN", "a case reference with underscores", "bestand zaak_20260404 zonder BSN"),
    ("Tiel € 111.222.333\nBuren € 1.234.567", "amounts on lines of their own", "Tiel 111.222.333\nBuren 1.234.567"),
    ("Tiel € 111.222.333,\nBuren € 2.345.678", "amounts in a list", "Tiel 111.222.333,\nBuren 2.345.678"),
    ("jan@example.nl belde over 3 plekken", "ordinary text", None),
    ("Sofie 12345672", "a name is not the word sofinummer", "Sofi-nummer 12345672"),
    ("clubsnack 12345672", "bsn inside a longer word is not the word BSN", "club bsn 12345672"),
    ("", "empty", None),
]


@pytest.mark.parametrize(("text", "why"), REFUSED, ids=[why for _, why in REFUSED])
def test_refused(text, why):
    assert contains_bsn(text)


@pytest.mark.parametrize(("text", "why", "control"), ACCEPTED, ids=[why for _, why, _ in ACCEPTED])
def test_accepted(text, why, control):
    assert not contains_bsn(text)
    if control is not None:
        assert contains_bsn(control), "the control must be refused, or the example proves nothing"


@pytest.mark.parametrize("text", ["111 \t222", "BSN 06-12345678"])
def test_documented_boundaries(text):
    # 6 digits are not a BSN whatever the spacing; a 10-digit phone number right after BSN has no
    # 8- or 9-digit start (06, then 0612345678).
    assert not contains_bsn(text)


# The first guard's table (issue 8): the texts it was written against still get the same answer.
FIRST_GUARD_REFUSED = [
    "BSN 111222333", "cliënt 111222333 zonder plek", "nummer 1112.22.333", "111 222 333 belt morgen",
    "zie 123456782.", "bsn: 12345672", "burgerservicenummer 1234 5672", "sofinummer 12345672 onbekend",
    "zaak 12 123456782",
    # spellings that once passed (issue 8)
    "bsn111222333", "BSN:111222333", "111-222-333", "111\u00a0222\u00a0333", "111\u2009222\u2009333",
    "111\u202f222\u202f333", "111  222  333", "111\t222\t333", "111–222–333", "１１１２２２３３３",
    # a labelled number is refused even when it fails the elfproef: a mistyped BSN is still a BSN
    "BSN 123456789", "bsn: 12345678", "burgerservicenummer: 987.654.321", "sofi-nummer 12 34 56 78",
]
FIRST_GUARD_ACCEPTED = [
    "zaak 2026-0412", "deadline 15-01-2027", "15.01.2027", "2026-11-25", "RSIN 111222333", "rsin: 111222333",
    "KvK 12345672 en verder", "KvK-nummer 111222333", "AGB-code 12345672", "telefoon 0612345678",
    "tel 06-12345678", "123456789 werkt niet (geen elfproef)", "12345672 zonder het woord", "000000000",
    "bedrag 1.234.567", "€ 1.234.567,89", "1111222333", "postcode 4001 AB Tiel", "om 10:30 uur",
    "zaken 2026-0412 en 2026-0415", "Wachtlijst ambulant: 37 jeugdigen, 12 weken",
]


@pytest.mark.parametrize("text", FIRST_GUARD_REFUSED + ["+00 111222333"])  # no country code starts with 0
def test_first_guard_refused(text):
    assert contains_bsn(text)


@pytest.mark.parametrize("text", FIRST_GUARD_ACCEPTED)
def test_first_guard_accepted(text):
    assert not contains_bsn(text)


def test_elfproef():
    assert elfproef("111222333") and elfproef("123456782")
    assert not elfproef("123456789") and not elfproef("000000000")


def test_normalise_folds_for_matching_only():
    assert normalise(f" {fullwidth('12')}{NBSP}3\u20134{ZWSP}5 ") == "12 3-45"
    assert normalise("café") == "café"  # letters keep their accents
    assert normalise(arabic_indic("07")) == "07"


def test_the_fold_table_covers_all_of_unicode():
    """_FOLD scans planes 0, 1 and the start of 14 at import; nothing it folds lies elsewhere."""
    for cp in range(0x20000, 0x110000):
        if 0xE0000 <= cp < 0xE0200:
            continue
        assert unicodedata.category(chr(cp)) not in ("Nd", "Pd", "Cf", "Mn", "Me", "Zs", "Zl", "Zp"), hex(cp)
    assert _FOLD[0x0663] == ord("3") and _FOLD[0x2010] == ord("-") and _FOLD[0x200B] is None


# -- properties --------------------------------------------------------------------------------------

def _with_check_digit(first8: list[int]) -> str | None:
    """The 9-digit number starting with these 8 digits that passes the elfproef, if there is one."""
    total = sum(d * w for d, w in zip(first8, (9, 8, 7, 6, 5, 4, 3, 2)))
    last = total % 11
    if last == 10 or total - last == 0:
        return None
    return "".join(map(str, first8)) + str(last)


@st.composite
def bsns(draw) -> str:
    number = _with_check_digit(draw(st.lists(st.integers(0, 9), min_size=8, max_size=8)))
    assume(number is not None)
    assert elfproef(number)
    return number


GROUPINGS = [(9,), (3, 3, 3), (4, 2, 3), (2, 2, 2, 3), (3, 2, 2, 2), (3, 6), (6, 3), (1, 8), (2, 3, 4)]
SEPARATORS = [" ", ".", "-", "  ", " - ", "\t", " \t", "/", " / ", "_", ",", ", ", "\n", " \n", "      ", ",\n", NBSP, THIN, NARROW_NBSP, FIGURE, IDEOGRAPHIC,
              "\u2013", "\u2014", "\u2011", "\u2212", "\uff0d", "\u00b7", "\uff0e", ZWSP, SOFT_HYPHEN,
              WORD_JOINER, "\x00", "\x01", "", " . "]
DIGIT_FORMS = [str, lambda d: chr(0xFF10 + int(d)), lambda d: chr(0x0660 + int(d)),
               lambda d: chr(0x0966 + int(d)), lambda d: chr(0x1D7CE + int(d)), lambda d: d + "\ufe0f\u20e3"]


def spell(number: str, grouping: tuple[int, ...], separator: str, forms: list) -> str:
    digits = [form(d) for form, d in zip(forms, number)]
    groups, position = [], 0
    for size in grouping:
        groups.append("".join(digits[position:position + size]))
        position += size
    return separator.join(groups)


@settings(max_examples=400)
@given(number=bsns(), grouping=st.sampled_from(GROUPINGS), separator=st.sampled_from(SEPARATORS),
       forms=st.lists(st.sampled_from(DIGIT_FORMS), min_size=9, max_size=9),
       before=st.text(max_size=40), after=st.text(max_size=40))
@example(number="111222333", grouping=(3, 3, 3), separator=NBSP, forms=[str] * 9, before="", after="")
def test_any_bsn_is_refused_in_any_spelling_inside_any_text(number, grouping, separator, forms, before, after):
    # " over " and " is " keep the surrounding text from labelling the number (an RSIN label or a
    # euro sign right before it would rightly let it pass).
    assert contains_bsn(f"{before} over {spell(number, grouping, separator, forms)} is {after}")


NO_DIGITS = st.text(max_size=40).filter(lambda text: not re.search("[0-9]", normalise(text)))
LABELS = ["RSIN", "RSIN:", "rsin-nummer", "KvK", "KvK:", "KvK-nummer", "kvk nr.", "K.v.K.", "Kamer van Koophandel",
          "AGB", "AGB-code", "agb code:"]


@settings(max_examples=200)
@given(label=st.sampled_from(LABELS), number=bsns(), eight=st.booleans(), separator=st.sampled_from([" ", "", ": "]),
       before=NO_DIGITS, after=NO_DIGITS)
def test_a_labelled_organisation_number_passes(label, number, eight, separator, before, after):
    if eight:  # KvK and AGB numbers have 8 digits; make one that passes the elfproef as 0xxxxxxxx
        number = _with_check_digit([0] + [int(d) for d in number[1:8]])
        assume(number is not None)
        number = number[1:]
    assert not contains_bsn(f"{before} aanbieder {label}{separator}{number} contract {after}")


SPELLING_ALPHABET = st.sampled_from(list("0123456789 .-+(),€:/\t\n") + ["bsn", "kvk", "BSN ", "\u00a0", "１", "٣", "\x00"])


@settings(max_examples=500)
@given(st.one_of(st.text(), st.lists(SPELLING_ALPHABET, max_size=60).map("".join)))
def test_never_raises(text):
    assert contains_bsn(text) in (True, False)


# -- speed ---------------------------------------------------------------------------------------------

ORDINARY_LINE = ("Wachtlijst ambulante hulp loopt op in Tiel, zaak 2026-0412, deadline 15-01-2027, € 1.234.567,89, "
                 "KvK 12345672, tel 06-12345678, overleg 10.30-12.00 met wethouder over tarieven 2028.")


def _seconds_per_call(text: str, calls: int) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for _ in range(calls):
            contains_bsn(text)
        best = min(best, (time.perf_counter() - began) / calls)
    return best


# Catastrophic backtracking takes seconds to hours on such inputs; the guard takes well under a
# millisecond (~0.04 ms for 200 characters, ~0.9 ms for 1000 groups). The bounds leave room for a
# loaded CI machine: this test is about the shape of the pattern, not about speed.
@pytest.mark.parametrize(("text", "limit"), [
    (ORDINARY_LINE[:200], 0.05),
    ((ORDINARY_LINE * 11)[:2000], 0.25),
    ("1 " * 1000, 0.25),                                # the worst shape: 1000 groups
    ("1.-" * 666, 0.25),
    ("1" + " . - " * 399, 0.25),                        # separators that lead nowhere: no backtracking
    (("bsn 1234 " * 250)[:2000], 0.25),
    ("1," * 1000, 0.25),                                # 1000 numbers of one digit, each its own
    ("1" + " ,/_\n" * 399, 0.25),
    ("06-12345611/" * 166, 0.25),                        # phone numbers that pass the elfproef
    ("€ 111.222.333,00 " * 117, 0.25),                   # amounts that pass it
], ids=["200 chars", "2000 chars", "1000 groups", "dots and hyphens", "separators only", "bsn words",
        "1000 loose groups", "new separators only", "phone numbers", "amounts"])
def test_fast_and_no_backtracking(text, limit):
    assert _seconds_per_call(text, 20) < limit


@pytest.mark.parametrize("text,refused", [
    # A newcomer's trial found these stored: the label spelled with dots, or a few words away.
    ("urgent b.s.n. 123456789", True),
    ("urgent Kind B.S.N. 12345678", True),
    ("urgent Kind met bsn van moeder 123456789", True),
    ("bsn van de moeder: 12345678", True),
    ("B. S. N. 123456789", True),
    # What the refusal asks people to write instead stays allowed.
    ("geen bsn maar zaaknummer 20260412", False),
    ("bsn niet opslaan, zaak 20260412", False),
    ("webs n 12345678", False),
])
def test_the_label_spelled_with_dots_or_followed_by_whose_number_it_is(text, refused):
    assert contains_bsn(text) is refused
