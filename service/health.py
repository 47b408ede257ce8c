"""/health: does the database answer? A load balancer or Docker asks every few seconds, so the
check is one `SELECT 1` on the pool, with a deadline: a database that hangs instead of refusing
must not hang the check too. It also reads whether mails wait because the mail server (or its
set-up) refused them: then the bot still works ("degraded", 200), but the operator must act."""
from __future__ import annotations

import json
import threading
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError

from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from delivery.mail.transport import SERVER_SIDE
from delivery.outbox import GIVE_UP_AFTER, MAIL
from store.db import read_only
from store.models import Outbox

DEADLINE = 2.0  # seconds


class Health:
    def __init__(self, engine: Engine, deadline: float = DEADLINE):
        self.engine = engine
        self.deadline = deadline
        # One thread: while a ping hangs, later checks wait for that same ping instead of piling up
        # threads and connections. Threads start on first use, so each gunicorn worker has its own.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="regiowacht-health")
        self._lock = threading.Lock()
        self._ping: Future | None = None

    def check(self) -> tuple[bool, dict]:
        """(healthy, body). The reason names the kind of failure only: a driver's message can
        carry the host, user or database name."""
        with self._lock:
            if self._ping is None or self._ping.done():
                self._ping = self._pool.submit(self._select_one)
            ping = self._ping
        try:
            mail_waiting = ping.result(timeout=self.deadline)
        except TimeoutError:
            return False, {"status": "unavailable", "database": f"no answer within {self.deadline:g} s"}
        except DBAPIError as error:
            return False, {"status": "unavailable", "database": type(error.orig).__name__}
        except Exception as error:  # noqa: BLE001 - e.g. the pool timed out: still a database problem
            return False, {"status": "unavailable", "database": type(error).__name__}
        if mail_waiting:
            return True, {"status": "degraded", "database": "ok", "mail": mail_waiting}
        return True, {"status": "ok", "database": "ok"}

    def _select_one(self) -> str | None:
        """SELECT 1, then what the mail server's refusals keep waiting: the kinds only (an SMTP
        reply can carry an address)."""
        # Read-only: on SQLite a plain transaction would queue for the write lock behind a job.
        with read_only(self.engine).connect() as connection:
            connection.execute(text("SELECT 1"))
            errors = connection.execute(
                select(Outbox.last_error).where(Outbox.method == MAIL, Outbox.sent_at.is_(None),
                                                Outbox.attempts.between(1, GIVE_UP_AFTER - 1),
                                                Outbox.last_error.startswith(SERVER_SIDE))).scalars().all()
        if not errors:
            return None
        kinds = sorted({error[len(SERVER_SIDE):].partition(")")[0] for error in errors})
        return f"{len(errors)} e-mail(s) wachten op de mailserver ({', '.join(kinds)})"

    def __call__(self, environ, start_response):
        healthy, body = self.check()
        start_response("200 OK" if healthy else "503 Service Unavailable",
                       [("Content-Type", "application/json"), ("Cache-Control", "no-store")])
        return [json.dumps(body).encode()]
