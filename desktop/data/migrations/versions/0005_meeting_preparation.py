"""meeting preparation checklist

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

A meeting carries its preparation checklist (the committee has met, the notice
and the documents went out, the draft resolution is ready), the thematic topic
chosen from the topic library, and a note. Meetings already in the book start
with the checklist unticked.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_CHECKS = ("committee_met", "notice_sent", "documents_sent", "draft_ready")


def upgrade() -> None:
    # Plain ADD COLUMN: the meeting table is never rebuilt, so rows of other
    # tables that point at meetings stay as they are.
    for name in _CHECKS:
        op.add_column("meeting", sa.Column(name, sa.Boolean(), nullable=False, server_default="0"))
    op.add_column(
        "meeting", sa.Column("topic_id", sa.String(length=64), nullable=False, server_default="")
    )
    op.add_column(
        "meeting", sa.Column("prepared_note", sa.Text(), nullable=False, server_default="")
    )
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("prepared_note")
        batch.drop_column("topic_id")
        for name in reversed(_CHECKS):
            batch.drop_column(name)
    op.execute("PRAGMA user_version = 4")
