"""What a change must tell people beyond the one who asked, queued in the outbox in the change's
own transaction: the channel post of an urgent case, the question to each recipient of an input
request (a DM, or a mail with their personal link), the answer that came in through the page, a
withdrawn question to whoever still owed an answer, a task to its new owner."""
from __future__ import annotations

import uuid

from sqlmodel import Session, select

from delivery import outbox
from delivery.outbox import MAIL
from domain.outcome import Notice
from domain.requests import tracker
from domain.roles import role_label
from domain.texts import fmt_date, person, t
from service.runtime import Runtime
from store import queries
from store.models import InputPart, InputRequest, Region, Task, Trajectory, UrgentCase
from views.messages import question_dm, sections, urgent_message


def queue(rt: Runtime, session: Session, notices: list[Notice]) -> list[str]:
    keys: list[str] = []
    for notice in notices:
        keys += QUEUERS[notice.kind](rt, session, notice)
    return keys


def _enqueue(rt: Runtime, session: Session, keys: list[str], **message) -> None:
    if outbox.enqueue(session, now=rt.now(), **message):
        keys.append(message["key"])


def _urgent(rt: Runtime, session: Session, notice: Notice) -> list[str]:
    case = session.get(UrgentCase, notice.item_id)
    trajectory = session.get(Trajectory, case.trajectory_id)
    text, blocks = urgent_message(case, trajectory, rt.settings.language, rt.settings.timezone)
    post_key = f"urgent:{case.id}"
    keys: list[str] = []
    if notice.kind == "urgent_new":
        _enqueue(rt, session, keys, key=post_key, team_id=case.team_id, trajectory_id=trajectory.id,
                 channel=trajectory.channel_id, text=text, blocks=blocks)
    else:  # refresh the channel post so its buttons match the case; each change is its own update
        _enqueue(rt, session, keys, key=f"{post_key}:update:{uuid.uuid4().hex}", team_id=case.team_id,
                 trajectory_id=trajectory.id, channel=trajectory.channel_id, text=text, blocks=blocks, method="chat.update",
                 extra={"ts_of": post_key})
    return keys


def _to_recipients(rt: Runtime, session: Session, keys: list[str], request: InputRequest, parts, step: str,
                   dm_text: str, suffix: str = "") -> None:
    """Each recipient in their own way: a DM in Slack with an Antwoorden button, else a mail with
    their personal link."""
    for part in parts:
        if part.slack_user:
            _enqueue(rt, session, keys, key=f"{step}:{part.id}{suffix}", team_id=request.team_id,
                     trajectory_id=request.trajectory_id, channel=part.slack_user, text=dm_text,
                     blocks=question_dm(dm_text, request.id, rt.settings.language))
        elif part.token_hash:
            _enqueue(rt, session, keys, key=f"mail:{step}:{part.id}{suffix}", team_id=request.team_id,
                     trajectory_id=request.trajectory_id, channel=f"mail:{part.contact_id}", text="", method=MAIL,
                     extra={"kind": "input", "step": step, "part_id": part.id})


def _input_asked(rt: Runtime, session: Session, notice: Notice) -> list[str]:
    """The question to every recipient."""
    request = session.get(InputRequest, notice.item_id)
    trajectory = session.get(Trajectory, request.trajectory_id)
    lang, keys = rt.settings.language, []
    text = t(lang, "ask_dm", requester=person(request.requested_by, None), title=trajectory.title, ref=request.ref,
             question=request.question, deadline=fmt_date(request.deadline, lang), cmd=rt.settings.slash_command,
             channel=f"<#{trajectory.channel_id}>")
    parts = session.exec(select(InputPart).where(InputPart.request_id == request.id).order_by(InputPart.id))
    _to_recipients(rt, session, keys, request, parts, "ask", text)
    return keys


def _input_moved(rt: Runtime, session: Session, notice: Notice) -> list[str]:
    """A request's new deadline, to everyone who has not answered yet: their reminders follow it."""
    request = session.get(InputRequest, notice.item_id)
    trajectory = session.get(Trajectory, request.trajectory_id)
    lang, keys = rt.settings.language, []
    text = t(lang, "moved_dm", ref=request.ref, question=request.question, title=trajectory.title,
             deadline=fmt_date(request.deadline, lang))
    parts = session.exec(select(InputPart).where(InputPart.request_id == request.id, InputPart.received_on.is_(None))
                         .order_by(InputPart.id))
    _to_recipients(rt, session, keys, request, parts, "moved", text, suffix=f":{request.deadline.isoformat()}")
    return keys


