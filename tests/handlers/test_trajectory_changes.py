"""`traject` where a trajectory runs: its settings, and the remedy recorded (contracts extended,
go-live moved, implementation shortened, a new title), each change audited with old, new and
reason, and the answer naming the risk before and after, as `status` says it."""
from __future__ import annotations

import pytest

from store.models import AuditLog, Trajectory

COORD = "U_ADMIN"  # the trajectory fixture's coordinator


def risk_line(bot) -> str:
    """`🔴 rood · 8 dagen te laat` as status shows it now."""
    line = next(line for line in bot.say("status", user="U_BEL").splitlines() if line.startswith("Risico:"))
    return line.removeprefix("Risico: ").split(" · verwacht klaar")[0]


def test_traject_alone_shows_the_settings_and_how_to_change_them(trajectory):
    text = trajectory.say("traject", user="U_BEL")
    assert "Jeugdhulp Rivierenland 2027 · regio Rivierenland (8 gemeenten) · domein jeugd" in text
    assert "Contracteinde wo 31 mrt 2027 · start do 1 apr 2027 · 12 weken implementatie · coördinator @U_ADMIN" in text
    assert "Risico: 🟢 groen" in text
    assert "/inkoop traject contracteinde: 31-3-2027 reden: contracten verlengd" in text
    assert "contract-end:" in trajectory.say("project", user="U_BEL")  # in English when typed in English


# (what is typed, the lines the answer names, the trajectory's columns after)
CHANGES = [
    ("traject contracteinde: 30-6-2027 reden: contracten drie maanden verlengd",
     ["contracteinde: wo 31 mrt 2027 → wo 30 jun 2027",
      "start: do 1 apr 2027 → do 1 jul 2027 (de dag na het contracteinde, zoals het was)"],
     {"contract_end": "2027-06-30", "go_live": "2027-07-01"}),
    ("traject start: 1-6-2027 reden: livegang verschoven met de aanbieders",
     ["start: do 1 apr 2027 → di 1 jun 2027"], {"contract_end": "2027-03-31", "go_live": "2027-06-01"}),
    ("traject implementatie: 6 weken reden: implementatie ingekort, codes bestaan al",
     ["implementatie: 12 weken → 6 weken"], {"lead_weeks": 6}),
    ("traject contracteinde: 30-6-2027 start: 1-5-2027 reden: verlengd, start eerder",
     ["contracteinde: wo 31 mrt 2027 → wo 30 jun 2027", "start: do 1 apr 2027 → za 1 mei 2027"],
     {"contract_end": "2027-06-30", "go_live": "2027-05-01"}),
]


@pytest.mark.parametrize("line,named,columns", CHANGES)
def test_the_remedy_turns_red_green_and_the_answer_says_so_as_status_does(trajectory, line, named, columns):
    trajectory.say("besluit Inkoopstrategie deadline: 15-1-2027 door: college", user=COORD)
    before = risk_line(trajectory)
    assert before.startswith("🔴 rood")  # 15 Jan + 12 weeks is after go-live on 1 April
    text = trajectory.say(line, user=COORD)
    reason = line.split("reden: ")[1]
    assert f"Jeugdhulp Rivierenland 2027 bijgewerkt (reden: {reason}):" in text
    for change in named:
        assert f"• {change}" in text, text
    after = risk_line(trajectory)
    assert after.startswith("🟢 groen")
    assert f"Risico nu: {after} (was {before})" in text
    [row] = trajectory.all(Trajectory)
    for column, value in columns.items():
        assert str(getattr(row, column)) == str(value)
    audit = [a for a in trajectory.all(AuditLog) if a.action == "traject gewijzigd"]
    assert len(audit) == len(named) and all(a.new_value.endswith(f"({reason})") and a.old_value for a in audit)


def test_a_new_title_keeps_the_risk_and_is_audited(trajectory):
    text = trajectory.say("traject titel: Jeugdhulp Rivierenland 2027-2030 reden: looptijd in de titel", user=COORD)
    assert "• titel: Jeugdhulp Rivierenland 2027 → Jeugdhulp Rivierenland 2027-2030" in text
    assert "(onveranderd)" in text
    assert trajectory.all(Trajectory)[0].title == "Jeugdhulp Rivierenland 2027-2030"
    [audit] = [a for a in trajectory.all(AuditLog) if a.action == "traject gewijzigd"]
    assert (audit.field_name, audit.old_value, audit.new_value) == (
        "titel", "Jeugdhulp Rivierenland 2027", "Jeugdhulp Rivierenland 2027-2030 (looptijd in de titel)")


def test_a_go_live_after_contract_end_warns_of_the_gap(trajectory):
    text = trajectory.say("traject start: 1-5-2027 reden: later", user=COORD)
    assert "Tussen het contracteinde (wo 31 mrt 2027) en de start (za 1 mei 2027) zitten 30 dagen zonder contract." in text


@pytest.mark.parametrize("line,user,problem", [
    ("traject contracteinde: 30-6-2027 reden: verlengd", "U_BEL", "alleen de coördinator"),
    ("traject contracteinde: 30-6-2027", COORD, "Het veld reden: ontbreekt"),
    ("traject reden: verlengd", COORD, "Wat wil je wijzigen?"),
    ("traject contracteinde: 31-3-2027 reden: x", COORD, "Niets gewijzigd: contracteinde: staat al zo."),
    ("traject contracteinde: zsm reden: x", COORD, "zsm"),
    ("traject implementatie: 200 reden: x", COORD, "geen aantal weken"),
    ("traject domein: wmo reden: x", COORD, "domein: van een lopend traject verandert niet"),
    ("traject Jeugd 2028 regio: Rivierenland contracteinde: 1-1-2028", COORD, "één traject per kanaal"),
])
def test_a_wrong_change_is_refused_saying_why_and_nothing_changes(trajectory, line, user, problem):
    text = trajectory.say(line, user=user)
    assert problem.lower() in text.lower(), text
    assert "Zo werkt het:" in text or "coördinator" in text
    [row] = trajectory.all(Trajectory)
    assert (str(row.contract_end), row.lead_weeks, row.domain) == ("2027-03-31", 12, "jeugd")
    assert not [a for a in trajectory.all(AuditLog) if a.action == "traject gewijzigd"]
