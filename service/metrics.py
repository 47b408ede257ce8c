"""Prometheus metrics at /metrics: what the outbox sent and failed, how long jobs and commands take,
and the outbox backlog.

Gunicorn serves from several worker processes and runs the schedule in its master, so counters and
histograms live in prometheus_client's multiprocess files (PROMETHEUS_MULTIPROC_DIR, which bot.py sets
up before anything imports prometheus_client) and any worker's scrape adds up every
process. The backlog is read from the outbox table at scrape time: the same answer whichever
process is asked, and nothing to keep in step."""
from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from datetime import timezone
from typing import Iterator

from prometheus_client import Histogram, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import select

from delivery.metrics import MULTIPROC_ENV, REGISTRY
from delivery.outbox import GIVE_UP_AFTER

JOB_SECONDS = Histogram("regiowacht_job_duration_seconds", "How long a scheduled job or one step of the "
                        "risk scan took", ["job"], registry=REGISTRY,
                        buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300))
COMMAND_SECONDS = Histogram("regiowacht_command_duration_seconds", "Time until a command's or form's answer "
                            "is ready, by subcommand", ["command"], registry=REGISTRY,
                            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10))

log = logging.getLogger(__name__)


@contextmanager
def timed_job(name: str) -> Iterator[None]:
    with JOB_SECONDS.labels(job=name).time():
        yield


@contextmanager
def timed_command(word: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        COMMAND_SECONDS.labels(command=word).observe(time.perf_counter() - started)


class _Scrape:
    """What one scrape collects: every process's counters and histograms, and the backlog now."""

    def __init__(self, rt):
        self.rt = rt

    def collect(self):
        # A scrape answers with what it can read: a process writing its file at that very moment
        # (or a locked database) costs one scrape a family, never the whole /metrics.
        try:
            families = list(multiprocess.MultiProcessCollector(None).collect() if os.environ.get(MULTIPROC_ENV)
                            else REGISTRY.collect())
        except Exception as error:  # noqa: BLE001 - logged by type; the backlog below still answers
            log.warning("metrics: the processes' figures could not be read now: %s", type(error).__name__)
            families = []
        yield from families
        try:
            yield from list(self._outbox())
        except Exception as error:  # noqa: BLE001 - as above
            log.warning("metrics: the outbox backlog could not be read now: %s", type(error).__name__)

    def _outbox(self):
        from store.db import session_scope
        from store.models import Outbox
        unsent = Outbox.sent_at.is_(None)
        try:
            with session_scope(self.rt.engine, readonly=True) as session:
                pending, oldest = session.exec(select(func.count(), func.min(Outbox.created_at))
                                               .where(unsent, Outbox.attempts < GIVE_UP_AFTER)).one()
                given_up = session.exec(select(func.count()).where(unsent, Outbox.attempts >= GIVE_UP_AFTER)).one()
        except SQLAlchemyError:  # the database is away: /health says so; counters still answer
            return
        if oldest is not None and oldest.tzinfo is None:  # SQLite gives naive UTC
            oldest = oldest.replace(tzinfo=timezone.utc)
        age = max(0.0, (self.rt.now() - oldest).total_seconds()) if oldest is not None else 0.0
        yield GaugeMetricFamily("regiowacht_outbox_pending", "Messages waiting in the outbox to be sent", pending)
        yield GaugeMetricFamily("regiowacht_outbox_oldest_pending_seconds",
                                "Age of the oldest message waiting in the outbox (0 when none waits)", age)
        yield GaugeMetricFamily("regiowacht_outbox_given_up", "Messages the outbox stopped retrying; "
                                "their last error is kept for an operator", given_up)


def exposition(rt) -> tuple[bytes, str]:
    """The /metrics body and its content type."""
    return generate_latest(_Scrape(rt)), CONTENT_TYPE_LATEST


def process_exited(pid: int) -> None:
    """Gunicorn's child_exit: a dead worker's live gauges go; its counts stay in the totals."""
    if os.environ.get(MULTIPROC_ENV):
        multiprocess.mark_process_dead(pid)
