"""Urgent cases: flagged, picked up (opgepakt) and resolved (opgelost) by named people."""
from __future__ import annotations

from dataclasses import dataclass

from domain.errors import CommandError
from domain.texts import fmt_moment, person
from store import queries
from store.models import Trajectory, UrgentCase
from tracking.context import (
    SEVERITIES,
    SOURCE_LINK,
    Context,
    choose,
    current_trajectory,
    own_item,
    refs_and_note,
    refuse_withdrawn,
)


def flag_urgent(ctx: Context, description: str, fields: dict[str, str]) -> UrgentCase:
    example = "ex_urgent"
    trajectory = current_trajectory(ctx)
    if not description:
        raise CommandError("err_missing_title", field="title", example=example)
    severity = choose(SEVERITIES, fields["ernst"], "ernst", example) if fields.get("ernst") else "middel"
    link = fields.get("bericht") or ""
    case = UrgentCase(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "U"),
                      trajectory_id=trajectory.id, description=description, severity=severity,
                      flagged_by=ctx.actor.user_id, flagged_at=ctx.now,
                      source_link=link if SOURCE_LINK.match(link) else None)
    ctx.session.add(case)
    ctx.session.flush()
    # The audit log keeps that a case existed, never its text (it may be purged later).
    ctx.audit("signaal gemeld", trajectory, item=case.ref, field_name="ernst", new=severity)
    return case


@dataclass
class Handled:
    cases: list[UrgentCase]
    already: list[UrgentCase]  # picked up (or resolved) before: said, not changed
    note: str


def handle_cases(ctx: Context, text: str, resolving: bool) -> Handled:
    """`opgepakt U1 U2`, `opgelost U2 Cardea neemt 2 jeugdigen over`: anyone in the channel picks
    up or resolves, by name. A case handled before is named, not changed; when all were, the
    answer says who did it and when."""
    example = "ex_opgelost" if resolving else "ex_opgepakt"
    trajectory = current_trajectory(ctx)
    refs, note = refs_and_note(text, "U", example)
    cases = [own_item(ctx, trajectory, ref, "U", example) for ref in refs]
    done = [case for case in cases if case.resolved_at or (case.acked_at and not resolving)]
    if len(done) == len(cases):
        _already_handled(ctx, done[0])
    handled = [case for case in cases if case not in done]
    for case in handled:
        (resolve if resolving else acknowledge)(ctx, trajectory, case, note)
    return Handled(handled, done, note)


def _already_handled(ctx: Context, case: UrgentCase) -> None:
    """`U4 is al opgepakt door @anne (24-11 10:12)`: what is true, not just that it is done."""
    when = lambda moment: fmt_moment(moment, ctx.actor.language, ctx.settings.timezone)  # noqa: E731
    if case.resolved_at:
        raise CommandError("err_already_resolved", example="ex_status", ref=case.ref,
                           who=person(case.resolved_by, None), when=when(case.resolved_at))
    raise CommandError("err_already_acked", example="ex_opgelost", ref=case.ref, who=person(case.acked_by, None),
                       when=when(case.acked_at))


def _noted(case: UrgentCase, user_id: str, note: str) -> str:
    """A note is kept on the case (under its channel post) and purged with its text: like the
    description, it may not outlive the retention period, so the audit log only says there was one."""
    if note:
        case.note = note
    return f"{user_id} (met notitie)" if note else user_id


def acknowledge(ctx: Context, trajectory: Trajectory, case: UrgentCase, note: str = "") -> UrgentCase:
    refuse_withdrawn(ctx, case)  # a button under an old post
    if case.resolved_at or case.acked_at:
        _already_handled(ctx, case)
    case.acked_by, case.acked_at = ctx.actor.user_id, ctx.now
    ctx.audit("signaal opgepakt", trajectory, item=case.ref, field_name="opgepakt",
              new=_noted(case, ctx.actor.user_id, note))
    ctx.session.add(case)
    return case


def resolve(ctx: Context, trajectory: Trajectory, case: UrgentCase, note: str = "") -> UrgentCase:
    refuse_withdrawn(ctx, case)
    if case.resolved_at:
        _already_handled(ctx, case)
    if not case.acked_at:
        case.acked_by, case.acked_at = ctx.actor.user_id, ctx.now
    case.resolved_by, case.resolved_at = ctx.actor.user_id, ctx.now
    ctx.audit("signaal opgelost", trajectory, item=case.ref, field_name="opgelost",
              new=_noted(case, ctx.actor.user_id, note))
    ctx.session.add(case)
    return case


