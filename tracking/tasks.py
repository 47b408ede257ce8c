"""Implementation tasks: made, and done."""
from __future__ import annotations

from domain.errors import CommandError
from domain.names import read_person
from domain.permissions import require_involved
from store import queries
from store.models import Task
from tracking.context import DATE_FIELD_WORDS, Context, current_trajectory, deadline, own_item, require


def _complete(ctx: Context, ref: str, kind: str, example: str, date_field: str, action: str, owners):
    """Mark an own item done (a task) today: its people, the coordinator or an admin."""
    trajectory = current_trajectory(ctx)
    item = own_item(ctx, trajectory, ref, kind, example)
    require_involved(ctx.actor, trajectory.coordinator_id, *owners(item))
    if getattr(item, date_field):
        raise CommandError(f"err_already_{date_field}", example="ex_status", ref=item.ref,
                           date=getattr(item, date_field))
    setattr(item, date_field, ctx.today)
    ctx.session.add(item)
    ctx.audit(action, trajectory, item=item.ref, field_name=DATE_FIELD_WORDS[date_field], new=ctx.today)
    return item


def add_task(ctx: Context, title: str, fields: dict[str, str]) -> Task:
    example = "ex_taak"
    trajectory = current_trajectory(ctx)
    if not title:
        raise CommandError("err_missing_title", field="title", example=example)
    owner = read_person(require(fields, "eigenaar", example))
    if owner.user_id is None and owner.name.startswith(("<!", "<#")):  # a broadcast or a channel is nobody
        raise CommandError("err_not_a_person_owner", field="eigenaar", example=example)
    due = deadline(ctx, require(fields, "deadline", example), "deadline", example)
    after = own_item(ctx, trajectory, fields["na"], "B", example, "na") if fields.get("na") else None
    if after is not None and not after.taken_on and due < after.deadline:
        ctx.warn("warn_task_before_decision", decision=after.ref, decision_deadline=after.deadline, deadline=due)
    task = Task(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "T"),
                trajectory_id=trajectory.id, title=title, owner_user=owner.user_id, owner_name=owner.name,
                deadline=due, after_decision_id=after.id if after else None, created_by=ctx.actor.user_id,
                created_at=ctx.now)
    ctx.session.add(task)
    ctx.audit("taak aangemaakt", trajectory, item=task.ref, new=f"{title} ({owner.name}, {due})")
    return task


def complete_task(ctx: Context, ref: str) -> Task:
    return _complete(ctx, ref, "T", "ex_klaar", "done_on", "taak klaar", lambda task: (task.owner_user, task.created_by))


