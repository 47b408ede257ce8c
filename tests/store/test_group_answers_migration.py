"""Upgrading to 0012 keeps earlier answers amendable without losing a channel post: a part answered
before holds one answer (an amendment's post gets its own key), and every part asked of a
registered contact knows the municipality or organisation it was asked of."""
from __future__ import annotations

from sqlalchemy import text

from store.db import make_engine
from tests.store.test_text_as_typed_migration import _upgrade


def test_parts_asked_before_know_where_and_how_many_answers_they_hold(empty_database_url):
    engine = make_engine(empty_database_url, pool_size=1)
    _upgrade(engine, "0011")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO region (id, team_id, name) VALUES (1, 'T1', 'Holland Rijnland')"))
        connection.execute(text("INSERT INTO municipality (id, region_id, name) VALUES (1, 1, 'Teylingen')"))
        connection.execute(text(
            "INSERT INTO trajectory (id, team_id, channel_id, title, region_id, domain, contract_end, go_live, "
            "lead_weeks, coordinator_id, risk_changes, created_at) VALUES (1, 'T1', 'C1', 'Jeugd', 1, "
            "'jeugd', '2027-03-31', '2027-04-01', 12, 'U1', 0, '2026-11-24 09:00:00')"))
        connection.execute(text(
            "INSERT INTO inputrequest (id, team_id, ref, trajectory_id, question, stakeholder_name, role, deadline, "
            "requested_by, postponements, created_at) VALUES (1, 'T1', 'I1', 1, 'Standpunt', 'wethouders', "
            "'wethouder', '2026-12-11', 'U1', 0, '2026-11-24 09:00:00')"))
        for contact_id, name, municipality, organisation in ((1, "Dorine van Dijk", 1, None), (2, "Zorg 1", None, "Zorg 1 BV")):
            connection.execute(text(
                "INSERT INTO contact (id, team_id, region_id, name, role, municipality_id, organisation, created_at) "
                "VALUES (:id, 'T1', 1, :name, 'wethouder', :municipality, :organisation, '2026-11-24 09:00:00')"),
                {"id": contact_id, "name": name, "municipality": municipality, "organisation": organisation})
        for part_id, contact_id, received in ((1, 1, "2026-11-25"), (2, 2, None), (3, None, None)):
            connection.execute(text(
                "INSERT INTO inputpart (id, request_id, contact_id, name, stakeholder_key, received_on, declined) "
                "VALUES (:id, 1, :contact, :name, :name, :received, false)"),
                {"id": part_id, "contact": contact_id, "name": f"ontvanger {part_id}", "received": received})
    _upgrade(engine, "head")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, affiliation, version FROM inputpart ORDER BY id")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [(1, "Teylingen", 1), (2, "Zorg 1 BV", 0), (3, None, 0)]
