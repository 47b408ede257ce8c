"""clean(): what free text typed by a user goes through before it is checked or stored."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from domain.text_input import clean

CASES = [
    # (typed, stored, why)
    ("Tarieven 2028", "Tarieven 2028", "ordinary text is untouched"),
    ("  Tarieven 2028 \n", "Tarieven 2028", "leading and trailing whitespace stripped"),
    ("twee  spaties", "twee  spaties", "double spaces inside the text stay"),
    ("a\x00b", "ab", "NUL removed (PostgreSQL refuses it)"),
    ("a\x01\x07\x1b[31mb", "a[31mb", "other C0 controls removed, the rest of an escape sequence is text"),
    ("a\x7fb\x9bc", "abc", "DEL and C1 controls removed"),
    ("a\x0bb\x0cc", "abc", "vertical tab and form feed are controls too"),
    ("regel 1\r\nregel 2\rregel 3", "regel 1\nregel 2\nregel 3", "one kind of line break"),
    ("a\u0085b\u2028c\u2029d", "a\nb\nc\nd", "Unicode's line and paragraph separators are line breaks"),
    ("kolom\tkolom", "kolom kolom", "a tab is a space"),
    ("a\u00a0b", "a b", "non-breaking space"),
    ("a\u2009b\u202fc\u2007d", "a b c d", "thin, narrow no-break and figure space"),
    ("a\u3000b\u205fc\u1680d", "a b c d", "ideographic, medium mathematical and ogham space"),
    ("e\u0301", "\u00e9", "NFC: a letter and its combining accent become one"),
    ("e\x00\u0301", "\u00e9", "controls go before NFC, so what they separated composes"),
    ("\uff11\uff12\uff13 \ufb01", "\uff11\uff12\uff13 \ufb01", "no NFKC: full-width digits and ligatures stay as typed"),
    ("\U0001F469\u200d\U0001F469\u200d\U0001F467", "\U0001F469\u200d\U0001F469\u200d\U0001F467",
     "a zero-width joiner inside an emoji stays"),
    ("a\u200bb\ufeff", "ab", "a pasted zero-width space or byte-order mark is removed"),
    ("a\u2060b\u00adc", "a\u2060b\u00adc", "other invisible format characters are kept (the BSN check ignores them)"),
    ("a\ud800b", "a\ufffdb", "a lone surrogate cannot be stored: the replacement character"),
    ("<!channel> & <@U123>", "<!channel> & <@U123>", "no Slack escaping here: that is views.slack_text"),
    ("", "", "empty"),
    (" \t\r\n\u00a0\x00 ", "", "nothing but whitespace and controls"),
]


@pytest.mark.parametrize(("typed", "stored", "why"), CASES, ids=[why for _, _, why in CASES])
def test_clean(typed, stored, why):
    assert clean(typed) == stored


@settings(max_examples=500)
@given(st.text())
def test_properties(text):
    cleaned = clean(text)
    assert clean(cleaned) == cleaned  # idempotent
    assert cleaned == cleaned.strip()
    assert unicodedata.is_normalized("NFC", cleaned)
    cleaned.encode("utf-8")  # storable: no lone surrogates
    for char in cleaned:
        category = unicodedata.category(char)
        assert category != "Cc" or char == "\n", repr(char)
        assert category != "Zs" or char == " ", repr(char)
        assert category not in ("Zl", "Zp", "Cs"), repr(char)


@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
def test_printable_ascii_is_kept_as_typed(text):
    assert clean(f" {text}  {text} ") == f"{text}  {text}".strip()


def test_every_space_separator_is_known():
    """The table lists the space separators below U+3001; there are none above."""
    assert all(unicodedata.category(chr(cp)) != "Zs" for cp in range(0x3001, 0x110000))


def test_bidirectional_controls_are_removed_so_nothing_after_a_title_is_reversed():
    assert clean("besluit \u202eTarieven\u202c 2028") == "besluit Tarieven 2028"
    assert clean("urgent \u2067Wacht\u2069lijst\u202e") == "urgent Wachtlijst"
    assert clean("Tarieven\u200e \u200fjeugd\u061c") == "Tarieven jeugd"
    assert clean("مرحبا Tiel") == "مرحبا Tiel"  # right-to-left letters themselves stay
