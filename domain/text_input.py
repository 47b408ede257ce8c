"""Text as people typed it. `clean` is what any free text goes through before it is checked or
stored: one form of Unicode, one kind of line break and of space, and no control characters (a
NUL byte broke PostgreSQL); nothing else about what they typed changes.

Stored text is what the person typed: `B&W`, `Tiel & Buren`, `< 18 jaar` stay as they are, so a
length, a municipality's name, a CSV, a mail and a form show what was typed. The one exception is
Slack's own mention of a person or a channel, kept as Slack sends it (`<@U123|name>`, `<#C1|x>`),
so that only a real mention counts as a person. Typed text that merely looks like one (`<@U123>`
typed by hand) carries an invisible word joiner after its `<` (INERT), so it never becomes one.

Text enters this form once, at the edge: `from_slack` for Slack's escaped text (a slash command,
a message a shortcut was used on), `as_typed` for raw text (a form, the answer page), `from_console`
for the console, where mentions are typed in Slack's form. `to_plain` reads stored text as plain
text; views/slack_text.py makes it safe to post."""
from __future__ import annotations

import re
import unicodedata

_SPACE, _NEWLINE, _REPLACEMENT = 0x20, 0x0A, 0xFFFD
# The lengths PRODUCT.md allows ("Privacy and security"): a title or name, and other free text.
TITLE_LIMIT, TEXT_LIMIT, NAME_LIMIT = 150, 2000, 150
# A note after references (`klaar T6 <notitie>`), a question or a description; other titles are titles.
NOTED = ("klaar", "ontvangen", "opgepakt", "opgelost", "intrekken")
_FREE_TEXT = {"input": TEXT_LIMIT, "urgent": TEXT_LIMIT, **dict.fromkeys(NOTED, TEXT_LIMIT)}
_NAME_FIELDS = {"van", "eigenaar", "aan", "regio", "titel"}


def field_limit(subcommand: str, key: str) -> int:
    """The most characters a field of a subcommand takes (`title`: its free text): what a typed
    command is checked against and what its form's field allows."""
    if key == "title":
        return _FREE_TEXT.get(subcommand, TITLE_LIMIT)
    return NAME_LIMIT if key in _NAME_FIELDS else TEXT_LIMIT


