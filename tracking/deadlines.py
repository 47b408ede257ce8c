"""Moving a deadline (uitstel): audited, and counted when it is later."""
from __future__ import annotations

from domain.errors import CommandError
from domain.permissions import require_coordinator, require_involved
from store.models import Decision, InputRequest
from tracking.context import Context, current_trajectory, deadline, own_item, require


def postpone(ctx: Context, ref: str, fields: dict[str, str]):
    example = "ex_uitstel"
    trajectory = current_trajectory(ctx)
    item = own_item(ctx, trajectory, ref, "BIT", example)
    if isinstance(item, Decision):
        require_coordinator(ctx.actor, trajectory.coordinator_id)
    elif isinstance(item, InputRequest):
        require_involved(ctx.actor, trajectory.coordinator_id, item.requested_by, item.stakeholder_user)
    else:
        require_involved(ctx.actor, trajectory.coordinator_id, item.owner_user, item.created_by)
    for date_field in ("taken_on", "received_on", "done_on"):
        if getattr(item, date_field, None):
            raise CommandError(f"err_already_{date_field}", example="ex_status", ref=item.ref,
                               date=getattr(item, date_field))
    new = deadline(ctx, require(fields, "deadline", example), "deadline", example)
    reason = require(fields, "reden", example)
    if new == item.deadline:
        raise CommandError("err_same_deadline", field="deadline", example=example, date=new)
    old = item.deadline
    item.deadline = new
    later = new > old  # only a later deadline is a postponement; an earlier one is just a change
    if later:
        item.postponements += 1
    ctx.session.add(item)
    ctx.audit("uitstel" if later else "deadline vervroegd", trajectory, item=item.ref, field_name="deadline", old=old,
              new=f"{new} ({reason})")
    return item, old
