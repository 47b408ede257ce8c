"""Block Kit rendered as plain text, so the console shows what Slack would show."""
from __future__ import annotations

import re

_USER = re.compile(r"<@([A-Z0-9_]+)(?:\|([^>]+))?>")
_CHANNEL = re.compile(r"<#([A-Z0-9_]+)(?:\|([^>]+))?>")
_ITALIC = re.compile(r"(?<!\w)_([^_\n]+)_(?!\w)")
_LINK = re.compile(r"<(https?://[^|>]+)\|([^>]+)>")


def mrkdwn_to_text(text: str) -> str:
    text = _USER.sub(lambda m: "@" + (m.group(2) or m.group(1)), text)
    text = _CHANNEL.sub(lambda m: "#" + (m.group(2) or m.group(1)), text)
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", text)
    text = _ITALIC.sub(r"\1", text)
    return text.replace("*", "").replace("`", "")


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
