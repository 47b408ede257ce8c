"""The mail transport of the outbox: turns a row of method `mail` into the mail itself at the
moment it is sent: the recipient's address is read then (a removed contact gets nothing), and the
personal link is derived then, so neither the address nor the link is copied into the outbox."""
from __future__ import annotations

from datetime import datetime
from typing import Callable
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine
from sqlmodel import Session

from config import Settings
from delivery import outbox
from delivery.mail.compose import address, compose
from delivery.mail.transport import CONTENT, RECIPIENT, Transport
from delivery.transports import Claimed, PermanentFailure
from domain.mail_text import BadAddress, coordinator_named, real_name
from domain.reminders import deadline_sentence
from domain.requests import link_valid_until, token_for
from domain.roles import role_prose
from domain.text_input import to_plain
from domain.texts import fmt_date, t
from store.db import session_scope
from store.models import Contact, Decision, InputPart, InputRequest, Municipality, Region, Task, Trajectory
from views.messages import sections

NOT_MAILABLE = "not_mailable"
# What the one who asked is told: only a refused recipient is a reason to check the address.
REFUSAL_TEXT = {RECIPIENT: "mail_refused", NOT_MAILABLE: "mail_not_mailable", CONTENT: "mail_content_refused"}
QUESTION_IN_SUBJECT = 60  # characters of the question in a subject line


def _short(text: str) -> str:
    return text if len(text) <= QUESTION_IN_SUBJECT else text[:QUESTION_IN_SUBJECT - 1].rstrip() + "…"


def _coordinator(trajectory: Trajectory) -> str:
    return to_plain(coordinator_named(trajectory.coordinator_name, trajectory.coordinator_id,
                                      trajectory.coordinator_email, trajectory.title))


def _reply_to(trajectory: Trajectory):
    """A reply reaches the coordinator, when Slack gave their address (users:read.email is optional)."""
    if not trajectory.coordinator_email:
        return None
    try:
        return address(real_name(trajectory.coordinator_name, trajectory.coordinator_id) or "",
                       trajectory.coordinator_email)
    except ValueError:  # an address no server takes: the mail goes without Reply-To
        return None


