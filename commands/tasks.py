"""`taak`, `klaar` and `plan`: implementation tasks, one by one or the standard list of a go-live."""
from __future__ import annotations

from commands.registry import subcommand
from commands.replies import ref_of
from domain.outcome import Outcome, Reply
from domain.texts import fmt_date, person, role_word, t
from tracking import plans, tasks
from tracking.context import Context


@subcommand("taak")
def taak(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    task = tasks.add_task(ctx, text, fields)
    lines = [t(lang, "ok_taak", ref=task.ref, title=task.title, owner=person(task.owner_user, task.owner_name),
               deadline=fmt_date(task.deadline, lang))]
    if fields.get("na"):
        lines.append(t(lang, "ok_taak_after", ref=ref_of(fields["na"])))
    return Outcome(reply=Reply(lines))


@subcommand("klaar")
def klaar(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    task = tasks.complete_task(ctx, text)
    return Outcome(reply=Reply([t(ctx.actor.language, "ok_klaar", ref=task.ref)]))


@subcommand("plan")
def plan(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """What `plan` made: the new tasks with their dates, what was there already, what is late."""
    lang = ctx.actor.language
    planned = plans.create_plan(ctx, text, fields)
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    created, existing = planned.created, planned.existing
    if not created:
        return Outcome(reply=Reply([t(lang, "ok_plan_none", domain=planned.domain, count=len(existing))]))
    lines = [t(lang, "ok_plan", domain=planned.domain, count=len(created), first=d(min(x.deadline for x in created)),
               last=d(max(x.deadline for x in created))),
             "\n".join("• " + t(lang, "plan_task_line", ref=x.ref, title=x.title, role=role_word(x.owner_name, lang), deadline=d(x.deadline))
                       for x in sorted(created, key=lambda x: (x.deadline, x.id or 0)))]
    if planned.overdue:
        lines.append(t(lang, "ok_plan_overdue", count=len(planned.overdue),
                       first=d(min(day for _, day in planned.overdue)), due=d(planned.overdue[0][0].deadline)))
    if fields.get("na"):
        lines.append(t(lang, "ok_plan_after", ref=ref_of(fields["na"])))
    if existing:
        lines.append(t(lang, "ok_plan_existing", refs=", ".join(x.ref for x in existing)))
    return Outcome(reply=Reply(lines))
