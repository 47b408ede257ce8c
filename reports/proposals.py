"""When a proposal must be with each municipality's college or raad (or the regional board) to make a
decision's deadline, from the meeting calendars (PRODUCT.md "Meeting calendars and contracts"):
`besluit` and `regio` show it, the digest warns five working days before it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.forecast import Thresholds
from domain.meetings import ProposalDay, last_day_for_proposal
from domain.texts import fmt_date, t
from tracking.meetings import RegionCalendars

SHOWN = 8  # municipalities named per kind in one answer; the rest are counted


@dataclass
class ProposalDays:
    """For one decision: each holder's last day, the holders whose calendar has no meeting the
    deadline can be made at, and those without a calendar."""
    decision: object
    days: list[tuple[str, ProposalDay]] = field(default_factory=list)  # (name, its last day), soonest first
    cannot: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def proposal_days(decision, members: list, adopted: set[int | None], calendars: RegionCalendars,
                  thresholds: Thresholds) -> ProposalDays:
    """Each member (or, for a regional decision, the region's board) that has not adopted yet."""
    body = decision.decided_by
    owners = [(None, "")] if body == "regio" else [(m.id, m.name) for m in members]
    found = ProposalDays(decision)
    for key, name in owners:
        if key in adopted:
            continue
        calendar = calendars.of(key)
        if calendar is None or not calendar.has(body):
            found.unknown.append(name)
            continue
        day = last_day_for_proposal(calendar, body, decision.deadline, lead_days=thresholds.papers_lead_days,
                                    work=thresholds.work)
        (found.days.append((name, day)) if day is not None else found.cannot.append(name))
    found.days.sort(key=lambda pair: (pair[1].last_day, pair[0]))
    return found


def _names(names: list[str], lang: str) -> str:
    shown = ", ".join(n or t(lang, "by_regio") for n in names[:SHOWN])
    return shown + (" " + t(lang, "meetings_more", count=len(names) - SHOWN) if len(names) > SHOWN else "")


def proposal_words(found: ProposalDays, today: date, lang: str) -> str | None:
    """`Voorstel uiterlijk bij de raad: Tiel do 3 dec 2026 (vergadert do 17 dec 2026), …`; None when
    no calendar is known for any holder (nothing to add to the deadline itself)."""
    if not found.days and not found.cannot:
        return None
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    body = t(lang, f"the_body_{found.decision.decided_by}")
    days = [t(lang, "proposal_day", name=name or t(lang, "by_regio"), date=d(day.last_day), meeting=d(day.meeting))
            + (f" {t(lang, 'proposal_passed')}" if day.last_day < today else "") for name, day in found.days[:SHOWN]]
    if len(found.days) > SHOWN:
        days.append(t(lang, "meetings_more", count=len(found.days) - SHOWN))
    parts = [t(lang, "proposal_days", body=body, days=", ".join(days))] if days else []
    if found.cannot:
        parts.append(t(lang, "proposal_cannot", names=_names(found.cannot, lang), deadline=d(found.decision.deadline)))
    if found.unknown:
        parts.append(t(lang, "proposal_unknown", names=_names(found.unknown, lang)))
    return " · ".join(parts)


def proposal_warnings(found: ProposalDays, today: date, lang: str, thresholds: Thresholds) -> list[str]:
    """The digest's warnings: a last day that comes within five working days (or is today)."""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    return [t(lang, "proposal_warning", ref=found.decision.ref, title=found.decision.title,
              name=name or t(lang, "by_regio"), body=t(lang, f"the_body_{found.decision.decided_by}"),
              date=d(day.last_day), meeting=d(day.meeting))
            for name, day in found.days if day.warns_on(today, thresholds.work)]
