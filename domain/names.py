"""Names as people type them: a Slack mention or an outsider's name, and a list of municipality
names whose separators (`,`, `en`, `&`) may also sit inside one name."""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.municipalities import official


@dataclass(frozen=True)
class Mention:
    user_id: str | None
    name: str


_MENTION = re.compile(r"^<@([UW][A-Z0-9_]+)(?:\|([^>]*))?>$")


def read_person(value: str) -> Mention:
    """`<@U123|jan>` is a Slack user; anything else is an outsider's name."""
    value = value.strip()
    match = _MENTION.match(value)
    if match:
        return Mention(match.group(1), match.group(2) or match.group(1))
    return Mention(None, value.lstrip("@"))


def _as_typed(name: str) -> re.Pattern[str]:
    """A name with a separator as people type it: `Kaag en Braassem` also as `Kaag & Braassem`."""
    words = [re.escape(part) for part in re.split(r"\s+en\s+", name)]
    return re.compile(r"(?:\s+en\s+|\s*&\s*)".join(words), re.IGNORECASE)


def split_names(value: str, known: tuple[str, ...] = ()) -> list[str]:
    """`Tiel, Culemborg en West Maas en Waal` -> three names, and so is `Tiel & Culemborg & West
    Maas en Waal`: official names that hold a separator (and any `known` names) survive whole, also
    with `&` for their `en` (`Kaag & Braassem` is Kaag en Braassem); elsewhere `&` separates."""
    protected = {}
    for i, name in enumerate(sorted({*official().names_with_separators, *known}, key=len, reverse=True)):
        if re.search(r",|;|\s(?:en|and)\s|&", name):
            token = f"\x00{i}\x00"
            pattern = _as_typed(name)
            if pattern.search(value):
                value = pattern.sub(token, value)
                protected[token] = name
    parts = re.split(r"\s*(?:,|;|\s+en\s+|\s+and\s+|&)\s*", value.strip())
    return [protected.get(p.strip(), p.strip()) for p in parts if p.strip()]
