"""`taak`, `klaar`, `toewijzen` and `plan`: implementation tasks, one by one or the standard list of
a go-live, given to someone and done."""
from __future__ import annotations

from commands.registry import subcommand
from commands.replies import ref_of
from domain.outcome import Notice, Outcome, Reply
from domain.roles import role_label
from domain.texts import fmt_date, person, t
from store import queries
from tracking import plans, tasks
from tracking.context import Context, current_trajectory


@subcommand("taak")
def taak(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    task = tasks.add_task(ctx, text, fields)
    lines = [t(lang, "ok_taak", ref=task.ref, title=task.title, owner=person(task.owner_user, task.owner_name),
               deadline=fmt_date(task.deadline, lang))]
    if fields.get("na"):
        lines.append(t(lang, "ok_taak_after", ref=ref_of(fields["na"])))
    return Outcome(reply=Reply(lines))


def _refs(items) -> str:
    return ", ".join(f"*{item.ref}*" for item in items)


@subcommand("klaar")
def klaar(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    completed = tasks.complete_tasks(ctx, text)
    lines = [t(lang, "ok_klaar", ref=completed.done[0].ref) if len(completed.done) == 1
             else t(lang, "ok_klaar_many", refs=_refs(completed.done))]
    lines += [t(lang, "err_already_done_on", ref=task.ref, date=fmt_date(task.done_on, lang)) for task in completed.already]
    if completed.note:
        lines.append(t(lang, "ok_note", note=completed.note))
    return Outcome(reply=Reply(lines))


@subcommand("toewijzen")
def toewijzen(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """Who has the tasks now, who had them, and how the new owner hears it."""
    lang = ctx.actor.language
    assigned = tasks.assign(ctx, text, fields)
    owner = assigned.owner
    shown = person(owner.user, owner.name)
    lines = [t(lang, "ok_toewijzen", refs=_refs(assigned.tasks), owner=shown,
               previous=", ".join(dict.fromkeys(assigned.previous)))]
    if owner.user:
        lines.append(t(lang, "ok_toewijzen_dm", owner=shown))
    elif owner.contact is not None and owner.contact.email:
        lines.append(t(lang, "ok_toewijzen_mail", owner=shown))
    elif owner.role:
        contacts = queries.contacts_with_role(ctx.session, current_trajectory(ctx).region_id, owner.role)
        lines.append(_role_reach(lang, ctx.settings.slash_command, owner.role, contacts))
    return Outcome(reply=Reply(lines), notices=[Notice("task_assigned", assigned.tasks[0].id,
                                                       item_ids=tuple(task.id for task in assigned.tasks[1:]))])


def _plan_owners(lang: str, cmd: str, owners: dict[str, list]) -> str:
    """Who gets a new plan's tasks, role by role; the roles nobody has yet on one line."""
    lines = [_role_reach(lang, cmd, role, contacts) for role, contacts in owners.items() if contacts]
    nobody = [role_label(role, lang) for role, contacts in owners.items() if not contacts]
    if nobody:
        lines.append(t(lang, "roles_no_contact", roles=", ".join(nobody), cmd=cmd))
    return t(lang, "plan_owners") + "\n" + "\n".join(f"• {line}" for line in lines)


def _role_reach(lang: str, cmd: str, role: str, contacts: list) -> str:
    """Where a role's tasks go: its one contact, or (none or several) the coordinator's list."""
    label = role_label(role, lang)
    if len(contacts) == 1:
        return t(lang, "role_one_contact", role=label, name=person(contacts[0].slack_user, contacts[0].name))
    if contacts:
        return t(lang, "role_many_contacts", role=label, names=", ".join(c.name for c in contacts), cmd=cmd)
    return t(lang, "role_no_contact", role=label, cmd=cmd)


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
             "\n".join("• " + t(lang, "plan_task_line", ref=x.ref, title=x.title, role=role_label(x.owner_role, lang),
                                     deadline=d(x.deadline))
                       for x in sorted(created, key=lambda x: (x.deadline, x.id or 0)))]
    if planned.overdue:
        lines.append(t(lang, "ok_plan_overdue", count=len(planned.overdue),
                       first=d(min(day for _, day in planned.overdue)), due=d(planned.overdue[0][0].deadline)))
    if fields.get("na"):
        lines.append(t(lang, "ok_plan_after", ref=ref_of(fields["na"])))
    lines.append(_plan_owners(lang, ctx.settings.slash_command, planned.owners))
    if existing:
        lines.append(t(lang, "ok_plan_existing", refs=", ".join(x.ref for x in existing)))
    return Outcome(reply=Reply(lines))
