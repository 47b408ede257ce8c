"""The continuity forecast: when will a trajectory be ready, compared with go-live? Pure domain:
it takes rows already loaded and the day, and explains itself step by step."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session

from config import Settings
from domain.outcome import Reply
from tracking.inputs import asked_of
from domain.texts import fmt_date, person, t
from store import queries
from store.models import Adoption, Decision, InputRequest, Municipality, Task, Trajectory

LEVELS = ("groen", "oranje", "rood")


@dataclass(frozen=True)
class Thresholds:
    green_days: int = 14          # buffer needed for groen
    red_contract_days: int = 30   # a pending decision this close to contract end is rood


def thresholds_of(settings: Settings) -> Thresholds:
    return Thresholds(settings.risk_green_days, settings.risk_red_contract_days)


@dataclass
class History:
    """Observed average lateness in days (early counts as on time): per municipality id, and per
    stakeholder (`queries.stakeholder_key`: the Slack user, or an outsider's name)."""
    municipality: dict[int, float] = field(default_factory=dict)
    stakeholder: dict[str, float] = field(default_factory=dict)


@dataclass
class InputForecast:
    request: InputRequest
    lateness: float
    expected: date
    who: str          # the recipient still to answer whose history sets the date (mention or name)
    pending: int = 1  # recipients still to answer


@dataclass(frozen=True)
class Rejection:
    """One municipality's (or the region's: name "") rejection: overdue at once, until it adopts."""
    name: str
    on: date
    reason: str | None


@dataclass
class DecisionForecast:
    decision: Decision
    expected: date
    holders: list[str]                 # municipalities not yet adopted (rejected ones included)
    rejections: list[Rejection]
    slowest: str | None                # the holder whose history sets the date
    slowest_lateness: float
    waits_for: InputForecast | None    # the open input that sets the date, if it is later

    @property
    def rejected(self) -> list[str]:
        return [r.name for r in self.rejections]

    def past_deadline(self, today: date) -> bool:
        return not self.decision.taken_on and self.decision.deadline < today


@dataclass
class TaskForecast:
    task: Task
    expected: date
    after: DecisionForecast | None


@dataclass
class Forecast:
    trajectory: Trajectory
    today: date
    decisions: list[DecisionForecast]
    tasks: list[TaskForecast]
    inputs: list                       # open input requests
    overdue: list[str]                 # references
    parts: dict[int, list]             # recipients of the open requests, by request id
    last_decision: DecisionForecast | None
    implementation_done: date
    last_task: TaskForecast | None
    ready: date
    buffer_days: int
    level: str
    reasons: list[str]                 # why the level: keys of texts

    @property
    def waits_for_decisions(self) -> bool:
        """No decision yet: implementation cannot start, so ready is today plus the lead time."""
        return not self.decisions

    @property
    def pending(self) -> list[DecisionForecast]:
        return [d for d in self.decisions if not d.decision.taken_on]


def _days(value: float) -> int:
    return math.ceil(value - 1e-9)


def pending_recipients(request: InputRequest, parts: list | None) -> list[tuple[str, str]]:
    """(stakeholder key, shown as) of every recipient still to answer; a request given without
    its parts stands for its one stakeholder."""
    if parts:
        return [(p.stakeholder_key, person(p.slack_user, p.name)) for p in parts if not p.received_on]
    return [(queries.stakeholder_key(request.stakeholder_user, request.stakeholder_name),
             person(request.stakeholder_user, request.stakeholder_name))]


def _input_forecast(request: InputRequest, parts: list | None, history: History, today: date) -> InputForecast:
    """Expected when its slowest recipient still to answer answers, by their own history."""
    waiting = pending_recipients(request, parts) or [("", person(request.stakeholder_user, request.stakeholder_name))]
    lateness, who = max((history.stakeholder.get(key, 0.0), shown) for key, shown in waiting)
    return InputForecast(request, lateness, max(request.deadline, today) + timedelta(days=_days(lateness)), who,
                         len(waiting))


def forecast(trajectory: Trajectory, members: list[Municipality], decisions: list[Decision],
             adoptions: dict[int, list[Adoption]], inputs: list[InputRequest], tasks: list[Task],
             history: History, today: date, thresholds: Thresholds = Thresholds(),
             parts: dict[int, list] | None = None) -> Forecast:
    names = {m.id: m.name for m in members}
    open_inputs: dict[int, list[InputRequest]] = defaultdict(list)
    for request in inputs:
        if request.decision_id and not request.received_on:
            open_inputs[request.decision_id].append(request)

    decision_forecasts: list[DecisionForecast] = []
    for decision in decisions:
        if decision.taken_on:
            decision_forecasts.append(DecisionForecast(decision, decision.taken_on, [], [], None, 0.0, None))
            continue
        by_member = {a.municipality_id: a for a in adoptions.get(decision.id, [])}
        base = max(decision.deadline, today)
        if decision.decided_by == "regio":
            holders_ids = []
            rejected_ids = [None] if None in by_member and by_member[None].outcome == "afgewezen" else []
        else:
            holders_ids = [m.id for m in members if m.id not in by_member or by_member[m.id].outcome != "vastgesteld"]
            rejected_ids = [m for m in holders_ids if m in by_member]
        rejections = [Rejection(names.get(i, ""), by_member[i].on_date, by_member[i].reason) for i in rejected_ids]
        slowest, slowest_late = None, 0.0
        for member_id in holders_ids:
            late = history.municipality.get(member_id, 0.0)
            if slowest is None or late > slowest_late:
                slowest, slowest_late = names[member_id], late
        expected = base + timedelta(days=_days(slowest_late))
        waits_for = None
        for request in open_inputs.get(decision.id, []):
            candidate = _input_forecast(request, (parts or {}).get(request.id), history, today)
            if candidate.expected > expected:
                expected, waits_for = candidate.expected, candidate
        decision_forecasts.append(DecisionForecast(decision, expected, [names[i] for i in holders_ids], rejections,
                                                   slowest, slowest_late, waits_for))

    by_id = {f.decision.id: f for f in decision_forecasts}
    task_forecasts = []
    for task in tasks:
        if task.done_on:
            continue
        after = by_id.get(task.after_decision_id)
        expected = max(task.deadline, today)
        if after is not None and after.expected > after.decision.deadline:
            # It starts when the decision is expected: the planned duration shifts with the slip.
            expected = max(expected, task.deadline + (after.expected - after.decision.deadline))
        task_forecasts.append(TaskForecast(task, expected, after))

    last_decision = max(decision_forecasts, key=lambda f: f.expected, default=None)
    # Without any decision nothing has started: implementation is still all ahead.
    implementation_done = (last_decision.expected if last_decision else today) + timedelta(weeks=trajectory.lead_weeks)
    last_task = max(task_forecasts, key=lambda f: f.expected, default=None)
    ready = max(implementation_done, last_task.expected if last_task else implementation_done)
    buffer_days = (trajectory.go_live - ready).days

    # A rejection keeps the decision open, and the rejecting municipality counts as overdue at once.
    overdue = [f.decision.ref for f in decision_forecasts if f.past_deadline(today) or f.rejections]
    overdue += [r.ref for r in inputs if not r.received_on and r.deadline < today]
    overdue += [x.ref for x in tasks if not x.done_on and x.deadline < today]

    reasons = []
    pending = [f for f in decision_forecasts if not f.decision.taken_on]
    if buffer_days < 0:
        reasons.append("risk_reason_late")
    if pending and (trajectory.contract_end - today).days <= thresholds.red_contract_days:
        reasons.append("risk_reason_contract_near")
    if reasons:
        level = "rood"
    else:
        if buffer_days < thresholds.green_days:
            reasons.append("risk_reason_small_buffer")
        if overdue:
            reasons.append("risk_reason_overdue")
        level = "oranje" if reasons else "groen"
    open_requests = [r for r in inputs if not r.received_on]
    return Forecast(trajectory, today, decision_forecasts, task_forecasts, open_requests, overdue, parts or {},
                    last_decision, implementation_done, last_task, ready, buffer_days, level, reasons)


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


def rises(previous: str | None, level: str) -> bool:
    return LEVELS.index(level) > LEVELS.index(previous or "groen")


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
    lines = [t(lang, "risk_title", title=trajectory.title, level=level_label(result.level, lang),
               verdict=buffer_text(result, lang)),
             "\n".join(reasons_text(result, thresholds, lang)),
             t(lang, "risk_steps") + "\n" + "\n".join(f"{i}. {step}" for i, step in enumerate(explain(result, lang), 1))]
    who = blockers(result, lang)
    if who:
        lines.append(t(lang, "risk_who") + "\n" + "\n".join(f"• {line}" for line in who))
    return Reply(lines)
