"""Sends what the outbox holds. Each due row is claimed, handed to the transport of its method
(Slack for Web API methods, the courier for mail), and its outcome recorded: sent; not now, to be
tried again when the other side said (Retry-After) or after a growing pause; or never, closed at
once with word to whoever can act on it."""
from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Iterable

from sqlalchemy import or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from delivery.metrics import FAILED, SENT, kind_of
from delivery.outbox import GIVE_UP_AFTER
from delivery.slack import ApiCaller, SlackTransport
from delivery.transports import Claimed, PermanentFailure, TemporaryFailure, Transport
from store.db import session_scope
from store.models import Outbox

log = logging.getLogger(__name__)
CLAIM = timedelta(minutes=2)        # how long one sender owns a row before another may take over
CHANNEL_INTERVAL = 1.0              # seconds between two messages to one channel (Slack's pace)
SEND_THREADS = 4                    # channels served at once (Slack's limits are per channel and method)
SLACK = "slack"                     # the transport of every Web API method (chat.postMessage, chat.update)
MAX_BACKOFF = 3600                  # seconds; a temporary failure is tried at least hourly


@dataclass
class DeliveryReport:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)              # not now: they wait in the outbox
    refused: dict[str, str] = field(default_factory=dict)        # never: key -> the other side's word


