"""meeting score answers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25

A meeting keeps the committee's answers to the scoring framework (criterion
id to answer, as JSON) next to the score and grade they gave. Meetings
already in the book start with no answers.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: the meeting table is never rebuilt.
    op.add_column(
        "meeting", sa.Column("score_answers", sa.Text(), nullable=False, server_default="{}")
    )
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("score_answers")
    op.execute("PRAGMA user_version = 5")
