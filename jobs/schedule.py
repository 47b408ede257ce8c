"""The in-process schedule of `python bot.py` (APScheduler). Every job is safe to run on several
instances at once: what it sends is keyed in the outbox first."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from apscheduler.schedulers.background import BackgroundScheduler

from jobs.digest import digest_if_working_day
from jobs.runner import JobRun
from jobs.scan import run_scan
from service.metrics import timed_job
from service.runtime import Runtime

log = logging.getLogger(__name__)


def start_schedule(rt: Runtime) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=rt.settings.timezone)
    at = rt.settings.digest_time
    scheduler.add_job(digest_if_working_day, "cron", args=[rt], day_of_week="mon-fri", hour=at.hour, minute=at.minute,
                      id="digest", max_instances=1, coalesce=True, misfire_grace_time=3600)
    # The first scan soon after start: a restart must not leave an alert waiting 15 minutes.
    scheduler.add_job(lambda: run_scan(JobRun(rt)), "interval", minutes=15, id="scan", max_instances=1,
                      coalesce=True, next_run_time=datetime.now(timezone.utc) + timedelta(seconds=rt.settings.first_scan_after))
    # Retry what Slack refused earlier; the short interval keeps a 429 or outage from delaying much.
    scheduler.add_job(lambda: retry_outbox(rt), "interval", seconds=30, id="outbox", max_instances=1, coalesce=True)
    scheduler.start()
    return scheduler


def retry_outbox(rt: Runtime) -> None:
    with timed_job("outbox"):
        rt.sender.deliver()
