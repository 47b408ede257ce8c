"""Who a request waits for, as every view says it, and the personal answer links. Pure: it reads
a request and its recipients (rows with the tables' column names) and knows no session."""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date, timedelta

from domain.texts import person, t

ANSWER_DAYS_AFTER_DEADLINE = 30  # a mailed link works until this many days after the deadline


@dataclass
class Tracker:
    answered: int
    total: int

    @property
    def group(self) -> bool:
        return self.total > 1


def tracker(parts: list) -> Tracker:
    return Tracker(sum(1 for part in parts if part.received_on), len(parts))


def asked_of(request, parts: list | None, lang: str) -> str:
    """Who a request waits for, as status, digest and alerts say it: `@jan`, `Stichting
    Lindenhout`, or for a group `de aanbieders (31/52 geantwoord)`."""
    if request.group_name:
        progress = tracker(parts or [])
        return t(lang, "asked_of_group", group=t(lang, f"group_{request.group_name}"),
                 tracker=t(lang, "tracker", answered=progress.answered, total=progress.total))
    return person(request.stakeholder_user, request.stakeholder_name)


def token_for(part_id: int, secret: str) -> str:
    """A part's answer token: derived from a secret the database never holds, so the database
    keeps only its hash and reminders can carry the same link."""
    return hmac.new(secret.encode(), f"antwoord:{part_id}".encode(), hashlib.sha256).hexdigest()[:40]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_valid_until(request) -> date:
    return request.deadline + timedelta(days=ANSWER_DAYS_AFTER_DEADLINE)


def stakeholder_key(user: str | None, name: str) -> str:
    """Whose lateness history an answer adds to: the Slack user, or the lower-cased name."""
    return user or name.strip().lower()


def pending_recipients(request, parts: list | None) -> list[tuple[str, str]]:
    """(stakeholder key, shown as) of every recipient still to answer; a request given without
    its parts stands for its one stakeholder."""
    if parts:
        return [(p.stakeholder_key, person(p.slack_user, p.name)) for p in parts if not p.received_on]
    return [(stakeholder_key(request.stakeholder_user, request.stakeholder_name),
             person(request.stakeholder_user, request.stakeholder_name))]


@dataclass
class RecipientRow:
    """One recipient of a request as the per-recipient view, the answers file and the export show
    them: who, where, how reached, and what came of it."""
    name: str
    affiliation: str | None  # municipality or organisation
    reach: str               # slack, mail or none
    state: str               # answered, declined, marked (received by hand, no text) or open
    received_on: date | None = None
    answer: str | None = None  # stored form; the newest one
    amended_on: date | None = None  # when the newest answer replaced an earlier one
    via: str | None = None     # slack, pagina, handmatig
    reminders: int = 0         # reminders that went out to this recipient
    undeliverable: bool = False  # the mail to them was refused for good

    @property
    def answered(self) -> bool:
        return self.state != "open"


def recipient_state(part) -> str:
    if not part.received_on:
        return "open"
    if part.declined:
        return "declined"
    return "answered" if part.answer else "marked"
