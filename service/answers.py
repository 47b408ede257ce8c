"""The answer page's use cases: what a personal link shows, and an answer given through it. The
link's token is the only key: it is looked up by its hash, works for its one recipient until 30
days after the deadline, and answers once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from domain.mail_text import coordinator_named, real_name
from domain.outcome import Notice
from domain.permissions import Actor
from domain.privacy import contains_bsn
from domain.requests import link_valid_until, token_hash
from domain.text_input import TEXT_LIMIT, as_typed, clean, to_plain
from domain.texts import fmt_date
from service import notices
from service.runtime import Runtime
from store.db import reconnecting, session_scope
from store.models import InputPart, InputRequest, Region, Trajectory
from store.queries import SYSTEM_ACTOR
from tracking.inputs import mark_answered

TOKEN = re.compile(r"^[0-9a-f]{40}$")


@dataclass
class Page:
    """What the page shows: `form`, `thanks`, `used`, `withdrawn`, `expired` or `unknown`; with the question
    for the form, and `problem` (a text key) when an answer was refused."""
    state: str
    facts: dict = field(default_factory=dict)
    problem: str | None = None


def _find(session: Session, token: str) -> tuple[InputPart, InputRequest] | None:
    if not TOKEN.match(token or ""):
        return None
    part = session.exec(select(InputPart).where(InputPart.token_hash == token_hash(token))).first()
    if part is None:
        return None
    return part, session.get(InputRequest, part.request_id)


def _facts(session: Session, part: InputPart, request: InputRequest) -> dict:
    trajectory = session.get(Trajectory, request.trajectory_id)
    region = session.get(Region, trajectory.region_id)
    return {"name": to_plain(part.name), "ref": request.ref, "question": to_plain(request.question),
            "requester": real_name(request.requested_by_name, request.requested_by)
                         or coordinator_named(trajectory.coordinator_name, trajectory.coordinator_id, None, trajectory.title),
            "contact": coordinator_named(trajectory.coordinator_name, trajectory.coordinator_id,
                                         trajectory.coordinator_email, trajectory.title),
            "region": region.name,
            "title": trajectory.title, "deadline": fmt_date(request.deadline, "nl"),
            "answered_on": fmt_date(part.received_on, "nl") if part.received_on else None,
            "declined": part.declined, "limit": TEXT_LIMIT}


def _state(part: InputPart, request: InputRequest, today: date) -> str:
    if request.withdrawn_at:
        return "withdrawn"
    if part.received_on:
        return "used"
    if today > link_valid_until(request):
        return "expired"
    return "form"


def show(rt: Runtime, token: str) -> Page:
    def read() -> Page:
        with session_scope(rt.engine, readonly=True) as session:
            found = _find(session, token)
            if found is None:
                return Page("unknown")
            part, request = found
            return Page(_state(part, request, rt.today()), _facts(session, part, request))
    return reconnecting(read)


def answer(rt: Runtime, token: str, text: str, declined: bool) -> Page:
    """Record the answer (or "we do not respond"), post it in the channel, move the tracker."""
    text = (text or "").strip()
    keys: list[str] = []

    def write() -> Page:
        with session_scope(rt.engine) as session:
            found = _find(session, token)
            if found is None:
                return Page("unknown")
            part, request = found
            state = _state(part, request, rt.today())
            if state != "form":
                return Page(state, _facts(session, part, request))
            problem = None if declined else ("answer_empty" if not text else "err_bsn" if contains_bsn(text)
                                             else "answer_too_long" if len(text) > TEXT_LIMIT else None)
            if problem:  # nothing stored; a BSN is never shown back
                return Page("form", _facts(session, part, request), problem)
            trajectory = session.get(Trajectory, request.trajectory_id)
            ctx = rt.context(session, Actor(team_id=request.team_id, user_id=SYSTEM_ACTOR,
                                            channel_id=trajectory.channel_id))
            mark_answered(ctx, trajectory, request, part, "pagina", declined=declined)
            shown = None if declined else as_typed(clean(text))  # as typed, never a mention or a ping
            keys.extend(notices.queue(rt, session, [Notice("input_answered", part.id, shown)]))
            return Page("thanks", _facts(session, part, request))

    page = reconnecting(write)
    rt.deliver(keys)
    return page
