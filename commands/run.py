"""Runs one `/inkoop` command for an actor and says what happened, in the actor's language."""
from __future__ import annotations

from datetime import date

from tracking import contacts
from tracking import inputs
from tracking import plans
from tracking import regions
from tracking import context as tracking
from domain.errors import CommandError, RegiowachtError
from commands.grammar import BY_WORD, ENGLISH_KEYS, ENGLISH_NAMES, Command, parse
from reports.digest import trajectory_digest
from outputs.export import audit_csv, deadlines_ics, decisions_csv
from domain.forecast import forecast_trajectory, risk_reply, thresholds_of
from outputs.matrix import matrix_png
from reports.region import region_line, region_overview
from domain.outcome import Notice, Outcome, Reply
from domain.permissions import require_admin
from domain.privacy import contains_bsn
from domain.text_input import NAME_LIMIT, TEXT_LIMIT, TITLE_LIMIT, clean
from reports.status import bullets, region_of, status_reply
from domain.texts import LANGUAGES, TEXTS, count, fmt_date, person, t, weekday_name
from outputs.timeline import timeline_png
from tracking.context import Context
from store import queries
from store.models import InputRequest, UserSetting

def language_for(chosen: str | None, command: Command | None, default: str) -> str:
    """A user's own choice (`taal`) wins; else English when they typed an English subcommand;
    else the workspace default."""
    if chosen:
        return chosen
    if command is not None and command.english:
        return "en"
    return default


def choose_language(ctx: Context, command: Command | None) -> str:
    setting = ctx.session.get(UserSetting, (ctx.actor.team_id, ctx.actor.user_id))
    return language_for(setting.language if setting else None, command, ctx.settings.language)


def render(lang: str, key: str, params: dict) -> str:
    """A text whose parameters are values: dates as `di 1 dec 2026`, weekdays and field names in
    the user's language, a number of days with its noun, the region for a nameless municipality."""
    shown = {}
    for name, value in params.items():
        if isinstance(value, date):
            value = fmt_date(value, lang)
        elif name == "weekday":
            value = weekday_name(value, lang)
        elif name == "days" and isinstance(value, int):
            value = count(lang, value, "dag")
        elif name == "key" and lang == "en":
            value = ENGLISH_KEYS.get(value, value)
        elif name == "name" and value == "":
            value = t(lang, "by_regio")
        shown[name] = value
    return t(lang, key, **shown)


def describe_error(error: RegiowachtError, lang: str, cmd: str) -> Reply:
    """The one place where a typed error becomes an answer: what was wrong, and a correct example."""
    lines = [render(lang, error.key, error.params)]
    if error.key.startswith("date_"):  # `op:` asks for a day that has happened
        lines.append(t(lang, "date_hint_past" if error.field == "op" else "date_hint"))
    if error.example:
        lines.append(f"{t(lang, 'example')} {t(lang, error.example, cmd=cmd)}")
    return Reply(lines, error=True)


LINE_LIMIT = 12_000  # a whole command line; anything longer is refused before it is even read
TEXT_LIMITS = {"input": TEXT_LIMIT, "urgent": TEXT_LIMIT}  # a question or description; other titles are titles
TEXT_WORDS = {"input": "vraag", "urgent": "omschrijving"}
FIELD_LIMITS = {"van": NAME_LIMIT, "eigenaar": NAME_LIMIT, "regio": NAME_LIMIT}


def check_lengths(name: str, text: str, fields: dict[str, str]) -> None:
    """Titles 150 characters, other free text 2,000 (PRODUCT.md): longer is refused with the limit."""
    limit = TEXT_LIMITS.get(name, TITLE_LIMIT)
    if len(text) > limit:
        raise CommandError("err_too_long", field="title", example=f"ex_{name}", key=TEXT_WORDS.get(name, "titel"),
                           length=len(text), limit=limit)
    for key, value in fields.items():
        limit = FIELD_LIMITS.get(key, TEXT_LIMIT)
        if len(value) > limit:
            raise CommandError("err_too_long", field=key, example=f"ex_{name}", key=key, length=len(value), limit=limit)


