"""`intrekken`: an item entered by mistake or overtaken leaves every view, reminder, the forecast
and the lateness averages; the answer says what it was, why, and what that did to the risk."""
from __future__ import annotations

from commands.registry import subcommand
from commands.replies import risk_now
from domain.outcome import Notice, Outcome, Reply
from domain.texts import t
from reports.risk import forecast_trajectory, thresholds_of
from store.models import Decision, InputRequest, Task, UrgentCase
from tracking.context import Context, current_trajectory
from tracking.withdraw import withdraw


def _what(item, lang: str) -> str:
    if isinstance(item, Decision):
        return t(lang, "withdrawn_decision", ref=item.ref, title=item.title)
    if isinstance(item, InputRequest):
        return t(lang, "withdrawn_input", ref=item.ref, title=item.question)
    if isinstance(item, Task):
        return t(lang, "withdrawn_task", ref=item.ref, title=item.title)
    return t(lang, "withdrawn_case", ref=item.ref, title=item.description or "")


@subcommand("intrekken")
def intrekken(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    thresholds = thresholds_of(ctx.settings)
    trajectory = current_trajectory(ctx)
    before = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds)
    withdrawn = withdraw(ctx, text, fields)
    after = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds)
    lines = [t(lang, "ok_intrekken", reason=withdrawn.reason),
             "\n".join("• " + _what(item, lang) for item in withdrawn.items),
             t(lang, "ok_intrekken_gone")]
    if withdrawn.waiting:
        lines.append(t(lang, "ok_intrekken_waiting", refs=", ".join(withdrawn.waiting)))
    lines.append(risk_now(before, after, lang))
    notices = [Notice("urgent_changed", item.id) for item in withdrawn.items if isinstance(item, UrgentCase)]
    notices += [Notice("input_withdrawn", item.id) for item in withdrawn.items if isinstance(item, InputRequest)]
    return Outcome(reply=Reply(lines), notices=notices)
