"""The durable outbox. Every message is stored under a unique key, in the same transaction as the
change that causes it, before anything is sent: a second scheduler instance or a job run again by
hand finds the key taken and sends nothing, and a message Slack refused (429, 5xx, network) stays
here and goes out on a later pass instead of being lost."""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable, Protocol

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.models.blocks import Block
from sqlalchemy import or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store.db import session_scope
from store.models import Outbox

log = logging.getLogger(__name__)
CLAIM = timedelta(minutes=2)        # how long one sender owns a row before another may take over
GIVE_UP_AFTER = 12                  # attempts; the row stays, with its error, for an operator to see
CHANNEL_INTERVAL = 1.0              # seconds between two messages to one channel (Slack's pace)
METADATA_EVENT = "regiowacht_outbox"  # message metadata naming the outbox key of each post


class ApiCaller(Protocol):
    def api_call(self, api_method: str, *, json: dict | None = None) -> dict: ...


def enqueue(session: Session, *, now: datetime, key: str, team_id: str, channel: str, text: str,
            blocks: list[Block] | None = None, method: str = "chat.postMessage", extra: dict | None = None) -> bool:
    """Store a message to send; False when a message with this key exists already."""
    payload = {"channel": channel, "text": text, **(extra or {})}
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


class Sender:
    """Sends due outbox rows. One per process: it remembers when it last wrote to each channel."""

    def __init__(self, engine: Engine, client: ApiCaller, clock: Callable[[], datetime],
                 interval: float = CHANNEL_INTERVAL):
        self.engine = engine
        self.client = client
        self.clock = clock
        self.interval = interval
        self._last_sent: dict[str, float] = {}

    def deliver(self, keys: Iterable[str] | None = None, limit: int = 500) -> DeliveryReport:
        report = DeliveryReport()
        now = self.clock()
        with session_scope(self.engine) as session:
            query = select(Outbox.id).where(Outbox.sent_at.is_(None), Outbox.attempts < GIVE_UP_AFTER)
            if keys is not None:
                query = query.where(Outbox.key.in_(list(keys)))
            else:
                query = query.where(Outbox.next_attempt_at <= now)
            ids = list(session.exec(query.order_by(Outbox.id).limit(limit)))
        for row_id in ids:
            self._deliver_one(row_id, report)
        return report

    def _claim(self, row_id: int) -> tuple[Outbox | None, bool]:
        """Take a row for sending: (row, interrupted), where interrupted means an earlier claim ran
        out without an outcome: that sender died, perhaps after Slack had taken the message."""
        now = self.clock()
        with session_scope(self.engine) as session:
            before = session.exec(select(Outbox.claimed_until).where(Outbox.id == row_id)).first()
            claimed = session.exec(
                update(Outbox)
                .where(Outbox.id == row_id, Outbox.sent_at.is_(None),
                       or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now))
                .values(claimed_until=now + CLAIM)
            ).rowcount
            return (session.get(Outbox, row_id), before is not None) if claimed == 1 else (None, False)

    def _already_posted(self, row: Outbox) -> str | None:
        """The ts of this row's message if Slack already has it: a post carries its outbox key as
        message metadata, so the channel's recent history tells whether it arrived."""
        try:
            channel = row.channel
            if channel[:1] in ("U", "W"):  # a direct message: its history lives in the DM channel
                channel = self.client.api_call("conversations.open", json={"users": channel})["channel"]["id"]
            created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=timezone.utc)
            oldest = (created - timedelta(minutes=1)).timestamp()
            history = self.client.api_call("conversations.history", json={
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
        if row.method == "chat.postMessage":
            payload["metadata"] = {"event_type": METADATA_EVENT, "event_payload": {"outbox_key": row.key}}
            if interrupted:
                ts = self._already_posted(row)
                if ts is not None:
                    self._finish(row_id, report, None, ts)
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
            response = self.client.api_call(row.method, json=payload)
            ts = response.get("ts") if hasattr(response, "get") else None
            self._last_sent[row.channel] = time.monotonic()
        except _NotYet as wait:
            error = str(wait)
        except SlackApiError as exc:
            error = f"{exc.response.status_code} {exc.response.get('error', '')}"
        except (SlackClientError, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"
        self._finish(row_id, report, error, ts)

    def _finish(self, row_id: int, report: DeliveryReport, error: str | None, ts: str | None) -> None:
        with session_scope(self.engine) as session:
            row = session.get(Outbox, row_id)
            row.claimed_until = None
            if error is None:
                row.sent_at, row.ts, row.last_error = self.clock(), ts, None
                report.sent.append(row.key)
            else:
                row.attempts += 1
                row.last_error = error[:500]
                row.next_attempt_at = self.clock() + timedelta(seconds=min(3600, 15 * 2 ** row.attempts))
                report.failed.append(row.key)
                log.warning("outbox %s not sent (attempt %s): %s", row.key, row.attempts, error)
            session.add(row)

    def _pace(self, channel: str) -> None:
        last = self._last_sent.get(channel)
        if last is not None:
            wait = self.interval - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)


class _NotYet(Exception):
    pass
