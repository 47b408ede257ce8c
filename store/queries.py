"""Queries shared by the commands, the views and the jobs."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import case, func, or_, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from store.models import (
    Adoption,
    AnswerTry,
    AuditLog,
    Contact,
    DataVersion,
    Decision,
    InputPart,
    InputRequest,
    Municipality,
    RefCounter,
    Region,
    Task,
    Trajectory,
    UrgentCase,
)

SYSTEM_ACTOR = "regiowacht"  # the audit actor for what the bot's own jobs change
ITEM_TABLES = {"B": Decision, "I": InputRequest, "T": Task, "U": UrgentCase}


def live(table):
    """The condition that keeps withdrawn items out: every query that feeds a view, a reminder,
    the forecast or a lateness average applies it, so a withdrawn item leaves them all at once."""
    return table.withdrawn_at.is_(None)


def next_ref(session: Session, team_id: str, kind: str) -> str:
    """Hand out the next reference of a kind, atomically: two concurrent requests never share one."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(RefCounter)
        .values(team_id=team_id, kind=kind, value=1)
        .on_conflict_do_update(index_elements=["team_id", "kind"], set_={"value": RefCounter.value + 1})
        .returning(RefCounter.value)
    )
    return f"{kind}{session.exec(statement).scalar_one()}"


def trajectory_for_channel(session: Session, team_id: str, channel_id: str) -> Trajectory | None:
    return session.exec(select(Trajectory).where(Trajectory.team_id == team_id,
                                                 Trajectory.channel_id == channel_id)).first()


def channel_owner(session: Session, channel_id: str) -> str | None:
    """The workspace whose trajectory lives in this channel; a shared channel's id is the same in
    every workspace it is shared with."""
    return session.exec(select(Trajectory.team_id).where(Trajectory.channel_id == channel_id)
                        .order_by(Trajectory.id).limit(1)).first()


def item_by_ref(session: Session, team_id: str, ref: str):
    table = ITEM_TABLES.get(ref[:1].upper())
    if table is None:
        return None
    return session.exec(select(table).where(table.team_id == team_id, table.ref == ref.upper())).first()


def region_by_name(session: Session, team_id: str, name: str) -> Region | None:
    for region in session.exec(select(Region).where(Region.team_id == team_id)):
        if region.name.casefold() == name.casefold():
            return region
    return None


def region_with_members(session: Session, region_id: int) -> tuple[Region, list[Municipality]]:
    """A region and its municipalities, in one statement."""
    rows = session.exec(select(Region, Municipality).join(Municipality, Municipality.region_id == Region.id)
                        .where(Region.id == region_id, Municipality.left_at.is_(None))
                        .order_by(Municipality.name)).all()
    if not rows:
        return session.get(Region, region_id), []
    return rows[0][0], [municipality for _, municipality in rows]


def municipalities(session: Session, region_id: int, *, former: bool = False) -> list[Municipality]:
    """The region's members (with `former`: also those that left)."""
    query = select(Municipality).where(Municipality.region_id == region_id)
    if not former:
        query = query.where(Municipality.left_at.is_(None))
    return list(session.exec(query.order_by(Municipality.name)))


def contacts_of(session: Session, region_id: int) -> list[Contact]:
    return list(session.exec(select(Contact).where(Contact.region_id == region_id).order_by(Contact.name)))


def contacts_with_role(session: Session, region_id: int, role: str) -> list[Contact]:
    return list(session.exec(select(Contact).where(Contact.region_id == region_id, Contact.role == role)
                             .order_by(Contact.name)))


@dataclass
class TaskReach:
    """How a task's owner is reached: a DM to `user`, else a mail to `contact`; `role_contacts`:
    a role task whose role has no contact, or several (nobody is its owner yet); none of these:
    a name only, so whoever made the task hears it instead."""
    user: str | None = None
    contact: Contact | None = None
    by_role: bool = False
    role_contacts: list[Contact] | None = None

    @property
    def unowned(self) -> bool:
        return self.role_contacts is not None


def task_reach(session: Session, task: Task, region_id: int) -> TaskReach:
    contact = session.get(Contact, task.owner_contact_id) if task.owner_contact_id else None
    if task.owner_user or contact is not None:
        return TaskReach(task.owner_user or contact.slack_user, contact if contact and contact.email else None)
    if task.owner_role:
        contacts = contacts_with_role(session, region_id, task.owner_role)
        if len(contacts) == 1:
            return TaskReach(contacts[0].slack_user, contacts[0] if contacts[0].email else None, by_role=True)
        return TaskReach(role_contacts=contacts)
    return TaskReach()


def policy_contacts(session: Session, region_id: int) -> dict[int, list]:
    """Each municipality's policy contacts (beleid; read-only rows), in the order registered: whom
    its late adoption is chased at are those that fit the trajectory's domain (domain/domains.py)."""
    contacts: dict[int, list] = defaultdict(list)
    for contact in _rows(session, Contact, Contact.region_id == region_id, Contact.role == "beleid",
                         Contact.municipality_id.is_not(None), order_by=(Contact.id,)):
        contacts[contact.municipality_id].append(contact)
    return contacts


