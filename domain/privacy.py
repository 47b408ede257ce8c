"""The privacy guard: Regiowacht never stores a resident's BSN (burgerservicenummer).

PRODUCT.md, "Privacy and security", is the rule. How it is read here:

* The text is normalised ONCE (`normalise`) and only for matching: domain.text_input.clean (controls
  out, every Unicode space a space, line breaks "\\n"), then NFKC (full-width and other compatibility
  digits, letters and punctuation become ASCII), then every other decimal digit (Arabic-Indic,
  Devanagari, ...) an ASCII digit, every dash and minus "-", middle dots and bullets ".", and
  invisible characters (zero-width space, soft hyphen, word joiner, bidi marks, combining marks such
  as the keycap in 1️⃣) removed. What is stored is never this folded text.
* A number is a run of digit groups separated by 1 to 4 of space, dot and hyphen ("111 222 333",
  "1112.22.333", "111 - 222 - 333", "111  222\\t333"); "(0)" inside a phone number counts as a
  separator. Commas and slashes do not separate groups: "1.234.567,89" and "15/01/2027" are an
  amount and a date. A line break ends a number. Letters around a number do not hide it:
  "bsn111222333" and "x111222333y" are numbers.
* The BSN words: "BSN" (not inside a longer word: "clubsnack" is not one), "burgerservicenummer"
  (also "burger service nummer"), "sofinummer", "sofi-nummer", "sofinr", and, for the English
  interface, "citizen service number". Case and full-width letters do not matter.
* Every stretch of whole groups with 8 or 9 digits is a candidate ("zaak 12 123456782" holds one).
  9 digits passing the elfproef: a BSN. 8 digits, read with a leading zero, passing the elfproef:
  a BSN only when a BSN word stands within 40 characters of the number.
* 8 or 9 digits right after a BSN word (only spaces, punctuation and "nr", "nummer", "is" between):
  a BSN, whatever the elfproef says. This rule has no exceptions, not even a date ("BSN 01-02-2003"
  is refused: after that word it is a birth date or a BSN, personal data either way). The price:
  "geen BSN: 2026-0412" is refused too, while "geen BSN, zaak 2026-0412" passes.
* Not a BSN, except right after a BSN word:
  - a number labelled as an organisation number right before it: RSIN, KvK (also "K.v.K.",
    "Kamer van Koophandel"), AGB, with an optional "-nummer", "nr", "code" and ":"; and the
    Dutch VAT id shape NL123456789B01, whose 9 digits are an organisation's RSIN. The label covers
    the candidates that start at the first group: "KvK 12345678 111222333" is still refused;
  - a phone number by its shape, not by a label (a label would let "tel 111222333" through, and a
    9-digit number is never a Dutch phone number): "+" and 11-15 digits ("+31 6 12345678",
    "+31 (0)20 123 4567"), "00" and a country code, 11-17 digits ("0031 6 12345678"), or 10 digits
    starting with an area code ("06-12345678", "020 123 4567");
  - an amount: "€", "EUR" or "euro" before it, or ",-", two decimals or "euro" after it, when its
    groups look like an amount (one group, or thousands in groups of 3);
  - for the 8-digit rule only: a date (dd-mm-yyyy, yyyy-mm-dd), a year range (2026-2027), a
    year-prefixed case reference (2026-0412, the form the bot asks for) and a time range
    (10.30-12.00), so "geen BSN, zaak 2026-0412" and "BSN-aanvraag 15-01-2027" pass.

Everything is linear: the run pattern has no nested ambiguous repetition, each run is split once and
each group starts at most two candidates.
"""
from __future__ import annotations

import re
import unicodedata
from operator import mul

from domain.text_input import clean

_NEAR = 40  # characters around an 8-digit number in which a BSN word makes it a BSN
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_BY_SIZE = {9: (_WEIGHTS, 48 * sum(_WEIGHTS)), 8: (_WEIGHTS[1:], 48 * sum(_WEIGHTS[1:]))}  # 48: ord("0")


