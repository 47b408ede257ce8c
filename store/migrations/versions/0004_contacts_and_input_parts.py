"""A region's contacts, and one part per recipient of every input request (existing requests get
the part of their one stakeholder).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table("inputrequest") as batch_op:
        batch_op.add_column(sa.Column("requested_by_name", S(), nullable=True))
        batch_op.add_column(sa.Column("group_name", S(), nullable=True))
    with op.batch_alter_table("trajectory") as batch_op:
        batch_op.add_column(sa.Column("coordinator_name", S(), nullable=True))
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", S(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("name", S(), nullable=False),
        sa.Column("role", S(), nullable=False),
        sa.Column("municipality_id", sa.Integer(), nullable=True),
        sa.Column("organisation", S(), nullable=True),
        sa.Column("email", S(), nullable=True),
        sa.Column("slack_user", S(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"]),
        sa.ForeignKeyConstraint(["municipality_id"], ["municipality.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("region_id", "name"),
    )
    op.create_index("ix_contact_team_id", "contact", ["team_id"])
    op.create_index("ix_contact_region_id", "contact", ["region_id"])
    op.create_table(
        "inputpart",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("slack_user", S(), nullable=True),
        sa.Column("name", S(), nullable=False),
        sa.Column("stakeholder_key", S(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("declined", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("answered_via", S(), nullable=True),
        sa.Column("token_hash", S(), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["inputrequest.id"]),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_inputpart_request_id", "inputpart", ["request_id"])
    op.create_index("ix_inputpart_stakeholder", "inputpart", ["stakeholder_key", "received_on"])
    op.execute(
        "INSERT INTO inputpart (request_id, slack_user, name, stakeholder_key, received_on, declined, answered_via) "
        "SELECT id, stakeholder_user, stakeholder_name, COALESCE(stakeholder_user, LOWER(TRIM(stakeholder_name))), "
        "received_on, false, CASE WHEN received_on IS NULL THEN NULL ELSE 'handmatig' END FROM inputrequest")


def downgrade() -> None:
    op.drop_index("ix_inputpart_stakeholder", "inputpart")
    op.drop_index("ix_inputpart_request_id", "inputpart")
    op.drop_table("inputpart")
    op.drop_index("ix_contact_region_id", "contact")
    op.drop_index("ix_contact_team_id", "contact")
    op.drop_table("contact")
    with op.batch_alter_table("trajectory") as batch_op:
        batch_op.drop_column("coordinator_name")
    with op.batch_alter_table("inputrequest") as batch_op:
        batch_op.drop_column("group_name")
        batch_op.drop_column("requested_by_name")
