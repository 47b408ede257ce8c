"""`besluit`, `vastgesteld` and `afgewezen`: a decision, and each municipality's verdict on it."""
from __future__ import annotations

from commands.registry import subcommand
from domain.outcome import Outcome, Reply
from domain.texts import fmt_date, t
from reports.proposals import proposal_days, proposal_words
from reports.risk import thresholds_of
from store import queries
from tracking import decisions
from tracking.context import Context, current_trajectory
from tracking.meetings import region_calendars


@subcommand("besluit")
def besluit(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    decision = decisions.add_decision(ctx, text, fields)
    lines = [t(lang, "ok_besluit", ref=decision.ref, title=decision.title, deadline=fmt_date(decision.deadline, lang),
               by=t(lang, f"by_{decision.decided_by}"))]
    trajectory = current_trajectory(ctx)
    found = proposal_days(decision, queries.municipalities(ctx.session, trajectory.region_id), set(),
                          region_calendars(ctx.session, trajectory.region_id), thresholds_of(ctx.settings))
    words = proposal_words(found, ctx.today, lang)
    return Outcome(reply=Reply(lines + ([words] if words else [])))


@subcommand("vastgesteld")
def vastgesteld(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    return _recorded(ctx, "vastgesteld", decisions.adopt(ctx, text, fields))


@subcommand("afgewezen")
def afgewezen(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    return _recorded(ctx, "afgewezen", decisions.reject(ctx, text, fields))


def _recorded(ctx: Context, name: str, recorded: decisions.Recorded) -> Outcome:
    lang = ctx.actor.language
    shown = ", ".join(n or t(lang, "by_regio") for n in recorded.names)
    lines = [t(lang, f"ok_{name}", ref=recorded.decision.ref, names=shown, date=fmt_date(recorded.on, lang))]
    if recorded.decision.taken_on:
        lines.append(t(lang, "ok_taken", ref=recorded.decision.ref))
    elif recorded.remaining:
        lines.append(t(lang, "ok_remaining", names=", ".join(recorded.remaining)))
    return Outcome(reply=Reply(lines))
