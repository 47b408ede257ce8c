"""Input requests and their recipients. A request has one part per recipient: one for a colleague
or a named outsider, one per contact for a group (`van: aanbieders`). A part is answered in Slack
(`ontvangen I12 van: …`), on the answer page behind a mailed link, or marked by the requester;
the request is complete when every part is, or when the requester marks the whole request."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import update
from sqlmodel import select

from domain.errors import CommandError
from domain.permissions import require_involved
from domain.requests import Tracker, stakeholder_key, token_for, token_hash, tracker
from domain.text_input import fold
from domain.texts import count
from store import queries
from store.models import InputPart, InputRequest, Municipality, Trajectory
from tracking.contacts import Recipient, recipients
from tracking.context import (ROLES, Context, choose, current_trajectory, deadline, has_trajectory, normalized_ref, own_item,
                              refs_and_note, require)


@dataclass
class Asked:
    request: InputRequest
    parts: list[InputPart]
    unreachable: list[str]  # recipients without Slack or e-mail: the requester is reminded instead


def add_input(ctx: Context, question: str, fields: dict[str, str]) -> Asked:
    example = "ex_input"
    trajectory = current_trajectory(ctx)
    if not question:
        raise CommandError("err_missing_title", field="title", example=example)
    people, group = recipients(ctx, trajectory, require(fields, "van", example), example)
    # A group says its role (`van: aanbieders` asks providers), as the registry does of one contact
    # whose role is one an input request knows; a `rol:` typed as well still counts.
    known = people[0].contact.role if len(people) == 1 and group is None and people[0].contact else None
    registered = ROLES.get(known) if known else None
    role = choose(ROLES, fields.get("rol") or group or registered or require(fields, "rol", example), "rol", example)
    due = deadline(ctx, require(fields, "deadline", example), "deadline", example)
    decision = own_item(ctx, trajectory, fields["voor"], "B", example, "voor") if fields.get("voor") else None
    if decision is not None and decision.taken_on:
        raise CommandError("err_input_for_taken", field="voor", example=example, ref=decision.ref,
                           date=decision.taken_on)
    single = people[0] if len(people) == 1 and group is None else None
    request = InputRequest(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "I"),
                           trajectory_id=trajectory.id, question=question,
                           stakeholder_user=single.slack_user if single else None,
                           stakeholder_name=single.name if single else group, role=role, deadline=due,
                           decision_id=decision.id if decision else None, requested_by=ctx.actor.user_id,
                           requested_by_name=ctx.actor.display_name(), group_name=group, created_at=ctx.now)
    ctx.session.add(request)
    ctx.session.flush()
    if decision is not None and due > decision.deadline:  # the decision would wait for it past its own deadline
        ctx.warn("warn_input_after_decision", ref=request.ref, input_deadline=due, decision=decision.ref,
                 decision_deadline=decision.deadline)
    parts = [_part(ctx, request, person) for person in people]
    ctx.audit("input gevraagd", trajectory, item=request.ref,
              new=f"{request.stakeholder_name} ({role}), {due}" + (f", {count('nl', len(parts), 'ontvanger')}" if group else ""))
    return Asked(request, parts, [p.name for p in people if not p.reachable])


def _part(ctx: Context, request: InputRequest, person: Recipient) -> InputPart:
    contact = person.contact
    municipality = ctx.session.get(Municipality, contact.municipality_id) if contact and contact.municipality_id else None
    part = InputPart(request_id=request.id, contact_id=contact.id if contact else None,
                     slack_user=person.slack_user, name=person.name,
                     stakeholder_key=stakeholder_key(person.slack_user, person.name),
                     affiliation=municipality.name if municipality else contact.organisation if contact else None)
    ctx.session.add(part)
    ctx.session.flush()
    if person.contact is not None and person.contact.email and not person.slack_user:
        part.token_hash = token_hash(token_for(part.id, ctx.settings.answer_secret))
        ctx.session.add(part)
    return part


def parts_of(ctx: Context, request: InputRequest) -> list[InputPart]:
    return list(ctx.session.exec(select(InputPart).where(InputPart.request_id == request.id).order_by(InputPart.id)))


@dataclass
class Received:
    request: InputRequest
    marked: list[str]      # names of the parts marked now
    tracker: Tracker       # counted after marking: what status says from now on
    answered: list[InputPart] = field(default_factory=list)  # parts whose answer text came with the command


_ALREADY = ("err_already_received_on", "err_part_already")


def receive_inputs(ctx: Context, text: str, fields: dict[str, str] | None = None) -> tuple[list[Received], list[str], str]:
    """`ontvangen I5 I6`, `ontvangen I5 <tekst>`: each request as `receive_input` marks it. A
    request received before is named, not changed; when all were, that is the answer. Returns
    (received, refs received before, the text after the references)."""
    fields = fields or {}
    refs, note = refs_and_note(text, "I", "ex_ontvangen")
    if fields.get("van") and len(refs) > 1:
        raise CommandError("err_van_one_ref", field="van", example="ex2_ontvangen", refs=", ".join(refs))
    received, already = [], []
    for ref in refs:
        try:
            received.append(receive_input(ctx, ref, fields, note, answer=len(refs) == 1))
        except CommandError as error:
            if error.key not in _ALREADY or len(refs) == 1:
                raise
            already.append((ref, error))
    if not received:
        raise already[0][1]
    return received, [ref for ref, _ in already], note


def receive_input(ctx: Context, ref: str, fields: dict[str, str] | None = None, note: str = "",
                  answer: bool = True) -> Received:
    """`ontvangen I12`: the whole request (its requester, the coordinator, an admin, or the one
    person asked); `ontvangen I12 van: Lindenhout`: that recipient's part. Text after the
    reference is the answer itself when it is one recipient's (the recipient's own, or one the
    requester passes on) and one reference was given; else a note in the audit."""
    fields = fields or {}
    trajectory = _asked_in(ctx, ref)
    request = own_item(ctx, trajectory, ref, "I", "ex_ontvangen")
    parts = parts_of(ctx, request)
    if request.received_on:
        raise CommandError("err_already_received_on", example="ex_status", ref=request.ref, date=request.received_on)
    if fields.get("van"):
        wanted = fields["van"].strip()
        mention = wanted[2:].split("|")[0].rstrip(">") if wanted.startswith("<@") else None
        chosen = [p for p in parts if (mention and p.slack_user == mention) or fold(p.name) == fold(wanted)]
        if not chosen and not note:  # `van: Marieke Bakker Katwijk stemt in`: the name, then the answer
            chosen, note = _named_then_answer(parts, wanted)
        if not chosen:
            raise CommandError("err_not_a_recipient", field="van", example="ex_ontvangen", ref=request.ref,
                               name=wanted, names=", ".join(p.name for p in parts[:12]))
        require_involved(ctx.actor, trajectory.coordinator_id, request.requested_by, *(p.slack_user for p in chosen))
        if all(p.received_on for p in chosen):
            raise CommandError("err_part_already", example="ex_status", ref=request.ref, name=chosen[0].name,
                               date=chosen[0].received_on)
    elif len(parts) > 1 and ctx.actor.user_id not in (request.requested_by, trajectory.coordinator_id) and \
            any(p.slack_user == ctx.actor.user_id for p in parts):
        chosen = [p for p in parts if p.slack_user == ctx.actor.user_id]  # one of a group: their own part
        if all(p.received_on for p in chosen):
            raise CommandError("err_part_already", example="ex_status", ref=request.ref, name=chosen[0].name,
                               date=chosen[0].received_on)
    else:
        own = [p.slack_user for p in parts] if len(parts) == 1 else []
        require_involved(ctx.actor, trajectory.coordinator_id, request.requested_by, *own)
        chosen = parts
    waiting = [part for part in chosen if not part.received_on]
    # Text after one reference is one recipient's answer: the coordinator's text on a group request
    # must say whose (`van:`), or it would close open parts, or stand as the last one's answer, in
    # someone else's name. Closing the whole request by hand is `ontvangen I5` alone.
    unnamed = chosen is parts and len(parts) > 1 and not any(p.slack_user == ctx.actor.user_id for p in waiting)
    if answer and note and (len(waiting) > 1 or unnamed):
        raise CommandError("err_answer_whose", field="van", example="ex3_ontvangen", ref=request.ref,
                           names=", ".join(p.name for p in waiting[:12]))
    text = note if answer and note and len(waiting) == 1 else None
    via = "slack" if text and ctx.actor.user_id == waiting[0].slack_user else "handmatig"
    marked = [part.name for part in waiting
              if store_answer(ctx, trajectory, request, part, via, text=text, note="" if text else note)]
    if chosen is parts:
        _complete(ctx, trajectory, request)
    return Received(request, marked, tracker(parts), [part for part in waiting if text and part.answer == text])


def _asked_in(ctx: Context, ref: str) -> Trajectory:
    """The channel's trajectory; elsewhere (the DM in which the question arrived) the trajectory of
    the request `ref` when this person is one of those asked: they answer where they read it."""
    if not has_trajectory(ctx):
        item = queries.item_by_ref(ctx.session, ctx.actor.team_id, normalized_ref(ref) or "")
        if isinstance(item, InputRequest) and any(p.slack_user == ctx.actor.user_id for p in parts_of(ctx, item)):
            return ctx.session.get(Trajectory, item.trajectory_id)
    return current_trajectory(ctx)


def _named_then_answer(parts: list[InputPart], typed: str) -> tuple[list[InputPart], str]:
    """The recipient whose name starts `typed` (the longest that does), and the words after it."""
    words = typed.split()
    for end in range(len(words) - 1, 0, -1):
        named = [p for p in parts if fold(p.name) == fold(" ".join(words[:end]))]
        if named:
            return named, " ".join(words[end:])
    return [], ""


def store_answer(ctx: Context, trajectory: Trajectory, request: InputRequest, part: InputPart, via: str, *,
                 text: str | None = None, declined: bool = False, seen: int | None = None, note: str = "") -> bool:
    """One recipient's answer (its text, "niet van toepassing", or marked received by hand). It is
    stored only while the part still holds what its writer saw (`seen` answers; default: as read in
    this transaction), in one conditional UPDATE: of two answers through one link at the same moment
    exactly one counts, on SQLite and PostgreSQL alike, and the other is told (False). The first
    answer moves the tracker; a later one replaces it, and the audit keeps both."""
    seen = part.version if seen is None else seen
    first, before = part.received_on is None, (part.answer, part.declined)
    values = {"version": seen + 1, "answered_via": via, "declined": declined, "answered_at": ctx.now,
              "answer": None if declined else text}
    if first:
        values["received_on"] = ctx.today
    stored = ctx.session.execute(update(InputPart).where(InputPart.id == part.id, InputPart.version == seen)
                                 .values(**values).execution_options(synchronize_session=False)).rowcount == 1
    ctx.session.refresh(part)
    if not stored:
        return False
    said = "niet van toepassing" if declined else text or note
    if first:
        ctx.audit("input afgemeld" if declined else "input ontvangen", trajectory, item=request.ref, field_name=part.name,
                  new=f"{ctx.today} ({said})" if said else ctx.today)
    else:
        ctx.audit("input aangepast", trajectory, item=request.ref, field_name=part.name,
                  old="niet van toepassing" if before[1] else before[0], new=said)
    if request.received_on is None and all(p.received_on for p in parts_of(ctx, request)):
        _complete(ctx, trajectory, request)
    return True


def _complete(ctx: Context, trajectory: Trajectory, request: InputRequest) -> None:
    if request.received_on is None:
        request.received_on = ctx.today
        ctx.session.add(request)
        ctx.audit("input compleet", trajectory, item=request.ref, field_name="ontvangen op", new=ctx.today)


def drop_part(ctx: Context, trajectory: Trajectory, request: InputRequest, part: InputPart) -> Tracker:
    """A recipient of a group request who left the registry before answering: no longer asked,
    reminded or counted. The request is complete when everyone who remains has answered.
    Returns the tracker of those who remain."""
    ctx.session.delete(part)
    ctx.audit("ontvanger vervallen", trajectory, item=request.ref, field_name=part.name)
    ctx.session.flush()
    remaining = parts_of(ctx, request)
    if remaining and all(p.received_on for p in remaining):
        _complete(ctx, trajectory, request)
    return tracker(remaining)
