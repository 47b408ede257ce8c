"""The daily digest: one message per trajectory channel per day, never two."""
from __future__ import annotations

from domain.workdays import WorkCalendar
from jobs.runner import JobRun, Message
from reports.digest import trajectory_digest
from service.metrics import timed_job
from store.models import Trajectory
from views.messages import headline_text, reply_blocks


def digest_key(trajectory: Trajectory, day) -> str:
    return f"digest:{trajectory.team_id}:{trajectory.channel_id}:{day.isoformat()}"


def run_digests(run: JobRun) -> list[str]:
    with timed_job("digest"):
        for trajectory_id in run.trajectory_ids():
            queue_digest(run, trajectory_id)
        return run.finish()


def queue_digest(run: JobRun, trajectory_id: int) -> None:
    """Build one channel's digest and queue it under today's key, in one transaction."""
    rt = run.rt
    today, now = rt.today(), rt.now()
    with run.step(f"trajectory {trajectory_id}") as session:
        trajectory = session.get(Trajectory, trajectory_id)
        reply = trajectory_digest(session, trajectory, today, now, rt.settings.language, rt.settings,
                                  run.history(session, trajectory.team_id))
        run.send(session, Message(digest_key(trajectory, today), trajectory.team_id, trajectory.channel_id,
                                  headline_text(reply), reply_blocks(reply, rt.settings.language, rt.settings.slash_command),
                                  trajectory_id=trajectory.id))
        trajectory.last_digest_at = now
        session.add(trajectory)


def digest_if_working_day(rt) -> list[str]:
    """The scheduled digest: nothing on weekends or public holidays."""
    if not WorkCalendar(rt.settings.good_friday_is_holiday).is_working_day(rt.today()):
        return []
    return run_digests(JobRun(rt))
