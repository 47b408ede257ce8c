"""The durable outbox. Every message is stored under a unique key, in the same transaction as the
change that causes it, before anything is sent: a second scheduler instance or a job run again by
hand finds the key taken and sends nothing, and a message Slack refused (429, 5xx, network) stays
here and goes out on a later pass instead of being lost."""
from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable, Protocol

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.models.blocks import Block
from sqlalchemy import Row, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from delivery.mail.transport import PermanentFailure, TemporaryFailure
from delivery.metrics import FAILED, SENT, kind_of
from store.db import session_scope
from store.models import Outbox
from views.slack_text import neutralise

log = logging.getLogger(__name__)
CLAIM = timedelta(minutes=2)        # how long one sender owns a row before another may take over
GIVE_UP_AFTER = 12                  # attempts; the row stays, with its error, for an operator to see
CHANNEL_INTERVAL = 1.0              # seconds between two messages to one channel (Slack's pace)
SEND_THREADS = 4                    # channels served at once (Slack's limits are per channel and method)
MAIL = "mail"                       # outbox method of a mail: its courier renders it when it is sent
METADATA_EVENT = "regiowacht_outbox"  # message metadata naming the outbox key of each post


class ApiCaller(Protocol):
    def api_call(self, api_method: str, *, json: dict | None = None) -> dict: ...


def enqueue(session: Session, *, now: datetime, key: str, team_id: str, channel: str, text: str,
            blocks: list[Block] | None = None, method: str = "chat.postMessage", extra: dict | None = None) -> bool:
    """Store a message to send; False when a message with this key exists already. Its
    notification text is neutralised like its blocks: Slack reads mentions there too."""
    payload = {"channel": channel, "text": neutralise(text), **(extra or {})}
    if blocks is not None:
        payload["blocks"] = [b.to_dict() if isinstance(b, Block) else b for b in blocks]
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (dialect.insert(Outbox)
                 .values(key=key, team_id=team_id, method=method, channel=channel, payload=json.dumps(payload),
                         created_at=now, next_attempt_at=now, attempts=0)
                 .on_conflict_do_nothing(index_elements=["key"])
                 .returning(Outbox.id))
    return session.exec(statement).first() is not None


def exists(session: Session, key: str) -> bool:
    return session.exec(select(Outbox.id).where(Outbox.key == key)).first() is not None


@dataclass
class DeliveryReport:
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


Claimed = Row  # an outbox row as _claim returns it: id, key, team_id, method, channel, payload, created_at, attempts, claims


