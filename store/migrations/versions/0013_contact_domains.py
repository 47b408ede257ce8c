"""Contacts have a domain: jeugd, wmo or beide. Group requests and the chasing of adoptions use the
contacts whose domain fits the trajectory's; a contact registered before has no domain known and
stays `beide`, so it is asked and chased as before.

Revision ID: 0013
Revises: 0011
Create Date: 2026-11-30
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact") as batch_op:
        batch_op.add_column(sa.Column("domain", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default="beide"))


def downgrade() -> None:
    with op.batch_alter_table("contact") as batch_op:
        batch_op.drop_column("domain")
