"""The one place that makes text safe to post in Slack. Stored text is Slack's escaped mrkdwn
(domain/text_input.py); posting it back, only real user mentions and channel links stay live:
broadcasts and group pings become visible, inert words, and a link shows where it goes. A
broadcast typed as a bare word (`@here` from a form, the answer page or a plan file) gets the same
joiner after its @ as a neutralised `<!here>`."""
from __future__ import annotations

import re

from slack_sdk.models.blocks import MarkdownTextObject

from domain.text_input import ANGLED, CHANNEL, USER, link_words, special_words

WORD_JOINER = "\u2060"  # after the @: no Slack client turns `@here` into a notification, whatever its settings


# A bare @here/@channel/@everyone, in any case, unless a letter or digit stands right before it
# (jan@here.nl is an address); `_@here_` is italics, and still a broadcast.
_BARE_BROADCAST = r"(?<![^\W_])@(?=(?:here|channel|everyone)(?![^\W_]))"
_ANGLED_OR_STRAY = re.compile(ANGLED.pattern + "|[<>]|" + _BARE_BROADCAST, re.IGNORECASE)
_STRAY = {"<": "&lt;", ">": "&gt;"}


def neutralise(mrkdwn_text: str) -> str:
    """Text safe to post: no broadcast (angled or typed bare), no group ping, no link whose target
    is hidden, and no stray bracket that could pair with a later one."""
    def replace(match: re.Match) -> str:
        inner = match.group(1)
        if inner is None:
            return _STRAY.get(match.group(0), "@" + WORD_JOINER)
        if USER.fullmatch(inner) or CHANNEL.fullmatch(inner):
            return match.group(0)
        if inner.startswith("!"):
            return special_words(inner[1:]).replace("@", "@" + WORD_JOINER, 1)
        return link_words(inner)
    return _ANGLED_OR_STRAY.sub(replace, mrkdwn_text or "")


def mrkdwn(text: str) -> MarkdownTextObject:
    """Every mrkdwn text the bot posts is built here, so every one is neutralised."""
    return MarkdownTextObject(text=neutralise(text))
