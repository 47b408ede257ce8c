"""The daily digest: one message per trajectory channel per day, never two."""
from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from core.digest import digest_reply
from core.forecast import forecast_trajectory, thresholds_of
from core.workdays import WorkCalendar
from jobs.runner import JobRun, Message
from store import queries
from store.models import Trajectory
from views.messages import fallback_text, reply_blocks


def digest_key(trajectory: Trajectory, day) -> str:
    return f"digest:{trajectory.team_id}:{trajectory.channel_id}:{day.isoformat()}"


def run_digests(run: JobRun) -> list[str]:
    rt = run.rt
    today, now = rt.today(), rt.now()
    lang = rt.settings.language
    work = WorkCalendar(rt.settings.good_friday_is_holiday)
    with run.step() as session:
        ids = list(session.exec(select(Trajectory.id).order_by(Trajectory.id)))
    for trajectory_id in ids:
        with run.step() as session:
            trajectory = session.get(Trajectory, trajectory_id)
            key = digest_key(trajectory, today)
            data = queries.trajectory_data(session, trajectory)
            result = forecast_trajectory(session, trajectory, today, thresholds_of(rt.settings), data)
            since = trajectory.last_digest_at or (now - timedelta(days=1))
            reply = digest_reply(data, result, queries.audit_since(session, trajectory.id, since), today, lang, work)
            run.send(session, Message(key, trajectory.team_id, trajectory.channel_id, fallback_text(reply),
                                      reply_blocks(reply)))
            trajectory.last_digest_at = now
            session.add(trajectory)
    return run.finish()
