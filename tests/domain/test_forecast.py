"""The continuity forecast on constructed histories. The table's dates are computed by hand from
PRODUCT.md "Continuity risk"; today is Wednesday 25 November 2026."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from domain.forecast import History, Thresholds, forecast
from reports.risk import explain, risk_reply
from views.text import reply_to_text
from store.models import Adoption, Decision, InputRequest, Municipality, Task, Trajectory

TODAY = date(2026, 11, 25)
MEMBERS = [Municipality(id=i, region_id=1, name=n) for i, n in enumerate(["Tiel", "Buren", "Zaltbommel"], 1)]
TIEL, BUREN, ZALTBOMMEL = 1, 2, 3
D = date.fromisoformat


def trajectory(contract_end="2027-03-31", lead_weeks=12, go_live=None):
    end = D(contract_end)
    return Trajectory(id=1, team_id="T", channel_id="C", title="Jeugd 2027", region_id=1, contract_end=end,
                      go_live=D(go_live) if go_live else end + timedelta(days=1), lead_weeks=lead_weeks,
                      coordinator_id="U_C")


def decision(id, deadline, by="college", taken_on=None):
    return Decision(id=id, team_id="T", ref=f"B{id}", trajectory_id=1, title=f"Besluit {id}", deadline=D(deadline),
                    decided_by=by, created_by="U_C", taken_on=D(taken_on) if taken_on else None)


def adopted(decision_id, municipality_id, on, outcome="vastgesteld", reason=None):
    return Adoption(decision_id=decision_id, municipality_id=municipality_id, outcome=outcome, on_date=D(on),
                    reason=reason, recorded_by="U_C")


def request(id, deadline, decision_id=None, who="Wethouder X"):
    return InputRequest(id=id, team_id="T", ref=f"I{id}", trajectory_id=1, question="Q", stakeholder_name=who,
                        role="wethouder", deadline=D(deadline), decision_id=decision_id, requested_by="U_C")


def task(id, deadline, after=None):
    return Task(id=id, team_id="T", ref=f"T{id}", trajectory_id=1, title=f"Taak {id}", owner_name="Kees",
                deadline=D(deadline), after_decision_id=after, created_by="U_C")


@dataclass
class Scenario:
    name: str
    trajectory: Trajectory
    decisions: list = field(default_factory=list)
    adoptions: list = field(default_factory=list)
    inputs: list = field(default_factory=list)
    tasks: list = field(default_factory=list)
    history: History = field(default_factory=History)

    def run(self):
        by_decision = {}
        for adoption in self.adoptions:
            by_decision.setdefault(adoption.decision_id, []).append(adoption)
        return forecast(self.trajectory, MEMBERS, self.decisions, by_decision, self.inputs, self.tasks, self.history,
                        TODAY)


# scenario -> expected ready, buffer (go-live − ready), level, overdue references
TABLE = [
    (Scenario("new trajectory, no decisions: implementation all ahead", trajectory()),
     "2027-02-17", 43, "groen", []),
    (Scenario("no decisions and contracts end in 10 days", trajectory(contract_end="2026-12-05")),
     "2027-02-17", -73, "rood", []),
    (Scenario("all decisions taken: implementation from the last one", trajectory(),
              [decision(1, "2026-11-20", taken_on="2026-11-18")]),
     "2027-02-10", 50, "groen", []),
    (Scenario("one decision pending, on time, no history", trajectory(lead_weeks=8), [decision(1, "2027-01-08")]),
     "2027-03-05", 27, "groen", []),
    (Scenario("buffer under 14 days", trajectory(lead_weeks=11), [decision(1, "2027-01-08")]),
     "2027-03-26", 6, "oranje", []),
    (Scenario("the slowest municipality still to adopt sets the date", trajectory(), [decision(1, "2027-01-02")],
              [adopted(1, TIEL, "2026-11-20")], history=History(municipality={TIEL: 30, BUREN: 2, ZALTBOMMEL: 12})),
     "2027-04-08", -7, "rood", []),
    (Scenario("one municipality rejected before the deadline: not overdue, a cycle later", trajectory(lead_weeks=8),
              [decision(1, "2026-12-15")],
              [adopted(1, TIEL, "2026-11-20"), adopted(1, BUREN, "2026-11-20"),
               adopted(1, ZALTBOMMEL, "2026-11-23", "afgewezen", "tarief te hoog")]),
     "2027-02-15", 45, "groen", []),
    (Scenario("the region rejected a regional decision: not overdue, a cycle later", trajectory(lead_weeks=8),
              [decision(1, "2026-12-15", "regio")], [adopted(1, None, "2026-11-24", "afgewezen")]),
     "2027-02-16", 44, "groen", []),
    (Scenario("decision past its deadline is expected from today", trajectory(lead_weeks=8),
              [decision(1, "2026-11-01")], history=History(municipality={BUREN: 3})),
     "2027-01-25", 66, "oranje", ["B1"]),  # today + 3 is Saturday 28 Nov: Monday 30 Nov, + 8 weeks
    (Scenario("blocked by overdue input from a late stakeholder", trajectory(lead_weeks=8),
              [decision(1, "2026-12-01")], inputs=[request(1, "2026-11-20", decision_id=1)],
              history=History(stakeholder={"wethouder x": 10})),
     "2027-02-01", 59, "oranje", ["I1"]),  # today + 10 is Saturday 5 Dec: Monday 7 Dec, + 8 weeks
    (Scenario("blocked by open input that is expected after the decision's deadline", trajectory(),
              [decision(1, "2026-12-01")], inputs=[request(1, "2026-12-10", decision_id=1)],
              history=History(stakeholder={"wethouder x": 5})),
     "2027-03-09", 23, "groen", []),
    (Scenario("a task after a decision shifts with its slip and sets ready", trajectory(lead_weeks=4),
              [decision(1, "2026-12-01")], tasks=[task(1, "2027-03-01", after=1)],
              history=History(municipality={ZALTBOMMEL: 10})),
     "2027-03-11", 21, "groen", []),
    (Scenario("an overdue task, decisions all taken", trajectory(), [decision(1, "2026-11-20", taken_on="2026-11-18")],
              tasks=[task(1, "2026-11-20")]),
     "2027-02-10", 50, "oranje", ["T1"]),
    (Scenario("contracts end within 30 days while a decision is pending", trajectory(contract_end="2026-12-20",
                                                                                      lead_weeks=1),
              [decision(1, "2026-11-27")]),
     "2026-12-04", 17, "rood", []),
    (Scenario("contracts end within 30 days, every decision taken", trajectory(contract_end="2026-12-20", lead_weeks=2),
              [decision(1, "2026-11-01", taken_on="2026-11-01")]),
     "2026-11-16", 35, "groen", []),  # taken on a Sunday, + 2 weeks is a Sunday: ready the Monday
    (Scenario("go-live set later than the contract end", trajectory(go_live="2027-05-01"), [decision(1, "2027-01-08")]),
     "2027-04-02", 29, "groen", []),
    (Scenario("two pending decisions: the later one starts implementation", trajectory(lead_weeks=8),
              [decision(1, "2026-12-10"), decision(2, "2027-01-15")]),
     "2027-03-12", 20, "groen", []),
]


@pytest.mark.parametrize("scenario,ready,buffer,level,overdue", TABLE, ids=[row[0].name for row in TABLE])
def test_forecast_scenario(scenario, ready, buffer, level, overdue):
    result = scenario.run()
    assert (result.ready.isoformat(), result.buffer_days, result.level, result.overdue) == (ready, buffer, level, overdue)


def test_never_ready_today_while_work_remains():
    for scenario, *_ in TABLE:
        result = scenario.run()
        if result.pending or result.tasks or not scenario.decisions:
            assert result.ready > TODAY, scenario.name


def test_explanation_step_by_step():
    result = TABLE[5][0].run()
    steps = explain(result, "nl")
    assert steps[0] == "Zaltbommel stelt besluiten gemiddeld 12 dagen na de deadline vast → B1 verwacht do 14 jan 2027"
    assert steps[1] == "na B1: 12 weken implementatie → klaar do 8 apr 2027"
    assert steps[-1].endswith("contracten eindigen wo 31 mrt 2027, start do 1 apr 2027: 7 dagen te laat")


def test_explanation_of_a_trajectory_without_decisions():
    steps = explain(TABLE[0][0].run(), "nl")
    assert steps[0] == ("nog geen besluiten: de implementatie (12 weken) begint pas na het laatste besluit → "
                        "klaar op zijn vroegst wo 17 feb 2027")


def test_a_rejection_is_explained_with_who_when_and_why():
    result = TABLE[6][0].run()
    assert result.decisions[0].holders == ["Zaltbommel"]
    assert explain(result, "nl")[0] == (
        "Zaltbommel wees B1 af op ma 23 nov 2026 (tarief te hoog): een herzien voorstel is op zijn vroegst een "
        "besluitcyclus (28 dagen) later vastgesteld → B1 verwacht ma 21 dec 2026")
    text = reply_to_text(risk_reply(result, Thresholds(), "nl"))
    assert "Te laat" not in text
    assert "• B1 Besluit 1 · afgewezen door Zaltbommel op ma 23 nov 2026 (tarief te hoog) · herzien voorstel nodig" in text


def test_input_blocking_a_decision_is_explained():
    steps = explain(TABLE[10][0].run(), "nl")
    assert steps[0] == ("B1 wacht op I1 van Wethouder X (gemiddeld 5 dagen te laat): verwacht di 15 dec 2026 → B1 niet "
                        "vóór di 15 dec 2026 · ⚠️ deadline I1 (do 10 dec 2026) valt na die van B1 (di 1 dec 2026)")


def test_configurable_thresholds():
    scenario = TABLE[4][0]  # buffer 6 days
    by_decision: dict = {}
    assert forecast(scenario.trajectory, MEMBERS, scenario.decisions, by_decision, [], [], History(), TODAY,
                    Thresholds(green_days=5)).level == "groen"
    near = TABLE[13][0]  # contracts end in 25 days with a decision pending
    assert forecast(near.trajectory, MEMBERS, near.decisions, {}, [], [], History(), TODAY,
                    Thresholds(red_contract_days=20)).level == "groen"


def test_risk_reply_names_who_must_move_in_english():
    result = TABLE[5][0].run()
    text = reply_to_text(risk_reply(result, Thresholds(), "en"), "en")
    assert "Continuity risk Jeugd 2027: 🔴 red (7 days late)" in text
    assert "Zaltbommel adopts decisions 12 days after the deadline on average → B1 expected Thu 14 Jan 2027" in text
    assert "still with Buren, Zaltbommel" in text
