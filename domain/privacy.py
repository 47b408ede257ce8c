"""The privacy guard: Regiowacht never stores a resident's BSN (burgerservicenummer).

PRODUCT.md, "Privacy and security", is the rule. How it is read here:

* The text is normalised ONCE (`normalise`) and only for matching: domain.text_input.clean (controls
  out, every Unicode space a space, line breaks "\\n"), then NFKC (full-width and other compatibility
  digits, letters and punctuation become ASCII), then every other decimal digit (Arabic-Indic,
  Devanagari, ...) an ASCII digit, every dash and minus "-", middle dots and bullets ".", and
  invisible characters (zero-width space, soft hyphen, word joiner, bidi marks, combining marks such
  as the keycap in 1️⃣) removed. What is stored is never this folded text.
* A number is a run of digit groups with any separators between them: any run of spaces, dots,
  hyphens, slashes, underscores, commas and line breaks ("111 222 333", "1112.22.333",
  "123/456/782", "123_456_782", "123,456,782", "111      222\n333"); "(0)" inside a phone number
  counts as a separator. Letters around a number do not hide it: "bsn111222333" and "x111222333y"
  are numbers.
* How the number is written decides the exceptions below (a phone number, an amount): its groups
  apart by one to four spaces, dots or hyphens, or a comma before three digits (thousands). Any
  other separator lies between two written numbers, so "06-12345611/06-12345609" is two phone
  numbers and "123/456/782" is three short numbers that make one BSN.
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
  - an amount: "€", "EUR" or "euro" before it, or ",-" or "euro" after it, or two decimals after a
    comma when its thousands are grouped ("1.112.223,33", not "1343517,33"), when its groups look
    like an amount (one group, or thousands in groups of 3 apart by dots, commas or spaces, with or
    without two decimals); the decimals after a comma belong to it. "1,112,223.33" (commas for
    thousands, a dot before two decimals) is an amount by its shape alone;
  - for the 8-digit rule only: a date (dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd), a year range (2026-2027), a
    year-prefixed case reference (2026-0412, the form the bot asks for) and a time range
    (10.30-12.00), so "geen BSN, zaak 2026-0412" and "BSN-aanvraag 15-01-2027" pass.

Everything is linear: the run pattern has no nested ambiguous repetition (separators are matched
possessively), each run is split once, each group starts at most two candidates, and how a run is
written is looked at once, only when one of its candidates passes the elfproef.
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
    # variation selectors of plane 14 (tests/domain/test_privacy.py checks this against all of Unicode).
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
_CURRENCY_AFTER = re.compile(r",-| ?(?:€|euro?\b)", re.IGNORECASE)  # whole euros (",-"), or the currency
_DECIMALS_AFTER = re.compile(r",[0-9]{2}(?![0-9])")

# Between the digits of a number: any run of these (PRODUCT.md: "any separators"), or "(0)".
# Possessive, so a long run of separators leading nowhere is tried once.
_SEPARATOR = r"[ .\-/_,\n]"
_SEP = rf"(?:{_SEPARATOR}++|{_SEPARATOR}*+\(0\){_SEPARATOR}*+)"
_RUN = re.compile(r"(?=[+0-9])(?<![0-9])(\+?)([0-9]+(?:" + _SEP + r"[0-9]+)*+)")
# How one number is written (a phone number, an amount): its groups apart by a few spaces, dots or
# hyphens. A comma, slash, underscore, line break or more space lies between two numbers, unless
# the digits around it make a BSN.
_TIGHT = re.compile(r"[ .\-]{1,4}|[ .\-]{0,2}\(o\)[ .\-]{0,2}")
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


def _looks_like_amount(groups: list[str], separators: list[str]) -> bool:
    """One group, or thousands in groups of three apart by a dot, comma or space; either with two
    decimals after a dot ("1,112,223.33")."""
    if len(groups) > 1 and len(groups[-1]) == 2 and separators[-1] == ".":
        groups, separators = groups[:-1], separators[:-1]
    return len(groups) == 1 or (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
                                and all(s in (".", ",", " ") for s in separators))


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


class _Run:
    """One run of digit groups, and which of its stretches are written as a phone number or an
    amount (looked up only when a candidate needs it)."""

    def __init__(self, folded: str, match: re.Match):
        self.folded, self.plus = folded, bool(match.group(1))
        self.start, self.end = match.start(), match.end()
        written = match.group(2).replace("(0)", "(o)")  # the 0 of "(0)" is no group; same length
        found = list(_GROUP.finditer(written))
        offset = match.start(2)
        self.groups = [m.group() for m in found]
        self.spans = [(offset + m.start(), offset + m.end()) for m in found]
        self.separators = [written[a.end():b.start()] for a, b in zip(found, found[1:])]
        # A comma before three digits is a thousands separator (English: "€ 111,222,333").
        self.tight = [bool(_TIGHT.fullmatch(sep)) or (sep == "," and len(group) == 3)
                      for sep, group in zip(self.separators, self.groups[1:])]
        self._covered_to: list[int] | None = None  # per group: where the phone number or amount it is in ends

    def exempt(self, first: int, last: int) -> bool:
        """Whether groups first..last-1 lie inside one phone number or amount."""
        if self._covered_to is None:
            self._covered_to = [-1] * len(self.groups)
            for a, b in self._written_numbers():
                self._covered_to[a:b] = [b] * (b - a)
        return self._covered_to[first] >= last

    def _written_numbers(self):
        """(first, last) of each stretch that is a phone number or an amount; an amount's decimals
        after a comma ("1.112.223,33") belong to it."""
        first = 0
        for index in range(len(self.groups)):
            if index < len(self.tight) and self.tight[index]:
                continue
            last = index + 1
            groups = self.groups[first:last]
            begin, end = self.spans[first][0], self.spans[index][1]
            before = self.folded[max(0, begin - 40):begin]
            after = self.folded[end:end + 8]
            separators = self.separators[first:index]
            english = (len(groups) > 2 and separators[-1] == "." and len(groups[-1]) == 2
                       and set(separators[:-1]) == {","})  # 1,112,223.33: an amount by its shape
            # Decimals alone do not make money of one group: "1343517,33" may be a BSN written apart.
            decimals = bool(_DECIMALS_AFTER.match(after))
            money = _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.match(after) or (decimals and len(groups) > 1)
            if _is_phone(self.plus and first == 0, groups, sum(len(g) for g in groups)):
                yield first, last
            elif english and _looks_like_amount(groups, separators):
                yield first, last
            elif money and _looks_like_amount(groups, separators):
                yield first, last + (decimals and last < len(self.groups) and len(self.groups[last]) == 2)
            first = last


def contains_bsn(text: str) -> bool:
    """True when the text holds what must be treated as a BSN (see PRODUCT.md and the module's
    docstring). Never raises on a str."""
    if not text:
        return False
    folded = normalise(text)
    if not _DIGIT.search(folded):
        return False
    has_word = _BSN_WORD_RE.search(folded) is not None
    for match in _RUN.finditer(folded):
        if len(match.group(2)) < 8:
            continue
        run = _Run(folded, match)
        groups = run.groups
        if sum(len(g) for g in groups) < 8:
            continue
        start, end = run.start, run.end
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
                if run.exempt(first, last):
                    continue
                if size == 9:
                    return True
                if not _calendar_like(groups[first:last]):
                    if near_word is None:
                        near_word = bool(_BSN_WORD_RE.search(folded, max(0, start - _NEAR), end + _NEAR))
                    if near_word:
                        return True
    return False


# A written number as the answer page shows it back: digits (any script) with the separators
# `normalise` reads between groups, and the invisible characters it removes.
_WRITTEN_NUMBER = re.compile(r"\d(?:[\s._,/\-\u00ad\u200b-\u200f\u2010-\u2015\u2060\u2212·•]*\d)*")
_MASK = "•"


def mask_bsn(text: str) -> str:
    """The text with each number that makes it hold a BSN replaced by dots (separators kept), so a
    long answer refused for one number can be corrected and sent again without showing that number.
    A number is masked when it is a BSN in its own neighbourhood; if the whole still holds one
    (a rule that reads further afield), every number of 8 digits or more is masked."""
    numbers = [m for m in _WRITTEN_NUMBER.finditer(text) if sum(c.isdigit() for c in m.group()) >= 8]

    def masked(chosen) -> str:
        out, at = [], 0
        for match in chosen:
            out += [text[at:match.start()], re.sub(r"\d", _MASK, match.group())]
            at = match.end()
        return "".join(out) + text[at:]

    def alone(number) -> str:  # the number in its neighbourhood, every other number masked
        others = masked([m for m in numbers if m is not number])
        return others[max(0, number.start() - 60):number.end() + 10]

    for chosen in ([m for m in numbers if contains_bsn(alone(m))], numbers):
        result = masked(chosen)
        if not contains_bsn(result):
            return result
    return ""  # never shown back when it cannot be told apart
