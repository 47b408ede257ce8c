"""Implementation tasks: made, given to someone (`toewijzen`), and done (one or several at once,
with a note). An owner is a Slack user, a registered contact (reached by mail when not in Slack),
a registry role (`juridisch`: the region's one contact of that role), or just a name."""
from __future__ import annotations

import re
from dataclasses import dataclass

from domain.errors import CommandError
from domain.names import read_person
from domain.permissions import require_involved
from domain.roles import read_role, role_label
from store import queries
from store.models import Contact, Task, Trajectory
from tracking.contacts import by_name
from tracking.context import (
    DATE_FIELD_WORDS,
    Context,
    current_trajectory,
    deadline,
    own_item,
    refs_and_note,
    require,
)

_TASK_REF = re.compile(r"^#?T\d{1,6}$", re.IGNORECASE)


@dataclass(frozen=True)
class Owner:
    name: str
    user: str | None = None
    contact: Contact | None = None
    role: str | None = None


def read_owner(ctx: Context, trajectory: Trajectory, value: str, field: str, example: str, *,
               known_only: bool = False) -> Owner:
    """Who `eigenaar:` or `aan:` names: a mention, a registered name, a registry role, or (unless
    `known_only`: someone who must be told) an outsider's name."""
    person = read_person(value)
    if person.user_id is None and person.name.startswith(("<!", "<#")):  # a broadcast or a channel is nobody
        raise CommandError("err_not_a_person_owner", field=field, example=example)
    if person.user_id:
        contact = next((c for c in queries.contacts_of(ctx.session, trajectory.region_id)
                        if c.slack_user == person.user_id), None)
        return Owner(contact.name if contact else person.name, person.user_id, contact)
    contact = by_name(ctx, trajectory.region_id, person.name)
    if contact is not None:
        return Owner(contact.name, contact.slack_user, contact)
    role = read_role(person.name)
    if role is not None:
        return Owner(role_label(role, "nl"), role=role)
    if known_only:
        raise CommandError("err_assign_unknown", field=field, example=example, name=person.name,
                           cmd=ctx.settings.slash_command)
    return Owner(person.name)


def _set_owner(task: Task, owner: Owner) -> None:
    task.owner_user, task.owner_name = owner.user, owner.name
    task.owner_contact_id = owner.contact.id if owner.contact else None
    task.owner_role = owner.role
    task.unowned_step = None


def add_task(ctx: Context, title: str, fields: dict[str, str]) -> Task:
    example = "ex_taak"
    trajectory = current_trajectory(ctx)
    if not title:
        raise CommandError("err_missing_title", field="title", example=example)
    existing = queries.item_by_ref(ctx.session, ctx.actor.team_id, title.strip().lstrip("#")) \
        if _TASK_REF.match(title.strip()) else None
    if existing is not None and existing.trajectory_id == trajectory.id:
        # `taak T5 eigenaar: @fleur`: an existing task is given to someone, not made again.
        raise CommandError("err_task_exists", field="title", example="ex_toewijzen", ref=existing.ref)
    owner = read_owner(ctx, trajectory, require(fields, "eigenaar", example), "eigenaar", example)
    due = deadline(ctx, require(fields, "deadline", example), "deadline", example)
    after = own_item(ctx, trajectory, fields["na"], "B", example, "na") if fields.get("na") else None
    if after is not None and not after.taken_on and due < after.deadline:
        ctx.warn("warn_task_before_decision", decision=after.ref, decision_deadline=after.deadline, deadline=due)
    task = Task(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "T"),
                trajectory_id=trajectory.id, title=title, owner_name=owner.name, deadline=due,
                after_decision_id=after.id if after else None, created_by=ctx.actor.user_id, created_at=ctx.now)
    _set_owner(task, owner)
    ctx.session.add(task)
    ctx.audit("taak aangemaakt", trajectory, item=task.ref, new=f"{title} ({owner.name}, {due})")
    return task


@dataclass
class Completed:
    done: list[Task]
    already: list[Task]  # done before: said, not changed
    note: str


def complete_tasks(ctx: Context, text: str) -> Completed:
    """`klaar T6 T8`, `klaar T6 <notitie>`: each task's owner or maker, the coordinator or an admin.
    A task done before is named, not changed; when all were, that is the answer."""
    trajectory = current_trajectory(ctx)
    refs, note = refs_and_note(text, "T", "ex_klaar")
    tasks = [own_item(ctx, trajectory, ref, "T", "ex_klaar") for ref in refs]
    for task in tasks:
        require_involved(ctx.actor, trajectory.coordinator_id, task.owner_user, task.created_by)
    already = [task for task in tasks if task.done_on]
    if len(already) == len(tasks):
        raise CommandError("err_already_done_on", example="ex_status", ref=already[0].ref, date=already[0].done_on)
    done = [task for task in tasks if not task.done_on]
    for task in done:
        task.done_on = ctx.today
        ctx.session.add(task)
        ctx.audit("taak klaar", trajectory, item=task.ref, field_name=DATE_FIELD_WORDS["done_on"],
                  new=f"{ctx.today} ({note})" if note else ctx.today)
    return Completed(done, already, note)


def complete_task(ctx: Context, ref: str) -> Task:
    """One task done (App Home's button)."""
    return complete_tasks(ctx, ref).done[0]


@dataclass
class Assigned:
    tasks: list[Task]
    owner: Owner
    previous: list[str]  # each task's owner before, as shown


def assign(ctx: Context, text: str, fields: dict[str, str]) -> Assigned:
    """`toewijzen T5 T6 aan: @fleur`: the coordinator, an admin, or the task's owner or maker."""
    example = "ex_toewijzen"
    trajectory = current_trajectory(ctx)
    refs, rest = refs_and_note(text, "T", example)
    if rest and not fields.get("aan"):
        raise CommandError("err_missing_field", field="aan", example=example, key="aan")
    if rest:
        raise CommandError("err_assign_extra", field="title", example=example, text=rest[:60])
    owner = read_owner(ctx, trajectory, require(fields, "aan", example), "aan", example, known_only=True)
    tasks = [own_item(ctx, trajectory, ref, "T", example) for ref in refs]
    for task in tasks:
        require_involved(ctx.actor, trajectory.coordinator_id, task.owner_user, task.created_by)
        if task.done_on:
            raise CommandError("err_already_done_on", example="ex_status", ref=task.ref, date=task.done_on)
    same = [task for task in tasks if (task.owner_user, task.owner_contact_id, task.owner_role, task.owner_name) ==
            (owner.user, owner.contact.id if owner.contact else None, owner.role, owner.name)]
    if len(same) == len(tasks):
        raise CommandError("err_assign_same", field="aan", example=example, refs=", ".join(t.ref for t in same),
                           name=owner.name)
    previous = [task.owner_name for task in tasks]
    for task, old in zip(tasks, previous):
        _set_owner(task, owner)
        ctx.session.add(task)
        ctx.audit("taak toegewezen", trajectory, item=task.ref, field_name="eigenaar", old=old, new=owner.name)
    ctx.session.flush()
    return Assigned(tasks, owner, previous)
