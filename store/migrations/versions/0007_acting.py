"""Acting on what the bot shows: any item can be withdrawn (kept, with who and when); a task can be
owned by a registered contact or a registry role, and remembers when the coordinator was asked to
give it an owner; an urgent case keeps the note it was picked up or resolved with until it is purged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

S = sqlmodel.sql.sqltypes.AutoString
ITEMS = ("decision", "inputrequest", "task", "urgentcase")


def upgrade() -> None:
    for table in ITEMS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("withdrawn_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
            batch_op.add_column(sa.Column("withdrawn_by", S(), nullable=True))
    with op.batch_alter_table("task") as batch_op:
        batch_op.add_column(sa.Column("owner_contact_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner_role", S(), nullable=True))
        batch_op.add_column(sa.Column("unowned_step", S(), nullable=True))
        batch_op.create_foreign_key("fk_task_owner_contact_id", "contact", ["owner_contact_id"], ["id"],
                                    ondelete="SET NULL")
    with op.batch_alter_table("urgentcase") as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("urgentcase") as batch_op:
        batch_op.drop_column("note")
    with op.batch_alter_table("task") as batch_op:
        batch_op.drop_constraint("fk_task_owner_contact_id", type_="foreignkey")
        batch_op.drop_column("unowned_step")
        batch_op.drop_column("owner_role")
        batch_op.drop_column("owner_contact_id")
    for table in reversed(ITEMS):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("withdrawn_by")
            batch_op.drop_column("withdrawn_at")
