"""`input` and `ontvangen`: a question to a colleague, an outsider or a group, and its answers."""
from __future__ import annotations

from commands.grammar import INPUT_REF
from commands.registry import subcommand
from commands.replies import ref_of
from domain.outcome import Notice, Outcome, Reply
from domain.roles import role_label
from domain.requests import asked_of
from domain.text_input import to_plain
from domain.texts import fmt_date, person, t
from outputs.answers import answers_markdown
from reports.answers import input_view, recipient_rows
from store.models import Region
from tracking import inputs
from tracking.context import Context, current_trajectory, own_item

UNREACHABLE_SHOWN = 12  # names of recipients nobody can reach, in the answer


@subcommand("input")
def input_(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """`input <vraag> van: … rol: … deadline: …` asks; `input I5` shows who answered what."""
    if not fields and INPUT_REF.fullmatch(text.strip()):
        return show_request(ctx, text)
    lang = ctx.actor.language
    asked = inputs.add_input(ctx, text, fields)
    request, parts = asked.request, asked.parts
    deadline = fmt_date(request.deadline, lang)
    if request.group_name:
        lines = [t(lang, "ok_input_group", ref=request.ref, group=t(lang, f"group_{request.group_name}"),
                   tracker=t(lang, "tracker", answered=0, total=len(parts)), deadline=deadline),
                 t(lang, "ok_input_delivery", slack=sum(1 for p in parts if p.slack_user),
                   mail=sum(1 for p in parts if p.token_hash))]
    else:
        lines = [t(lang, "ok_input", ref=request.ref, who=person(request.stakeholder_user, request.stakeholder_name),
                   role=role_label(request.role, lang), deadline=deadline)]
    if asked.unreachable:
        lines.append(t(lang, "ok_input_unreachable", names=", ".join(asked.unreachable[:UNREACHABLE_SHOWN])))
    if fields.get("voor"):
        lines.append(t(lang, "ok_input_for", ref=ref_of(fields["voor"])))
    return Outcome(reply=Reply(lines), notices=[Notice("input_asked", request.id)])


@subcommand("ontvangen")
def ontvangen(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """Each request's state after marking, counted as status counts it."""
    lang = ctx.actor.language
    received, already, note = inputs.receive_inputs(ctx, text, fields)
    lines = []
    for one in received:
        if one.request.received_on:
            lines.append(t(lang, "ok_ontvangen", ref=one.request.ref))
        else:
            lines.append(t(lang, "ok_ontvangen_part", ref=one.request.ref, names=", ".join(one.marked),
                           tracker=t(lang, "tracker", answered=one.tracker.answered, total=one.tracker.total)))
    if already:
        lines.append(t(lang, "ok_already_received", refs=", ".join(already)))
    answered = [part for one in received for part in one.answered]
    if answered:
        lines.append(t(lang, "ok_answer_stored"))
    elif note:
        lines.append(t(lang, "ok_note", note=note))
    return Outcome(reply=Reply(lines), notices=[Notice("input_answered", part.id) for part in answered])


def show_request(ctx: Context, ref: str) -> Outcome:
    """`input I5` (also `status I5`, `I5`): one line per recipient, and every answer in full as a
    Markdown file (Slack: in a direct message; console: under out/)."""
    lang = ctx.actor.language
    trajectory = current_trajectory(ctx)
    request = own_item(ctx, trajectory, ref, "I", "ex_input", withdrawn=True)
    rows = recipient_rows(ctx.session, request, ctx.settings.timezone)
    parts = inputs.parts_of(ctx, request)
    region = ctx.session.get(Region, trajectory.region_id)
    memo = answers_markdown(ref=request.ref, question=request.question, who=to_plain(asked_of(request, parts, lang)),
                            requester=request.requested_by_name or request.requested_by,
                            asked_on=request.created_at.date(), deadline=request.deadline, title=trajectory.title,
                            region=region.name, rows=rows, today=ctx.today, lang=lang)
    reply = input_view(ctx.session, request, rows, lang)
    reply.context.append(t(lang, "input_view_file", name=memo.name))
    return Outcome(reply=reply, files=[memo])
