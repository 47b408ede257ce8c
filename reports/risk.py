"""The forecast as people read it: loaded from the store for one trajectory, and put into words
for `risico`, `status`, the digest and the alerts (who must move, step by step)."""
from __future__ import annotations

from datetime import date

from sqlmodel import Session

from config import Settings
from domain.forecast import DecisionForecast, Forecast, History, InputForecast, Rejection, Thresholds, forecast
from domain.outcome import Reply, Section
from domain.requests import asked_of, pending_recipients
from domain.roles import role_label
from domain.texts import fmt_date, person, t
from domain.workdays import WorkCalendar
from store import queries
from store.models import Trajectory
from tracking.contracts import as_contract, contracts_of
from tracking.meetings import region_calendars


def thresholds_of(settings: Settings) -> Thresholds:
    return Thresholds(settings.risk_green_days, settings.risk_red_contract_days, settings.rejection_cycle_days,
                      WorkCalendar(settings.good_friday_is_holiday), settings.papers_lead_days)


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
                    today, thresholds, data.parts, region_calendars(session, trajectory.region_id).by_owner,
                    [as_contract(row) for row in contracts_of(session, trajectory.id)])


def team_history(session: Session, team_id: str) -> History:
    return History(*queries.team_lateness(session, team_id))


def buffer_text(result: Forecast, lang: str) -> str:
    if result.buffer_days < 0:
        return t(lang, "risk_days_late", days=-result.buffer_days)
    return t(lang, "risk_buffer", days=result.buffer_days)


def level_label(level: str, lang: str) -> str:
    return {"groen": "🟢", "oranje": "🟠", "rood": "🔴"}[level] + " " + t(lang, f"level_{level}")


def waits_for_words(item: InputForecast, lang: str) -> str:
    """`I10 van de aanbieders, 2/4 geantwoord` or `I3 van @jan`: a group is named as a group, never
    by one of its recipients."""
    request = item.request
    if request.group_name:
        return t(lang, "input_of_group", ref=request.ref, group=t(lang, f"group_{request.group_name}"),
                 answered=item.answered, total=item.total)
    return t(lang, "input_of_person", ref=request.ref, who=person(request.stakeholder_user, request.stakeholder_name))


def input_after_decision(request, decision, lang: str) -> str | None:
    """The warning when input is due after the decision that waits for it."""
    if decision is None or request.deadline <= decision.deadline:
        return None
    return t(lang, "input_due_after_decision", ref=request.ref, input_deadline=fmt_date(request.deadline, lang),
             decision=decision.ref, decision_deadline=fmt_date(decision.deadline, lang))


def rejection_words(rejection: Rejection, lang: str) -> str:
    """`Katwijk op di 1 dec 2026 (tarieven te hoog)`."""
    said = t(lang, "rejection", name=rejection.name or t(lang, "rejection_region"), date=fmt_date(rejection.on, lang))
    return t(lang, "rejection_reason", rejection=said, reason=rejection.reason) if rejection.reason else said


def rejections_text(rejections: list[Rejection], lang: str) -> str:
    """`afgewezen door Katwijk op di 1 dec 2026 (tarieven te hoog) · herzien voorstel nodig`."""
    return t(lang, "rejected_revise", rejections="; ".join(rejection_words(r, lang) for r in rejections))


BLOCKER_LINES = 8  # an alert names the first few; `risico` has them all