def _fold_table() -> dict[int, int | None]:
    """What NFKC leaves for the check to fold: other digits, dashes, dots, invisible characters."""
    table: dict[int, int | None] = {}
    # Decimal digits, dashes and invisible characters lie in planes 0 and 1 and the tags and
    # variation selectors of plane 14 (tests/core/test_privacy.py checks this against all of Unicode).
    for cp in (*range(0x80, 0x20000), *range(0xE0000, 0xE0200)):
        char = chr(cp)
        category = unicodedata.category(char)
        if category == "Nd":
            table[cp] = ord("0") + unicodedata.decimal(char)
        elif category == "Pd":
            table[cp] = ord("-")
        elif category in ("Cf", "Mn", "Me"):
            table[cp] = None
        elif category in ("Zs", "Zl", "Zp"):  # clean() already did these; NFKC may make U+2002 again
            table[cp] = ord(" ") if category == "Zs" else ord("\n")
    for cp in (0x2212, 0x2043, 0x2796, 0xFE63, 0xFF0D):  # minus signs and hyphens outside Pd
        table[cp] = ord("-")
    for cp in (0x00B7, 0x2022, 0x2027, 0x2219, 0x22C5, 0x2E31, 0x30FB, 0x3002, 0xFF0E, 0xFF61, 0xFF65):
        table[cp] = ord(".")  # middle dots, bullets, ideographic full stops
    return table


_FOLD = _fold_table()

_GAP = r"""[ \n:.#=\-('"‘’“”\[]{0,4}"""  # what may stand between a label and its number
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
# Each pattern starts with a lookahead of its possible first letters: a search then skips quickly to
# them instead of trying the lookbehind at every position (3x faster on ordinary text).
_BSN_WORD = (r"(?=[bsc])" + _NOT_AFTER_LETTER + r"(?:b[. ]{0,2}s[. ]{0,2}n\.?|burger[ \-]?service[ \-]?nummer"
             r"|sofi[ \-]?(?:nummer|nr)|citizen[ \-]service[ \-]number)")
# Words that may stand between the label and its number without making it another number: "bsn
# van de moeder 123456789" is a BSN; "geen bsn maar zaaknummer 20260412" is a case reference.
_WHOSE = r"(?:(?:van|de|het|der|den|zijn|haar|moeder|vader|ouder|ouders|kind|jeugdige|client|cliënt|is|was)[ :]{1,3}){0,3}"
_BSN_WORD_RE = re.compile(_BSN_WORD, re.IGNORECASE)
_BSN_BEFORE = re.compile(_BSN_WORD + r"(?:[ \-]?(?:nummer|nr|number|no))?" + _GAP + _WHOSE
                         + r"(?:(?:nr|nummer|number|no|is)" + _GAP + r")?\Z", re.IGNORECASE)
_ORG_BEFORE = re.compile(r"(?=[rka])" + _NOT_AFTER_LETTER + r"(?:rsin|kvk|k\.v\.k\.?|agb|kamer van koophandel)"
                         r"(?:[ \-]?(?:nummer|nr|no|code|id)\.?)?" + _GAP + r"\Z", re.IGNORECASE)
_VAT_BEFORE = re.compile(r"(?=n)" + _NOT_AFTER_LETTER + r"nl\Z", re.IGNORECASE)
_VAT_AFTER = re.compile(r"b[0-9]{2}(?![0-9])", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?=[€$£e])(?:[€$£]|" + _NOT_AFTER_LETTER + r"euro?) {0,2}\Z", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r",(?:-|[0-9]{2}(?![0-9]))| ?(?:€|euro?\b)", re.IGNORECASE)

