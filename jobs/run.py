"""`python bot.py digest` and `python bot.py scan`: a job once, now, whatever the day."""
from __future__ import annotations

import sys

from domain.texts import count
from jobs.digest import run_digests
from jobs.runner import JobRun
from jobs.scan import run_scan
from service.runtime import Runtime

JOBS = {"digest": run_digests, "scan": run_scan}


def run_job(rt: Runtime, name: str, *, dry_run: bool = False, out=sys.stdout) -> int:
    """Run one job now; 1 when a step failed (the others went on), else 0. A dry run's runtime
    has no sender: nothing is sent."""
    if rt.sender is not None:
        earlier = rt.sender.deliver()  # first what earlier runs left in the outbox: cron alone must also retry
        if earlier.sent:
            print(f"Uit de outbox alsnog verstuurd: {count('nl', len(earlier.sent), 'bericht')}.", file=out)
    run = JobRun(rt, dry_run=dry_run, out=out)
    keys = JOBS[name](run)
    done = "klaar om te versturen (proefdraai: niets verstuurd)" if dry_run else "verstuurd"
    print(f"\n{name}: {count('nl', len(keys), 'bericht')} {done}, {run.skipped} al eerder verstuurd.", file=out)
    for note in run.notes:
        print(note, file=out)
    if rt.sender is not None:
        pending = rt.sender.deliver(keys)  # a second pass for what the first could not send
        if pending.failed:
            print(f"Wacht in de outbox op een nieuwe poging: {count('nl', len(pending.failed), 'bericht')}.", file=out)
    if run.refused:
        print("Door Slack geweigerd, niet opnieuw geprobeerd (de coördinator kreeg een bericht): "
              + ", ".join(f"{key} ({why})" for key, why in sorted(run.refused.items())) + ".", file=out)
    if run.failed:
        print("Mislukt (de rest ging door; details in het log): " + ", ".join(run.failed) + ".", file=out)
        return 1
    return 0
