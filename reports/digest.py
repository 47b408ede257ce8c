"""The daily digest of one trajectory: level and buffer, overdue items, what is due in the next
five working days, decisions still to adopt, open urgent cases, and what changed since the last
digest. One quiet line when all is on track."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlmodel import Session

from config import Settings
from domain.forecast import Forecast, History
from domain.outcome import Reply, Section
from domain.requests import asked_of
from domain.texts import fmt_date, person, t
from domain.workdays import WorkCalendar
from reports.risk import buffer_text, forecast_trajectory, level_label, rejections_text, thresholds_of
from reports.status import case_line
from store import queries
from store.models import AuditLog, Trajectory
from store.queries import SYSTEM_ACTOR, TrajectoryData

SOON_WORKING_DAYS = 5
FIRST_LOOKBACK_DAYS = 7


def changes_since(trajectory: Trajectory, now: datetime) -> datetime:
    """Since the last digest; the first one looks back a week at most: useful, and bounded."""
    return trajectory.last_digest_at or max(trajectory.created_at, now - timedelta(days=FIRST_LOOKBACK_DAYS))


def _summarised(changes: list[AuditLog], lang: str) -> list[str]:
    """`@anne vastgesteld B1 (8×)` instead of eight lines: one line per who, what and which item,
    the newest first (the list is cut after a screenful, and the latest news matters most)."""
    counted: dict[tuple[str, str, str], int] = {}
    for change in sorted(changes, key=lambda c: (c.at, c.id or 0), reverse=True):
        key = (change.actor, change.action, change.item or "")
        counted[key] = counted.get(key, 0) + 1
    who = lambda actor: "Regiowacht" if actor == SYSTEM_ACTOR else person(actor, None)  # noqa: E731
    return [t(lang, "digest_change", who=who(actor), action=action, item=item) + (f" ({n}×)" if n > 1 else "")
            for (actor, action, item), n in counted.items()]


def digest_reply(data: TrajectoryData, result: Forecast, changes: list[AuditLog], today: date, lang: str,
                 work: WorkCalendar) -> Reply:
    trajectory = data.trajectory
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    open_cases = data.cases
    soon_until = work.add(today, SOON_WORKING_DAYS)
    # (deadline, ref, title, who) of what is overdue and what is due soon. A rejection is overdue
    # for the municipality that rejected; the others stay where their deadline puts them.
    policy = {m.name: data.policy[m.id] for m in data.members if m.id in data.policy}
    holder = lambda name: f"{name} ({t(lang, 'digest_chase', name=policy[name])})" if name in policy else name  # noqa: E731
    overdue, soon = [], []
    for forecast in result.pending:
        decision = forecast.decision
        others = [name for name in forecast.holders if name not in forecast.rejected]
        if forecast.past_deadline(today):
            who = ", ".join(holder(name) for name in forecast.holders) or t(lang, "by_regio")
            if forecast.rejections:
                who += " · " + t(lang, "rejected_by", names=rejections_text(forecast.rejections, lang))
            overdue.append((decision.deadline, decision.ref, decision.title, who))
            continue
        if forecast.rejections:
            overdue.append((decision.deadline, decision.ref, decision.title,
                            t(lang, "rejected_by", names=rejections_text(forecast.rejections, lang))))
        if (others or not forecast.rejections) and decision.deadline <= soon_until:
            soon.append((decision.deadline, decision.ref, decision.title, ", ".join(others) or t(lang, "by_regio")))
    for ref, title, who, due in [(r.ref, r.question, asked_of(r, data.parts.get(r.id), lang), r.deadline)
                                 for r in data.inputs] + [(x.ref, x.title, person(x.owner_user, x.owner_name), x.deadline)
                                                          for x in data.tasks]:
        if due < today:
            overdue.append((due, ref, title, who))
        elif due <= soon_until:
            soon.append((due, ref, title, who))
    overdue.sort(key=lambda item: item[0])
    soon.sort(key=lambda item: item[0])
    line = lambda item: t(lang, "digest_item", ref=item[1], title=item[2], who=item[3], deadline=d(item[0]))  # noqa: E731
    verdict = buffer_text(result, lang)
    title = t(lang, "digest_title", title=trajectory.title, date=d(today))
    if result.level == "groen" and not overdue and not open_cases:
        return Reply([t(lang, "digest_quiet", title=trajectory.title, verdict=verdict)])
    # Lists the layout shortens, the least urgent first, when the digest would not fit in one Slack
    # message (views/layout.py): `status` shows what is due, the export every decision and change.
    lines: list[str | Section] = [title]
    if overdue:
        lines.append(Section(t(lang, "digest_overdue"), [line(item) for item in overdue], more="status", urgency=2))
    if soon:
        lines.append(Section(t(lang, "digest_due"), [line(item) for item in soon], more="status", urgency=1))
    pending = result.pending  # a regional decision is still to adopt by the region itself
    if pending:
        lines.append(Section(t(lang, "digest_adoptions"), [t(
            lang, "digest_adoption", ref=f.decision.ref, title=f.decision.title,
            names=", ".join(holder(name) for name in f.holders) or t(lang, "by_regio")) for f in pending],
            more="export"))
    if open_cases:
        lines.append(Section(t(lang, "digest_urgent"), [case_line(c, lang) for c in open_cases], urgency=3))
    lines.append(Section(t(lang, "digest_changes"), _summarised(changes, lang), more="export",
                         empty=t(lang, "digest_no_changes")))
    context = [t(lang, "digest_level", level=level_label(result.level, lang), verdict=verdict,
                 ready=fmt_date(result.ready, lang))]
    return Reply(lines, context=context)


def trajectory_digest(session: Session, trajectory: Trajectory, today: date, now: datetime, lang: str,
                      settings: Settings, history: History | None = None) -> Reply:
    """Today's digest of one trajectory, as the daily post and `/inkoop digest` both show it."""
    data = queries.trajectory_data(session, trajectory)
    result = forecast_trajectory(session, trajectory, today, thresholds_of(settings), data, history)
    changes = queries.audit_since(session, trajectory.id, changes_since(trajectory, now))
    return digest_reply(data, result, changes, today, lang, WorkCalendar(settings.good_friday_is_holiday))