def run_line(ctx: Context, text: str) -> Outcome:
    """Parse and run a command line. Errors come back as an error reply; nothing is stored then,
    because the caller rolls the transaction back when `reply.error` is set."""
    cmd = ctx.settings.slash_command
    command = None
    text = clean(text)
    try:
        if len(text) > LINE_LIMIT:
            raise CommandError("err_line_too_long", example="ex_help", length=len(text), limit=LINE_LIMIT)
        if contains_bsn(text):  # before parsing: the number must not reach any store or log
            raise CommandError("err_bsn")
        command = parse(text)
        if command.spec.name != "help":
            check_lengths(command.name, command.text, command.fields)
        ctx.actor.language = choose_language(ctx, command)
        if command.spec.creates and command.empty:
            # Say at once what the form would refuse: no trajectory here, or no right to set one up.
            if command.name == "traject":
                require_admin(ctx.actor)
            else:
                tracking.current_trajectory(ctx)
            return Outcome(modal=command.name)
        return with_notes(ctx, execute(ctx, command.name, command.text, command.fields))
    except RegiowachtError as error:
        lang = ctx.actor.language = choose_language(ctx, command)
        return Outcome(reply=describe_error(error, lang, cmd))


def run_form(ctx: Context, name: str, text: str, fields: dict[str, str]) -> Outcome:
    """A modal's submission: the same rules as the command, field by field. Errors propagate so
    the caller can show them next to the field that caused them. The form was opened in the
    actor's language, which the caller passes on."""
    for key, value in (("title", text), *fields.items()):
        if contains_bsn(value or ""):
            raise CommandError("err_bsn", field=key)
    check_lengths(name, text, {k: v for k, v in fields.items() if v})
    return with_notes(ctx, execute(ctx, name, text, {k: v for k, v in fields.items() if v}))


def with_notes(ctx: Context, outcome: Outcome) -> Outcome:
    """The warnings a command collected (a deadline on a holiday, an unchanged adoption) under its answer."""
    if ctx.notes and outcome.reply is not None:
        outcome.reply.lines += ["⚠️ " + render(ctx.actor.language, key, params) for key, params in ctx.notes]
    return outcome


def subcommand_help(word: str, lang: str, cmd: str) -> Reply:
    """`help besluit`: what it does, its fields, two examples; in the words of the user's language."""
    spec = BY_WORD.get(word.strip().lower())
    if spec is None:
        raise CommandError("err_unknown_subcommand", example="ex_help", word=word.strip())
    shown_word = spec.aliases[0] if lang == "en" and spec.name in ENGLISH_NAMES else spec.name
    lines = [t(lang, "help_sub_title", cmd=cmd, word=shown_word, summary=t(lang, f"help_{spec.name}"))]
    if f"fields_{spec.name}" in TEXTS:
        lines.append(t(lang, f"fields_{spec.name}"))
    examples = dict.fromkeys(t(lang, key, cmd=cmd) for key in (f"ex_{spec.name}", f"ex2_{spec.name}"))
    lines.append(t(lang, "help_sub_examples") + "\n" + "\n".join(examples))
    return Reply(lines, context=[t(lang, "help_sub_other", cmd=cmd)])


def _where(contact, municipalities: dict[int, str]) -> str:
    return municipalities.get(contact.municipality_id) or contact.organisation or "?"


def _reach(contact, lang: str) -> str:
    ways = [t(lang, "reach_mail")] if contact.email else []
    ways += [t(lang, "reach_slack")] if contact.slack_user else []
    return " + ".join(ways)


def contact_reply(ctx: Context, change, lang: str) -> Reply:
    contact = change.contact
    region, members = region_of(ctx.session, tracking.current_trajectory(ctx))
    if change.removed:
        return Reply([t(lang, "ok_contact_removed", name=contact.name, region=region.name)])
    names = {m.id: m.name for m in members}
    key = "ok_contact_added" if change.created else "ok_contact_updated"
    return Reply([t(lang, key, name=contact.name, region=region.name, role=contact.role, where=_where(contact, names),
                    reach=_reach(contact, lang), fields=", ".join(change.changed))])