def _input_answered(rt: Runtime, session: Session, notice: Notice) -> list[str]:
    """An answer given by its recipient (the page, a DM, `ontvangen I5 <antwoord>`) in the
    trajectory's channel, naming the municipality or organisation, with the tracker. Each stored
    answer is posted once: an amendment under its own key."""
    part = session.get(InputPart, notice.item_id)
    request = session.get(InputRequest, part.request_id)
    trajectory = session.get(Trajectory, request.trajectory_id)
    parts = list(session.exec(select(InputPart).where(InputPart.request_id == request.id)))
    progress = tracker(parts)
    lang = rt.settings.language
    shown = t(lang, "tracker", answered=progress.answered, total=progress.total)
    name = f"{part.name}, {part.affiliation}" if part.affiliation else part.name
    amended = "_amended" if part.version > 1 else ""
    if part.declined:
        text = t(lang, f"answer_post_declined{amended}", ref=request.ref, name=name, tracker=shown)
    else:
        text = t(lang, f"answer_post{amended}", ref=request.ref, name=name, tracker=shown, text=part.answer or "")
    keys: list[str] = []
    _enqueue(rt, session, keys, key=answer_post_key(part), team_id=request.team_id, trajectory_id=trajectory.id,
             channel=trajectory.channel_id, text=text[:3000], blocks=sections([text]))
    return keys


def answer_post_key(part: InputPart) -> str:
    """The outbox key of the channel post of a part's newest answer (the first one's key is as before amendments)."""
    return f"answer:{part.id}" if part.version <= 1 else f"answer:{part.id}:{part.version}"


def _input_withdrawn(rt: Runtime, session: Session, notice: Notice) -> list[str]:
    """Whoever was asked and has not answered hears that no answer is needed: a DM, or a mail
    (its link then says so too; its reminders stop)."""
    request = session.get(InputRequest, notice.item_id)
    trajectory = session.get(Trajectory, request.trajectory_id)
    lang, keys = rt.settings.language, []
    text = t(lang, "withdrawn_dm", ref=request.ref, question=request.question, title=trajectory.title,
             who=person(request.withdrawn_by, None))
    for part in session.exec(select(InputPart).where(InputPart.request_id == request.id, InputPart.received_on.is_(None))
                             .order_by(InputPart.id)):
        if part.slack_user:
            _enqueue(rt, session, keys, key=f"withdrawn:{part.id}", team_id=request.team_id, channel=part.slack_user,
                     text=text, blocks=sections([text]))
        elif part.token_hash:
            _enqueue(rt, session, keys, key=f"mail:withdrawn:{part.id}", team_id=request.team_id,
                     trajectory_id=request.trajectory_id, channel=f"mail:{part.contact_id}", text="", method=MAIL,
                     extra={"kind": "input", "step": "withdrawn", "part_id": part.id})
    return keys


def _task_assigned(rt: Runtime, session: Session, notice: Notice) -> list[str]:
    """The new owner of one or more tasks hears it once: a DM, or a mail for a registered
    outsider; a role's one contact likewise. A role with no contact or several: the answer said
    so, and the coordinator's list will."""
    tasks = [session.get(Task, task_id) for task_id in (notice.item_id, *notice.item_ids)]
    trajectory = session.get(Trajectory, tasks[0].trajectory_id)
    reach = queries.task_reach(session, tasks[0], trajectory.region_id)
    lang, cmd, keys = rt.settings.language, rt.settings.slash_command, []
    key = f"assigned:{tasks[0].id}:{uuid.uuid4().hex}"  # each assignment is news, even back to an earlier owner
    if reach.user:
        lines = "\n".join("• " + t(lang, "task_line", ref=task.ref, task=task.title, deadline=fmt_date(task.deadline, lang))
                          for task in tasks)
        text = t(lang, "task_assigned_dm", count=len(tasks), title=trajectory.title, lines=lines, cmd=cmd,
                 ref=tasks[0].ref, channel=f"<#{trajectory.channel_id}>")
        if reach.by_role:
            region = session.get(Region, trajectory.region_id)
            text = t(lang, "task_remind_as_role", region=region.name, role=role_label(tasks[0].owner_role, lang)) + " " + text
        _enqueue(rt, session, keys, key=key, team_id=trajectory.team_id, channel=reach.user, text=text,
                 blocks=sections([text]))
    elif reach.contact is not None:
        _enqueue(rt, session, keys, key=f"mail:{key}", team_id=trajectory.team_id, channel=f"mail:{reach.contact.id}",
                 text="", method=MAIL, extra={"kind": "task", "step": "assigned", "task_ids": [task.id for task in tasks],
                                              "contact_id": reach.contact.id})
    return keys


QUEUERS = {"urgent_new": _urgent, "urgent_changed": _urgent, "input_asked": _input_asked,
           "input_moved": _input_moved, "input_answered": _input_answered, "input_withdrawn": _input_withdrawn,
           "task_assigned": _task_assigned}
