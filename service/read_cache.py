"""Answers that only read (`status`, `risico`) remembered until the team's data changes. Many
people in a channel ask for the same status; computing it takes milliseconds of Python on a busy
trajectory, which four people at once would queue for. The key holds everything the answer
depends on: the channel's trajectory, the language, the day, and the team's data version, which
every audited change raises (a municipality's lateness on another trajectory changes it too)."""
from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict

from commands.grammar import BY_WORD, parse
from commands.replies import language_for
from store import queries
from tracking.context import Context

CACHED = {"status", "risico"}


class ReadCache:
    def __init__(self, size: int = 512):
        self._size = size
        self._entries: OrderedDict[tuple, object] = OrderedDict()  # of service.interactions.Answer
        self._lock = threading.Lock()

    def key(self, ctx: Context, text: str) -> tuple | None:
        """The key of a cacheable read, or None (another command, or no trajectory here)."""
        words = (text or "").strip().lower().split()
        if len(words) != 1 or words[0] not in BY_WORD or BY_WORD[words[0]].name not in CACHED:
            return None
        actor = ctx.actor
        version, trajectory_id, chosen = queries.read_key(ctx.session, actor.team_id, actor.channel_id, actor.user_id)
        if trajectory_id is None:
            return None
        lang = language_for(chosen, parse(text), ctx.settings.language)
        return (actor.team_id, trajectory_id, BY_WORD[words[0]].name, lang, ctx.today, version)

    def get(self, key: tuple):
        """A copy of the remembered answer (its block dicts are shared: nothing changes them)."""
        with self._lock:
            answer = self._entries.get(key)
            if answer is not None:
                self._entries.move_to_end(key)
        return dataclasses.replace(answer, blocks=list(answer.blocks)) if answer is not None else None

    def put(self, key: tuple, answer) -> None:
        with self._lock:
            self._entries[key] = dataclasses.replace(answer, blocks=list(answer.blocks))
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
