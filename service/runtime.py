"""What every use case needs, built once by bot.py (no mutable global App)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Callable
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from config import Settings
from delivery.sender import DeliveryReport, Sender
from domain.permissions import Actor
from installations import Workspaces
from service.channel_facts import ChannelFacts
from service.read_cache import ReadCache
from store import queries
from tracking.context import Context


def system_clock() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    clock: Callable[[], datetime] = system_clock
    sender: Sender | None = field(default=None, repr=False)
    reads: ReadCache = field(default_factory=ReadCache, repr=False)
    workspaces: Workspaces | None = field(default=None, repr=False)
    channels: ChannelFacts = field(default_factory=ChannelFacts, repr=False)
    # Seconds an answer may take to travel in Slack's ack (the rest of Slack's 3 is for the
    # network); later, the listener acks at once and follows up (handlers/budget.py).
    answer_budget: float = 2.0

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.now().astimezone(ZoneInfo(self.settings.timezone)).date()

    def context(self, session: Session, actor: Actor) -> Context:
        """A command's context. In a channel shared between workspaces (Slack Connect) the
        trajectory belongs to the workspace that set it up: whoever types there works in that
        workspace's records, and its admins count, not their own."""
        owner = queries.channel_owner(session, actor.channel_id) if actor.channel_id else None
        if owner is not None and owner != actor.team_id:
            actor.team_id = owner
        return Context(session=session, actor=actor, settings=self.settings, now=self.now(), today=self.today())

    def deliver(self, keys: list[str]):
        """Send what a use case just queued; whatever fails stays in the outbox for the next pass.
        The report says what went out (None when nothing could be sent: no sender)."""
        if self.sender is None:
            return None
        return self.sender.deliver(keys) if keys else DeliveryReport()
