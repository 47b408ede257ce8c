"""The continuity forecast: when will a trajectory be ready, compared with go-live? Pure domain:
it takes rows already loaded (tables' rows or read-only rows with the same column names) and the
day; reports/risk.py loads them and puts the result into words."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Mapping, Sequence

from domain.contracts import ContinuityDeadline, Contract, continuity_deadline, ends_uncovered
from domain.meetings import PAPERS_LEAD_DAYS, MeetingCalendar, expected_adoption
from domain.requests import pending_recipients, tracker
from domain.workdays import WorkCalendar

# A row of one of the store's tables (an ORM object, or a read-only row with the same column
# names): the domain reads columns and imports nothing of the store.
Row = Any

LEVELS = ("groen", "oranje", "rood")
REJECTION_CYCLE_DAYS = 28  # one decision cycle (a college or raad round) when no meeting calendar says better


@dataclass(frozen=True)
class Thresholds:
    """What the forecast goes by, each configurable (config/): the buffer needed for groen, how near
    the contract end a pending decision makes rood, the decision cycle a rejection costs where no
    meeting calendar is known, and which days are working days."""
    green_days: int = 14          # buffer needed for groen
    red_contract_days: int = 30   # a pending decision this close to contract end is rood
    rejection_cycle_days: int = REJECTION_CYCLE_DAYS
    work: WorkCalendar = field(default_factory=WorkCalendar)
    papers_lead_days: int = PAPERS_LEAD_DAYS  # a proposal reaches the meeting that decides it this long after its papers


@dataclass
class History:
    """Observed average lateness in days (early counts as on time): per municipality id, and per
    stakeholder (`domain.requests.stakeholder_key`: the Slack user, or an outsider's name)."""
    municipality: dict[int, float] = field(default_factory=dict)
    stakeholder: dict[str, float] = field(default_factory=dict)


@dataclass
class InputForecast:
    """An open input request that blocks a decision: expected when its last recipient still to
    answer is expected to (each by their own history). A group is named as a group, never by the
    one recipient whose history sets the date."""
    request: Row
    lateness: float   # the slowest open recipient's average lateness
    expected: date
    answered: int     # recipients who answered
    total: int        # recipients asked

    @property
    def pending(self) -> int:
        return self.total - self.answered


@dataclass(frozen=True)
class Rejection:
    """One municipality's (or the region's: name "") rejection: a revised proposal is needed, and
    its adoption is expected no earlier than `revised` (one decision cycle later). Late only once
    the decision's deadline has passed."""
    name: str
    on: date
    reason: str | None
    revised: date
    meeting: date | None = None      # the meeting of its calendar that can take the revised proposal


@dataclass(frozen=True)
class HolderForecast:
    """A municipality (or the region: name "") that has not adopted yet, and when it is expected to."""
    name: str
    expected: date
    lateness: float                  # its average lateness on earlier decisions
    rejection: Rejection | None      # it rejected: it waits for a revised proposal
    meeting: date | None = None      # the meeting of its calendar it is expected at (None: no calendar)
    first_possible: date | None = None  # its calendar's first meeting the papers can still reach

    def misses(self, deadline: date) -> bool:
        """Its calendar has no meeting the papers can still reach by the deadline."""
        return self.first_possible is not None and self.first_possible > deadline


@dataclass
class DecisionForecast:
    decision: Row
    expected: date
    waiting: list[HolderForecast]      # who has not adopted yet (rejected ones included), each with its date
    slowest: HolderForecast | None     # the holder whose expected adoption sets the date
    waits_for: InputForecast | None    # the open input that sets the date, if it is later

    @property
    def holders(self) -> list[str]:
        """Municipalities not yet adopted (rejected ones included); a regional decision has none."""
        return [h.name for h in self.waiting if h.name]

    @property
    def rejections(self) -> list[Rejection]:
        return [h.rejection for h in self.waiting if h.rejection]

    @property
    def rejected(self) -> list[str]:
        return [r.name for r in self.rejections]

    @property
    def slips(self) -> bool:
        return self.expected > self.decision.deadline

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
    implementation_start: date         # when the lead time starts: the last decision, or today
    implementation_done: date
    last_task: TaskForecast | None
    ready: date
    buffer_days: int
    level: str
    reasons: list[str]                 # why the level: keys of texts
    thresholds: Thresholds             # what it went by (the rejection cycle, working days)
    continuity: ContinuityDeadline | None = None  # the earliest end nothing covers, and its contract
    uncovered: list[Contract] = field(default_factory=list)  # contracts that end before ready
    contracts: list[Contract] = field(default_factory=list)  # the trajectory's contracts (percelen)

    @property
    def contract_end(self) -> date:
        """The continuity deadline: the earliest end of the contracts nothing covers, else the
        trajectory's own contract end."""
        return self.continuity.day if self.continuity else self.trajectory.contract_end

    @property
    def waits_for_decisions(self) -> bool:
        """No decision yet: implementation cannot start, so ready is today plus the lead time."""
        return not self.decisions

    @property
    def pending(self) -> list[DecisionForecast]:
        return [d for d in self.decisions if not d.decision.taken_on]


def _days(value: float) -> int:
    return math.ceil(value - 1e-9)


def expected_day(day: date, due: date, today: date, work: WorkCalendar) -> date:
    """A forecast day as a working day. What is expected on its own deadline is expected on the
    last working day before a deadline on a weekend or holiday (the answer to the deadline named
    that day too), but never before today; anything later moves on to the next working day: a
    slip never ends sooner than the arithmetic says."""
    if day == due and work.on_or_before(day) >= today:
        return work.on_or_before(day)
    return work.on_or_after(day)


def revision_expected(rejected_on: date, today: date, body: str, thresholds: Thresholds,
                      calendar: MeetingCalendar | None = None) -> tuple[date, date | None]:
    """When a municipality (or the region) that rejected is expected to adopt a revised proposal:
    no earlier than one decision cycle after the rejection. With its meeting calendar that is the
    deciding body's next meeting the revised papers can still reach (domain.meetings); without one,
    or when the calendar runs out, `rejection_cycle_days` after the rejection. Returns that working
    day and the meeting it waits for (None without one)."""
    meeting = expected_adoption(calendar, body, today, rejected_on=rejected_on, lead_days=thresholds.papers_lead_days,
                                work=thresholds.work) if calendar is not None else None
    if meeting is not None:
        return meeting.expected, meeting.meeting
    return thresholds.work.on_or_after(rejected_on + timedelta(days=thresholds.rejection_cycle_days)), None


def meeting_expected(calendar: MeetingCalendar | None, body: str, deadline: date, today: date,
                     thresholds: Thresholds) -> tuple[date, date] | None:
    """With the body's meeting calendar: (the meeting it is expected at, the first one the papers
    can still reach). It adopts at the last meeting that makes the deadline while the papers can
    still reach it (a proposal planned for the deadline is not brought forward), else at the first
    reachable meeting after it. None without a calendar, or when it has no reachable meeting: the
    average lateness rule then stays."""
    if calendar is None or not calendar.has(body):
        return None
    first = expected_adoption(calendar, body, today, lead_days=thresholds.papers_lead_days, work=thresholds.work)
    if first is None:
        return None
    planned = calendar.last_on_or_before(body, deadline)
    meeting = planned if planned is not None and planned >= first.meeting else first.meeting
    return meeting, first.meeting


def _input_forecast(request: Row, parts: list | None, history: History, today: date,
                    work: WorkCalendar) -> InputForecast:
    """Expected when its slowest recipient still to answer answers, by their own history."""
    waiting = pending_recipients(request, parts)
    lateness = max((history.stakeholder.get(key, 0.0) for key, _ in waiting), default=0.0)
    progress = tracker(parts) if parts else tracker([request])
    expected = expected_day(max(request.deadline, today) + timedelta(days=_days(lateness)), request.deadline, today,
                            work)
    return InputForecast(request, lateness, expected, progress.answered, progress.total)


def _decision_forecast(decision: Row, members: list[Row], adoptions: list[Row], requests: list[Row],
                       parts: dict[int, list], history: History, today: date, thresholds: Thresholds,
                       calendars: Mapping[int | None, MeetingCalendar]) -> DecisionForecast:
    """Each municipality still to adopt is expected at the deadline (or today, once it passed) plus
    its own average lateness; one that rejected no earlier than a decision cycle after the
    rejection. The slowest of them sets the date, unless open input it waits for comes later."""
    work = thresholds.work
    by_member = {a.municipality_id: a for a in adoptions}
    if decision.decided_by == "regio":
        waiting = [(None, "")] if by_member.get(None) is None or by_member[None].outcome != "vastgesteld" else []
    else:
        waiting = [(m.id, m.name) for m in members
                   if m.id not in by_member or by_member[m.id].outcome != "vastgesteld"]
    base = max(decision.deadline, today)
    holders: list[HolderForecast] = []
    for key, name in waiting:
        lateness = history.municipality.get(key, 0.0) if key is not None else 0.0
        expected = expected_day(base + timedelta(days=_days(lateness)), decision.deadline, today, work)
        by_calendar = meeting_expected(calendars.get(key), decision.decided_by, decision.deadline, today, thresholds)
        meeting = first_possible = None
        if by_calendar is not None:  # its meetings say when, not its history
            meeting, first_possible = by_calendar
            expected, lateness = work.on_or_after(meeting), 0.0
        rejection = None
        verdict = by_member.get(key)
        if verdict is not None and verdict.outcome == "afgewezen":
            revised, revision_meeting = revision_expected(verdict.on_date, today, decision.decided_by, thresholds,
                                                          calendars.get(key))
            rejection = Rejection(name, verdict.on_date, verdict.reason, revised, revision_meeting)
            expected = max(expected, revised)
        holders.append(HolderForecast(name, expected, lateness, rejection, meeting, first_possible))
    # The first of equally slow holders is named: the one with the longest history, or the rejection.
    slowest = max(holders, key=lambda h: (h.expected, h.lateness, h.rejection is not None), default=None)
    expected = slowest.expected if slowest else expected_day(base, decision.deadline, today, work)
    waits_for = None
    for request in requests:
        candidate = _input_forecast(request, parts.get(request.id), history, today, work)
        if candidate.expected > expected:
            expected, waits_for = candidate.expected, candidate
    return DecisionForecast(decision, expected, holders, slowest, waits_for)


def forecast(trajectory: Row, members: list[Row], decisions: list[Row],
             adoptions: dict[int, list[Row]], inputs: list[Row], tasks: list[Row],
             history: History, today: date, thresholds: Thresholds = Thresholds(),
             parts: dict[int, list] | None = None,
             calendars: Mapping[int | None, MeetingCalendar] | None = None,
             contracts: Sequence[Contract] = ()) -> Forecast:
    """The forecast. `calendars` (municipality id, or None for the region, to its meeting
    calendar) date each adoption at a meeting of the deciding body, and a revised proposal after
    a rejection at the next meeting instead of one decision cycle later. `contracts` (the
    trajectory's percelen) set the continuity deadline; one that ends before ready is rood."""
    work = thresholds.work
    parts = parts or {}
    open_inputs: dict[int, list[Row]] = defaultdict(list)
    for request in inputs:
        if request.decision_id and not request.received_on:
            open_inputs[request.decision_id].append(request)

    decision_forecasts: list[DecisionForecast] = []
    for decision in decisions:
        if decision.taken_on:
            decision_forecasts.append(DecisionForecast(decision, decision.taken_on, [], None, None))
            continue
        decision_forecasts.append(_decision_forecast(decision, members, adoptions.get(decision.id, []),
                                                     open_inputs.get(decision.id, []), parts, history, today,
                                                     thresholds, calendars or {}))

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
        task_forecasts.append(TaskForecast(task, expected_day(expected, task.deadline, today, work), after))

    # A contract's extension decision (`Verlengen X?`) is tracked, but the new arrangement does not wait for it.
    last_decision = max((f for f in decision_forecasts if not getattr(f.decision, "contract_id", None)),
                        key=lambda f: f.expected, default=None)
    # Without any decision nothing has started: implementation is still all ahead.
    implementation_start = last_decision.expected if last_decision else today
    implementation_done = work.on_or_after(implementation_start + timedelta(weeks=trajectory.lead_weeks))
    last_task = max(task_forecasts, key=lambda f: f.expected, default=None)
    ready = max(implementation_done, last_task.expected if last_task else implementation_done)
    buffer_days = (trajectory.go_live - ready).days

    # A rejection alone is not late: only a decision past its deadline is overdue.
    overdue = [f.decision.ref for f in decision_forecasts if f.past_deadline(today)]
    overdue += [r.ref for r in inputs if not r.received_on and r.deadline < today]
    overdue += [x.ref for x in tasks if not x.done_on and x.deadline < today]

    continuity = continuity_deadline(contracts, trajectory.contract_end) if contracts else None
    uncovered = ends_uncovered(contracts, ready)
    reasons = []
    pending = [f for f in decision_forecasts if not f.decision.taken_on]
    if buffer_days < 0:
        reasons.append("risk_reason_late")
    if uncovered:
        reasons.append("risk_reason_uncovered")
    if pending and ((continuity.day if continuity else trajectory.contract_end) - today).days \
            <= thresholds.red_contract_days:
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
    return Forecast(trajectory, today, decision_forecasts, task_forecasts, open_requests, overdue, parts,
                    last_decision, implementation_start, implementation_done, last_task, ready, buffer_days, level,
                    reasons, thresholds, continuity, uncovered, list(contracts))


def rises(previous: str | None, level: str) -> bool:
    return LEVELS.index(level) > LEVELS.index(previous or "groen")
