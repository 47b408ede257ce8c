"""The one place that makes text safe to post in Slack. Stored text is what people typed, with
Slack's own mentions kept (domain/text_input.py); posting it, only real user mentions and channel
links stay live. Every other `&`, `<` and `>` is escaped, so it shows as typed and cannot pair with
a later bracket into a link; a broadcast, typed or real, shows as an inert word."""
from __future__ import annotations

import re

from domain.text_input import ANGLED, CHANNEL, INERT, USER, special_words

WORD_JOINER = INERT  # after the @: no Slack client turns `@here` into a notification, whatever its settings
# A bare @here/@channel/@everyone, in any case, unless a letter or digit stands right before or after
# it (jan@here.nl is an address); `_@here_` is italics, and still a broadcast.
_BROADCAST_WORD = re.compile(r"(?<![^\W_])@(here|channel|everyone)(?![^\W_])", re.IGNORECASE)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escaped(typed: str) -> str:
    """Typed text as mrkdwn that shows it; a typed `@here` stays a word, whatever a client does."""
    return _BROADCAST_WORD.sub(lambda m: "@" + WORD_JOINER + m.group(1), _escape(typed))


def neutralise(stored: str) -> str:
    """Stored text as mrkdwn that shows what was typed: no broadcast, no group ping, no link
    whose target is hidden, no stray bracket. Not idempotent: it escapes `&`, so it is applied
    once, where text becomes a post: views/layout.py for blocks, the outbox for a notification."""
    out, at = [], 0
    stored = stored or ""
    for match in ANGLED.finditer(stored):
        inner = match.group(1)
        out.append(_escaped(stored[at:match.start()]))
        if USER.fullmatch(inner) or CHANNEL.fullmatch(inner):
            out.append(match.group(0))
        elif inner.startswith("!"):  # a real broadcast that reached a post: its words, never a ping
            out.append(_escape(special_words(inner[1:])).replace("@", "@" + WORD_JOINER, 1))
        else:
            out.append(_escaped(match.group(0)))
        at = match.end()
    out.append(_escaped(stored[at:]))
    return "".join(out)