def blockers(result: Forecast, lang: str) -> list[str]:
    """Who must move: decisions that are overdue, rejected, waiting for input or last before
    implementation, with the municipalities and people holding them; then overdue input and
    tasks with the person each waits for."""
    lines = []
    for item in result.pending:
        late = item.past_deadline(result.today)
        critical = result.last_decision is item
        if not (late or critical or item.waits_for or item.rejections):
            continue
        parts = [f"*{item.decision.ref}* {item.decision.title}"]
        still = [name for name in item.holders if name not in item.rejected]
        if still:
            parts.append(t(lang, "risk_pending_with", names=", ".join(still)))
        if item.rejections:
            parts.append(rejections_text(item.rejections, lang))
        if item.waits_for:
            parts.append(t(lang, "risk_waits_for_input", input=waits_for_words(item.waits_for, lang)))
            warning = input_after_decision(item.waits_for.request, item.decision, lang)
            if warning:
                parts.append(warning)
        lines.append(" · ".join(parts))
    named = {item.waits_for.request.ref for item in result.pending if item.waits_for}
    late = lambda deadline: t(lang, "risk_overdue_since", date=fmt_date(deadline, lang))  # noqa: E731
    for request in result.inputs:
        if request.deadline < result.today and request.ref not in named:
            lines.append(f"*{request.ref}* {request.question} · " + t(
                lang, "risk_with", who=asked_of(request, result.parts.get(request.id), lang))
                + f" · {late(request.deadline)}")
    for forecast_task in result.tasks:
        task = forecast_task.task
        if task.deadline < result.today:
            lines.append(f"*{task.ref}* {task.title} · " + t(lang, "risk_with", who=owner_words(task, lang))
                         + f" · {late(task.deadline)}")
    return lines


def owner_words(task, lang: str) -> str:
    """A task's owner: a mention, a name, or a plan role as people write it (`financiën`)."""
    if task.owner_user:
        return person(task.owner_user, None)
    return role_label(task.owner_role, lang) if task.owner_role else task.owner_name


def _decision_step(item: DecisionForecast, result: Forecast, lang: str) -> str:
    """Why a pending decision is expected when it is: its input, a rejection, a slow municipality,
    its passed deadline, or simply its deadline."""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    decision, slowest = item.decision, item.slowest
    explained: list[Rejection] = []
    if item.waits_for:
        waited = item.waits_for
        words = waits_for_words(waited, lang)
        if waited.lateness > 0:
            key = "explain_input_late_group" if waited.request.group_name else "explain_input_late_one"
            words += f" ({t(lang, key, late=round(waited.lateness))})"
        step = t(lang, "explain_input_wait", input=words, expected=d(item.expected), decision=decision.ref)
        warning = input_after_decision(waited.request, decision, lang)
        if warning:
            step += " · " + warning
    elif slowest is not None and slowest.rejection is not None and slowest.expected == slowest.rejection.revised:
        rejection = slowest.rejection
        explained.append(rejection)
        said = t(lang, "explain_rejection", name=rejection.name or t(lang, "rejection_region"), ref=decision.ref,
                 date=d(rejection.on)) + (f" ({rejection.reason})" if rejection.reason else "")
        if rejection.meeting:
            step = t(lang, "explain_revision_meeting", rejection=said, body=t(lang, f"by_{decision.decided_by}"),
                     meeting=d(rejection.meeting), ref=decision.ref, expected=d(item.expected))
        else:
            step = t(lang, "explain_revision", rejection=said, days=result.thresholds.rejection_cycle_days, ref=decision.ref,
                     expected=d(item.expected))
    elif slowest is not None and slowest.meeting is not None and slowest.rejection is None:
        key = "explain_meeting_planned" if slowest.meeting <= decision.deadline else "explain_meeting_first"
        step = t(lang, key, name=slowest.name or t(lang, "meetings_region_board"),
                 body=t(lang, f"the_body_{decision.decided_by}"), meeting=d(slowest.meeting),
                 days=result.thresholds.papers_lead_days, ref=decision.ref, expected=d(item.expected))
    elif slowest is not None and slowest.lateness > 0:
        step = t(lang, "explain_municipality", name=slowest.name, late=round(slowest.lateness), ref=decision.ref,
                 expected=d(item.expected))
    elif item.past_deadline(result.today):
        step = t(lang, "explain_overdue", ref=decision.ref, deadline=d(decision.deadline), expected=d(item.expected))
    else:
        step = t(lang, "explain_decision", ref=decision.ref, expected=d(item.expected))
    others = [r for r in item.rejections if r not in explained]
    if others:
        step += " · " + rejections_text(others, lang)
    meetings = meetings_words(item, lang)
    return step + (" · " + meetings if meetings else "")


