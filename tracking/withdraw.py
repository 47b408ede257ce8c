"""Withdrawing an item entered by mistake or overtaken (`intrekken B8 reden: …`): a decision, an
input request, a task or an urgent case. It is kept, marked withdrawn, so its reference is never
handed out again and the audit log keeps it with its reason; every query that feeds a view, a
reminder, the forecast or a lateness average leaves it out (store.queries.live)."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import select

from domain.errors import CommandError
from domain.permissions import require_involved
from store.models import Decision, InputRequest, Task, UrgentCase
from store.queries import live
from tracking.context import Context, current_trajectory, own_item, refs_and_note, refuse_withdrawn

CREATOR = {Decision: "created_by", InputRequest: "requested_by", Task: "created_by", UrgentCase: "flagged_by"}
KIND_WORDS = {Decision: "besluit", InputRequest: "inputverzoek", Task: "taak", UrgentCase: "signaal"}


@dataclass
class Withdrawn:
    items: list
    reason: str
    waiting: list[str] = field(default_factory=list)  # refs of open input and tasks that waited for a withdrawn decision


def withdraw(ctx: Context, text: str, fields: dict[str, str]) -> Withdrawn:
    """Its creator, the coordinator or an admin; a reason is required (`reden:`, or the text after
    the references)."""
    example = "ex_intrekken"
    trajectory = current_trajectory(ctx)
    refs, rest = refs_and_note(text, "BITU", example)
    reason = (fields.get("reden") or "").strip() or rest
    if not reason:
        raise CommandError("err_withdraw_reason", field="reden", example=example, refs=", ".join(refs))
    items = [own_item(ctx, trajectory, ref, "BITU", example, withdrawn=True) for ref in refs]
    for item in items:
        refuse_withdrawn(ctx, item)
        require_involved(ctx.actor, trajectory.coordinator_id, getattr(item, CREATOR[type(item)]))
    for item in items:
        item.withdrawn_at, item.withdrawn_by = ctx.now, ctx.actor.user_id
        ctx.session.add(item)
        ctx.audit("ingetrokken", trajectory, item=item.ref, field_name=KIND_WORDS[type(item)], new=reason)
    ctx.session.flush()
    return Withdrawn(items, reason, _waiting_for(ctx, [i for i in items if isinstance(i, Decision)]))


def _waiting_for(ctx: Context, decisions: list[Decision]) -> list[str]:
    """Open input (`voor:`) and tasks (`na:`) that were linked to a decision now withdrawn: they
    no longer wait for anything, which the answer says."""
    ids = [d.id for d in decisions]
    if not ids:
        return []
    inputs = ctx.session.exec(select(InputRequest.ref).where(
        InputRequest.decision_id.in_(ids), InputRequest.received_on.is_(None), live(InputRequest)))
    tasks = ctx.session.exec(select(Task.ref).where(
        Task.after_decision_id.in_(ids), Task.done_on.is_(None), live(Task)))
    return [*inputs, *tasks]

