"""The daily digest of one trajectory: level and buffer, overdue items, what is due in the next
five working days, decisions still to adopt, open urgent cases, and what changed since the last
digest. One quiet line when all is on track."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session

from config import Settings
from domain.domains import chased
from domain.forecast import Forecast, History
from domain.outcome import Reply, Section
from domain.requests import asked_of
from domain.texts import audit_word, fmt_date, names_list, person, t
from domain.workdays import WorkCalendar
from reports.proposals import proposal_days, proposal_warnings
from reports.risk import (
    buffer_text,
    forecast_trajectory,
    level_label,
    meeting_flags,
    owner_words,
    rejections_text,
    thresholds_of,
)
from reports.status import case_line
from store import queries
from store.models import AuditLog, Trajectory
from store.queries import TrajectoryData
from tracking.meetings import region_calendars

SOON_WORKING_DAYS = 5
FIRST_LOOKBACK_DAYS = 7
CHANGE_LINES = 8  # "since the last digest" stays a glance; the audit log (export) has everything


def changes_since(trajectory: Trajectory, now: datetime) -> datetime:
    """Since the last digest; the first one looks back a week at most: useful, and bounded."""
    return trajectory.last_digest_at or max(trajectory.created_at, now - timedelta(days=FIRST_LOOKBACK_DAYS))


# What an audit action says about its item; `names`: who did it (the row's field, or its new value).
_BY_NAME = {"vastgesteld": "change_adopted", "afgewezen": "change_rejected", "datum gecorrigeerd": "change_corrected",
            "input ontvangen": "change_answered", "input afgemeld": "change_declined",
            "ontvanger vervallen": "change_dropped"}
_BY_USER = {"signaal opgepakt": "change_acked", "signaal opgelost": "change_resolved"}
_TO_DATE = {"uitstel": "change_postponed", "deadline vervroegd": "change_advanced"}
_PLAIN = {"besluit aangemaakt": "change_decision_created", "input gevraagd": "change_input_created",
          "taak aangemaakt": "change_task_created", "signaal gemeld": "change_case_created",
          "besluit genomen": "change_taken", "besluit heropend": "change_reopened", "input compleet": "change_complete",
          "taak klaar": "change_done", "signaal geëscaleerd": "change_escalated"}


def _moved_to(value: str | None, lang: str) -> str:
    """An audited new deadline (`2026-12-18 (reden)`) as a date people read."""
    try:
        return fmt_date(date.fromisoformat((value or "").split(" ", 1)[0]), lang)
    except ValueError:
        return value or ""


def _what_changed(rows: list[AuditLog], lang: str) -> str:
    """One item's changes in order, each said once: `vastgesteld door Katwijk en Leiden; besluit genomen`."""
    said: dict[str, list[str] | tuple[str, str] | str] = {}
    for row in rows:
        action = row.action
        if action in _BY_NAME or action in _BY_USER:
            who = row.field_name if action in _BY_NAME else person(row.new_value, None)
            names = said.setdefault(_BY_NAME.get(action) or _BY_USER[action], [])
            who = t(lang, "rejection_region") if who == "regio" else who
            if who and who not in names:
                names.append(who)
        elif action in _TO_DATE:  # the deadline it has now is what counts
            for key in _TO_DATE.values():
                said.pop(key, None)
            said[_TO_DATE[action]] = t(lang, _TO_DATE[action], date=_moved_to(row.new_value, lang))
        elif action == "risiconiveau":  # from the level before the first change to the level now
            before = said.get("change_level", (row.old_value, ""))[0]
            said["change_level"] = (before, row.new_value)
        else:
            said[action] = t(lang, _PLAIN[action]) if action in _PLAIN else audit_word(action, lang)
    phrases = []
    for key, value in said.items():
        if isinstance(value, tuple):
            phrases.append(t(lang, key, old=t(lang, f"level_{value[0]}"), new=t(lang, f"level_{value[1]}")))
        elif isinstance(value, list):
            phrases.append(t(lang, key, names=names_list(value, lang)))
        else:
            phrases.append(value)
    return "; ".join(phrases)


