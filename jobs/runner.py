"""One run of a job: each trajectory's work in its own transaction, every message queued in the
outbox under its unique key (or, with --dry-run, printed and nothing kept)."""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from slack_sdk.models.blocks import Block
from sqlmodel import Session, select

from delivery import outbox
from delivery.mail.courier import Courier
from domain.forecast import History
from reports.risk import team_history
from service.runtime import Runtime
from store.db import session_scope
from store.models import Trajectory
from views.text import blocks_to_text


@dataclass
class Message:
    key: str
    team_id: str
    channel: str
    text: str
    blocks: list[Block] | None = None
    method: str = "chat.postMessage"
    extra: dict | None = None  # for a mail: what its courier renders
    trajectory_id: int | None = None  # whose coordinator hears it if Slack refuses it for good


log = logging.getLogger(__name__)


class _Taken(Exception):
    """Another instance queued this message first: undo this step, it is theirs."""


class JobRun:
    def __init__(self, rt: Runtime, *, dry_run: bool = False, out=sys.stdout):
        self.rt = rt
        self.dry_run = dry_run
        self.out = out
        self.queued: list[str] = []
        self.skipped = 0
        self.notes: list[str] = []  # what the run chose not to do, for the operator
        self.failed: list[str] = []  # steps that broke; the others went on
        self.refused: dict[str, str] = {}  # messages Slack refused for good: key -> why (their coordinator was told)
        self._histories: dict[str, History] = {}
        self._served: set[str] | None | bool = False  # not asked yet

    def history(self, session: Session, team_id: str) -> History:
        """The team's lateness history, read once per run: it changes slowly, and every
        trajectory's forecast reads it."""
        if team_id not in self._histories:
            self._histories[team_id] = team_history(session, team_id)
        return self._histories[team_id]

    @contextmanager
    def step(self, what: str = "") -> Iterator[Session]:
        """A transaction for one trajectory or item; a dry run always rolls back. A step that
        breaks is rolled back and logged, and the run goes on: one trajectory's failure never
        stops another's digest or alert."""
        try:
            with session_scope(self.rt.engine) as session:
                yield session
                if self.dry_run:
                    session.rollback()
        except _Taken:
            self.skipped += 1
        except Exception as error:  # noqa: BLE001 - isolate the step; its type and id are in the log
            self.failed.append(what)
            log.error("job step %s failed: %s", what or "?", type(error).__name__, exc_info=log.isEnabledFor(logging.DEBUG))

    def trajectory_ids(self) -> list[int]:
        """Every trajectory of a workspace the bot is installed in, each then handled in a step of
        its own; an uninstalled workspace's records stay, but nothing is sent for them."""
        served = self.served_teams()
        with session_scope(self.rt.engine) as session:
            query = select(Trajectory.id).order_by(Trajectory.id)
            if served is not None:
                query = query.where(Trajectory.team_id.in_(sorted(served)))
            return list(session.exec(query))

    def served_teams(self) -> set[str] | None:
        """The installed workspaces (None: all, one workspace by token), asked once per run."""
        if self._served is False:
            self._served = self.rt.workspaces.served_teams() if self.rt.workspaces is not None else None
        return self._served

    def send(self, session: Session, message: Message) -> None:
        served = self.served_teams()
        if served is not None and message.team_id not in served:
            return  # the app was uninstalled there: its records stay, its messages stop
        if self.dry_run:
            if outbox.exists(session, message.key):
                raise _Taken(message.key)
            print(f"\n── {message.channel} ({message.key})", file=self.out)
            if message.method == outbox.MAIL:
                courier = Courier(self.rt.engine, self.rt.settings, None, self.rt.clock)
                print(courier.preview(session, message.key, message.extra), file=self.out)
            else:
                print(blocks_to_text([b.to_dict() for b in message.blocks or []], message.text), file=self.out)
            self.queued.append(message.key)
            return
        if not outbox.enqueue(session, now=self.rt.now(), key=message.key, team_id=message.team_id, channel=message.channel,
                              text=message.text, blocks=message.blocks, method=message.method, extra=message.extra,
                              trajectory_id=message.trajectory_id):
            raise _Taken(message.key)
        self.queued.append(message.key)

    def finish(self) -> list[str]:
        if not self.dry_run:
            report = self.rt.deliver(self.queued)
            self.refused = dict(report.refused) if report is not None else {}
        return self.queued
