"""/health: does the database answer? A load balancer or Docker asks every few seconds, so the
check is one `SELECT 1` on the pool, with a deadline: a database that hangs instead of refusing
must not hang the check too."""
from __future__ import annotations

import json
import threading
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from store.db import read_only

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
            ping.result(timeout=self.deadline)
        except TimeoutError:
            return False, {"status": "unavailable", "database": f"no answer within {self.deadline:g} s"}
        except DBAPIError as error:
            return False, {"status": "unavailable", "database": type(error.orig).__name__}
        except Exception as error:  # noqa: BLE001 - e.g. the pool timed out: still a database problem
            return False, {"status": "unavailable", "database": type(error).__name__}
        return True, {"status": "ok", "database": "ok"}

    def _select_one(self) -> None:
        # Read-only: on SQLite a plain transaction would queue for the write lock behind a job.
        with read_only(self.engine).connect() as connection:
            connection.execute(text("SELECT 1"))

    def __call__(self, environ, start_response):
        healthy, body = self.check()
        start_response("200 OK" if healthy else "503 Service Unavailable",
                       [("Content-Type", "application/json"), ("Cache-Control", "no-store")])
        return [json.dumps(body).encode()]
