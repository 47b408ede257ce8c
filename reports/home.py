"""What waits for one person (App Home): input asked of them, their tasks, the urgent cases they
flagged or picked up (and, for a coordinator, those nobody picked up yet), what is overdue in the
trajectories they coordinate, and the level of every trajectory they are involved in. Overdue is
marked. Each trajectory is read as `status` reads it, so what `status` leaves out, Home does too."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, union
from sqlmodel import Session, select

from domain.forecast import Thresholds
from domain.permissions import Actor
from domain.requests import asked_of
from domain.texts import fmt_date, t
from reports.region import region_line, region_overview
from reports.risk import buffer_text, forecast_trajectory, level_label, owner_words
from reports.status import case_line
from store import queries
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


def involved_trajectories(session: Session, team_id: str, user_id: str) -> list[Trajectory]:
    """Every trajectory the person coordinates, is asked something in, owns a task in, flagged or
    picked up a case in, or asked or created something in."""
    ids = union(
        select(InputRequest.trajectory_id).join(InputPart, InputPart.request_id == InputRequest.id)
        .where(InputRequest.team_id == team_id, InputPart.slack_user == user_id, live(InputRequest)),
        select(InputRequest.trajectory_id).where(InputRequest.team_id == team_id, InputRequest.requested_by == user_id,
                                                 live(InputRequest)),
        select(Task.trajectory_id).where(Task.team_id == team_id, live(Task),
                                         or_(Task.owner_user == user_id, Task.created_by == user_id)),
        select(UrgentCase.trajectory_id).where(UrgentCase.team_id == team_id, live(UrgentCase),
                                               or_(UrgentCase.flagged_by == user_id, UrgentCase.acked_by == user_id)))
    return list(session.exec(select(Trajectory).where(
        Trajectory.team_id == team_id,
        or_(Trajectory.coordinator_id == user_id, Trajectory.id.in_(select(ids.subquery())))).order_by(Trajectory.title)))


def waiting_for(session: Session, team_id: str, user_id: str, today: date, lang: str,
                thresholds: Thresholds, cmd: str) -> list[HomeSection]:
    def due(day: date) -> str:
        return fmt_date(day, lang) + (f" {t(lang, 'home_overdue')}" if day < today else "")

    inputs, tasks, cases, chase, levels = [], [], [], [], []
    for trajectory in involved_trajectories(session, team_id, user_id):
        data = queries.trajectory_data(session, trajectory)
        result = forecast_trajectory(session, trajectory, today, thresholds, data)
        coordinates = trajectory.coordinator_id == user_id
        title = trajectory.title
        for request in data.inputs:
            parts = data.parts.get(request.id, [])
            if any(p.slack_user == user_id and not p.received_on for p in parts):
                inputs.append((request.deadline, HomeItem(
                    t(lang, "home_input", ref=request.ref, question=request.question, trajectory=title,
                      deadline=due(request.deadline)), "home_received", t(lang, "btn_received"), str(request.id))))
            elif coordinates and request.deadline < today:
                chase.append((request.deadline, HomeItem(t(lang, "home_input_chase", ref=request.ref,
                                                           question=request.question, who=asked_of(request, parts, lang),
                                                           trajectory=title, deadline=due(request.deadline)))))
        for task in data.tasks:
            if task.owner_user == user_id:
                tasks.append((task.deadline, HomeItem(
                    t(lang, "home_task", ref=task.ref, title=task.title, trajectory=title, deadline=due(task.deadline)),
                    "home_done", t(lang, "btn_done"), str(task.id))))
            elif coordinates and task.deadline < today:
                key = "home_task_chase" if task.owner_user else "home_task_unowned"
                chase.append((task.deadline, HomeItem(t(lang, key, ref=task.ref, title=task.title,
                                                        owner=owner_words(task, lang), trajectory=title,
                                                        deadline=due(task.deadline), cmd=cmd))))
        for case in data.cases:
            relation = ("home_case_picked_up" if case.acked_by == user_id else
                        "home_case_flagged" if case.flagged_by == user_id else
                        "home_case_waiting" if coordinates and not case.acked_at else None)
            if relation:
                cases.append((case.acked_at is not None, HomeItem(
                    f"{case_line(case, lang)} · {t(lang, relation)} · {title}", None if case.acked_at else "urgent_ack",
                    None if case.acked_at else t(lang, "btn_ack"), str(case.id))))
        levels.append(HomeItem(t(lang, "home_trajectory", level=level_label(result.level, lang), title=title,
                                 channel=f"<#{trajectory.channel_id}>", verdict=buffer_text(result, lang))))
    ordered = lambda found: [item for _, item in sorted(found, key=lambda pair: pair[0])]  # noqa: E731
    sections = [HomeSection(t(lang, key), ordered(found)) for key, found in (
        ("home_cases", cases), ("home_inputs", inputs), ("home_tasks", tasks), ("home_to_chase", chase))
        if found]
    if not sections:  # one line, not a row of empty headings
        sections.append(HomeSection(t(lang, "home_waiting")))
    if levels:
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
