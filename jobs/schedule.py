"""The in-process schedule of `python bot.py` (APScheduler). Every job is safe to run on several
instances at once: what it sends is keyed in the outbox first."""
from __future__ import annotations

import logging

from apscheduler.schedulers.background import BackgroundScheduler

from service.runtime import Runtime

log = logging.getLogger(__name__)


def start_schedule(rt: Runtime) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=rt.settings.timezone)
    # Retry what Slack refused earlier; the short interval keeps a 429 or outage from delaying much.
    scheduler.add_job(rt.sender.deliver, "interval", seconds=30, id="outbox", max_instances=1, coalesce=True)
    scheduler.start()
    return scheduler
