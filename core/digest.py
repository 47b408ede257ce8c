"""The daily digest of one trajectory: level and buffer, overdue items, what is due in the next
five working days, decisions still to adopt, open urgent cases, and what changed since the last
digest. One quiet line when all is on track."""
from __future__ import annotations

from datetime import date

from core.forecast import Forecast, buffer_text, level_label
from core.outcome import Reply
from core.status import LIST_LIMIT, case_line
from core.texts import fmt_date, person, t
from core.workdays import WorkCalendar
from store.models import AuditLog
from store.queries import SYSTEM_ACTOR, TrajectoryData

SOON_WORKING_DAYS = 5


def _bullets(lines: list[str], lang: str) -> str:
    shown = lines[:LIST_LIMIT]
    if len(lines) > LIST_LIMIT:
        shown.append(t(lang, "status_more", count=len(lines) - LIST_LIMIT))
    return "\n".join(f"• {line}" for line in shown)


def _summarised(changes: list[AuditLog], lang: str) -> list[str]:
    """`@anne vastgesteld B1 (8×)` instead of eight lines: one line per who, what and which item."""
    counted: dict[tuple[str, str, str], int] = {}
    for change in changes:
        key = (change.actor, change.action, change.item or "")
        counted[key] = counted.get(key, 0) + 1
    who = lambda actor: "Regiowacht" if actor == SYSTEM_ACTOR else person(actor, None)  # noqa: E731
    return [t(lang, "digest_change", who=who(actor), action=action, item=item) + (f" ({n}×)" if n > 1 else "")
            for (actor, action, item), n in counted.items()]


def digest_reply(data: TrajectoryData, result: Forecast, changes: list[AuditLog], today: date, lang: str,
                 work: WorkCalendar) -> Reply:
    trajectory = data.trajectory
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    open_cases = [c for c in data.cases if not c.resolved_at]
    soon_until = work.add(today, SOON_WORKING_DAYS)
    items = []  # (deadline, line) of every open decision, input and task
    by_decision = {f.decision.id: f for f in result.decisions}
    for decision in data.decisions:
        if not decision.taken_on:
            holders = ", ".join(by_decision[decision.id].holders) or t(lang, "by_regio")
            items.append((decision.deadline, t(lang, "digest_item", ref=decision.ref, title=decision.title,
                                               who=holders, deadline=d(decision.deadline))))
    for request in data.inputs:
        if not request.received_on:
            items.append((request.deadline, t(lang, "digest_item", ref=request.ref, title=request.question,
                                              who=person(request.stakeholder_user, request.stakeholder_name),
                                              deadline=d(request.deadline))))
    for task in data.tasks:
        if not task.done_on:
            items.append((task.deadline, t(lang, "digest_item", ref=task.ref, title=task.title,
                                           who=person(task.owner_user, task.owner_name), deadline=d(task.deadline))))
    items.sort(key=lambda item: item[0])
    overdue = [line for deadline, line in items if deadline < today]
    soon = [line for deadline, line in items if today <= deadline <= soon_until]
    verdict = buffer_text(result, lang)
    title = t(lang, "digest_title", title=trajectory.title, date=d(today))
    if result.level == "groen" and not overdue and not open_cases:
        return Reply([t(lang, "digest_quiet", title=trajectory.title, verdict=verdict)])
    lines = [title]
    if overdue:
        lines.append(t(lang, "digest_overdue") + "\n" + _bullets(overdue, lang))
    if soon:
        lines.append(t(lang, "digest_due") + "\n" + _bullets(soon, lang))
    pending = [f for f in result.pending if f.holders]
    if pending:
        lines.append(t(lang, "digest_adoptions") + "\n" + _bullets(
            [t(lang, "digest_adoption", ref=f.decision.ref, title=f.decision.title, names=", ".join(f.holders))
             for f in pending], lang))
    if open_cases:
        lines.append(t(lang, "digest_urgent") + "\n" + _bullets([case_line(c, lang) for c in open_cases], lang))
    change_lines = _summarised(changes, lang)
    lines.append(t(lang, "digest_changes") + "\n" + (_bullets(change_lines, lang) if change_lines
                                                      else f"_{t(lang, 'digest_no_changes')}_"))
    context = [t(lang, "digest_level", level=level_label(result.level, lang), verdict=verdict,
                 ready=fmt_date(result.ready, lang))]
    return Reply(lines, context=context)
