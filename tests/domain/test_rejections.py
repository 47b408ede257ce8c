"""The rejection rules and working-day forecasts of PRODUCT.md "Continuity risk" (issue 17), as
tables computed by hand. A rejection before the deadline is not late; a municipality that rejected
is expected to adopt a revised proposal no earlier than one decision cycle after the rejection (its
next meeting when its calendar is known, else 28 days); the others stay where their deadline puts
them; every expected date is a working day.

Weekdays checked by hand: Mon 23, Tue 24, Wed 25, Fri 27 Nov 2026; Tue 8, Fri 11, Tue 15, Thu 17,
Fri 18, Sat 19, Mon 21, Tue 22, Wed 23, Thu 24, Fri 25 (Christmas), Sat 26 (Boxing Day), Mon 28 Dec
2026; Fri 1 Jan (New Year), Mon 4, Thu 14, Fri 15, Mon 18, Wed 20, Sun 24, Mon 25, Thu 28 Jan 2027."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from domain.forecast import History, Thresholds, expected_day, forecast
from domain.meetings import MeetingCalendar
from domain.workdays import WorkCalendar
from reports.risk import explain
from store.models import Adoption, Decision, Municipality, Task, Trajectory

D = date.fromisoformat
MEMBERS = [Municipality(id=i, region_id=1, name=n) for i, n in enumerate(["Tiel", "Buren", "Zaltbommel"], 1)]
TIEL, BUREN, ZALTBOMMEL = 1, 2, 3
WORK = WorkCalendar()


def trajectory(lead_weeks=8):
    return Trajectory(id=1, team_id="T", channel_id="C", title="Jeugd 2027", region_id=1, contract_end=D("2027-03-31"),
                      go_live=D("2027-04-01"), lead_weeks=lead_weeks, coordinator_id="U_C")


def decision(deadline, by="raad", id=1):
    return Decision(id=id, team_id="T", ref=f"B{id}", trajectory_id=1, title="Tarieven 2027", deadline=D(deadline),
                    decided_by=by, created_by="U_C")


def verdict(member, on, outcome="afgewezen", reason="tarief te hoog", decision_id=1):
    return Adoption(decision_id=decision_id, municipality_id=member, outcome=outcome, on_date=D(on), reason=reason,
                    recorded_by="U_C")


def adopted_by_the_others(on="2026-11-20"):
    return [verdict(TIEL, on, "vastgesteld", None), verdict(BUREN, on, "vastgesteld", None)]


def run(decisions, adoptions, today="2026-11-25", history=None, thresholds=Thresholds(), tasks=(), calendars=None,
        lead_weeks=8):
    by_decision: dict = {}
    for adoption in adoptions:
        by_decision.setdefault(adoption.decision_id, []).append(adoption)
    return forecast(trajectory(lead_weeks), MEMBERS, decisions, by_decision, [], list(tasks), history or History(),
                    D(today), thresholds, calendars=calendars)


# scenario, the decision, its verdicts, today, history, thresholds
#   -> B1 expected, overdue?, what sets the date (rejection: the decision cycle; history: the slowest
#      municipality's lateness; deadline / today: nothing slips)
RULES = [
    ("rejected well before the deadline: the cycle ends before it, so nothing moves",
     decision("2027-01-15"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-23")], "2026-11-25", None,
     Thresholds(), "2027-01-15", False, "deadline"),
    ("rejected before the deadline, the cycle runs past it: not late, but 23 Nov + 28 days",
     decision("2026-12-15"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-23")], "2026-11-25", None,
     Thresholds(), "2026-12-21", False, "rejection"),
    ("rejected on the deadline day itself: not late yet",
     decision("2026-11-25"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-25")], "2026-11-25", None,
     Thresholds(), "2026-12-23", False, "rejection"),
    ("rejected after the deadline: overdue, and a cycle after the rejection",
     decision("2026-11-20"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-24")], "2026-11-25", None,
     Thresholds(), "2026-12-22", True, "rejection"),
    ("rejected before a deadline that has passed since: overdue now",
     decision("2026-11-20"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-10")], "2026-11-25", None,
     Thresholds(), "2026-12-08", True, "rejection"),
    ("rejected long ago: the cycle is over, so it is expected from today",
     decision("2026-10-01"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-09-01")], "2026-11-25", None,
     Thresholds(), "2026-11-25", True, "today"),
    ("rejected just before the Christmas recess (deadline Saturday 19 Dec)",
     decision("2026-12-19"), adopted_by_the_others("2026-12-17") + [verdict(ZALTBOMMEL, "2026-12-17")], "2026-12-17",
     None, Thresholds(), "2027-01-14", False, "rejection"),
    ("the cycle ends on Christmas Day: the Monday after Boxing Day",
     decision("2026-12-11"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-27")], "2026-11-27", None,
     Thresholds(), "2026-12-28", False, "rejection"),
    ("a slow history outweighs the cycle: 15 Dec + 40 days is Sunday 24 Jan, so Monday",
     decision("2026-12-15"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-23")], "2026-11-25",
     History(municipality={ZALTBOMMEL: 40}), Thresholds(), "2027-01-25", False, "history"),
    ("a configured cycle of six weeks (REJECTION_CYCLE_DAYS=42)",
     decision("2026-12-15"), adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-23")], "2026-11-25", None,
     Thresholds(rejection_cycle_days=42), "2027-01-04", False, "rejection"),
    ("the region rejected a regional decision",
     decision("2026-12-15", by="regio"), [verdict(None, "2026-11-24")], "2026-11-25", None,
     Thresholds(), "2026-12-22", False, "rejection"),
    ("the municipality adopted a revised version since: no rejection left",
     decision("2026-12-15"), [verdict(TIEL, "2026-11-20", "vastgesteld", None),
                              verdict(ZALTBOMMEL, "2026-11-24", "vastgesteld", None)], "2026-11-25", None,
     Thresholds(), "2026-12-15", False, "deadline"),
]


def _set_by(item) -> str:
    slowest = item.slowest
    if slowest.rejection is not None and slowest.expected == slowest.rejection.revised:
        return "rejection"
    if slowest.lateness > 0:
        return "history"
    return "today" if item.decision.deadline < item.expected else "deadline"


@pytest.mark.parametrize("name,decision_,verdicts,today,history,thresholds,expected,overdue,set_by", RULES,
                         ids=[row[0] for row in RULES])
def test_rejection_rules(name, decision_, verdicts, today, history, thresholds, expected, overdue, set_by):
    result = run([decision_], verdicts, today, history, thresholds)
    [item] = result.pending
    assert (item.expected.isoformat(), "B1" in result.overdue, _set_by(item)) == (expected, overdue, set_by)
    assert WORK.is_working_day(item.expected)


def test_the_other_municipalities_stay_where_their_deadline_puts_them():
    """Deadline Fri 15 Jan 2027; Tiel adopts 3 days late on average (Mon 18 Jan), Buren on time,
    Zaltbommel rejected on Mon 28 Dec: a revised proposal on Mon 25 Jan sets the date."""
    result = run([decision("2027-01-15")], [verdict(ZALTBOMMEL, "2026-12-28")], today="2026-12-28",
                 history=History(municipality={TIEL: 3}))
    [item] = result.pending
    assert {h.name: (h.expected.isoformat(), h.rejection is not None) for h in item.waiting} == {
        "Tiel": ("2027-01-18", False), "Buren": ("2027-01-15", False), "Zaltbommel": ("2027-01-25", True)}
    assert (item.slowest.name, item.expected, item.rejected) == ("Zaltbommel", D("2027-01-25"), ["Zaltbommel"])
    assert result.overdue == []


# What one rejection costs the whole forecast (the Christmas case of issue 17): B1 (raad, deadline
# Saturday 19 Dec), task T1 after B1 due on Christmas Day (kept as typed), 8 weeks of
# implementation, go-live Thu 1 Apr 2027; today Thu 17 Dec.
# rejection -> B1 expected, T1 expected, ready, buffer
COST = [
    ("no rejection: B1 on Friday 18 Dec, T1 on Thursday 24 Dec (never on Christmas Day)", None,
     "2026-12-18", "2026-12-24", "2027-02-12", 48),
    ("Leiden rejects on Thu 17 Dec: a cycle later, T1 shifts 26 days with B1", "2026-12-17",
     "2027-01-14", "2027-01-20", "2027-03-11", 21),
]


@pytest.mark.parametrize("name,rejected_on,b1,t1,ready,buffer", COST, ids=[row[0] for row in COST])
def test_what_a_rejection_costs(name, rejected_on, b1, t1, ready, buffer):
    verdicts = adopted_by_the_others("2026-12-17") + ([verdict(ZALTBOMMEL, rejected_on)] if rejected_on else [])
    task = Task(id=1, team_id="T", ref="T1", trajectory_id=1, title="Productcodes", owner_name="Kees",
                deadline=D("2026-12-25"), after_decision_id=1, created_by="U_C")
    result = run([decision("2026-12-19")], verdicts, today="2026-12-17", tasks=[task])
    assert (result.pending[0].expected.isoformat(), result.tasks[0].expected.isoformat(), result.ready.isoformat(),
            result.buffer_days) == (b1, t1, ready, buffer)
    assert result.overdue == []


# day the arithmetic gives, the item's deadline, today, Good Friday a holiday? -> the expected day
WORKING_DAYS = [
    ("a working day stays", "2026-12-16", "2026-12-16", "2026-11-25", False, "2026-12-16"),
    ("on its own deadline, a Saturday: the Friday before", "2026-12-19", "2026-12-19", "2026-11-25", False, "2026-12-18"),
    ("its own Saturday deadline is today: the Monday after", "2026-12-19", "2026-12-19", "2026-12-19", False,
     "2026-12-21"),
    ("a slip onto Christmas Day: Monday 28 Dec", "2026-12-25", "2026-12-20", "2026-11-25", False, "2026-12-28"),
    ("a slip onto New Year's Day: Monday 4 Jan", "2027-01-01", "2026-12-30", "2026-11-25", False, "2027-01-04"),
    ("a slip onto 5 May, the municipal day off (CAO Gemeenten), then Ascension Day 6 May 2027: Friday",
     "2027-05-05", "2027-05-01", "2026-11-25", False, "2027-05-07"),
    ("Good Friday 2027 is a working day by default", "2027-03-26", "2027-03-20", "2026-11-25", False, "2027-03-26"),
    ("with GOOD_FRIDAY_HOLIDAY: past Easter Monday to Tuesday", "2027-03-26", "2027-03-20", "2026-11-25", True,
     "2027-03-30"),
]


@pytest.mark.parametrize("name,day,due,today,good_friday,expected", WORKING_DAYS, ids=[row[0] for row in WORKING_DAYS])
def test_every_expected_date_is_a_working_day(name, day, due, today, good_friday, expected):
    assert expected_day(D(day), D(due), D(today), WorkCalendar(good_friday)) == D(expected)


def test_with_a_meeting_calendar_the_revised_proposal_waits_for_the_next_meeting():
    """The seam for meeting calendars: Zaltbommel's raad meets Thu 17 Dec 2026 and Thu 28 Jan 2027;
    revised papers need 14 days. Rejected Mon 23 Nov: the papers reach 17 Dec. Rejected Thu 10 Dec
    (today): not before 24 Dec, so 28 Jan. Rejected 20 Jan 2027: the calendar has nothing after
    3 Feb, so the 28-day cycle: Wed 17 Feb."""
    calendars = {ZALTBOMMEL: MeetingCalendar(raad=(D("2026-12-17"), D("2027-01-28")))}
    cases = [("2026-11-23", "2026-11-25", "2026-12-17", D("2026-12-17")),
             ("2026-12-10", "2026-12-10", "2027-01-28", D("2027-01-28")),
             ("2027-01-20", "2027-01-20", "2027-02-17", None)]
    for rejected_on, today, expected, meeting in cases:
        result = run([decision("2026-12-15")], adopted_by_the_others() + [verdict(ZALTBOMMEL, rejected_on)], today,
                     calendars=calendars)
        [rejection] = result.pending[0].rejections
        assert (rejection.revised.isoformat(), rejection.meeting) == (expected, meeting), rejected_on
    first = run([decision("2026-12-15")], adopted_by_the_others() + [verdict(ZALTBOMMEL, "2026-11-23")],
                calendars=calendars)
    assert explain(first, "nl")[0] == ("Zaltbommel wees B1 af op ma 23 nov 2026 (tarief te hoog): een herzien voorstel "
                                       "kan op zijn vroegst naar de raad van do 17 dec 2026 → B1 verwacht do 17 dec 2026")


@settings(max_examples=150, deadline=None)
@given(today=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
       deadlines=st.lists(st.integers(-60, 120), min_size=1, max_size=3),
       verdicts=st.lists(st.tuples(st.sampled_from([TIEL, BUREN, ZALTBOMMEL]), st.sampled_from(["vastgesteld", "afgewezen"]),
                                   st.integers(-90, 0)), max_size=4),
       lateness=st.dictionaries(st.sampled_from([TIEL, BUREN, ZALTBOMMEL]), st.floats(0, 60), max_size=3),
       task_offsets=st.lists(st.integers(-30, 150), max_size=3),
       lead_weeks=st.integers(0, 20), cycle=st.integers(1, 90), good_friday=st.booleans())
def test_a_forecast_never_lands_on_a_weekend_or_holiday(today, deadlines, verdicts, lateness, task_offsets, lead_weeks,
                                                       cycle, good_friday):
    decisions = [decision((today + timedelta(days=offset)).isoformat(), id=i) for i, offset in enumerate(deadlines, 1)]
    adoptions = [verdict(member, (today + timedelta(days=days)).isoformat(), outcome, decision_id=1)
                 for member, outcome, days in {v[0]: v for v in verdicts}.values()]
    tasks = [Task(id=i, team_id="T", ref=f"T{i}", trajectory_id=1, title="T", owner_name="K",
                  deadline=today + timedelta(days=offset), after_decision_id=1, created_by="U_C")
             for i, offset in enumerate(task_offsets, 1)]
    work = WorkCalendar(good_friday)
    result = run(decisions, adoptions, today.isoformat(), History(municipality=lateness),
                 Thresholds(rejection_cycle_days=cycle, work=work), tasks, lead_weeks=lead_weeks)
    expected = [f.expected for f in result.pending] + [f.expected for f in result.tasks]
    expected += [result.implementation_done, result.ready]
    revised = [r.revised for f in result.pending for r in f.rejections]  # may lie before today: a cycle long over
    assert all(work.is_working_day(day) for day in expected + revised), expected + revised
    assert all(day >= today for day in expected)
    assert all(f.expected >= r.revised for f in result.pending for r in f.rejections)
