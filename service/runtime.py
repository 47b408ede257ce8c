"""What every use case needs, built once by bot.py (no mutable global App)."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Callable
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from config import Settings
from delivery.mail.courier import Courier
from delivery.mail.transport import transport_for
from delivery.outbox import CHANNEL_INTERVAL, MAIL, DeliveryReport, Sender
from domain.municipalities import official
from domain.permissions import Actor
from installations import Workspaces
from service.read_cache import ReadCache
from store import queries
from store.db import make_engine, migrate
from tracking.context import Context
from tracking.plans import standard_plans


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


def freeze_startup_heap() -> None:
    """Move what start-up built (modules, the Bolt app, compiled grammar) out of the garbage
    collector's reach, so collections during requests stay short (a shorter p99)."""
    gc.collect()
    gc.freeze()


def check_data(settings: Settings) -> None:
    """Read the data files now: a broken row stops the start, naming its file, line and field
    (DataFileError), instead of failing the first command that needs it."""
    official()
    standard_plans(settings.plan_dir)


def open_runtime(settings: Settings, client=None, clock: Callable[[], datetime] | None = None,
                 channel_interval: float | None = None, transport=None) -> Runtime:
    """Connect to the database, migrate it, and wire a sender on `client` (None: send nothing)
    with mail through `transport` (default: SMTP_URL, else .eml files in MAIL_DIR)."""
    check_data(settings)
    engine = make_engine(settings.database_url, pool_size=settings.web_threads)
    migrate(engine)
    clock = clock or system_clock
    sender = workspaces = None
    if client is not None:
        workspaces = Workspaces(settings, engine, make_client=lambda token: same_api(client, token),
                                single=None if settings.oauth else client)
        courier = Courier(engine, settings, transport or transport_for(settings.smtp_url, settings.mail_dir), clock)
        sender = Sender(engine, client, clock, CHANNEL_INTERVAL if channel_interval is None else channel_interval,
                        couriers={MAIL: courier}, client_for=workspaces.client_for)
    return Runtime(settings=settings, engine=engine, clock=clock, sender=sender, workspaces=workspaces)


def same_api(client, token: str):
    """A client like `client` (same Web API URL and retries) for another workspace's bot token."""
    from slack_sdk import WebClient
    return WebClient(token=token or None, base_url=client.base_url, timeout=client.timeout,
                     retry_handlers=client.retry_handlers)
