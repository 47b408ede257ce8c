"""What Slack said about a channel (is it private, is the bot in it, who are its members),
remembered a few minutes. `regio` and a coordinator's App Home ask it for every trajectory of a
region on every open; without remembering, 30 trajectories cost 40 calls each time and Slack's
per-method limits (conversations.info: Tier 3) follow."""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Callable, TypeVar

T = TypeVar("T")
SECONDS = 300  # a channel turned private or a member who left shows within five minutes


class ChannelFacts:
    def __init__(self, seconds: float = SECONDS, size: int = 4096, clock: Callable[[], float] = time.monotonic):
        self._seconds, self._size, self._clock = seconds, size, clock
        self._entries: OrderedDict[tuple, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple, fetch: Callable[[], T]) -> T:
        """The remembered answer for `key`, else `fetch()`'s (remembered; a failure is not)."""
        now = self._clock()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] > now:
                self._entries.move_to_end(key)
                return entry[1]  # type: ignore[return-value]
        value = fetch()
        self.put(key, value)
        return value

    def put(self, key: tuple, value: object) -> None:
        with self._lock:
            self._entries[key] = (self._clock() + self._seconds, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