class Sender:
    """Sends due outbox rows. One per process: it remembers when it last wrote to each channel."""

    def __init__(self, engine: Engine, client: ApiCaller, clock: Callable[[], datetime],
                 interval: float = CHANNEL_INTERVAL, couriers: dict | None = None,
                 client_for: Callable[[str], ApiCaller | None] | None = None):
        self.engine = engine
        self.client = client
        # Several workspaces: each row goes out with its own workspace's client (None: not installed).
        self.client_for = client_for or (lambda team_id: client)
        self.clock = clock
        self.interval = interval
        self.couriers = couriers or {}  # outbox method -> what delivers it besides Slack (mail)
        self._last_sent: dict[str, float] = {}

    def deliver(self, keys: Iterable[str] | None = None, limit: int = 500) -> DeliveryReport:
        """Send due rows (or these keys). Channels are served side by side, each channel's
        messages in order and paced: a daily run does not wait for 84 round trips in a row.
        Without the database nothing can be claimed: the rows wait for the next pass."""
        try:
            return self._deliver(keys, limit)
        except DBAPIError as error:
            log.warning("outbox pass stopped: database %s", type(error.orig).__name__)
            return DeliveryReport()

    def _deliver(self, keys: Iterable[str] | None, limit: int) -> DeliveryReport:
        report = DeliveryReport()
        now = self.clock()
        with session_scope(self.engine) as session:
            query = select(Outbox.id, Outbox.channel).where(Outbox.sent_at.is_(None), Outbox.attempts < GIVE_UP_AFTER)
            if keys is not None:
                query = query.where(Outbox.key.in_(list(keys)))
            else:
                query = query.where(Outbox.next_attempt_at <= now)
            rows = session.exec(query.order_by(Outbox.id).limit(limit)).all()
        by_channel: dict[str, list[int]] = {}
        for row_id, channel in rows:
            by_channel.setdefault(channel, []).append(row_id)

        def send_channel(ids: list[int]) -> None:
            for row_id in ids:
                self._deliver_one(row_id, report)

        if len(by_channel) <= 1:
            for ids in by_channel.values():
                send_channel(ids)
            return report
        with ThreadPoolExecutor(max_workers=min(SEND_THREADS, len(by_channel)),
                                thread_name_prefix="regiowacht-send") as pool:
            for done in [pool.submit(send_channel, ids) for ids in by_channel.values()]:
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
                .where(Outbox.id == row_id, Outbox.sent_at.is_(None),
                       or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now))
                .values(claimed_until=now + CLAIM, claims=Outbox.claims + 1)
                .returning(Outbox.id, Outbox.key, Outbox.team_id, Outbox.method, Outbox.channel, Outbox.payload,
                           Outbox.created_at, Outbox.attempts, Outbox.claims)
            ).first()
        if row is None:
            return None, False
        return row, row.claims - 1 > row.attempts

    def _already_posted(self, client: ApiCaller, row: Claimed) -> str | None:
        """The ts of this row's message if Slack already has it: a post carries its outbox key as
        message metadata, so the channel's recent history tells whether it arrived."""
        try:
            channel = row.channel
            if channel[:1] in ("U", "W"):  # a direct message: its history lives in the DM channel
                channel = client.api_call("conversations.open", json={"users": channel})["channel"]["id"]
            created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=timezone.utc)
            oldest = (created - timedelta(minutes=1)).timestamp()
            history = client.api_call("conversations.history", json={
                "channel": channel, "oldest": f"{oldest:.6f}", "include_all_metadata": True, "limit": 200})
        except (SlackApiError, SlackClientError, OSError, KeyError, TypeError) as error:
            # Without the history we cannot know: send, and accept the small chance of a double.
            log.warning("outbox %s: could not check for an earlier delivery: %s", row.key, type(error).__name__)
            return None
        for message in history.get("messages") or []:
            payload = (message.get("metadata") or {}).get("event_payload") or {}
            if payload.get("outbox_key") == row.key:
                return message.get("ts")
        return None

    def _deliver_one(self, row_id: int, report: DeliveryReport) -> None:
        row, interrupted = self._claim(row_id)
        if row is None:  # another sender has it, or it went out meanwhile
            return
        payload = json.loads(row.payload)
        error = None
        ts = None
        courier = self.couriers.get(row.method)
        client = self.client_for(row.team_id) if courier is None else None
        if courier is None and client is None:  # uninstalled from that workspace: kept, never sent
            self._finish(row, report, "app niet (meer) geïnstalleerd in deze workspace", None, give_up=True)
            return
        if row.method == "chat.postMessage":
            payload["metadata"] = {"event_type": METADATA_EVENT, "event_payload": {"outbox_key": row.key}}
            if interrupted:
                ts = self._already_posted(client, row)
                if ts is not None:
                    self._finish(row, report, None, ts)
                    return
        if courier is not None:
            self._courier_send(courier, row, payload, report)
            return
        try:
            ts_of = payload.pop("ts_of", None)
            if ts_of:  # an update of an earlier message: wait until that one has gone out
                with session_scope(self.engine) as session:
                    original = session.exec(select(Outbox).where(Outbox.key == ts_of)).first()
                if original is None or original.ts is None:
                    raise _NotYet(f"waiting for {ts_of}")
                payload["ts"] = original.ts
            self._pace(row.channel)
            response = client.api_call(row.method, json=payload)
            ts = response.get("ts") if hasattr(response, "get") else None
            self._last_sent[row.channel] = time.monotonic()
        except _NotYet as wait:
            error = str(wait)
        except SlackApiError as exc:
            error = f"{exc.response.status_code} {exc.response.get('error', '')}"
        except (SlackClientError, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        self._finish(row, report, error, ts)

    def _courier_send(self, courier, row: Claimed, payload: dict, report: DeliveryReport) -> None:
        """A row another channel delivers (mail). A refusal for good is reported to whoever
        asked, and the row is never tried again."""
        try:
            self._pace(row.channel)
            courier.send(row.key, payload)
        except PermanentFailure as refusal:
            self._finish(row, report, f"geweigerd: {refusal}", None, give_up=True)
            self.deliver(courier.refused(row.key, payload, str(refusal)))
            return
        except TemporaryFailure as failure:
            self._finish(row, report, str(failure), None)
            return
        self._last_sent[row.channel] = time.monotonic()
        self._finish(row, report, None, None)

    def _finish(self, row: Claimed, report: DeliveryReport, error: str | None, ts: str | None,
                give_up: bool = False) -> None:
        """Record the outcome and release the claim, in one statement."""
        if error is None:
            values = {"sent_at": self.clock(), "ts": ts, "last_error": None}
            report.sent.append(row.key)
            SENT.labels(kind=kind_of(row.key)).inc()
        else:
            attempts = GIVE_UP_AFTER if give_up else row.attempts + 1  # the claim is ours: nobody counted meanwhile
            values = {"attempts": attempts, "last_error": error[:500],
                      "next_attempt_at": self.clock() + timedelta(seconds=min(3600, 15 * 2 ** attempts))}
            report.failed.append(row.key)
            FAILED.labels(kind=kind_of(row.key)).inc()
            log.warning("outbox %s not sent (attempt %s): %s", row.key, attempts, error,
                        extra={"outbox_key": row.key, "attempt": attempts})
        with session_scope(self.engine) as session:
            session.execute(update(Outbox).where(Outbox.id == row.id).values(claimed_until=None, **values))

    def _pace(self, channel: str) -> None:
        last = self._last_sent.get(channel)
        if last is not None:
            wait = self.interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)


class _NotYet(Exception):
    pass
