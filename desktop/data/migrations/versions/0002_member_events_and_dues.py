"""member events and dues

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Members' life events become the source of their status; existing members get
the events their recorded dates and status imply, so nothing changes for them.
"""

import uuid
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SYNC_COLUMNS = (
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.String(length=32), nullable=False),
    sa.Column("updated_at", sa.String(length=32), nullable=False),
    sa.Column("updated_on", sa.String(length=36), nullable=False),
    sa.Column("org_id", sa.String(length=36), nullable=False),
    sa.Column("change_seq", sa.Integer(), nullable=False),
)


def _synced_table(name: str, *columns: sa.Column, constraints: tuple = ()) -> None:
    op.create_table(
        name,
        *columns,
        *(sa.Column(c.name, c.type, nullable=c.nullable) for c in SYNC_COLUMNS),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=f"fk_{name}_member_id_member"),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisation.id"], name=f"fk_{name}_org_id_organisation"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        *constraints,
    )
    with op.batch_alter_table(name) as batch:
        batch.create_index(f"ix_{name}_change_seq", ["change_seq"])
        batch.create_index(f"ix_{name}_member_id", ["member_id"])
        batch.create_index(f"ix_{name}_org_id", ["org_id"])


def upgrade() -> None:
    _synced_table(
        "member_event",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("occurs_on", sa.Date(), nullable=False),
        sa.Column("decision_ref", sa.String(length=200), nullable=False),
        sa.Column("counterpart", sa.String(length=200), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=120), nullable=False),
    )
    _synced_table(
        "dues_payment",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("amount_due", sa.Integer(), nullable=False),
        sa.Column("amount_paid", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.Column("rate_id", sa.String(length=32), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        constraints=(
            sa.UniqueConstraint("member_id", "month", name="uq_dues_payment_member_id"),
        ),
    )
    with op.batch_alter_table("dues_payment") as batch:
        batch.create_index("ix_dues_payment_month", ["month"])
    with op.batch_alter_table("member") as batch:
        batch.add_column(
            sa.Column("dues_rate_id", sa.String(length=32), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("dues_base", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("dues_exempt_reason", sa.String(length=200), nullable=False, server_default="")
        )
    _events_for_existing_members()
    op.execute("PRAGMA user_version = 2")


def _events_for_existing_members() -> None:
    """Give each member the events their dates and status imply."""
    connection = op.get_bind()
    counter = connection.execute(sa.text("SELECT change_counter FROM book_state")).scalar() or 0
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    today = date.today().isoformat()
    members = connection.execute(
        sa.text("SELECT id, org_id, status, admission_date, official_date FROM member")
    ).all()
    rows = []
    for member_id, org_id, status, admitted, official in members:
        kinds = []
        if admitted:
            kinds.append(("admission", admitted))
        if official:
            kinds.append(("recognition", official))
        later = {
            "exempt": "exemption",
            "attached": "attachment",
            "transferred": "official_transfer",
            "deceased": "death",
            "removed": "removal",
        }.get(status)
        if later:
            kinds.append((later, today))
        for kind, occurs_on in kinds:
            counter += 1
            rows.append(
                {
                    "id": str(uuid.uuid4()),
                    "member_id": member_id,
                    "kind": kind,
                    "occurs_on": occurs_on,
                    "note": "Ghi khi nâng cấp sổ" if kind == later else "",
                    "org_id": org_id,
                    "now": now,
                    "seq": counter,
                }
            )
    if rows:
        connection.execute(
            sa.text(
                "INSERT INTO member_event (id, member_id, kind, occurs_on, decision_ref, "
                "counterpart, ends_on, note, recorded_by, created_at, updated_at, updated_on, "
                "org_id, change_seq) VALUES (:id, :member_id, :kind, :occurs_on, '', '', NULL, "
                ":note, '', :now, :now, 'upgrade', :org_id, :seq)"
            ),
            rows,
        )
        connection.execute(sa.text("UPDATE book_state SET change_counter = :c"), {"c": counter})


def downgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.drop_column("dues_exempt_reason")
        batch.drop_column("dues_base")
        batch.drop_column("dues_rate_id")
    op.drop_table("dues_payment")
    op.drop_table("member_event")
    op.execute("PRAGMA user_version = 1")
