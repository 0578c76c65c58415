"""withdrawn member events

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

A member event recorded by mistake is withdrawn (kept in the history, marked,
no longer counted) rather than deleted.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member_event") as batch:
        batch.add_column(sa.Column("withdrawn_at", sa.String(length=32), nullable=True))
        batch.add_column(
            sa.Column("withdrawn_by", sa.String(length=120), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("withdrawn_reason", sa.Text(), nullable=False, server_default="")
        )
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    with op.batch_alter_table("member_event") as batch:
        batch.drop_column("withdrawn_reason")
        batch.drop_column("withdrawn_by")
        batch.drop_column("withdrawn_at")
    op.execute("PRAGMA user_version = 2")
