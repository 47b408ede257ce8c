"""`contact <naam> weg`: a contact leaves the region's registry, and the answer says what that
leaves behind (PRODUCT.md "Group requests as a working tool"):
- their open part of a group request goes: it is no longer sent, reminded or counted, so the
  tracker counts the recipients that remain (`4/12`, not `4/13`); an answer they gave stays, with
  their name, as the record of what was said;
- a request asked of them alone by mail stays open by name (nobody else was asked): its mailed link
  no longer opens and its reminders go to whoever asked, as for an outsider without an address;
- a municipality's late adoption is chased at another policy contact for that domain, or at nobody
  (the digest then names the municipality);
- the tasks they own by mail are reminded to whoever made them.
A colleague asked, or given a task, in Slack stays reached there: Slack, not the registry, is how
they were reached."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import select

from domain.domains import chased
from domain.errors import CommandError
from domain.permissions import require_coordinator
from domain.requests import Tracker
from store import queries
from store.models import Contact, InputPart, InputRequest, Municipality, Task, Trajectory
from tracking.contacts import by_name
from tracking.context import Context, current_trajectory
from tracking.inputs import drop_part


@dataclass
class Chase:
    ref: str              # a decision the municipality has still to adopt
    municipality: str
    instead: list[str]    # whom its late adoption is chased at now; empty: nobody


@dataclass
class Left:
    name: str
    groups: list[tuple[str, Tracker, bool]] = field(default_factory=list)  # (ref, those who remain, complete now)
    alone: list[str] = field(default_factory=list)   # open requests asked of them alone, by mail
    chases: list[Chase] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)   # open tasks they own, by mail
    in_slack: list[str] = field(default_factory=list)  # open requests and tasks that reach them in Slack still


def remove_contact(ctx: Context, name: str) -> Left:
    """The coordinator (or an admin) removes a contact of the channel's region, in every
    trajectory of that region."""
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    contact = by_name(ctx, trajectory.region_id, name)
    if contact is None:
        raise CommandError("err_contact_unknown", example="ex_contacten", name=name)
    trajectories = {t.id: t for t in queries.trajectories_in_region(ctx.session, ctx.actor.team_id, trajectory.region_id)}
    left = Left(contact.name, chases=_chases(ctx, contact, list(trajectories.values())))
    _leave_requests(ctx, contact, trajectories, left)
    for task in _tasks(ctx, contact, trajectories):
        (left.in_slack if task.owner_user else left.tasks).append(task.ref)
    ctx.session.delete(contact)
    ctx.audit("contact verwijderd", trajectory, item=contact.name, old=contact.role)
    return left


def _leave_requests(ctx: Context, contact: Contact, trajectories: dict[int, Trajectory], left: Left) -> None:
    rows = ctx.session.exec(select(InputPart, InputRequest).join(InputRequest, InputRequest.id == InputPart.request_id)
                            .where(InputPart.contact_id == contact.id, InputPart.received_on.is_(None),
                                   InputRequest.received_on.is_(None), queries.live(InputRequest),
                                   InputRequest.trajectory_id.in_(list(trajectories)))
                            .order_by(InputRequest.id)).all()
    for part, request in rows:
        if request.group_name:
            remaining = drop_part(ctx, trajectories[request.trajectory_id], request, part)
            left.groups.append((request.ref, remaining, request.received_on is not None))
        elif part.slack_user:
            left.in_slack.append(request.ref)
        else:
            part.token_hash = None  # the link mailed to them no longer opens
            ctx.session.add(part)
            left.alone.append(request.ref)


def _chases(ctx: Context, contact: Contact, trajectories: list[Trajectory]) -> list[Chase]:
    """The open decisions of the region whose late adoption by the contact's municipality would
    be chased at them, and at whom instead."""
    if contact.role != "beleid" or contact.municipality_id is None:
        return []
    municipality = ctx.session.get(Municipality, contact.municipality_id)
    colleagues = queries.policy_contacts(ctx.session, contact.region_id).get(municipality.id, [])
    others = [c for c in colleagues if c.id != contact.id]
    found = []
    for trajectory in trajectories:
        if contact.id not in {c.id for c in chased(colleagues, trajectory.domain)}:
            continue
        instead = [c.name for c in chased(others, trajectory.domain)]
        decisions = sorted((d for d in queries.open_decisions(ctx.session, trajectory.id) if d.decided_by != "regio"),
                           key=lambda d: d.id)
        adoptions = queries.adoptions_by_decision(ctx.session, [d.id for d in decisions])
        found += [Chase(d.ref, municipality.name, instead) for d in decisions
                  if not any(a.municipality_id == municipality.id and a.outcome == "vastgesteld" for a in adoptions[d.id])]
    return found


def _tasks(ctx: Context, contact: Contact, trajectories: dict[int, Trajectory]) -> list[Task]:
    return list(ctx.session.exec(select(Task).where(Task.owner_contact_id == contact.id, Task.done_on.is_(None),
                                                    queries.live(Task), Task.trajectory_id.in_(list(trajectories)))
                                 .order_by(Task.id)))