_SEP = r"(?:[ .\-]{1,4}|[ .\-]{0,2}\(0\)[ .\-]{0,2})"
_RUN = re.compile(r"(?=[+0-9])(?<![0-9])(\+?)([0-9]+(?:" + _SEP + r"[0-9]+)*)")
_GROUP = re.compile(r"[0-9]+")
_DIGIT = re.compile(r"[0-9]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold(match: re.Match) -> str:
    return match.group().translate(_FOLD)


def normalise(text: str) -> str:
    """The one normalisation before the check (see the module's docstring). For matching only."""
    text = clean(text)
    if text.isascii():
        return text
    # Only the non-ASCII stretches need the table: Dutch text has a few "é" and "€", not hundreds.
    return _NON_ASCII.sub(_fold, unicodedata.normalize("NFKC", text))


def elfproef(digits: str) -> bool:
    """The BSN check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a non-zero multiple of 11."""
    total = sum(int(d) * w for d, w in zip(digits, _WEIGHTS))
    return total != 0 and total % 11 == 0


def _is_phone(plus: bool, groups: list[str], total: int) -> bool:
    first = groups[0]
    if plus:  # no country code starts with 0
        return 11 <= total <= 15 and first[0] != "0"
    if first.startswith("00") and len(first) >= 3 and first[2] != "0":
        return 11 <= total <= 17
    return total == 10 and 2 <= len(first) <= 4 and first[0] == "0" and first[1] != "0"


def _looks_like_amount(groups: list[str]) -> bool:
    return len(groups) == 1 or (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))


def _calendar_like(groups: list[str]) -> bool:
    """A date, a year range, a year-prefixed case reference or a time range of 8 digits."""
    sizes = tuple(len(g) for g in groups)
    values = [int(g) for g in groups]
    if sizes == (2, 2, 4):
        day, month, year = values
        return 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2199
    if sizes == (4, 2, 2):
        year, month, day = values
        return 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2199
    if sizes == (4, 4):
        return 1900 <= values[0] <= 2199
    if sizes == (2, 2, 2, 2):
        return values[0] < 24 and values[1] < 60 and values[2] < 24 and values[3] < 60
    return False


def _elfproef_at(codes: bytes, start: int, size: int) -> bool:
    """elfproef of the `size` (8 or 9) ASCII digits at codes[start:]; 8 digits are read with a
    leading zero. The inner loop of contains_bsn, so on byte codes: each code is its digit + 48."""
    weights, bias = _BY_SIZE[size]
    total = sum(map(mul, codes[start:start + size], weights)) - bias
    return total != 0 and total % 11 == 0


def contains_bsn(text: str) -> bool:
    """True when the text holds what must be treated as a BSN (see PRODUCT.md and the module's
    docstring). Never raises on a str."""
    if not text:
        return False
    folded = normalise(text)
    if not _DIGIT.search(folded):
        return False
    has_word = _BSN_WORD_RE.search(folded) is not None
    for run in _RUN.finditer(folded):
        groups = _GROUP.findall(run.group(2).replace("(0)", " "))
        total = sum(len(g) for g in groups)
        if total < 8:
            continue
        start, end = run.start(), run.end()
        before = folded[max(0, start - 40):start]
        if has_word and _BSN_BEFORE.search(before):
            size = 0
            for group in groups:
                size += len(group)
                if size in (8, 9):
                    return True
                if size > 9:
                    break
        after = folded[end:end + 8]
        if _is_phone(bool(run.group(1)), groups, total):
            continue
        if (_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after)) and _looks_like_amount(groups):
            continue
        labelled = bool(_ORG_BEFORE.search(before)) or (
            len(groups) == 1 and bool(_VAT_BEFORE.search(before)) and bool(_VAT_AFTER.match(after)))
        near_word = None  # looked up once per run, when needed
        codes = "".join(groups).encode("ascii")
        offsets = [0]
        for group in groups:
            offsets.append(offsets[-1] + len(group))
        group_at = {offset: index for index, offset in enumerate(offsets)}
        # Every stretch of whole groups with 8 or 9 digits: from each group, at most two.
        for first in range(len(groups)):
            if labelled and first == 0:
                continue
            for size in (9, 8) if has_word else (9,):
                last = group_at.get(offsets[first] + size)
                if last is None or not _elfproef_at(codes, offsets[first], size):
                    continue
                if size == 9:
                    return True
                if not _calendar_like(groups[first:last]):
                    if near_word is None:
                        near_word = bool(_BSN_WORD_RE.search(folded, max(0, start - _NEAR), end + _NEAR))
                    if near_word:
                        return True
    return False