def adoptions_by_decision(session: Session, decision_ids: Iterable[int]) -> dict[int, list[Adoption]]:
    ids = list(decision_ids)
    result: dict[int, list[Adoption]] = defaultdict(list)
    if ids:
        for adoption in session.exec(select(Adoption).where(Adoption.decision_id.in_(ids))):
            result[adoption.decision_id].append(adoption)
    return result






def audit(session: Session, *, at: datetime, team_id: str, actor: str, action: str,
          trajectory_id: int | None = None, item: str | None = None, field_name: str | None = None,
          old=None, new=None) -> None:
    """One audit row, in the caller's transaction: the change and its record commit together, and
    the team's data version moves with them."""
    session.add(AuditLog(at=at, team_id=team_id, trajectory_id=trajectory_id, actor=actor, action=action,
                         item=item, field_name=field_name,
                         old_value=None if old is None else str(old),
                         new_value=None if new is None else str(new)))
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.exec(dialect.insert(DataVersion).values(team_id=team_id, version=1)
                 .on_conflict_do_update(index_elements=["team_id"], set_={"version": DataVersion.version + 1}))


_READ_KEY = text(
    "SELECT (SELECT version FROM dataversion WHERE team_id = :team),"
    " (SELECT id FROM trajectory WHERE team_id = :team AND channel_id = :channel),"
    " (SELECT language FROM usersetting WHERE team_id = :team AND user_id = :user)")


def read_key(session: Session, team_id: str, channel_id: str, user_id: str) -> tuple[int, int | None, str | None]:
    """What a remembered answer depends on, in one round trip: the team's data version (read
    before the data it guards), the channel's trajectory, and the user's own language choice."""
    version, trajectory_id, language = session.execute(
        _READ_KEY, {"team": team_id, "channel": channel_id, "user": user_id}).one()
    return version or 0, trajectory_id, language



@dataclass
class TrajectoryData:
    """What the forecast, status and digest read of one trajectory: its decisions, and only the
    open inputs, tasks and cases, in a fixed number of queries however many items it holds. The
    items are read-only rows with the tables' column names, lighter than ORM objects. Withdrawn
    items are not among them."""
    trajectory: Trajectory
    region: Region
    members: list[Municipality]
    decisions: list
    adoptions: dict[int, list]   # of decisions not yet taken
    inputs: list                 # open input requests
    parts: dict[int, list]       # their recipients, by request id
    policy: dict[int, list]      # municipality id -> its policy contacts (beleid), of every domain
    tasks: list                  # open tasks
    cases: list                  # unresolved urgent cases


def _rows(session: Session, table, *where, order_by=()):
    columns = [c for c in table.__table__.columns if c.name != "created_at"]  # unused, and costly to convert
    return session.execute(select(*columns).where(*where).order_by(*order_by)).all()


def trajectory_data(session: Session, trajectory: Trajectory) -> TrajectoryData:
    found = _rows(session, Decision, Decision.trajectory_id == trajectory.id, live(Decision),
                  order_by=(Decision.deadline, Decision.id))
    adoptions: dict[int, list] = defaultdict(list)
    open_ids = [d.id for d in found if not d.taken_on]
    if open_ids:
        for adoption in _rows(session, Adoption, Adoption.decision_id.in_(open_ids)):
            adoptions[adoption.decision_id].append(adoption)
    region, members = region_with_members(session, trajectory.region_id)
    inputs = _rows(session, InputRequest, InputRequest.trajectory_id == trajectory.id, InputRequest.received_on.is_(None),
                   live(InputRequest), order_by=(InputRequest.deadline, InputRequest.id))
    return TrajectoryData(
        trajectory, region, members, found, adoptions, inputs, parts_by_request(session, [r.id for r in inputs]),
        policy_contacts(session, trajectory.region_id),
        _rows(session, Task, Task.trajectory_id == trajectory.id, Task.done_on.is_(None), live(Task),
              order_by=(Task.deadline, Task.id)),
        _rows(session, UrgentCase, UrgentCase.trajectory_id == trajectory.id, UrgentCase.resolved_at.is_(None),
              live(UrgentCase), order_by=(UrgentCase.flagged_at,)))


def trajectories_in_region(session: Session, team_id: str, region_id: int) -> list[Trajectory]:
    return list(session.exec(select(Trajectory).where(Trajectory.team_id == team_id, Trajectory.region_id == region_id)
                             .order_by(Trajectory.contract_end, Trajectory.id)))


def open_decisions(session: Session, trajectory_id: int) -> list[Decision]:
    return list(session.exec(select(Decision).where(Decision.trajectory_id == trajectory_id, Decision.taken_on.is_(None),
                                                    live(Decision))))


