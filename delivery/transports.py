"""The ways a message leaves the outbox, behind one small protocol: the Sender (delivery/outbox.py)
claims a row and hands it to the transport of its method (Slack's Web API methods to the Slack
transport, `mail` to the mail courier); another chat platform would be one more transport.

A transport answers in one of three ways: delivered (it returns the reference of what it
delivered, e.g. Slack's ts), not now (TemporaryFailure, with the wait the other side asked for),
or never (PermanentFailure: the row is closed at once and `refused` tells someone, once)."""
from __future__ import annotations

from typing import Protocol

from sqlalchemy import Row

Claimed = Row  # an outbox row as the Sender claimed it: id, key, team_id, trajectory_id, method, channel, payload, created_at, attempts, claims


class TemporaryFailure(Exception):
    """Try again later: the other side is away, busy, or asked us to wait `retry_after` seconds.
    `keep`: the fault is on our side of the line (a mail server set up wrong), so the message is
    never given up for it; it waits, with a growing pause, until the operator has fixed it."""

    def __init__(self, reason: str, retry_after: float | None = None, keep: bool = False):
        super().__init__(reason)
        self.retry_after = retry_after
        self.keep = keep


class PermanentFailure(Exception):
    """Never retry: the other side refused this message for good. `code` is its own word for why
    (Slack's `not_in_channel`); `tell` is False when nobody can act on it (the app was removed)."""

    def __init__(self, reason: str, code: str | None = None, tell: bool = True):
        super().__init__(reason)
        self.code = code or reason
        self.tell = tell


class Transport(Protocol):
    def send(self, row: Claimed, payload: dict) -> str | None:
        """Deliver; the reference of what was delivered (Slack's ts), if any. Raises
        TemporaryFailure or PermanentFailure."""

    def sent_before(self, row: Claimed, payload: dict) -> str | None:
        """After a sender died holding this row: the reference of the earlier delivery, if the
        other side has it; None when it does not, or cannot say."""

    def refused(self, row: Claimed, payload: dict, failure: PermanentFailure) -> list[str]:
        """Refused for good: queue word of it to whoever can act (once), and return those keys.
        Word about a refused message is itself never followed by more word."""