class Courier:
    def __init__(self, engine: Engine, settings: Settings, transport: Transport, clock: Callable[[], datetime]):
        self.engine = engine
        self.settings = settings
        self.transport = transport
        self.clock = clock

    def _build(self, session: Session, payload: dict):
        return {"input": self._input, "chase": self._chase, "task": self._task}[payload["kind"]](session, payload)

    def _today(self):
        return self.clock().astimezone(ZoneInfo(self.settings.timezone)).date()

    def send(self, row: Claimed, payload: dict) -> None:
        """Compose and send; nothing when the question was answered, the task done or either
        withdrawn meanwhile. Raises the transport's TemporaryFailure or PermanentFailure."""
        with session_scope(self.engine, readonly=True) as session:
            built = self._build(session, payload)
        if built is not None:
            self.transport.send(self._compose(row.key, built))

    def _compose(self, key: str, built):
        """A mail that cannot be composed safely (an address no server takes, a header that would
        not read back as set) is refused for good, once, with word to whoever asked."""
        kind, context, name, address, trajectory = built
        try:
            return compose(kind, context, sender=self.settings.mail_from, to_name=name, to_address=address, key=key,
                           reply_to=_reply_to(trajectory))
        except BadAddress as error:
            raise PermanentFailure(f"het adres {address} is geen e-mailadres dat een mailserver aanneemt ({error})",
                                   NOT_MAILABLE) from None
        except ValueError as error:  # UnsafeMail, or a header the email package itself refuses
            raise PermanentFailure(f"de e-mail kan niet veilig worden opgesteld ({error})", NOT_MAILABLE) from None

    def sent_before(self, row: Claimed, payload: dict) -> None:
        """A mail server cannot be asked; a mail sent twice carries the same Message-ID."""
        return None

    def preview(self, session: Session, key: str, payload: dict) -> str:
        """How a dry run shows a mail: to whom, and its subject line."""
        try:
            built = self._build(session, payload)
        except PermanentFailure as refusal:
            return f"(e-mail gaat niet: {refusal})"
        if built is None:
            return "(e-mail niet meer nodig: al beantwoord, klaar of ingetrokken)"
        try:
            message = self._compose(key, built)
        except PermanentFailure as refusal:
            return f"(e-mail gaat niet: {refusal})"
        return f"e-mail aan {message['To']}: {message['Subject']}"

    def _contact(self, session: Session, contact_id: int | None) -> Contact:
        contact = session.get(Contact, contact_id) if contact_id else None
        if contact is None or not contact.email:
            raise PermanentFailure("het contact staat niet meer in het register of heeft geen e-mailadres")
        return contact

    def _input(self, session: Session, payload: dict):
        part = session.get(InputPart, payload["part_id"])
        if part is None or part.received_on:
            return None
        request = session.get(InputRequest, part.request_id)
        if request.received_on or bool(request.withdrawn_at) != (payload["step"] == "withdrawn"):
            return None  # answered, closed, or withdrawn since: only the news of a withdrawal still goes
        contact = self._contact(session, part.contact_id)
        trajectory = session.get(Trajectory, request.trajectory_id)
        region = session.get(Region, trajectory.region_id)
        question = to_plain(request.question)
        token = token_for(part.id, self.settings.answer_secret)
        context = {"step": payload["step"], "name": to_plain(contact.name), "ref": request.ref, "region": region.name,
                   "title": trajectory.title, "question": question,
                   "question_short": _short(question),
                   "requester": to_plain(real_name(request.requested_by_name, request.requested_by)
                                         or coordinator_named(trajectory.coordinator_name, trajectory.coordinator_id,
                                                              None, trajectory.title)),
                   "coordinator": _coordinator(trajectory), "role": role_prose(contact.role, "nl"),
                   "deadline": fmt_date(request.deadline, "nl"), "valid_until": fmt_date(link_valid_until(request), "nl"),
                   "due": deadline_sentence(request.deadline, self._today(), "nl", dated=False),
                   "link": f"{self.settings.answer_base}/antwoord/{token}"}
        return "input", context, to_plain(contact.name), contact.email, trajectory

    def _chase(self, session: Session, payload: dict):
        decision = session.get(Decision, payload["decision_id"])
        if decision is None or decision.taken_on or decision.withdrawn_at:
            return None
        contact = self._contact(session, payload["contact_id"])
        municipality = session.get(Municipality, payload["municipality_id"])
        trajectory = session.get(Trajectory, decision.trajectory_id)
        region = session.get(Region, trajectory.region_id)
        context = {"name": to_plain(contact.name), "ref": decision.ref, "decision": to_plain(decision.title),
                   "body": t("nl", f"by_{decision.decided_by}"), "municipality": municipality.name,
                   "region": region.name, "title": trajectory.title, "deadline": fmt_date(decision.deadline, "nl"),
                   "contract_end": fmt_date(trajectory.contract_end, "nl"),
                   "coordinator": _coordinator(trajectory)}
        return "chase", context, to_plain(contact.name), contact.email, trajectory

    def _task(self, session: Session, payload: dict):
        """A task given to a registered outsider, or its reminder; the tasks still open only."""
        tasks = [task for task in (session.get(Task, task_id) for task_id in payload["task_ids"])
                 if task is not None and not task.done_on and not task.withdrawn_at]
        if not tasks:
            return None
        contact = self._contact(session, payload["contact_id"])
        trajectory = session.get(Trajectory, tasks[0].trajectory_id)
        region = session.get(Region, trajectory.region_id)
        today = self._today()
        shown = [{"ref": task.ref, "title": to_plain(task.title), "deadline": fmt_date(task.deadline, "nl"),
                  "title_short": _short(to_plain(task.title))} for task in tasks]
        context = {"step": payload["step"], "name": to_plain(contact.name), "region": region.name,
                   "title": trajectory.title, "tasks": shown, "role": role_prose(contact.role, "nl"),
                   "due": deadline_sentence(tasks[0].deadline, today, "nl"),
                   "due_short": deadline_sentence(tasks[0].deadline, today, "nl", dated=False),
                   "coordinator": _coordinator(trajectory)}
        return "task", context, to_plain(contact.name), contact.email, trajectory

    def refused(self, row: Claimed, payload: dict, failure: PermanentFailure) -> list[str]:
        """A mail refused for good: the one who asked hears it in Slack, and it is not retried."""
        key, reason = row.key, str(failure)
        with session_scope(self.engine) as session:
            if payload["kind"] == "input":
                part = session.get(InputPart, payload["part_id"])
                request = session.get(InputRequest, part.request_id)
                to, team, ref, subject, name, about = (request.requested_by, request.team_id, request.ref,
                                                       request.question, part.name, request.trajectory_id)
            elif payload["kind"] == "task":
                task = session.get(Task, payload["task_ids"][0])
                trajectory = session.get(Trajectory, task.trajectory_id)
                contact = session.get(Contact, payload["contact_id"])
                to, team, ref, subject, name, about = (trajectory.coordinator_id, task.team_id, task.ref, task.title,
                                                       contact.name if contact else "?", trajectory.id)
            else:
                decision = session.get(Decision, payload["decision_id"])
                trajectory = session.get(Trajectory, decision.trajectory_id)
                contact = session.get(Contact, payload["contact_id"])
                to, team, ref, subject, name, about = (trajectory.coordinator_id, decision.team_id, decision.ref,
                                                       decision.title, contact.name if contact else "?", trajectory.id)
            lang = self.settings.language
            text = t(lang, REFUSAL_TEXT.get(failure.code, "mail_refused"), name=name, ref=ref, question=subject, reason=reason,
                     cmd=self.settings.slash_command)
            notice_key = f"refused:{key}"
            queued = outbox.enqueue(session, now=self.clock(), key=notice_key, team_id=team, channel=to, text=text,
                                    blocks=sections([text]), trajectory_id=about)
        return [notice_key] if queued else []

