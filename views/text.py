"""Block Kit rendered as plain text, so the console shows what Slack would show."""
from __future__ import annotations

import re

from domain.outcome import Reply
from domain.text_input import slack_to_plain, to_plain
from views.layout import message_blocks
from views.slack_text import WORD_JOINER

_ITALIC = re.compile(r"(?<!\w)_([^_\n]+)_(?!\w)")


def _unmarked(text: str) -> str:
    """The bot's own bold, italics and code marks dropped."""
    return _ITALIC.sub(r"\1", text).replace("*", "").replace("`", "").replace(WORD_JOINER, "")


def mrkdwn_to_text(text: str) -> str:
    """How Slack shows a posted message, as plain text: entities read, mentions as @name."""
    return _unmarked(slack_to_plain(text))


def stored_to_text(text: str) -> str:
    """A text the bot has not posted yet (an error for a form field), as plain text."""
    return _unmarked(to_plain(text))


def _text_of(obj: dict | None) -> str:
    return mrkdwn_to_text(obj.get("text", "")) if obj else ""


def blocks_to_text(blocks: list[dict], fallback: str = "") -> str:
    lines: list[str] = []
    for block in blocks or []:
        kind = block.get("type")
        if kind in ("section", "header"):
            accessory = block.get("accessory") or {}
            button = f"  [{_text_of(accessory.get('text'))}]" if accessory.get("type") == "button" else ""
            lines.append(_text_of(block.get("text")) + button)
            lines += [_text_of(f) for f in block.get("fields", [])]
        elif kind == "context":
            lines.append("  " + " · ".join(_text_of(e) for e in block.get("elements", [])))
        elif kind == "divider":
            lines.append("─" * 40)
        elif kind == "actions":
            lines.append("  " + " ".join(f"[{_text_of(e.get('text'))}]" for e in block.get("elements", [])))
        elif kind == "image":
            lines.append(f"[{block.get('alt_text', 'image')}]")
        elif kind == "input":
            lines.append(f"{_text_of(block.get('label'))}: ____")
    return "\n".join(lines) if lines else mrkdwn_to_text(fallback)


def reply_to_text(reply: Reply, lang: str = "nl", cmd: str = "/inkoop") -> str:
    """A reply as the console shows it: laid out as in Slack (views/layout.py), as plain text."""
    return blocks_to_text([block.to_dict() for block in message_blocks(reply, lang, cmd)])
