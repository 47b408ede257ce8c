"""Upgrading keeps what people typed: text stored in Slack's escaped form before (`B&amp;W`) reads
as typed after migration 0011 (`B&W`), real mentions stay mentions, and text that only looked like
one stays harmless."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from domain.text_input import INERT, to_plain
from store.db import MIGRATIONS, make_engine
from views.slack_text import neutralise


def _upgrade(engine, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def test_escaped_titles_read_as_typed_after_the_upgrade(empty_database_url):
    engine = make_engine(empty_database_url, pool_size=1)
    _upgrade(engine, "0006")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO region (id, team_id, name) VALUES (1, 'T1', 'Kaag &amp; Braassem e.o.')"))
        connection.execute(text(
            "INSERT INTO trajectory (id, team_id, channel_id, title, region_id, domain, contract_end, go_live, "
            "lead_weeks, coordinator_id, risk_changes, created_at) VALUES (1, 'T1', 'C1', 'Jeugd &amp; Wmo', 1, "
            "'jeugd', '2027-03-31', '2027-04-01', 12, 'U1', 0, '2026-11-24 09:00:00')"))
        connection.execute(text(
            "INSERT INTO decision (id, team_id, ref, trajectory_id, title, deadline, decided_by, created_by, "
            "postponements, created_at) VALUES (1, 'T1', 'B1', 1, :title, '2026-12-15', 'college', 'U1', 0, "
            "'2026-11-24 09:00:00')"),
            {"title": "Besluit B&amp;W &lt;concept&gt; met <@U0ANNE|anne> en &lt;@U0BAAS&gt;"})
        connection.execute(text(
            "INSERT INTO auditlog (id, team_id, trajectory_id, at, actor, action, item, new_value) VALUES "
            "(1, 'T1', 1, '2026-11-24 09:00:00', 'U1', 'besluit aangemaakt', 'B1', 'Tiel &amp; Buren')"))
    _upgrade(engine, "head")
    with engine.connect() as connection:
        title = connection.execute(text("SELECT title FROM decision")).scalar_one()
        assert connection.execute(text("SELECT name FROM region")).scalar_one() == "Kaag & Braassem e.o."
        assert connection.execute(text("SELECT title FROM trajectory")).scalar_one() == "Jeugd & Wmo"
        assert connection.execute(text("SELECT new_value FROM auditlog")).scalar_one() == "Tiel & Buren"
    engine.dispose()
    assert title == f"Besluit B&W <concept> met <@U0ANNE|anne> en <{INERT}@U0BAAS>"
    assert to_plain(title) == "Besluit B&W <concept> met @anne en <@U0BAAS>"
    assert "<@U0ANNE|anne>" in neutralise(title) and "<@U0BAAS>" not in neutralise(title)
