"""What waits for one person (App Home): input asked of them, their tasks, the urgent cases they
flagged, and the level of the trajectories they are involved in."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, select

from domain.forecast import Thresholds
from domain.permissions import Actor
from domain.texts import fmt_date, t
from reports.region import region_line, region_overview
from reports.risk import buffer_text, forecast_trajectory, level_label
from reports.status import case_line
from store.models import InputPart, InputRequest, Task, Trajectory, UrgentCase
from store.queries import live


@dataclass
class HomeItem:
    text: str
    action: str | None = None     # action id of its button
    label: str | None = None
    value: str | None = None


@dataclass
class HomeSection:
    title: str
    items: list[HomeItem] = field(default_factory=list)


def waiting_for(session: Session, team_id: str, user_id: str, today: date, lang: str,
                thresholds: Thresholds) -> list[HomeSection]:
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    inputs = list(session.exec(select(InputRequest).join(InputPart, InputPart.request_id == InputRequest.id).where(
        InputRequest.team_id == team_id, InputPart.slack_user == user_id, InputPart.received_on.is_(None),
        InputRequest.received_on.is_(None), live(InputRequest)).order_by(InputRequest.deadline)))
    tasks = list(session.exec(select(Task).where(Task.team_id == team_id, Task.owner_user == user_id,
                                                 Task.done_on.is_(None), live(Task)).order_by(Task.deadline)))
    cases = list(session.exec(select(UrgentCase).where(UrgentCase.team_id == team_id, UrgentCase.flagged_by == user_id,
                                                       UrgentCase.resolved_at.is_(None), live(UrgentCase))))
    involved = {row.trajectory_id for row in (*inputs, *tasks, *cases)}
    for table, column in ((InputRequest, InputRequest.requested_by), (Task, Task.created_by)):
        involved |= set(session.exec(select(table.trajectory_id).where(table.team_id == team_id, column == user_id)))
    trajectories = list(session.exec(select(Trajectory).where(
        Trajectory.team_id == team_id,
        or_(Trajectory.coordinator_id == user_id, Trajectory.id.in_(involved))).order_by(Trajectory.title)))
    titles = {tr.id: tr.title for tr in trajectories}
    sections = [
        HomeSection(t(lang, "home_inputs"), [
            HomeItem(f"*{r.ref}* {r.question} · {titles.get(r.trajectory_id, '')} · {d(r.deadline)}",
                     "home_received", t(lang, "btn_received"), str(r.id)) for r in inputs]),
        HomeSection(t(lang, "home_tasks"), [
            HomeItem(f"*{x.ref}* {x.title} · {titles.get(x.trajectory_id, '')} · {d(x.deadline)}",
                     "home_done", t(lang, "btn_done"), str(x.id)) for x in tasks]),
        HomeSection(t(lang, "home_cases"), [
            HomeItem(case_line(c, lang), None if c.acked_at else "urgent_ack",
                     None if c.acked_at else t(lang, "btn_ack"), str(c.id)) for c in cases]),
    ]
    levels = []
    for trajectory in trajectories:
        result = forecast_trajectory(session, trajectory, today, thresholds)
        levels.append(HomeItem(t(lang, "home_trajectory", level=level_label(result.level, lang), title=trajectory.title,
                                 channel=f"<#{trajectory.channel_id}>", verdict=buffer_text(result, lang))))
    sections.append(HomeSection(t(lang, "home_trajectories"), levels))
    return sections


def coordinator_regions(session: Session, actor: Actor, today: date, lang: str, thresholds: Thresholds,
                        cmd: str) -> list[HomeSection]:
    """For a coordinator: each region they coordinate in, every trajectory at a glance (the
    private-channel rule of `regio` holds here too)."""
    coordinated = list(session.exec(select(Trajectory).where(Trajectory.team_id == actor.team_id,
                                                             Trajectory.coordinator_id == actor.user_id)
                                    .order_by(Trajectory.region_id, Trajectory.id)))
    sections, seen = [], set()
    for trajectory in coordinated:
        if trajectory.region_id in seen:
            continue
        seen.add(trajectory.region_id)
        overview = region_overview(session, actor, trajectory, today, thresholds, with_matrix=False)
        sections.append(HomeSection(t(lang, "home_region", region=overview.region.name, cmd=cmd),
                                    [HomeItem(region_line(row, lang)) for row in overview.rows]))
    return sections
