"""`status` and `risico` are remembered until the team's data changes: never a stale answer."""
from __future__ import annotations

from tests.conftest import TRAJECT

COORD = "U_ADMIN"


def test_status_follows_every_change_even_on_another_trajectory_of_the_region(trajectory, clock):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    trajectory.say(TRAJECT.replace("Jeugdhulp", "Wmo"), user=COORD, channel="C_WMO")
    trajectory.say("besluit Oud deadline: 1 december", user=COORD, channel="C_WMO")
    clock.set("2026-12-21 10:00")
    first = trajectory.say("status")
    assert first == trajectory.say("status")  # the same data: the same answer
    assert "B1 verwacht vr 15 jan 2027" in trajectory.say("risico")  # remembered now
    # The same day, the same channel and user: only the region's data changes.
    trajectory.say("vastgesteld B2 gemeenten: alle", user=COORD, channel="C_WMO")  # everyone 20 days late
    risk = trajectory.say("risico")
    assert "stelt besluiten gemiddeld 20 dagen na de deadline vast → B1 verwacht do 4 feb 2027" in risk
    trajectory.say("vastgesteld B1 gemeenten: Tiel", user=COORD)
    assert "1/8 vastgesteld" in trajectory.say("status")


def test_the_answer_follows_the_day_and_the_language(trajectory, clock):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    assert "Risico:" in trajectory.say("status", user="U_A")
    trajectory.say("taal en", user="U_B")
    assert "Risk:" in trajectory.say("status", user="U_B") and "Risico:" in trajectory.say("status", user="U_A")
    clock.set("2027-01-16 10:00")
    assert "te laat" in trajectory.say("status", user="U_A")