def meetings_words(item: DecisionForecast, lang: str) -> str:
    """The meeting each municipality still to adopt waits for (`Tiel raad do 17 dec 2026`), and who
    has no calendar; nothing when no calendar is known for any of them."""
    # A municipality that rejected waits for a revised proposal: its rejection names that meeting.
    with_meeting = [h for h in item.waiting if h.meeting is not None and h.rejection is None]
    if not with_meeting or not any(h.name for h in item.waiting):  # the region's board alone: said already
        return ""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    named = [f"{h.name or t(lang, 'meetings_region_board')} {d(h.meeting)}" for h in with_meeting]
    without = [h.name for h in item.waiting if h.meeting is None and h.rejection is None and h.name]
    return t(lang, "explain_meetings", body=t(lang, f"the_body_{item.decision.decided_by}"), meetings=", ".join(named)) + (
        "; " + t(lang, "explain_no_calendar", names=", ".join(without)) if without else "")


def meeting_flags(result: Forecast, lang: str) -> list[str]:
    """Weeks ahead: a municipality whose first meeting the papers can still reach lies after the
    decision's deadline (`Tiel: eerstvolgende raad do 28 jan 2027, na de deadline vr 18 dec 2026`)."""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    return [t(lang, "warn_meeting_after_deadline", ref=item.decision.ref,
              name=holder.name or t(lang, "by_regio"), body=t(lang, f"meeting_of_{item.decision.decided_by}"),
              meeting=d(holder.first_possible), deadline=d(item.decision.deadline))
            for item in result.pending if not item.past_deadline(result.today)  # once past, it is overdue anyway
            for holder in item.waiting if holder.rejection is None and holder.misses(item.decision.deadline)]


def contract_words(contract, lang: str) -> str:
    """`Verblijf tot wo 30 jun 2027` or `Verblijf tot vr 31 dec 2027 (overgangsregeling)`."""
    how = "" if contract.covered_by == "einde" else f" ({t(lang, f'covered_{contract.covered_by}')})"
    return t(lang, "contract_until", name=contract.name, date=fmt_date(contract.covered_until, lang)) + how


def contract_end_words(result: Forecast, lang: str) -> str:
    """`wo 31 mrt 2027` or, with contracts, `wo 31 mrt 2027 (Verblijf, overgangsregeling)`."""
    day = fmt_date(result.contract_end, lang)
    if result.continuity is None or result.continuity.contract is None:
        return day
    return f"{day} ({result.continuity.contract.name}, {t(lang, f'covered_{result.continuity.covered_by}')})"


def explain(result: Forecast, lang: str) -> list[str]:
    """The forecast step by step, so anyone sees who must move."""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    steps = [_decision_step(item, result, lang) for item in sorted(result.pending, key=lambda f: f.expected)]
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
                   contract_end=contract_end_words(result, lang), verdict=buffer_text(result, lang)))
    return steps


def reasons_text(result: Forecast, thresholds: Thresholds, lang: str) -> list[str]:
    uncovered = "; ".join(t(lang, "uncovered_contract", name=c.name, date=fmt_date(c.covered_until, lang))
                          for c in result.uncovered)
    params = {"risk_reason_contract_near": {"days": thresholds.red_contract_days},
              "risk_reason_uncovered": {"contracts": uncovered, "ready": fmt_date(result.ready, lang)},
              "risk_reason_small_buffer": {"days": thresholds.green_days},
              "risk_reason_overdue": {"refs": ", ".join(result.overdue)}}
    return [t(lang, key, **params.get(key, {})) for key in result.reasons] or [t(lang, "risk_reason_none")]


def risk_reply(result: Forecast, thresholds: Thresholds, lang: str) -> Reply:
    """What `risico` answers: the level, why, the forecast step by step, and who must move."""
    trajectory = result.trajectory
    lines: list[str | Section] = [
        t(lang, "risk_title", title=trajectory.title, level=level_label(result.level, lang),
          verdict=buffer_text(result, lang)),
        "\n".join(reasons_text(result, thresholds, lang) + ["⚠️ " + flag for flag in meeting_flags(result, lang)]),
        # The layout shortens these when the answer would not fit in Slack; the timeline shows it all.
        Section(t(lang, "risk_steps"), [f"{i}. {step}" for i, step in enumerate(explain(result, lang), 1)],
                more="tijdlijn", limit=None, marker="")]
    who = blockers(result, lang)
    if who:
        lines.append(Section(t(lang, "risk_who"), who, limit=None, urgency=1))
    return Reply(lines)