def _table() -> dict[int, int | None]:
    # C0 and C1 control characters and DEL are removed, except:
    table: dict[int, int | None] = {cp: None for cp in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))}
    table[0x09] = _SPACE    # tab: a space (a tab in a title or a Slack message only misaligns)
    table[0x0A] = _NEWLINE  # the one line break that stays
    table[0x0D] = _NEWLINE  # a lone carriage return ("\r\n" is made "\n" before the table)
    # Unicode's own line breaks (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR) are line breaks, not junk:
    table[0x85] = table[0x2028] = table[0x2029] = _NEWLINE
    # Every Unicode space separator (category Zs: NBSP, thin space, narrow no-break space, figure
    # space, ideographic space, ...) becomes an ordinary space. All of them lie below U+3001.
    for cp in range(0x80, 0x3001):
        if unicodedata.category(chr(cp)) == "Zs":
            table[cp] = _SPACE
    # A lone surrogate (JSON allows "\ud800") cannot be encoded as UTF-8: the database would fail.
    for cp in range(0xD800, 0xE000):
        table[cp] = _REPLACEMENT
    # Invisible characters that only ever arrive by pasting: zero-width space and a byte-order mark;
    # and the bidirectional controls (marks, embeddings, overrides, isolates), which would reverse
    # whatever follows a title in status, the digest or a CSV (the "Trojan Source" trick).
    for cp in (0x200B, 0xFEFF, 0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[cp] = None
    return table


_TABLE = _table()
# The characters the table changes, as one character class: most texts have none, and a search is
# much faster than translating character by character.
_NEEDS_TABLE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")


def clean(text: str | None) -> str:
    """The text as it is checked and stored: C0/C1 control characters (NUL included) removed, tab
    made a space, "\\r\\n", "\\r" and Unicode line separators made "\\n", Unicode spaces made " ", lone
    surrogates made U+FFFD, zero-width and bidirectional controls removed, then Unicode NFC, and
    leading and trailing whitespace stripped.
    Idempotent: clean(clean(x)) == clean(x)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n")
    if _NEEDS_TABLE.search(text):
        text = text.translate(_TABLE)
    # Translate before NFC: removing a control character can bring a letter and its accent together.
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text.strip()


ANGLED = re.compile(r"<([^<>]*)>")
USER = re.compile(r"@[UW][A-Z0-9_]+(?:\|[^<>|]*)?")  # (Slack's ids have no _, the console's do)
CHANNEL = re.compile(r"#[CGD][A-Z0-9_]+(?:\|[^<>|]*)?")


def special_words(body: str) -> str:
    """`!here`, `!channel`, `!subteam^S1|@team`, `!date^…|fallback` as the words people read."""
    name, _, label = body.partition("|")
    kind = name.split("^", 1)[0]
    if kind == "subteam":
        return label if label.startswith("@") else "@" + (label or "groep")
    if kind == "date":
        return label or "datum"
    return "@" + kind


def link_words(inner: str) -> str:
    """`<url|label>` as `label (url)`: where a link goes is always visible. A link Slack made of
    a typed address (`<mailto:a@b.nl|a@b.nl>`, `<http://regio.nl|regio.nl>`) is just the address."""
    target, _, label = inner.partition("|")
    if not label or label == target or target.split(":", 1)[-1].lstrip("/") == label:
        return label or target
    return f"{label} ({target})"


def defuse(stored: str) -> str:
    """A broadcast or group ping typed into a title or question is kept as the words people read
    (`@channel`), never stored as one."""
    return ANGLED.sub(lambda m: special_words(m.group(1)[1:]) if m.group(1).startswith("!") else m.group(0), stored)


INERT = "\u2060"  # WORD JOINER: invisible; after a typed `<`, what follows is no mention or broadcast
_LOOKALIKE = re.compile(r"<(?=[@#!])")
_LINK = re.compile(r"(?:https?|mailto):", re.IGNORECASE)


def as_typed(raw: str) -> str:
    """Raw typed text (a form, the answer page) in its stored form: a hand-typed `<@U123>`,
    `<#C1>` or `<!here>` made inert, nothing else changed."""
    return _LOOKALIKE.sub("<" + INERT, raw or "")


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _compose(text: str, unescape: bool) -> str:
    """Text with Slack's entities in it, as stored: mentions, channels and broadcasts kept; a link
    as the words people read; everything else as typed."""
    read = _unescape if unescape else (lambda typed: typed)
    out, at = [], 0
    for match in ANGLED.finditer(text or ""):
        inner = match.group(1)
        out.append(as_typed(read(text[at:match.start()])))
        if USER.fullmatch(inner) or CHANNEL.fullmatch(inner) or inner.startswith("!"):
            out.append(match.group(0))
        elif _LINK.match(inner):
            out.append(as_typed(read(link_words(inner))))
        else:  # not Slack's: brackets someone typed
            out.append(as_typed(read(match.group(0))))
        at = match.end()
    out.append(as_typed(read((text or "")[at:])))
    return "".join(out)


def from_slack(escaped: str) -> str:
    """Slack's escaped text (`Tiel &amp; Buren`, `&lt;@U1&gt;`, `<@U2|jan>`, `<https://x.nl>`) as
    stored: `Tiel & Buren`, an inert `<@U1>`, the mention, `https://x.nl`. Unescaped once, here."""
    return _compose(escaped, unescape=True)


def from_console(typed: str) -> str:
    """A console line as stored: typed as is, where Slack's form of a mention (`<@U_KEES|kees>`)
    stands for the mention Slack would have made."""
    return _compose(typed, unescape=False)


def to_plain(stored: str) -> str:
    """Stored text as plain text: mentions as @name, channels as #name, broadcasts as words, and
    whatever was typed as it was typed."""
    def replace(match: re.Match) -> str:
        inner = match.group(1)
        if USER.fullmatch(inner) or CHANNEL.fullmatch(inner):
            ident, _, name = inner[1:].partition("|")
            return inner[0] + (name or ident)
        if inner.startswith("!"):
            return special_words(inner[1:])
        return match.group(0)
    return ANGLED.sub(replace, stored or "").replace("<" + INERT, "<")


def typed_length(stored: str) -> int:
    """How many characters the person typed (a mention counts as its @name): what limits count."""
    return len(to_plain(stored))


def slack_to_plain(escaped: str) -> str:
    """Slack's escaped mrkdwn (a message, as Slack shows it) as plain text."""
    return to_plain(from_slack(escaped))


def fold(name: str) -> str:
    """A name as people mistype it: `’s-Hertogenbosch` and `s hertogenbosch`, `Lindenhout` and
    `lindenhout`, alike: no case, accents or punctuation."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())
