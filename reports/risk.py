"""The forecast as people read it: loaded from the store for one trajectory, and put into words
for `risico`, `status`, the digest and the alerts (who must move, step by step)."""
from __future__ import annotations

from datetime import date

from sqlmodel import Session

from config import Settings
from domain.forecast import Forecast, History, Rejection, Thresholds, forecast
from domain.outcome import Reply, Section
from domain.requests import asked_of, pending_recipients
from domain.texts import fmt_date, person, t
from store import queries
from store.models import Trajectory


def thresholds_of(settings: Settings) -> Thresholds:
    return Thresholds(settings.risk_green_days, settings.risk_red_contract_days)


def forecast_trajectory(session: Session, trajectory: Trajectory, today: date,
                        thresholds: Thresholds = Thresholds(), data: queries.TrajectoryData | None = None,
                        history: History | None = None) -> Forecast:
    """Load what the forecast needs (a fixed number of queries) and compute it. A job passes the
    team's `history` (team_history), read once for all its trajectories."""
    data = data or queries.trajectory_data(session, trajectory)
    if history is None:
        waiting = {key for r in data.inputs if r.decision_id  # only their recipients' history counts
                   for key, _ in pending_recipients(r, data.parts.get(r.id))}
        history = History(queries.municipality_lateness(session, [m.id for m in data.members]),
                          queries.stakeholder_lateness(session, trajectory.team_id, waiting))
    return forecast(trajectory, data.members, data.decisions, data.adoptions, data.inputs, data.tasks, history,
                    today, thresholds, data.parts)


def team_history(session: Session, team_id: str) -> History:
    return History(*queries.team_lateness(session, team_id))


def buffer_text(result: Forecast, lang: str) -> str:
    if result.buffer_days < 0:
        return t(lang, "risk_days_late", days=-result.buffer_days)
    return t(lang, "risk_buffer", days=result.buffer_days)


def level_label(level: str, lang: str) -> str:
    return {"groen": "🟢", "oranje": "🟠", "rood": "🔴"}[level] + " " + t(lang, f"level_{level}")


BLOCKER_LINES = 8  # an alert names the first few; `risico` and the digest have the rest


def blockers(result: Forecast, lang: str) -> list[str]:
    """Who must move: overdue or critical decisions with the municipalities and people holding
    them, then overdue input and tasks with the person each waits for."""
    lines = []
    for item in result.pending:
        late = item.decision.ref in result.overdue
        critical = result.last_decision is item
        if not (late or critical or item.waits_for):
            continue
        parts = [f"*{item.decision.ref}* {item.decision.title}"]
        if item.holders:
            parts.append(t(lang, "risk_holders", names=", ".join(item.holders)))
        if item.waits_for:
            parts.append(t(lang, "risk_waits_for", ref=item.waits_for.request.ref, who=item.waits_for.who))
        lines.append(" · ".join(parts))
    named = {item.waits_for.request.ref for item in result.pending if item.waits_for}
    late = lambda deadline: t(lang, "risk_overdue_since", date=fmt_date(deadline, lang, weekday=False))  # noqa: E731
    for request in result.inputs:
        if request.deadline < result.today and request.ref not in named:
            lines.append(f"*{request.ref}* {request.question} · " + t(
                lang, "risk_with", who=asked_of(request, result.parts.get(request.id), lang))
                + f" · {late(request.deadline)}")
    for forecast_task in result.tasks:
        task = forecast_task.task
        if task.deadline < result.today:
            lines.append(f"*{task.ref}* {task.title} · " + t(lang, "risk_with", who=person(task.owner_user, task.owner_name))
                         + f" · {late(task.deadline)}")
    if len(lines) > BLOCKER_LINES:
        lines = lines[:BLOCKER_LINES] + [t(lang, "status_more", count=len(lines) - BLOCKER_LINES)]
    return lines