class Sender:
    """Sends due outbox rows. One per process: it remembers when it last wrote to each channel,
    and which channels Slack asked it to leave alone for a while."""

    def __init__(self, engine: Engine, client: ApiCaller | None, clock: Callable[[], datetime],
                 interval: float = CHANNEL_INTERVAL, transports: dict[str, Transport] | None = None,
                 client_for: Callable[[str], ApiCaller | None] | None = None):
        self.engine = engine
        self.client = client
        self.clock = clock
        self.interval = interval
        self.transports = dict(transports or {})  # outbox method (or SLACK) -> its transport
        if SLACK not in self.transports:
            self.transports[SLACK] = SlackTransport(engine, client_for or (lambda team_id: client), clock)
        self._last_sent: dict[str, float] = {}
        self._paused: dict[str, datetime] = {}  # channel -> until when Slack asked us to leave it alone

    def deliver(self, keys: Iterable[str] | None = None, limit: int = 500) -> DeliveryReport:
        """Send due rows (or these keys). Channels are served side by side, each channel's
        messages in order and paced: a daily run does not wait for 84 round trips in a row.
        Without the database nothing can be claimed: the rows wait for the next pass."""
        try:
            return self._deliver(keys, limit)
        except DBAPIError as error:
            log.warning("outbox pass stopped: database %s", type(error.orig).__name__)
            return DeliveryReport()
        except RuntimeError as error:
            if "interpreter shutdown" not in str(error):
                raise
            log.info("outbox pass stopped: the bot is stopping; the rest is sent after the restart")
            return DeliveryReport()

    def _deliver(self, keys: Iterable[str] | None, limit: int) -> DeliveryReport:
        report = DeliveryReport()
        now = self.clock()
        with session_scope(self.engine) as session:
            query = select(Outbox.id, Outbox.key, Outbox.channel).where(Outbox.sent_at.is_(None),
                                                                       Outbox.attempts < GIVE_UP_AFTER)
            if keys is not None:
                query = query.where(Outbox.key.in_(list(keys)))
            else:
                query = query.where(Outbox.next_attempt_at <= now)
            rows = session.exec(query.order_by(Outbox.id).limit(limit)).all()
        by_channel: dict[str, list[tuple[int, str]]] = {}
        for row_id, key, channel in rows:
            by_channel.setdefault(channel, []).append((row_id, key))

        def send_channel(channel: str, rows: list[tuple[int, str]]) -> None:
            for row_id, key in rows:
                paused = self._paused.get(channel)
                if paused is not None and paused > self.clock():
                    report.failed.append(key)  # Slack asked for a pause here: the next pass sends it
                    continue
                self._deliver_one(row_id, report)

        if len(by_channel) <= 1:
            for channel, channel_rows in by_channel.items():
                send_channel(channel, channel_rows)
            return report
        with ThreadPoolExecutor(max_workers=min(SEND_THREADS, len(by_channel)),
                                thread_name_prefix="regiowacht-send") as pool:
            for done in [pool.submit(send_channel, channel, channel_rows)
                         for channel, channel_rows in by_channel.items()]:
                done.result()
        return report

    def _claim(self, row_id: int) -> tuple[Claimed | None, bool]:
        """Take a row for sending, in one statement: (row, interrupted). Every claim ends in a send
        or a counted failure, so more earlier claims than failures means one ran out without an
        outcome: that sender died, perhaps after Slack had taken the message."""
        now = self.clock()
        with session_scope(self.engine) as session:
            row = session.execute(
                update(Outbox)
                .where(Outbox.id == row_id, Outbox.sent_at.is_(None), Outbox.attempts < GIVE_UP_AFTER,
                       or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now))
                .values(claimed_until=now + CLAIM, claims=Outbox.claims + 1)
                .returning(Outbox.id, Outbox.key, Outbox.team_id, Outbox.trajectory_id, Outbox.method, Outbox.channel,
                           Outbox.payload, Outbox.created_at, Outbox.attempts, Outbox.claims)
            ).first()
        if row is None:
            return None, False
        return row, row.claims - 1 > row.attempts

    def _deliver_one(self, row_id: int, report: DeliveryReport) -> None:
        row, interrupted = self._claim(row_id)
        if row is None:  # another sender has it, or it went out meanwhile
            return
        payload = json.loads(row.payload)
        transport = self.transports.get(row.method) or self.transports[SLACK]
        try:
            ref = transport.sent_before(row, payload) if interrupted else None
            if ref is None:
                self._pace(row.channel)
                ref = transport.send(row, payload)
                self._last_sent[row.channel] = time.monotonic()
        except TemporaryFailure as failure:
            if failure.retry_after is not None:
                self._paused[row.channel] = self.clock() + timedelta(seconds=failure.retry_after)
            self._finish(row, report, str(failure), None, wait=failure.retry_after, keep=failure.keep)
            return
        except PermanentFailure as failure:
            self._finish(row, report, str(failure), None, final=failure.code)
            self.deliver(transport.refused(row, payload, failure))
            return
        except Exception as error:  # noqa: BLE001 - a bug with one row must not stop the others, nor a command
            log.exception("outbox %s: unexpected failure", row.key)
            self._finish(row, report, f"{type(error).__name__}: {error}", None)
            return
        self._finish(row, report, None, ref)

    def _finish(self, row: Claimed, report: DeliveryReport, error: str | None, ref: str | None,
                wait: float | None = None, final: str | None = None, keep: bool = False) -> None:
        """Record the outcome and release the claim, in one statement. A temporary failure waits
        as long as the other side asked, else a pause that doubles with each attempt."""
        if error is None:
            values = {"sent_at": self.clock(), "ts": ref, "last_error": None}
            report.sent.append(row.key)
            SENT.labels(kind=kind_of(row.key)).inc()
        else:
            attempts = GIVE_UP_AFTER if final else row.attempts + 1  # the claim is ours: nobody counted meanwhile
            pause = max(1.0, wait) if wait is not None else min(MAX_BACKOFF, 15 * 2 ** attempts)
            if keep:  # kept until the operator fixes what is wrong: never counted up to giving up
                attempts = min(attempts, GIVE_UP_AFTER - 1)
            values = {"attempts": attempts, "last_error": error[:500],
                      "next_attempt_at": self.clock() + timedelta(seconds=pause)}
            if final:
                report.refused[row.key] = final
            else:
                report.failed.append(row.key)
            FAILED.labels(kind=kind_of(row.key)).inc()
            log.warning("outbox %s not sent (attempt %s%s): %s", row.key, attempts, ", final" if final else "", error,
                        extra={"outbox_key": row.key, "attempt": attempts})
        with session_scope(self.engine) as session:
            session.execute(update(Outbox).where(Outbox.id == row.id).values(claimed_until=None, **values))

    def _pace(self, channel: str) -> None:
        last = self._last_sent.get(channel)
        if last is not None:
            wait = self.interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
