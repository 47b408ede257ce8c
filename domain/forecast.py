"""The continuity forecast: when will a trajectory be ready, compared with go-live? Pure domain:
it takes rows already loaded (tables' rows or read-only rows with the same column names) and the
day; reports/risk.py loads them and puts the result into words."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from domain.requests import pending_recipients
from domain.texts import person

# A row of one of the store's tables (an ORM object, or a read-only row with the same column
# names): the domain reads columns and imports nothing of the store.
Row = Any

LEVELS = ("groen", "oranje", "rood")


@dataclass(frozen=True)
class Thresholds:
    green_days: int = 14          # buffer needed for groen
    red_contract_days: int = 30   # a pending decision this close to contract end is rood


@dataclass
class History:
    """Observed average lateness in days (early counts as on time): per municipality id, and per
    stakeholder (`domain.requests.stakeholder_key`: the Slack user, or an outsider's name)."""
    municipality: dict[int, float] = field(default_factory=dict)
    stakeholder: dict[str, float] = field(default_factory=dict)


@dataclass
class InputForecast:
    request: Row
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
    decision: Row
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
    task: Row
    expected: date
    after: DecisionForecast | None


@dataclass
class Forecast:
    trajectory: Row
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


def _input_forecast(request: Row, parts: list | None, history: History, today: date) -> InputForecast:
    """Expected when its slowest recipient still to answer answers, by their own history."""
    waiting = pending_recipients(request, parts) or [("", person(request.stakeholder_user, request.stakeholder_name))]
    lateness, who = max((history.stakeholder.get(key, 0.0), shown) for key, shown in waiting)
    return InputForecast(request, lateness, max(request.deadline, today) + timedelta(days=_days(lateness)), who,
                         len(waiting))


def forecast(trajectory: Row, members: list[Row], decisions: list[Row],
             adoptions: dict[int, list[Row]], inputs: list[Row], tasks: list[Row],
             history: History, today: date, thresholds: Thresholds = Thresholds(),
             parts: dict[int, list] | None = None) -> Forecast:
    names = {m.id: m.name for m in members}
    open_inputs: dict[int, list[Row]] = defaultdict(list)
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

    # A contract's extension decision (`Verlengen X?`) is tracked, but the new arrangement does not wait for it.
    last_decision = max((f for f in decision_forecasts if not getattr(f.decision, "contract_id", None)),
                        key=lambda f: f.expected, default=None)
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


def rises(previous: str | None, level: str) -> bool:
    return LEVELS.index(level) > LEVELS.index(previous or "groen")