def _refs(refs: list[str]) -> str:
    """`T4–T22`, `B1, B3`: references that changed alike, runs of consecutive numbers joined."""
    numbered = sorted((ref[0], int(ref[1:])) for ref in refs if ref[:1].isalpha() and ref[1:].isdigit())
    runs: list[list[tuple[str, int]]] = []
    for kind, n in numbered:
        if runs and runs[-1][-1] == (kind, n - 1):
            runs[-1].append((kind, n))
        else:
            runs.append([(kind, n)])
    words = [f"{r[0][0]}{r[0][1]}" + (f"–{r[-1][0]}{r[-1][1]}" if len(r) > 1 else "") for r in runs]
    return ", ".join(words + [ref for ref in refs if not (ref[:1].isalpha() and ref[1:].isdigit())])


def summarised(changes: list[AuditLog], lang: str, cmd: str) -> list[str]:
    """`B6 vastgesteld door Katwijk en Leiden`: one short line per item (items that changed alike
    share one: `T4–T22 nieuwe taak`), the latest first, at most CHANGE_LINES and then how many
    more and where they all are."""
    by_item: dict[str, list[AuditLog]] = {}
    for change in sorted(changes, key=lambda c: (c.at, c.id or 0), reverse=True):
        by_item.setdefault(change.item or "", []).insert(0, change)
    alike: dict[str, list[str]] = {}
    for item, rows in by_item.items():
        alike.setdefault(_what_changed(rows, lang), []).append(item)
    lines = [t(lang, "change_item", ref=_refs([i for i in items if i]), what=what).strip()
             for what, items in alike.items()]
    if len(lines) > CHANGE_LINES:
        lines = lines[:CHANGE_LINES] + [t(lang, "digest_changes_more", count=len(lines) - CHANGE_LINES, cmd=cmd)]
    return lines


