"""The durable outbox. Every message is stored under a unique key, in the same transaction as the
change that causes it, before anything is sent: a second scheduler instance or a job run again by
hand finds the key taken and sends nothing, and a message Slack refused for now (429, 5xx, network)
stays here and goes out on a later pass instead of being lost. The Sender (delivery/sender.py)
sends the rows through their transports."""
from __future__ import annotations

import json
from datetime import datetime

from slack_sdk.models.blocks import Block
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from store.models import GIVE_UP_AFTER, Outbox  # noqa: F401 - GIVE_UP_AFTER: the senders' word for it
from views.slack_text import neutralise

MAIL = "mail"                       # outbox method of a mail: its courier renders it when it is sent


def enqueue(session: Session, *, now: datetime, key: str, team_id: str, channel: str, text: str,
            blocks: list[Block] | None = None, method: str = "chat.postMessage", extra: dict | None = None,
            trajectory_id: int | None = None) -> bool:
    """Store a message to send; False when a message with this key exists already. Its
    notification text is neutralised like its blocks: Slack reads mentions there too. The
    trajectory it is about says whose coordinator hears it when it can never be delivered."""
    payload = {"channel": channel, "text": neutralise(text), **(extra or {})}
    if blocks is not None:
        payload["blocks"] = [b.to_dict() if isinstance(b, Block) else b for b in blocks]
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (dialect.insert(Outbox)
                 .values(key=key, team_id=team_id, trajectory_id=trajectory_id, method=method, channel=channel,
                         payload=json.dumps(payload), created_at=now, next_attempt_at=now, attempts=0)
                 .on_conflict_do_nothing(index_elements=["key"])
                 .returning(Outbox.id))
    return session.exec(statement).first() is not None


def exists(session: Session, key: str) -> bool:
    return session.exec(select(Outbox.id).where(Outbox.key == key)).first() is not None
