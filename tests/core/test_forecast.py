"""The continuity forecast on constructed histories."""
from __future__ import annotations

from datetime import date, timedelta

from core.forecast import History, Thresholds, explain, forecast, risk_reply
from store.models import Adoption, Decision, InputRequest, Municipality, Task, Trajectory

TODAY = date(2026, 11, 24)
MEMBERS = [Municipality(id=i, region_id=1, name=n) for i, n in enumerate(["Tiel", "Buren", "Zaltbommel"], 1)]


def trajectory(contract_end=date(2027, 3, 31), lead_weeks=12):
    return Trajectory(id=1, team_id="T", channel_id="C", title="Jeugd 2027", region_id=1, contract_end=contract_end,
                      go_live=contract_end + timedelta(days=1), lead_weeks=lead_weeks, coordinator_id="U_C")


def decision(id, deadline, by="college", taken_on=None):
    return Decision(id=id, team_id="T", ref=f"B{id}", trajectory_id=1, title=f"Besluit {id}", deadline=deadline,
                    decided_by=by, created_by="U_C", taken_on=taken_on)


def adopted(decision_id, municipality_id, on, outcome="vastgesteld"):
    return Adoption(decision_id=decision_id, municipality_id=municipality_id, outcome=outcome, on_date=on,
                    recorded_by="U_C")


def test_pending_municipality_lateness_sets_the_decision_date_and_explanation():
    b3 = decision(3, date(2027, 1, 2))
    result = forecast(trajectory(), MEMBERS, [b3], {3: [adopted(3, 1, date(2026, 11, 20))]}, [], [],
                      History(municipality={1: 0, 2: 2, 3: 12}), TODAY)
    assert result.decisions[0].expected == date(2027, 1, 14)
    assert result.implementation_done == date(2027, 4, 8)
    assert result.buffer_days == (date(2027, 4, 1) - date(2027, 4, 8)).days == -7
    assert result.level == "rood"
    steps = explain(result, "nl")
    assert steps[0] == "Zaltbommel stelt besluiten gemiddeld 12 dagen na de deadline vast → B3 verwacht 14 jan 2027"
    assert steps[1] == "na B3: 12 weken implementatie → klaar 8 apr 2027"
    assert steps[-1].endswith("contracten eindigen 31 mrt 2027, start 1 apr 2027: 7 dagen te laat")


def test_overdue_decision_is_expected_from_today():
    b1 = decision(1, date(2026, 11, 1))
    result = forecast(trajectory(), MEMBERS, [b1], {}, [], [], History(municipality={2: 3}), TODAY)
    assert result.decisions[0].expected == TODAY + timedelta(days=3)
    assert result.overdue == ["B1"] and result.level in ("oranje", "rood")


def test_rejection_keeps_the_municipality_holding():
    b1 = decision(1, date(2026, 12, 15))
    adoptions = {1: [adopted(1, 1, TODAY), adopted(1, 2, TODAY), adopted(1, 3, TODAY, "afgewezen")]}
    result = forecast(trajectory(), MEMBERS, [b1], adoptions, [], [], History(), TODAY)
    assert result.decisions[0].holders == ["Zaltbommel"] and result.decisions[0].rejected == ["Zaltbommel"]
    assert result.overdue == ["B1"] and result.level == "oranje"  # before its deadline, yet overdue
    assert "afgewezen door Zaltbommel" in explain(result, "nl")[0]


def test_a_regional_rejection_keeps_the_decision_open_and_overdue():
    b1 = decision(1, date(2026, 12, 15), by="regio")
    rejected = Adoption(decision_id=1, municipality_id=None, outcome="afgewezen", on_date=TODAY, recorded_by="U_C")
    result = forecast(trajectory(), MEMBERS, [b1], {1: [rejected]}, [], [], History(), TODAY)
    assert result.overdue == ["B1"] and result.level == "oranje"
    assert "(afgewezen door regio: herzien voorstel nodig)" in explain(result, "nl")[0]


def test_open_input_blocks_its_decision_until_expected_arrival():
    b1 = decision(1, date(2026, 12, 1))
    request = InputRequest(id=1, team_id="T", ref="I1", trajectory_id=1, question="Q", stakeholder_name="Wethouder X",
                           role="wethouder", deadline=date(2026, 12, 10), decision_id=1, requested_by="U_C")
    history = History(stakeholder={"wethouder x": 5})
    result = forecast(trajectory(), MEMBERS, [b1], {}, [request], [], history, TODAY)
    assert result.decisions[0].expected == date(2026, 12, 15)
    assert "I1 van Wethouder X (gemiddeld 5 dagen te laat) verwacht 15 dec 2026 → B1 niet vóór 15 dec 2026" in \
        explain(result, "nl")[0]


def test_tasks_after_a_decision_shift_with_its_slip_and_can_set_ready():
    b1 = decision(1, date(2026, 12, 1))
    task = Task(id=1, team_id="T", ref="T1", trajectory_id=1, title="Codes", owner_name="Kees",
                deadline=date(2027, 3, 1), after_decision_id=1, created_by="U_C")
    result = forecast(trajectory(lead_weeks=4), MEMBERS, [b1], {}, [], [task], History(municipality={3: 10}), TODAY)
    assert result.decisions[0].expected == date(2026, 12, 11)
    assert result.tasks[0].expected == date(2027, 3, 11)
    assert result.ready == date(2027, 3, 11) and result.last_task.task.ref == "T1"
    assert any(step.startswith("T1 is daarna pas klaar") for step in explain(result, "nl"))


def test_levels_and_configurable_thresholds():
    on_track = decision(1, date(2026, 12, 1), taken_on=date(2026, 11, 20))
    far = trajectory(contract_end=date(2027, 6, 30))
    assert forecast(far, MEMBERS, [on_track], {}, [], [], History(), TODAY).level == "groen"
    tight = trajectory(contract_end=date(2027, 2, 19))  # ready 12 Feb (20 Nov + 12 weeks), go-live 20 Feb
    result = forecast(tight, MEMBERS, [on_track], {}, [], [], History(), TODAY)
    assert (result.buffer_days, result.level) == (8, "oranje")
    assert forecast(tight, MEMBERS, [on_track], {}, [], [], History(), TODAY, Thresholds(green_days=7)).level == "groen"
    soon = trajectory(contract_end=TODAY + timedelta(days=25), lead_weeks=1)
    pending = decision(2, TODAY + timedelta(days=2))
    result = forecast(soon, MEMBERS, [pending], {}, [], [], History(), TODAY)
    assert result.buffer_days >= 14 and result.level == "rood" and "risk_reason_contract_near" in result.reasons
    overdue_task = Task(id=1, team_id="T", ref="T1", trajectory_id=1, title="x", owner_name="K",
                        deadline=TODAY - timedelta(days=1), created_by="U_C")
    assert forecast(far, MEMBERS, [on_track], {}, [], [overdue_task], History(), TODAY).level == "oranje"


def test_risk_reply_names_who_must_move_in_english():
    b3 = decision(3, date(2027, 1, 2))
    result = forecast(trajectory(), MEMBERS, [b3], {}, [], [], History(municipality={3: 12}), TODAY)
    text = "\n".join(risk_reply(result, Thresholds(), "en").lines)
    assert "Continuity risk Jeugd 2027: 🔴 red* (7 days late)" in text
    assert "Zaltbommel adopts decisions 12 days after the deadline on average → B3 expected 14 Jan 2027" in text
    assert "still with Tiel, Buren, Zaltbommel" in text
