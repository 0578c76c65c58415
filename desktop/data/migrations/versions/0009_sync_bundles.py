"""sync bundles: keys, enrolled books, bundle log, conflicts, shared documents

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22

A book gets its key pairs (made on first use), the books it exchanges bundles
with and their sequence numbers, a log of every bundle made or imported (the
bundles made here keep their bytes: they are the outbox), the versions that
lost a conflict, and the records that travel only between books: documents
handed up or down, the commune's decisions, topic libraries handed down.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _stamp(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(length=32), nullable=nullable)


def _synced(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        *columns,
        sa.Column("id", sa.String(length=36), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.Column("updated_on", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"], ["organisation.id"], name=f"fk_{name}_org_id_organisation"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
    )
    op.create_index(f"ix_{name}_change_seq", name, ["change_seq"])
    op.create_index(f"ix_{name}_org_id", name, ["org_id"])


def upgrade() -> None:
    op.create_table(
        "sync_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signing_key", sa.LargeBinary(), nullable=False),
        sa.Column("encryption_key", sa.LargeBinary(), nullable=False),
        _stamp("created_at"),
        sa.Column("hub_url", sa.String(length=300), nullable=False),
        sa.Column("hub_token", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_identity"),
    )
    op.create_table(
        "sync_peer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_id", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("org_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("signing_public", sa.LargeBinary(), nullable=False),
        sa.Column("encryption_public", sa.LargeBinary(), nullable=False),
        sa.Column("key_id", sa.String(length=64), nullable=False),
        _stamp("enrolled_at"),
        sa.Column("sent_seq", sa.Integer(), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("acked_change", sa.Integer(), nullable=False),
        sa.Column("imported_seq", sa.Integer(), nullable=False),
        _stamp("last_received_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sync_peer"),
        sa.UniqueConstraint("book_id", name="uq_sync_peer_book_id"),
        sa.UniqueConstraint("key_id", name="uq_sync_peer_key_id"),
    )
    op.create_index("ix_sync_peer_org_id", "sync_peer", ["org_id"])
    op.create_table(
        "bundle_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_book_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("full", sa.Boolean(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        _stamp("created_at"),
        _stamp("logged_at"),
        sa.Column("change_high", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        _stamp("sent_at", nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _stamp("next_try_at", nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        _stamp("acknowledged_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_bundle_log"),
        sa.UniqueConstraint(
            "peer_book_id", "direction", "sequence", name="uq_bundle_log_peer_book_id"
        ),
    )
    op.create_index("ix_bundle_log_peer_book_id", "bundle_log", ["peer_book_id"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("lost_version", sa.Text(), nullable=False),
        _stamp("lost_updated_at"),
        sa.Column("lost_on", sa.String(length=36), nullable=False),
        _stamp("won_updated_at"),
        sa.Column("won_on", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        _stamp("noted_at"),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflict"),
    )
    op.create_index("ix_sync_conflict_record_id", "sync_conflict", ["record_id"])
    _synced(
        "shared_document",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("meeting_id", sa.String(length=36), nullable=True),
        sa.Column("addressed_to", sa.String(length=36), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_shared_document_issued_on", "shared_document", ["issued_on"])
    op.create_index("ix_shared_document_meeting_id", "shared_document", ["meeting_id"])
    _synced(
        "commune_decision",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("cell_org_id", sa.String(length=36), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.String(length=24), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decision_ref", sa.String(length=120), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_commune_decision_cell_org_id", "commune_decision", ["cell_org_id"])
    op.create_index("ix_commune_decision_target_id", "commune_decision", ["target_id"])
    op.create_table(
        "topic_library",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic_set_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        _stamp("installed_at"),
        sa.PrimaryKeyConstraint("id", name="pk_topic_library"),
        sa.UniqueConstraint("topic_set_id", "version", name="uq_topic_library_topic_set_id"),
    )
    op.execute("PRAGMA user_version = 9")


def downgrade() -> None:
    for table in (
        "topic_library",
        "commune_decision",
        "shared_document",
        "sync_conflict",
        "bundle_log",
        "sync_peer",
        "sync_identity",
    ):
        op.drop_table(table)
    op.execute("PRAGMA user_version = 8")
