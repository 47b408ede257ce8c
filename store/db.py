"""Engine, sessions and migrations. One session and one transaction per request or job step."""
from __future__ import annotations

import logging
import os
import threading
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"
log = logging.getLogger(__name__)
T = TypeVar("T")


def normalize_url(url: str) -> str:
    """`postgresql://` as operators write it, served by psycopg 3 (the driver we ship)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str, pool_size: int = 10) -> Engine:
    url = normalize_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # noqa: ANN001
            # WAL lets readers work while a writer commits; SQLite leaves foreign keys off by default.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):  # noqa: ANN001
            # A writer takes the write lock at the start, so two writers queue instead of failing
            # mid-way; a reader takes none, so reads never wait for each other or for a writer.
            conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get("readonly") else "BEGIN IMMEDIATE")

        # pysqlite's own transaction handling would defeat BEGIN IMMEDIATE.
        @event.listens_for(engine, "connect")
        def _sqlite_no_autobegin(dbapi_connection, _record):  # noqa: ANN001
            dbapi_connection.isolation_level = None

        # SQLite has one writer at a time. Writers of this process queue on a lock that hands
        # over at once, instead of SQLite's busy handler, which sleeps in growing steps (the
        # half-second stalls under load); another process still waits through busy_timeout.
        engine.__dict__["_regiowacht_writers"] = threading.RLock()
        return engine
    # Recycling, not a ping per checkout: the ping would cost every request a round trip.
    # hide_parameters: an error in the log never carries what a user typed.
    engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_recycle=1800, hide_parameters=True)

    @event.listens_for(engine, "do_connect")
    def _name_the_process(dialect, conn_rec, cargs, cparams):  # noqa: ANN001
        # pg_stat_activity shows which process holds which connection (web worker or schedule).
        cparams["application_name"] = f"regiowacht-{os.getpid()}"

    return engine


def after_fork(engine: Engine) -> None:
    """In a forked child: forget the parent's pooled connections without closing them, so each
    process talks to the database over connections of its own (SQLAlchemy's recipe for fork)."""
    engine.dispose(close=False)


def read_only(engine: Engine) -> Engine:
    """The same engine and pool, for transactions that only read (on SQLite: no write lock)."""
    readonly = engine.__dict__.get("_regiowacht_readonly")
    if readonly is None:
        readonly = engine.__dict__["_regiowacht_readonly"] = engine.execution_options(readonly=True)
    return readonly


@contextmanager
def session_scope(engine: Engine, *, readonly: bool = False) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on any error."""
    writers = None if readonly else engine.__dict__.get("_regiowacht_writers")
    with writers or nullcontext(), Session(read_only(engine) if readonly else engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def reconnecting(work: Callable[[], T]) -> T:
    """Run `work()` (one whole transaction); if its connection turned out to be dead (the database
    restarted, the network dropped), SQLAlchemy has already discarded the pool: run it once more
    on a fresh connection instead of failing the first user after an outage. A write that did
    commit before the connection died is not done twice: requests carry their Slack id, which
    the retry finds recorded."""
    try:
        return work()
    except DBAPIError as error:
        if not error.connection_invalidated:
            raise
        log.warning("database connection lost; trying once more on a new one")
        return work()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
