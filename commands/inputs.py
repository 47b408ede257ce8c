"""`input` and `ontvangen`: a question to a colleague, an outsider or a group, and its answers."""
from __future__ import annotations

from commands.registry import subcommand
from commands.replies import ref_of
from domain.outcome import Notice, Outcome, Reply
from domain.roles import role_label
from domain.texts import fmt_date, person, t
from tracking import inputs
from tracking.context import Context

UNREACHABLE_SHOWN = 12  # names of recipients nobody can reach, in the answer


@subcommand("input")
def input_(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
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
    if note:
        lines.append(t(lang, "ok_note", note=note))
    return Outcome(reply=Reply(lines))
