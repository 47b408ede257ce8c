"""Meeting calendars of the deciding bodies, and the contracts (percelen) of a trajectory.

Revision ID: 0010
Revises: 0007
Create Date: 2026-11-30
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString
MOMENT = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "bodycalendar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", S(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("scope", S(), nullable=False),
        sa.Column("body", S(), nullable=False),
        sa.Column("dates", sa.Text(), nullable=False),
        sa.Column("feed_url", sa.Text(), nullable=True),
        sa.Column("read_on", sa.Date(), nullable=True),
        sa.Column("checked_on", sa.Date(), nullable=True),
        sa.Column("failing_since", sa.Date(), nullable=True),
        sa.Column("failure_told", sa.Boolean(), nullable=False),
        sa.Column("updated_by", S(), nullable=False),
        sa.Column("updated_at", MOMENT(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"]),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region_id", "scope", "body"),
    )
    op.create_index(op.f("ix_bodycalendar_region_id"), "bodycalendar", ["region_id"], unique=False)
    op.create_table(
        "trajectorycontract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", S(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("option_count", sa.Integer(), nullable=False),
        sa.Column("option_months", sa.Integer(), nullable=False),
        sa.Column("extensions", sa.Text(), nullable=False),
        sa.Column("transition_until", sa.Date(), nullable=True),
        sa.Column("providers", sa.Text(), nullable=False),
        sa.Column("created_by", S(), nullable=False),
        sa.Column("created_at", MOMENT(), nullable=False),
        sa.ForeignKeyConstraint(["trajectory_id"], ["trajectory.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("trajectory_id", "name"),
    )
    op.create_index(op.f("ix_trajectorycontract_trajectory_id"), "trajectorycontract", ["trajectory_id"], unique=False)
    with op.batch_alter_table("decision") as batch_op:
        batch_op.add_column(sa.Column("contract_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_decision_contract_id", "trajectorycontract", ["contract_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("decision") as batch_op:
        batch_op.drop_constraint("fk_decision_contract_id", type_="foreignkey")
        batch_op.drop_column("contract_id")
    op.drop_index(op.f("ix_trajectorycontract_trajectory_id"), table_name="trajectorycontract")
    op.drop_table("trajectorycontract")
    op.drop_index(op.f("ix_bodycalendar_region_id"), table_name="bodycalendar")
    op.drop_table("bodycalendar")