def tasks_of(session: Session, trajectory_id: int) -> list[Task]:
    """Every task of a trajectory, done, withdrawn or not, in the order they were made: what
    `plan` must not make again."""
    return list(session.exec(select(Task).where(Task.trajectory_id == trajectory_id).order_by(Task.id)))


def parts_by_request(session: Session, request_ids: list[int]) -> dict[int, list]:
    """The recipients of these requests (read-only rows), in one query."""
    result: dict[int, list] = defaultdict(list)
    if request_ids:
        for part in _rows(session, InputPart, InputPart.request_id.in_(request_ids), order_by=(InputPart.id,)):
            result[part.request_id].append(part)
    return result


def _days_late(session: Session, done, deadline):
    """Days after the deadline, early counting as zero, computed by the database."""
    if session.get_bind().dialect.name == "postgresql":
        days = done - deadline
    else:
        days = func.julianday(done) - func.julianday(deadline)
    return case((days > 0, days), else_=0)


def municipality_lateness(session: Session, municipality_ids: list[int]) -> dict[int, float]:
    """Average days late of each municipality's adoptions, across all its decisions (a withdrawn
    decision does not count)."""
    if not municipality_ids:
        return {}
    rows = session.execute(select(Adoption.municipality_id, func.avg(_days_late(session, Adoption.on_date, Decision.deadline)))
                           .join(Decision, Decision.id == Adoption.decision_id)
                           .where(Adoption.municipality_id.in_(municipality_ids), Adoption.outcome == "vastgesteld",
                                  live(Decision))
                           .group_by(Adoption.municipality_id))
    return {municipality: float(late) for municipality, late in rows}


def team_lateness(session: Session, team_id: str) -> tuple[dict[int, float], dict[str, float]]:
    """Every municipality's and every stakeholder's average lateness in the team, in two queries:
    a job that forecasts all trajectories reads the history once, not once per trajectory."""
    municipalities = {municipality: float(late) for municipality, late in session.execute(
        select(Adoption.municipality_id, func.avg(_days_late(session, Adoption.on_date, Decision.deadline)))
        .join(Decision, Decision.id == Adoption.decision_id)
        .where(Decision.team_id == team_id, Adoption.outcome == "vastgesteld", Adoption.municipality_id.is_not(None),
               live(Decision))
        .group_by(Adoption.municipality_id))}
    stakeholders = {who: float(late) for who, late in session.execute(
        select(InputPart.stakeholder_key, func.avg(_days_late(session, InputPart.received_on, InputRequest.deadline)))
        .join(InputRequest, InputRequest.id == InputPart.request_id)
        .where(InputRequest.team_id == team_id, InputPart.received_on.is_not(None), live(InputRequest))
        .group_by(InputPart.stakeholder_key))}
    return municipalities, stakeholders


def stakeholder_lateness(session: Session, team_id: str, keys: set[str]) -> dict[str, float]:
    """Average days late of earlier answers by these stakeholders (InputPart.stakeholder_key: the
    Slack user, or the name), each answer against its request's deadline."""
    if not keys:
        return {}
    rows = session.execute(
        select(InputPart.stakeholder_key, func.avg(_days_late(session, InputPart.received_on, InputRequest.deadline)))
        .join(InputRequest, InputRequest.id == InputPart.request_id)
        .where(InputRequest.team_id == team_id, InputPart.received_on.is_not(None), live(InputRequest),
               InputPart.stakeholder_key.in_(sorted(keys)))
        .group_by(InputPart.stakeholder_key))
    return {key: float(days) for key, days in rows}


def audit_since(session: Session, trajectory_id: int, since) -> list[AuditLog]:
    """What changed in a trajectory since a moment; of a withdrawn item only that it was withdrawn."""
    withdrawn = [ref for table in ITEM_TABLES.values() for ref in session.exec(
        select(table.ref).where(table.trajectory_id == trajectory_id, table.withdrawn_at.is_not(None)))]
    query = select(AuditLog).where(AuditLog.trajectory_id == trajectory_id, AuditLog.at >= since)
    if withdrawn:
        query = query.where(or_(AuditLog.item.is_(None), AuditLog.item.not_in(withdrawn),
                                AuditLog.action == "ingetrokken"))
    return list(session.exec(query.order_by(AuditLog.at)))


def count_try(session: Session, link: str, now: datetime, window_start_before: datetime) -> int:
    """Count one try on a link and return the tries in its window, this one included. Windows
    begun before `window_start_before` are deleted first: the link starts again, and links tried
    once and never again do not pile up. The count is one upsert: two processes never both see 4."""
    session.exec(AnswerTry.__table__.delete().where(AnswerTry.window_start < window_start_before))
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (dialect.insert(AnswerTry).values(link=link, window_start=now, tries=1)
                 .on_conflict_do_update(index_elements=["link"], set_={"tries": AnswerTry.tries + 1})
                 .returning(AnswerTry.tries))
    return session.exec(statement).one()[0]
