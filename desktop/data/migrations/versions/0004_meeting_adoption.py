"""meeting adoption and amendments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Adopted minutes carry the moment of adoption and a content fingerprint; a
correction after adoption is kept as a recorded amendment. Meetings already in
the book keep their state; their fingerprint starts empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("adopted_at", sa.String(length=32), nullable=True))
        batch.add_column(
            sa.Column("content_hash", sa.String(length=64), nullable=False, server_default="")
        )
    op.create_table(
        "meeting_amendment",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("made_at", sa.String(length=32), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("hash_before", sa.String(length=64), nullable=False),
        sa.Column("hash_after", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_on", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_meeting_amendment_meeting_id_meeting"
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisation.id"], name="fk_meeting_amendment_org_id_organisation"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_amendment"),
    )
    with op.batch_alter_table("meeting_amendment") as batch:
        batch.create_index("ix_meeting_amendment_change_seq", ["change_seq"])
        batch.create_index("ix_meeting_amendment_meeting_id", ["meeting_id"])
        batch.create_index("ix_meeting_amendment_org_id", ["org_id"])
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    op.drop_table("meeting_amendment")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("content_hash")
        batch.drop_column("adopted_at")
    op.execute("PRAGMA user_version = 3")
