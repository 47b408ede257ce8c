"""The answer page's use cases: what a personal link shows, and an answer given through it. The
link's token is the only key: it is looked up by its hash, works for its one recipient until 30
days after the deadline, and holds one answer, which can be amended until the deadline."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from delivery.outbox import GIVE_UP_AFTER
from domain.mail_text import coordinator_named, real_name
from domain.outcome import Notice
from domain.permissions import Actor
from domain.privacy import contains_bsn, mask_bsn
from domain.requests import link_valid_until, token_hash
from domain.text_input import TEXT_LIMIT, as_typed, clean, to_plain
from domain.texts import fmt_date
from service import notices
from service.runtime import Runtime
from store.db import reconnecting, session_scope
from store.models import InputPart, InputRequest, Outbox, Region, Trajectory
from store.queries import SYSTEM_ACTOR
from tracking.inputs import store_answer

TOKEN = re.compile(r"^[0-9a-f]{40}$")
CONFLICT = "answer_conflict"  # the page's own problem (answer_page.PROBLEMS): another answer came in meanwhile


@dataclass
class Page:
    """What the page shows: `form` (also to amend an answer until the deadline), `thanks`, `used`
    (answered, deadline past), `closed` (marked received by hand), `withdrawn`, `expired` or
    `unknown`; with the question for the form, `problem` (a text key) when an answer was refused,
    and `typed`: what the form shows in its text field."""
    state: str
    facts: dict = field(default_factory=dict)
    problem: str | None = None
    typed: str = ""


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
            "declined": part.declined, "limit": TEXT_LIMIT, "version": part.version,
            "answer": to_plain(part.answer) if part.answer else None}


def _state(part: InputPart, request: InputRequest, today: date) -> str:
    if request.withdrawn_at:
        return "withdrawn"
    if part.received_on and part.answered_via == "handmatig":
        return "closed"  # the requester marked it received: there is nothing to answer through the link
    if part.received_on and today > request.deadline:
        return "used"    # answers can be amended until the deadline
    if today > link_valid_until(request):
        return "expired"
    return "form"


def _page(session: Session, part: InputPart, request: InputRequest, today: date, **more) -> Page:
    """The page as the part now stands; the form holds the stored answer, to amend."""
    state = _state(part, request, today)
    page = Page(state, _facts(session, part, request), **more)
    if state == "form" and "typed" not in more:
        page.typed = page.facts["answer"] or ""
    return page


def show(rt: Runtime, token: str) -> Page:
    def read() -> Page:
        with session_scope(rt.engine, readonly=True) as session:
            found = _find(session, token)
            if found is None:
                return Page("unknown")
            return _page(session, *found, rt.today())
    return reconnecting(read)


def answer(rt: Runtime, token: str, text: str, declined: bool, seen: int | None = None) -> Page:
    """Record the answer (or "we do not respond"), post it in the channel, move the tracker.
    `seen`: how many answers the form showed as stored (its hidden field): an answer given through
    the same link meanwhile is not overwritten unseen; the visitor sees it and keeps their text.
    The thanks page says whether the channel post went out, waits, or was given up."""
    text = (text or "").strip()
    stored_text = as_typed(clean(text))  # as typed, never a mention or a ping
    keys: list[str] = []

    def holds_this_answer(part: InputPart) -> bool:
        """This very answer is stored: our own commit whose reply was lost (the retry finds it), or
        the same text sent twice at once."""
        return part.answered_via == "pagina" and part.declined == declined and (declined or part.answer == stored_text)

    def thanks(session: Session, part: InputPart, request: InputRequest) -> Page:
        keys.append(notices.answer_post_key(part))  # queued with the answer; sent now if it still waits
        return Page("thanks", _facts(session, part, request))

    def write() -> Page:
        keys.clear()
        with session_scope(rt.engine) as session:
            found = _find(session, token)
            if found is None:
                return Page("unknown")
            part, request = found
            today = rt.today()
            if holds_this_answer(part):
                return thanks(session, part, request)
            if _state(part, request, today) != "form":
                return _page(session, part, request, today)
            problem = None if declined else ("answer_empty" if not text else "err_bsn" if contains_bsn(text)
                                             else "answer_too_long" if len(text) > TEXT_LIMIT else None)
            if problem:  # nothing stored; a BSN is shown back masked, never as typed
                return _page(session, part, request, today, problem=problem,
                             typed=mask_bsn(text) if problem == "err_bsn" else text)
            trajectory = session.get(Trajectory, request.trajectory_id)
            ctx = rt.context(session, Actor(team_id=request.team_id, user_id=SYSTEM_ACTOR,
                                            channel_id=trajectory.channel_id))
            # A form without its count is one for a first answer: nothing may have come before it.
            expected = seen if seen is not None else part.version if not part.received_on else -1
            if not store_answer(ctx, trajectory, request, part, "pagina", text=None if declined else stored_text,
                                declined=declined, seen=expected):
                if holds_this_answer(part):  # the same answer from another tab won: it counts once
                    return thanks(session, part, request)
                # Another answer came through this link meanwhile: show it, keep what this visitor typed.
                return _page(session, part, request, today, problem=CONFLICT, typed=text)
            keys.extend(notices.queue(rt, session, [Notice("input_answered", part.id)]))
            return Page("thanks", _facts(session, part, request))

    page = reconnecting(write)
    rt.deliver(keys)
    if page.state == "thanks":
        page.facts["post"] = reconnecting(lambda: _post_state(rt, keys))
    return page


def _post_state(rt: Runtime, keys: list[str]) -> str:
    """What became of the channel post, as the outbox knows it: `sent`, `given_up` (Slack refused
    it for good, or the app is no longer installed there) or `waiting` (it goes out on a later pass)."""
    with session_scope(rt.engine, readonly=True) as session:
        rows = list(session.exec(select(Outbox).where(Outbox.key.in_(keys)))) if keys else []
    if rows and all(row.sent_at for row in rows):
        return "sent"
    return "given_up" if any(row.sent_at is None and row.attempts >= GIVE_UP_AFTER for row in rows) else "waiting"
