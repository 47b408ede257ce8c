"""A request's recipients one by one (`input I5`): who answered what and when, who declined, who
is still open and how often reminded, whose mail could not be delivered. The same rows feed the
answers file and the export, so every count agrees with the tracker of status and the digest."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from domain.outcome import Reply, Section
from domain.requests import RecipientRow, asked_of, recipient_state
from domain.text_input import to_plain
from domain.texts import fmt_date, person, t
from store.models import GIVE_UP_AFTER, InputPart, InputRequest, Outbox

REMINDER_STEPS = ("before", "due", "overdue")  # the steps that go to the recipient (a chase goes to the coordinator)


def _local_day(moment: datetime, zone: str) -> date:
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(ZoneInfo(zone)).date()


def _reminder_step(step: str) -> bool:
    return step.split("@")[0].rstrip("0123456789") in REMINDER_STEPS


def recipient_rows(session: Session, request: InputRequest, zone: str) -> list[RecipientRow]:
    """Every part of the request, by municipality or organisation, then name. Reminders and refused
    mails are read from the outbox, where each sent message is recorded under its key; an
    amendment's day is read in the bot's timezone (`zone`)."""
    parts = list(session.exec(select(InputPart).where(InputPart.request_id == request.id).order_by(InputPart.id)))
    messages = list(session.exec(select(Outbox).where(
        Outbox.trajectory_id == request.trajectory_id,
        Outbox.key.like(f"remind:{request.id}:%") | Outbox.key.like("mail:%"))))
    reminders: dict[int, int] = {}
    refused: set[int] = set()
    by_id = {part.id: part for part in parts}
    single = parts[0] if len(parts) == 1 else None
    for message in messages:
        words = message.key.split(":")
        if words[0] == "mail":  # mail:<step>:<part id>[:<deadline>]
            step = words[1].split("@")[0] if len(words) > 2 else ""
            part = by_id.get(int(words[2])) if words[2:3] and words[2].isdigit() else None
            if part is None or not (step in ("ask", "moved") or _reminder_step(step)):  # a task's or a chase's mail
                continue
            if message.sent_at is None and message.attempts >= GIVE_UP_AFTER:
                refused.add(part.id)
            elif message.sent_at is not None and _reminder_step(words[1]):
                reminders[part.id] = reminders.get(part.id, 0) + 1
        elif message.sent_at is not None:  # remind:<request>:<part id>:<step>, or remind:<request>:<step> when alone
            part = by_id.get(int(words[2])) if len(words) == 4 and words[2].isdigit() else \
                single if len(words) == 3 and single is not None and message.channel == single.slack_user else None
            if part is not None and _reminder_step(words[-1]):
                reminders[part.id] = reminders.get(part.id, 0) + 1
    rows = [RecipientRow(name=part.name, affiliation=part.affiliation,
                         reach="slack" if part.slack_user else "mail" if part.token_hash else "none",
                         state=recipient_state(part), received_on=part.received_on, answer=part.answer,
                         amended_on=_local_day(part.answered_at, zone) if part.version > 1 and part.answer else None,
                         via=part.answered_via,
                         reminders=reminders.get(part.id, 0), undeliverable=part.id in refused)
            for part in parts]
    return sorted(rows, key=lambda row: ((row.affiliation or "").lower(), row.name.lower()))


def state_words(row: RecipientRow, lang: str) -> str:
    """How the recipient was reached and what came of it, without the answer: the view's and the memo's words."""
    reach = t(lang, f"reach_{row.reach}") if row.reach != "none" else t(lang, "reach_none")
    words = [reach]
    if row.state == "declined":
        words.append(t(lang, "state_declined", date=fmt_date(row.received_on, lang)))
    elif row.state == "marked":
        words.append(t(lang, "state_marked", date=fmt_date(row.received_on, lang)))
    else:
        words.append(t(lang, "state_open"))
        if row.reminders:
            words.append(t(lang, "state_reminded", n=row.reminders))
    if row.undeliverable:
        words.append(t(lang, "state_undeliverable"))
    return ", ".join(words)


START = 90  # characters of an answer the view shows; the file has it whole


def answer_start(text: str) -> str:
    """The first words of an answer, on one line, as plain text (a mention in it is a name, not a ping)."""
    words = " ".join(to_plain(text).split())
    return words if len(words) <= START else words[:START].rsplit(" ", 1)[0] + " …"


def recipient_line(row: RecipientRow, lang: str) -> str:
    where = row.affiliation or t(lang, "recipient_nowhere")
    if row.state == "answered":
        state = t(lang, "state_amended", date=fmt_date(row.received_on, lang), amended=fmt_date(row.amended_on, lang),
                  start=answer_start(row.answer or "")) if row.amended_on else \
            t(lang, "state_answered", date=fmt_date(row.received_on, lang), start=answer_start(row.answer or ""))
        reach = t(lang, f"reach_{row.reach}") if row.reach != "none" else t(lang, "reach_none")
        return t(lang, "recipient_line", name=to_plain(row.name), where=where, reach=reach, state=state)
    reach, _, state = state_words(row, lang).partition(", ")
    return t(lang, "recipient_line", name=to_plain(row.name), where=where, reach=reach, state=state)


def input_view(session: Session, request: InputRequest, rows: list[RecipientRow], lang: str) -> Reply:
    """`input I5`: one line per recipient, grouped open / answered / declined (the open ones, what a
    coordinator chases, kept longest when Slack's limits cut)."""
    parts = list(session.exec(select(InputPart).where(InputPart.request_id == request.id)))
    groups = {state: [row for row in rows if row.state in states]
              for state, states in (("open", ("open",)), ("answered", ("answered",)), ("declined", ("declined", "marked")))}
    lines: list = [t(lang, "input_view_title", ref=request.ref, question=request.question),
                   t(lang, "input_view_asked", who=asked_of(request, parts, lang), requester=person(request.requested_by, None),
                     deadline=fmt_date(request.deadline, lang)),
                   t(lang, "input_view_counts", answered=len(groups["answered"]),
                     declined=sum(1 for row in groups["declined"] if row.state == "declined"),
                     marked=sum(1 for row in groups["declined"] if row.state == "marked"), open=len(groups["open"]),
                     undeliverable=sum(1 for row in rows if row.undeliverable))]
    for state, urgency in (("open", 2), ("answered", 1), ("declined", 0)):
        if groups[state]:
            lines.append(Section(t(lang, f"input_view_{state}", n=len(groups[state])),
                                 [recipient_line(row, lang) for row in groups[state]], urgency=urgency, limit=None))
    return Reply(lines)
