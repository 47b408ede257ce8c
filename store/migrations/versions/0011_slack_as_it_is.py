"""Slack as it really is.

- Text is stored as people typed it (`B&W`, `Tiel & Buren`), no longer in Slack's escaped form
  (`B&amp;W`): lengths, names, CSVs, mails and forms read it as typed. Real mentions stay in
  Slack's form; text that only looks like one gets an invisible word joiner after its `<`.
- An outbox row names the trajectory it is about, so the coordinator who must fix a refused
  message (the bot not in the channel, a person gone) can be told.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26
"""
import re

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The text people typed, by table: what a slash command, a form or the answer page stored.
TYPED = {"region": ("name",), "trajectory": ("title",), "decision": ("title",), "adoption": ("reason",),
         "inputrequest": ("question", "stakeholder_name"), "inputpart": ("name",), "contact": ("name", "organisation"),
         "task": ("title", "owner_name"), "urgentcase": ("description", "note"),
         "trajectorycontract": ("name",),
         "auditlog": ("item", "old_value", "new_value")}

# As domain/text_input.py read them when this migration was written (kept here: a migration does not change).
_ANGLED = re.compile(r"<([^<>]*)>")
_KEPT = re.compile(r"(?:@[UW][A-Z0-9_]+|#[CGD][A-Z0-9_]+)(?:\|[^<>|]*)?|!.*", re.DOTALL)
_INERT = "\u2060"


def _link_words(inner: str) -> str:
    target, _, label = inner.partition("|")
    if not label or label == target or target.split(":", 1)[-1].lstrip("/") == label:
        return label or target
    return f"{label} ({target})"


def _typed_run(escaped: str) -> str:
    text = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"<(?=[@#!])", "<" + _INERT, text)


def as_typed(escaped: str) -> str:
    out, at = [], 0
    for match in _ANGLED.finditer(escaped):
        out.append(_typed_run(escaped[at:match.start()]))
        inner = match.group(1)
        out.append(match.group(0) if _KEPT.fullmatch(inner) else _typed_run(_link_words(inner)))
        at = match.end()
    out.append(_typed_run(escaped[at:]))
    return "".join(out)


def as_escaped(typed: str) -> str:
    out, at = [], 0
    for match in _ANGLED.finditer(typed):
        out.append(typed[at:match.start()].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        kept = _KEPT.fullmatch(match.group(1))
        out.append(match.group(0) if kept else match.group(0).replace("&", "&amp;").replace("<", "&lt;")
                   .replace(">", "&gt;"))
        at = match.end()
    out.append(typed[at:].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(out).replace("&lt;" + _INERT, "&lt;")


def _convert(change) -> None:
    connection = op.get_bind()
    for name, columns in TYPED.items():
        table = sa.table(name, sa.column("id"), *(sa.column(c) for c in columns))
        for column in columns:
            col = table.c[column]
            rows = connection.execute(sa.select(table.c.id, col).where(sa.or_(col.contains("&"), col.contains("<"))))
            for row_id, value in rows.all():
                new = change(value)
                if new != value:
                    connection.execute(sa.update(table).where(table.c.id == row_id).values({column: new}))


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("trajectory_id", sa.Integer(), nullable=True))
    _convert(as_typed)


def downgrade() -> None:
    _convert(as_escaped)
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("trajectory_id")