def registry_reply(ctx: Context, fields: dict[str, str], lang: str, cmd: str) -> Reply:
    found, municipalities = contacts.registry(ctx, fields)
    region, _ = region_of(ctx.session, tracking.current_trajectory(ctx))
    head = t(lang, "contacts_title", region=region.name, count=len(found))
    if not found:
        return Reply([head, t(lang, "contacts_none", cmd=cmd)])
    lines = [t(lang, "contact_line", name=c.name, role=c.role, where=_where(c, municipalities),
               reach=" ".join(filter(None, [c.email, person(c.slack_user, None) if c.slack_user else None])))
             for c in found]
    return Reply([head, bullets(lines, str, lang)])


def region_outcome(ctx: Context, fields: dict[str, str], lang: str) -> Outcome:
    """`regio`: the region's members, its trajectories at a glance and the adoption matrix as a
    picture; `regio gemeenten: +X -Y`: change the members."""
    if fields.get("gemeenten"):
        changed = regions.change_members(ctx, fields["gemeenten"])
        changes = [t(lang, "region_added", names=", ".join(changed.added))] if changed.added else []
        changes += [t(lang, "region_removed", names=", ".join(changed.removed))] if changed.removed else []
        lines = [t(lang, "ok_region_changed", region=changed.region.name, changes="; ".join(changes),
                   count=len(changed.members), names=", ".join(m.name for m in changed.members))]
        if changed.open_decisions:
            lines.append(t(lang, "region_open_decisions", count=changed.open_decisions))
        return Outcome(reply=Reply(lines))
    overview = region_overview(ctx.session, ctx.actor, tracking.current_trajectory(ctx), ctx.today,
                               thresholds_of(ctx.settings))
    region, members = overview.region, overview.members
    lines = [t(lang, "region_overview", region=region.name, count=len(members), names=", ".join(m.name for m in members)),
             t(lang, "region_trajectories", count=len(overview.rows)) + "\n"
             + "\n".join("• " + region_line(row, lang) for row in overview.rows),
             t(lang, "files_comment", what=t(lang, "matrix_what"), title=f"{t(lang, 'by_regio')} {region.name}",
               date=fmt_date(ctx.today, lang))]
    codes = [t(lang, "region_codes", codes=", ".join(f"{m.name} {m.cbs_code}" for m in members if m.cbs_code))
             ] if any(m.cbs_code for m in members) else []
    return Outcome(reply=Reply(lines, context=codes),
                   files=[matrix_png(overview.matrix, region.name, ctx.today, lang)])


def plan_reply(planned: plans.Planned, fields: dict[str, str], lang: str) -> Reply:
    """What `plan` made: the new tasks with their dates, what was there already, what is late."""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    created, existing = planned.created, planned.existing
    if not created:
        return Reply([t(lang, "ok_plan_none", domain=planned.domain, count=len(existing))])
    lines = [t(lang, "ok_plan", domain=planned.domain, count=len(created), first=d(min(x.deadline for x in created)),
               last=d(max(x.deadline for x in created))),
             "\n".join("• " + t(lang, "plan_task_line", ref=x.ref, title=x.title, role=x.owner_name, deadline=d(x.deadline))
                       for x in sorted(created, key=lambda x: (x.deadline, x.id or 0)))]
    if planned.overdue:
        lines.append(t(lang, "ok_plan_overdue", count=len(planned.overdue),
                       first=d(min(day for _, day in planned.overdue)), due=d(planned.overdue[0][0].deadline)))
    if fields.get("na"):
        lines.append(t(lang, "ok_plan_after", ref=fields["na"].strip().upper().lstrip("#")))
    if existing:
        lines.append(t(lang, "ok_plan_existing", refs=", ".join(x.ref for x in existing)))
    return Reply(lines)


