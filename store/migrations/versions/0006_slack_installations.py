"""Workspaces installed through Slack's OAuth flow: Bolt's installation, bot and state tables; and
a channel's trajectory found from any workspace the channel is shared with.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The tables exactly as slack_sdk's SQLAlchemy stores read them (slack_sdk is pinned).
INSTALLATIONS, BOTS, STATES = "slack_installations", "slack_bots", "slack_oauth_states"


def _tables() -> sa.MetaData:
    metadata = sa.MetaData()
    SQLAlchemyInstallationStore.build_installations_table(metadata, INSTALLATIONS)
    SQLAlchemyInstallationStore.build_bots_table(metadata, BOTS)
    SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, STATES)
    return metadata


def upgrade() -> None:
    _tables().create_all(op.get_bind())
    op.create_index("ix_trajectory_channel", "trajectory", ["channel_id"])


def downgrade() -> None:
    op.drop_index("ix_trajectory_channel", table_name="trajectory")
    _tables().drop_all(op.get_bind())
