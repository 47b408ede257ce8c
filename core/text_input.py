"""Text as people typed it. `clean` is what any free text goes through before it is checked or
stored: one form of Unicode, one kind of line break and of space, and no control characters (a
NUL byte broke PostgreSQL); nothing else about what they typed changes.

Stored text has one form: Slack's escaped mrkdwn, as a slash command delivers it (`&lt;` for a
typed `<`, `<@U123|name>` for a real mention, `<!channel>` for a real broadcast). `escape_plain`
brings raw text (a form, the answer page) to that form; `to_plain` reads it back as plain text for
the console, a CSV, a mail or a web page. Posting it in Slack again: views/slack_text.py."""
from __future__ import annotations

import re
import unicodedata

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def clean(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    return _CONTROLS.sub("", text).strip()


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


def escape_plain(raw: str) -> str:
    """Raw text (from a form or a web page) in the form Slack gives slash-command text."""
    return (raw or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_plain(stored: str) -> str:
    """Stored text as plain text: mentions as @name, channels as #name, broadcasts as words,
    links with their target, no entities."""
    def replace(match: re.Match) -> str:
        inner = match.group(1)
        if USER.fullmatch(inner) or CHANNEL.fullmatch(inner):
            ident, _, name = inner[1:].partition("|")
            return inner[0] + (name or ident)
        if inner.startswith("!"):
            return special_words(inner[1:])
        return link_words(inner)
    text = ANGLED.sub(replace, stored or "")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