def explain(result: Forecast, lang: str) -> list[str]:
    """The forecast step by step, so anyone sees who must move."""
    d = lambda day: fmt_date(day, lang, weekday=False)  # noqa: E731
    steps = []
    for item in sorted(result.pending, key=lambda f: f.expected):
        decision = item.decision
        if item.waits_for:
            steps.append(t(lang, "explain_input", ref=item.waits_for.request.ref, who=item.waits_for.who,
                           late=round(item.waits_for.lateness), expected=d(item.waits_for.expected),
                           decision=decision.ref, decision_expected=d(item.expected)))
        elif item.slowest and item.slowest_lateness > 0:
            steps.append(t(lang, "explain_municipality", name=item.slowest, late=round(item.slowest_lateness),
                           ref=decision.ref, expected=d(item.expected)))
        else:
            steps.append(t(lang, "explain_decision", ref=decision.ref, expected=d(item.expected)))
        if item.rejections:
            steps[-1] += " " + t(lang, "explain_rejected", names=rejections_text(item.rejections, lang))
    trajectory = result.trajectory
    if result.last_decision is not None:
        steps.append(t(lang, "explain_implementation", ref=result.last_decision.decision.ref,
                       weeks=trajectory.lead_weeks, ready=d(result.implementation_done)))
    else:
        steps.append(t(lang, "explain_no_decisions", weeks=trajectory.lead_weeks, ready=d(result.implementation_done)))
    if result.last_task is not None and result.last_task.expected > result.implementation_done:
        task = result.last_task
        steps.append(t(lang, "explain_task", ref=task.task.ref, ready=d(task.expected)))
    steps.append(t(lang, "explain_compare", ready=d(result.ready), go_live=d(trajectory.go_live),
                   contract_end=d(trajectory.contract_end), verdict=buffer_text(result, lang)))
    return steps


def rejections_text(rejections: list[Rejection], lang: str) -> str:
    """`Zaltbommel op 17 nov (tarief te hoog)`: who rejected, when and why."""
    return "; ".join(t(lang, "rejection", name=r.name or t(lang, "by_regio"), date=fmt_date(r.on, lang, weekday=False))
                     + (f" ({r.reason})" if r.reason else "") for r in rejections)


def overdue_refs(result: Forecast, lang: str) -> str:
    """`B5 (afgewezen door Zaltbommel), I3, T2`: a rejection says who holds it."""
    rejected = {f.decision.ref: f for f in result.pending if f.rejections and not f.past_deadline(result.today)}
    return ", ".join(ref + (" (" + t(lang, "rejected_by", names=", ".join(
        n or t(lang, "by_regio") for n in rejected[ref].rejected)) + ")" if ref in rejected else "")
                     for ref in result.overdue)


def reasons_text(result: Forecast, thresholds: Thresholds, lang: str) -> list[str]:
    params = {"risk_reason_contract_near": {"days": thresholds.red_contract_days},
              "risk_reason_small_buffer": {"days": thresholds.green_days},
              "risk_reason_overdue": {"refs": overdue_refs(result, lang)}}
    return [t(lang, key, **params.get(key, {})) for key in result.reasons] or [t(lang, "risk_reason_none")]


def risk_reply(result: Forecast, thresholds: Thresholds, lang: str) -> Reply:
    """What `risico` answers: the level, why, the forecast step by step, and who must move."""
    trajectory = result.trajectory
    lines: list[str | Section] = [
        t(lang, "risk_title", title=trajectory.title, level=level_label(result.level, lang),
          verdict=buffer_text(result, lang)),
        "\n".join(reasons_text(result, thresholds, lang)),
        # The layout shortens these when the answer would not fit in Slack; the timeline shows it all.
        Section(t(lang, "risk_steps"), [f"{i}. {step}" for i, step in enumerate(explain(result, lang), 1)],
                more="tijdlijn", limit=None, marker="")]
    who = blockers(result, lang)
    if who:
        lines.append(Section(t(lang, "risk_who"), who, limit=None, urgency=1))
    return Reply(lines)
