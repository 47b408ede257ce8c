"""The migrations build exactly the tables the models describe: a column added to a model without
its migration would work in the tests' fresh databases and fail on every upgraded one."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import store.models  # noqa: F401 - the tables
from store.db import make_engine, migrate


def _ours(difference) -> bool:
    """slack_sdk keeps its installation tables itself (migration 0006 creates them)."""
    table = difference[1] if not isinstance(difference, list) else difference[0][2]
    name = getattr(table, "name", None) or getattr(getattr(table, "table", None), "name", "") or str(table)
    return not str(name).startswith("slack_")


def test_migrated_schema_equals_the_models(empty_database_url):
    engine = make_engine(empty_database_url, pool_size=1)
    migrate(engine)
    with engine.connect() as connection:
        differences = [d for d in compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) if _ours(d)]
    engine.dispose()
    assert differences == []
