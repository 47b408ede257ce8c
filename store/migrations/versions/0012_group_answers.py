"""Group requests as a working tool: each recipient's part keeps its newest answer (with when it
came and how many were stored, so two answers through one link cannot both count), and the
municipality or organisation it was asked of, which outlives a removed contact.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString
MOMENT = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table("inputpart") as batch_op:
        batch_op.add_column(sa.Column("affiliation", S(), nullable=True))
        batch_op.add_column(sa.Column("answer", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("answered_at", MOMENT(), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
    # A part answered before this revision holds one answer (its channel post has the first answer's key).
    op.execute("UPDATE inputpart SET version = 1 WHERE received_on IS NOT NULL")
    # Parts asked before this revision: where their contact works, while the contact is still there.
    op.execute("UPDATE inputpart SET affiliation = (SELECT COALESCE(municipality.name, contact.organisation) "
               "FROM contact LEFT JOIN municipality ON municipality.id = contact.municipality_id "
               "WHERE contact.id = inputpart.contact_id) WHERE contact_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("inputpart") as batch_op:
        for column in ("version", "answered_at", "answer", "affiliation"):
            batch_op.drop_column(column)
