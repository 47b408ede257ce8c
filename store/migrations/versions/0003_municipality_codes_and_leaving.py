"""Municipalities carry their CBS code and may leave a region (their history stays); each team
has a data version that every audited change raises; the outbox counts claims.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("municipality") as batch_op:
        batch_op.add_column(sa.Column("cbs_code", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column("left_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("claims", sa.Integer(), nullable=False, server_default="0"))
    op.create_table("dataversion",
                    sa.Column("team_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
                    sa.Column("version", sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint("team_id"))


def downgrade() -> None:
    op.drop_table("dataversion")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("claims")
    with op.batch_alter_table("municipality") as batch_op:
        batch_op.drop_column("left_at")
        batch_op.drop_column("cbs_code")
