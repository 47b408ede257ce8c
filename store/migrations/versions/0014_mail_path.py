"""The mail path: the answer page counts tries per link in the database (every process sees them,
and they expire), and a trajectory keeps its coordinator's e-mail address for Reply-To.

Revision ID: 0014
Revises: 0011
Create Date: 2026-11-30
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString
MOMENT = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "answertry",
        sa.Column("link", S(), nullable=False),
        sa.Column("window_start", MOMENT(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("link"),
    )
    op.create_index(op.f("ix_answertry_window_start"), "answertry", ["window_start"], unique=False)
    with op.batch_alter_table("trajectory") as batch_op:
        batch_op.add_column(sa.Column("coordinator_email", S(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("trajectory") as batch_op:
        batch_op.drop_column("coordinator_email")
    op.drop_index(op.f("ix_answertry_window_start"), table_name="answertry")
    op.drop_table("answertry")
