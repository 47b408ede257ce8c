"""Risk level changes, last digest time, and indexes for the digest and the lateness history.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("trajectory") as batch_op:
        batch_op.add_column(sa.Column("risk_changes", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_digest_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    with op.batch_alter_table("auditlog") as batch_op:
        batch_op.drop_index("ix_auditlog_trajectory_id")
        batch_op.drop_index("ix_auditlog_at")
        batch_op.create_index("ix_auditlog_trajectory_at", ["trajectory_id", "at"])
    # Covering indexes: the lateness history is read from the index alone.
    op.create_index("ix_adoption_municipality", "adoption", ["municipality_id", "outcome", "decision_id", "on_date"])
    op.create_index("ix_inputrequest_stakeholder", "inputrequest", ["team_id", "stakeholder_user", "received_on",
                                                                    "deadline"])


def downgrade() -> None:
    op.drop_index("ix_inputrequest_stakeholder", "inputrequest")
    op.drop_index("ix_adoption_municipality", "adoption")
    with op.batch_alter_table("auditlog") as batch_op:
        batch_op.drop_index("ix_auditlog_trajectory_at")
        batch_op.create_index("ix_auditlog_at", ["at"])
        batch_op.create_index("ix_auditlog_trajectory_id", ["trajectory_id"])
    with op.batch_alter_table("trajectory") as batch_op:
        batch_op.drop_column("last_digest_at")
        batch_op.drop_column("risk_changes")
