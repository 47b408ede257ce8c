"""Observed lateness from history, computed by the database (SQLite and PostgreSQL alike)."""
from __future__ import annotations

from store import queries
from store.models import Municipality


def test_municipality_and_stakeholder_lateness(trajectory, clock):
    coord = "U_ADMIN"
    clock.set("2026-09-01 10:00")
    trajectory.say("besluit Oud deadline: 10 september", user=coord)
    trajectory.say("input Eerder van: <@U_JAN|jan> rol: beleid deadline: 5 september", user=coord)
    trajectory.say("input Ook eerder van: Wethouder Vis rol: wethouder deadline: 5 september", user=coord)
    clock.set("2026-09-30 10:00")
    trajectory.say("vastgesteld B1 gemeenten: Tiel op: 8 september", user=coord)        # early: 0
    trajectory.say("vastgesteld B1 gemeenten: Zaltbommel op: 22 september", user=coord)  # 12 late
    trajectory.say("ontvangen I1", user="U_JAN")                                          # 25 late
    trajectory.say("ontvangen I2", user=coord)                                            # 25 late
    clock.set("2026-10-01 10:00")
    trajectory.say("input Nieuw van: <@U_JAN|jan> rol: beleid deadline: 10 oktober", user=coord)
    trajectory.say("input Nieuw van: wethouder vis  rol: wethouder deadline: 10 oktober", user=coord)
    with trajectory.session() as session:
        ids = {m.name: m.id for m in session.query(Municipality)}
        assert queries.municipality_lateness(session, list(ids.values())) == {ids["Tiel"]: 0, ids["Zaltbommel"]: 12}
        assert queries.stakeholder_lateness(session, "T1", {"U_JAN", "wethouder vis"}) == {"U_JAN": 25, "wethouder vis": 25}
        # A job reads the whole team's history at once: the same figures.
        municipalities, stakeholders = queries.team_lateness(session, "T1")
        assert municipalities == {ids["Tiel"]: 0, ids["Zaltbommel"]: 12}
        assert stakeholders == {"U_JAN": 25, "wethouder vis": 25}
