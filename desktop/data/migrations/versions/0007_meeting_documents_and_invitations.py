"""meeting documents, invitations and the confirmation of the score

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26

A meeting keeps the documents handed out to members (the file itself, in the
book). Guests carry their role (the superior committee member in charge, a
member of the commune's working group, another guest), whether they were
invited while the meeting was prepared (and on which day), whether the
invitation was sent, and whether they attended. The meeting records who
from the commune confirmed its score, and when.

Guests already in the book were added while the minutes were taken: they
attended, were not invited beforehand, and a superior delegate becomes the
superior member in charge. Meetings start with the score unconfirmed. None of
this changes the fingerprint of adopted minutes (desktop.services.adoption).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_GUEST_FLAGS = (("invited", "0"), ("invitation_sent", "0"), ("attended", "1"))


def upgrade() -> None:
    op.create_table(
        "meeting_document",
        sa.Column("meeting_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("handed_out", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_on", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name="fk_meeting_document_meeting_id_meeting"
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisation.id"], name="fk_meeting_document_org_id_organisation"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_document"),
    )
    with op.batch_alter_table("meeting_document") as batch:
        batch.create_index("ix_meeting_document_change_seq", ["change_seq"])
        batch.create_index("ix_meeting_document_meeting_id", ["meeting_id"])
        batch.create_index("ix_meeting_document_org_id", ["org_id"])

    # Plain ADD COLUMN: neither table is rebuilt, so rows pointing at them stay as they are.
    op.add_column(
        "meeting_guest",
        sa.Column("role", sa.String(length=24), nullable=False, server_default="guest"),
    )
    for name, default in _GUEST_FLAGS:
        op.add_column(
            "meeting_guest", sa.Column(name, sa.Boolean(), nullable=False, server_default=default)
        )
    op.add_column("meeting_guest", sa.Column("invited_on", sa.Date(), nullable=True))
    op.execute("UPDATE meeting_guest SET role = 'superior_in_charge' WHERE is_superior")
    op.add_column(
        "meeting",
        sa.Column("score_confirmed_by", sa.String(length=120), nullable=False, server_default=""),
    )
    op.add_column("meeting", sa.Column("score_confirmed_on", sa.Date(), nullable=True))
    op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("score_confirmed_on")
        batch.drop_column("score_confirmed_by")
    with op.batch_alter_table("meeting_guest") as batch:
        batch.drop_column("invited_on")
        for name, _default in reversed(_GUEST_FLAGS):
            batch.drop_column(name)
        batch.drop_column("role")
    op.drop_table("meeting_document")
    op.execute("PRAGMA user_version = 6")
