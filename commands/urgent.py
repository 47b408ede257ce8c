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
    return _handled(ctx, text, "opgepakt", cases.acknowledge)


@subcommand("opgelost")
def opgelost(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    return _handled(ctx, text, "opgelost", cases.resolve)


def _handled(ctx: Context, ref: str, name: str, change) -> Outcome:
    trajectory, case = cases.urgent_by_ref(ctx, ref)
    change(ctx, trajectory, case)
    return Outcome(reply=Reply([t(ctx.actor.language, f"ok_{name}", ref=case.ref, who=person(ctx.actor.user_id, None))]),
                   notices=[Notice("urgent_changed", case.id)])
