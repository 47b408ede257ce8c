"""`uitstel`: a deadline moved, with its reason; whoever still owes an answer hears the new date."""
from __future__ import annotations

from commands.registry import subcommand
from domain.outcome import Notice, Outcome, Reply
from domain.texts import fmt_date, t
from store.models import InputRequest
from tracking.context import Context
from tracking.deadlines import postpone


@subcommand("uitstel")
def uitstel(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    item, old = postpone(ctx, text, fields)
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    if item.deadline < old:
        lines = [t(lang, "ok_vervroegd", ref=item.ref, old=d(old), new=d(item.deadline))]
    else:
        lines = [t(lang, "ok_uitstel", ref=item.ref, old=d(old), new=d(item.deadline), count=item.postponements)]
    if not isinstance(item, InputRequest):
        return Outcome(reply=Reply(lines))
    return Outcome(reply=Reply(lines + [t(lang, "ok_moved_told")]), notices=[Notice("input_moved", item.id)])
