"""The runtime every use case receives: the database (migrated), the sender with its transports,
the workspaces, the clock."""
from __future__ import annotations

import gc
from datetime import datetime
from typing import Callable

from config import Settings
from delivery.mail.courier import Courier
from delivery.mail.transport import transport_for
from delivery.outbox import MAIL
from delivery.sender import CHANNEL_INTERVAL, SLACK, Sender
from delivery.slack import SlackTransport
from domain.municipalities import official
from installations import Workspaces
from service.runtime import Runtime, system_clock
from store.db import make_engine, migrate
from tracking.plans import standard_plans
from wiring.slack import for_outbox, same_api


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
                 channel_interval: float | None = None, transport=None, answer_budget: float | None = None) -> Runtime:
    """Connect to the database, migrate it, and wire a sender on `client` (None: send nothing)
    with mail through `transport` (default: SMTP_URL, else .eml files in MAIL_DIR)."""
    check_data(settings)
    engine = make_engine(settings.database_url, pool_size=settings.web_threads)
    migrate(engine)
    clock = clock or system_clock
    sender = workspaces = None
    if client is not None:
        client = for_outbox(client)  # a 429 is the outbox's to schedule, never to sleep through
        workspaces = Workspaces(settings, engine, make_client=lambda token: same_api(client, token),
                                single=None if settings.oauth else client)
        courier = Courier(engine, settings, transport or transport_for(settings.smtp_url, settings.mail_dir), clock)
        slack = SlackTransport(engine, workspaces.client_for, clock, settings.language, settings.slash_command)
        sender = Sender(engine, client, clock, CHANNEL_INTERVAL if channel_interval is None else channel_interval,
                        transports={MAIL: courier, SLACK: slack})
    runtime = Runtime(settings=settings, engine=engine, clock=clock, sender=sender, workspaces=workspaces)
    if answer_budget is not None:
        runtime.answer_budget = answer_budget
    return runtime


def job_runtime(settings: Settings, *, dry_run: bool = False, clock: Callable[[], datetime] | None = None) -> Runtime:
    """For `bot.py digest|scan`: a dry run sends nothing, so it needs no Slack client."""
    from wiring.slack import make_client
    return open_runtime(settings, client=None if dry_run else make_client(settings), clock=clock)