def execute(ctx: Context, name: str, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    cmd = ctx.settings.slash_command
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    if name == "help" and text:
        return Outcome(reply=subcommand_help(text, lang, cmd))
    if name == "help":
        return Outcome(reply=Reply([t(lang, "help_title"), t(lang, "help_body"),
                                    t(lang, "help_examples") + "\n" + "\n".join(
                                        t(lang, key, cmd=cmd) for key in ("ex_traject", "ex_besluit", "ex_input",
                                                                          "ex_taak", "ex_urgent"))],
                                   context=[t(lang, "help_privacy")]))
    if name == "traject":
        trajectory = regions.create_trajectory(ctx, text, fields)
        region, members = region_of(ctx.session, trajectory)
        return Outcome(reply=Reply([t(lang, "ok_traject", title=trajectory.title, region=region.name,
                                      count=len(members), contract_end=d(trajectory.contract_end),
                                      go_live=d(trajectory.go_live), weeks=trajectory.lead_weeks,
                                      domain=trajectory.domain)]))
    if name == "besluit":
        decision = tracking.add_decision(ctx, text, fields)
        return Outcome(reply=Reply([t(lang, "ok_besluit", ref=decision.ref, title=decision.title,
                                      deadline=d(decision.deadline), by=t(lang, f"by_{decision.decided_by}"))]))
    if name in ("vastgesteld", "afgewezen"):
        record = tracking.adopt if name == "vastgesteld" else tracking.reject
        recorded = record(ctx, text, fields)
        shown = ", ".join(n or t(lang, "by_regio") for n in recorded.names)
        lines = [t(lang, f"ok_{name}", ref=recorded.decision.ref, names=shown, date=d(recorded.on))]
        if recorded.decision.taken_on:
            lines.append(t(lang, "ok_taken", ref=recorded.decision.ref))
        elif recorded.remaining:
            lines.append(t(lang, "ok_remaining", names=", ".join(recorded.remaining)))
        return Outcome(reply=Reply(lines))
    if name == "input":
        asked = inputs.add_input(ctx, text, fields)
        request, parts = asked.request, asked.parts
        if request.group_name:
            lines = [t(lang, "ok_input_group", ref=request.ref, group=t(lang, f"group_{request.group_name}"),
                       tracker=t(lang, "tracker", answered=0, total=len(parts)), deadline=d(request.deadline)),
                     t(lang, "ok_input_delivery", slack=sum(1 for p in parts if p.slack_user),
                       mail=sum(1 for p in parts if p.token_hash))]
        else:
            lines = [t(lang, "ok_input", ref=request.ref, who=person(request.stakeholder_user, request.stakeholder_name),
                       role=request.role, deadline=d(request.deadline))]
        if asked.unreachable:
            lines.append(t(lang, "ok_input_unreachable", names=", ".join(asked.unreachable[:12])))
        if fields.get("voor"):
            lines.append(t(lang, "ok_input_for", ref=fields["voor"].strip().upper().lstrip("#")))
        return Outcome(reply=Reply(lines), notices=[Notice("input_asked", request.id)])
    if name == "ontvangen":
        received = inputs.receive_input(ctx, text, fields)
        if received.request.received_on:
            return Outcome(reply=Reply([t(lang, "ok_ontvangen", ref=received.request.ref)]))
        progress = t(lang, "tracker", answered=received.tracker.answered + len(received.marked),
                     total=received.tracker.total)
        return Outcome(reply=Reply([t(lang, "ok_ontvangen_part", ref=received.request.ref,
                                      names=", ".join(received.marked), tracker=progress)]))
    if name == "regio":
        return region_outcome(ctx, fields, lang)
    if name == "contact":
        return Outcome(reply=contact_reply(ctx, contacts.save_contact(ctx, text, fields), lang))
    if name == "contacten":
        return Outcome(reply=registry_reply(ctx, fields, lang, cmd))
    if name == "taak":
        task = tracking.add_task(ctx, text, fields)
        lines = [t(lang, "ok_taak", ref=task.ref, title=task.title, owner=person(task.owner_user, task.owner_name),
                   deadline=d(task.deadline))]
        if fields.get("na"):
            lines.append(t(lang, "ok_taak_after", ref=fields["na"].strip().upper().lstrip("#")))
        return Outcome(reply=Reply(lines))
    if name == "plan":
        return Outcome(reply=plan_reply(plans.create_plan(ctx, text, fields), fields, lang))
    if name == "klaar":
        task = tracking.complete_task(ctx, text)
        return Outcome(reply=Reply([t(lang, "ok_klaar", ref=task.ref)]))
    if name == "urgent":
        case = tracking.flag_urgent(ctx, text, fields)
        return Outcome(reply=Reply([t(lang, "ok_urgent", ref=case.ref)]), notices=[Notice("urgent_new", case.id)])
    if name in ("opgepakt", "opgelost"):
        trajectory, case = tracking.urgent_by_ref(ctx, text)
        (tracking.acknowledge if name == "opgepakt" else tracking.resolve)(ctx, trajectory, case)
        return Outcome(reply=Reply([t(lang, f"ok_{name}", ref=case.ref, who=person(ctx.actor.user_id, None))]),
                       notices=[Notice("urgent_changed", case.id)])
    if name == "uitstel":
        item, old = tracking.postpone(ctx, text, fields)
        if item.deadline < old:
            lines = [t(lang, "ok_vervroegd", ref=item.ref, old=d(old), new=d(item.deadline))]
        else:
            lines = [t(lang, "ok_uitstel", ref=item.ref, old=d(old), new=d(item.deadline), count=item.postponements)]
        if not isinstance(item, InputRequest):
            return Outcome(reply=Reply(lines))
        # Whoever still owes an answer hears the new date; their reminders follow it.
        return Outcome(reply=Reply(lines + [t(lang, "ok_moved_told")]), notices=[Notice("input_moved", item.id)])
    if name == "status":
        return Outcome(reply=status_reply(ctx.session, tracking.current_trajectory(ctx), lang, ctx.today,
                                          thresholds_of(ctx.settings)))
    if name == "risico":
        thresholds = thresholds_of(ctx.settings)
        result = forecast_trajectory(ctx.session, tracking.current_trajectory(ctx), ctx.today, thresholds)
        return Outcome(reply=risk_reply(result, thresholds, lang))
    if name == "digest":  # today's digest, only for the one who asks; the daily post is the schedule's
        return Outcome(reply=trajectory_digest(ctx.session, tracking.current_trajectory(ctx), ctx.today, ctx.now,
                                               lang, ctx.settings))
    if name in ("tijdlijn", "export"):
        trajectory = tracking.current_trajectory(ctx)
        data = queries.trajectory_data(ctx.session, trajectory)
        result = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds_of(ctx.settings), data)
        if name == "tijdlijn":
            files = [timeline_png(result, lang)]
        else:
            files = [decisions_csv(ctx.session, data, lang), audit_csv(ctx.session, trajectory, lang, ctx.settings.timezone),
                     deadlines_ics(data, result, lang, ctx.now)]
        comment = t(lang, "files_comment", what=t(lang, f"{'timeline' if name == 'tijdlijn' else 'export'}_what"),
                    title=trajectory.title, date=d(ctx.today))
        return Outcome(reply=Reply([comment]), files=files)
    if name == "datum":
        if not text:
            raise CommandError("err_no_date", example="ex_datum")
        day = tracking.deadline(ctx, text, "datum", "ex_datum")  # warns, as a deadline would, about a day off
        return Outcome(reply=Reply([t(lang, "ok_datum", text=text, date=d(day))]))
    if name == "taal":
        choice = text.strip().lower()[:2]
        if choice not in LANGUAGES:
            raise CommandError("err_language", example="ex_taal")
        setting = ctx.session.get(UserSetting, (ctx.actor.team_id, ctx.actor.user_id))
        ctx.session.add(UserSetting(team_id=ctx.actor.team_id, user_id=ctx.actor.user_id, language=choice)
                        if setting is None else setting)
        if setting is not None:
            setting.language = choice
        return Outcome(reply=Reply([t(choice, "ok_taal")]))
    raise CommandError("err_unknown_subcommand", example="ex_help", word=name)