def digest_reply(data: TrajectoryData, result: Forecast, changes: list[AuditLog], today: date, lang: str,
                 work: WorkCalendar, cmd: str, proposals: list[str] = (), late_meetings: list[str] = ()) -> Reply:
    """`proposals`: proposals whose last day comes within five working days; `late_meetings`:
    municipalities whose first possible meeting is after a deadline (reports/proposals.py, risk.py)."""
    trajectory = data.trajectory
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    open_cases = data.cases
    soon_until = work.add(today, SOON_WORKING_DAYS)
    # (deadline, ref, title, who) of what is overdue and what is due soon. A rejection is not late
    # by itself: it needs a revised proposal; only a passed deadline makes a decision overdue.
    policy = {m.name: ", ".join(c.name for c in chased(data.policy.get(m.id, []), trajectory.domain))
              for m in data.members}
    holder = lambda name: f"{name} ({t(lang, 'digest_chase', name=policy[name])})" if policy.get(name) else name  # noqa: E731
    # Members whose adoption is late or due within days and who have nobody to chase it at: the
    # coordinator hears it in time to register someone (and not while no deadline is near).
    waited_for = {name for f in result.pending if f.decision.decided_by != "regio" and f.decision.deadline <= soon_until
                  for name in f.holders}
    unchased = [m.name for m in data.members if m.name in waited_for and not policy[m.name]]
    # All of them, on one line: a cut list would hide who is never chased, and no command lists them.
    no_policy = [Section(t(lang, "digest_no_policy", domain=trajectory.domain, cmd=cmd), [", ".join(unchased)])
                 ] if unchased else []

    def holding(forecast, chase: bool) -> str:
        still = [holder(n) if chase else n for n in forecast.holders if n not in forecast.rejected]
        parts = [", ".join(still)] if still else []
        parts += [rejections_text(forecast.rejections, lang)] if forecast.rejections else []
        return " · ".join(parts) or t(lang, "by_regio")

    overdue, soon = [], []
    for forecast in result.pending:
        decision = forecast.decision
        if forecast.past_deadline(today):
            overdue.append((decision.deadline, decision.ref, decision.title, holding(forecast, chase=True)))
        elif decision.deadline <= soon_until:
            soon.append((decision.deadline, decision.ref, decision.title, holding(forecast, chase=False)))
    for ref, title, who, due in [(r.ref, r.question, asked_of(r, data.parts.get(r.id), lang), r.deadline)
                                 for r in data.inputs] + [(x.ref, x.title, owner_words(x, lang), x.deadline)
                                                          for x in data.tasks]:
        if due < today:
            overdue.append((due, ref, title, who))
        elif due <= soon_until:
            soon.append((due, ref, title, who))
    overdue.sort(key=lambda item: item[0])
    soon.sort(key=lambda item: item[0])
    line = lambda item: t(lang, "digest_item", ref=item[1], title=item[2], who=item[3], deadline=d(item[0]))  # noqa: E731
    verdict = buffer_text(result, lang)
    if result.level == "groen" and not overdue and not open_cases and not proposals and not late_meetings:
        return Reply([t(lang, "digest_quiet", title=trajectory.title, verdict=verdict), *no_policy])
    # It opens with the level and the buffer: the one thing to take in if nothing else is read. The
    # lists below are shortened by the layout, the least urgent first, when the digest would not
    # fit in one Slack message (views/layout.py): `status` shows what is due, the export the rest.
    lines: list[str | Section] = [t(lang, "digest_title", title=trajectory.title, date=d(today)) + "\n"
                                  + t(lang, "digest_level", level=level_label(result.level, lang), verdict=verdict,
                                      ready=d(result.ready))]
    if overdue:
        lines.append(Section(t(lang, "digest_overdue"), [line(item) for item in overdue], more="status", urgency=3))
    if proposals:
        lines.append(Section(t(lang, "digest_proposals"), list(proposals), more="regio", urgency=2))
    if late_meetings:
        lines.append(Section(t(lang, "digest_meetings_late"), list(late_meetings), more="risico", urgency=2))
    if soon:
        lines.append(Section(t(lang, "digest_due"), [line(item) for item in soon], more="status", urgency=1))
    pending = result.pending  # a regional decision is still to adopt by the region itself
    if pending:
        lines.append(Section(t(lang, "digest_adoptions"), [t(
            lang, "digest_adoption", ref=f.decision.ref, title=f.decision.title,
            names=holding(f, chase=f.past_deadline(today))) for f in pending], more="export"))
    lines += no_policy
    if open_cases:
        lines.append(Section(t(lang, "digest_urgent"), [case_line(c, lang) for c in open_cases], urgency=4))
    lines.append(Section(t(lang, "digest_changes"), summarised(changes, lang, cmd), limit=None,
                         empty=t(lang, "digest_no_changes")))
    return Reply(lines)


def trajectory_digest(session: Session, trajectory: Trajectory, today: date, now: datetime, lang: str,
                      settings: Settings, history: History | None = None) -> Reply:
    """Today's digest of one trajectory, as the daily post and `/inkoop digest` both show it."""
    data = queries.trajectory_data(session, trajectory)
    thresholds = thresholds_of(settings)
    result = forecast_trajectory(session, trajectory, today, thresholds, data, history)
    changes = queries.audit_since(session, trajectory.id, changes_since(trajectory, now))
    calendars = region_calendars(session, trajectory.region_id)
    proposals = []
    if calendars.any:
        for item in result.pending:
            adopted = {a.municipality_id for a in data.adoptions.get(item.decision.id, []) if a.outcome == "vastgesteld"}
            found = proposal_days(item.decision, data.members, adopted, calendars, thresholds)
            proposals += proposal_warnings(found, today, lang, thresholds)
    return digest_reply(data, result, changes, today, lang, thresholds.work, settings.slash_command, proposals,
                        meeting_flags(result, lang))
