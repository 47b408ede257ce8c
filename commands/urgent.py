"""`urgent`, `opgepakt` and `opgelost`: a case flagged in seconds, picked up and resolved by name."""
from __future__ import annotations

from commands.registry import subcommand
from domain.outcome import Notice, Outcome, Reply
from domain.texts import person, t
from tracking import urgent as cases
from tracking.context import Context


@subcommand("urgent")
def urgent(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    case = cases.flag_urgent(ctx, text, fields)
    return Outcome(reply=Reply([t(ctx.actor.language, "ok_urgent", ref=case.ref)]),
                   notices=[Notice("urgent_new", case.id)])


@subcommand("opgepakt")
def opgepakt(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    return _handled(ctx, text, "opgepakt")


@subcommand("opgelost")
def opgelost(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    return _handled(ctx, text, "opgelost")


def _handled(ctx: Context, text: str, name: str) -> Outcome:
    """One line per case; each case's channel post is updated (its buttons, and the note)."""
    lang, zone = ctx.actor.language, ctx.settings.timezone
    handled = cases.handle_cases(ctx, text, resolving=name == "opgelost")
    lines = [t(lang, f"ok_{name}", ref=case.ref, who=person(ctx.actor.user_id, None)) for case in handled.cases]
    for case in handled.already:
        lines.append(t(lang, "err_already_resolved" if case.resolved_at else "err_already_acked", ref=case.ref,
                       who=person(case.resolved_by if case.resolved_at else case.acked_by, None),
                       when=cases.local_moment(case.resolved_at or case.acked_at, zone)))
    if handled.note:
        lines.append(t(lang, "ok_note", note=handled.note))
    return Outcome(reply=Reply(lines), notices=[Notice("urgent_changed", case.id) for case in handled.cases])
