"""Declarative base and the sync-ready mixin every record carries."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Enum, ForeignKey, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from desktop.data.types import UtcDateTime, new_id, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_column(enum: type[StrEnum], **kwargs: Any) -> Any:
    """An enum stored as its string value, with no CHECK constraint, so that a
    later version can add values without rebuilding the table."""
    return mapped_column(
        Enum(
            enum,
            native_enum=False,
            create_constraint=False,
            length=24,
            values_callable=lambda members: [member.value for member in members],
            validate_strings=True,
        ),
        **kwargs,
    )


class SyncedRecord:
    """Columns that let a record travel between books in sync bundles.

    - `id`: a UUID, so records made in different books never collide;
    - `org_id`: the organisation that owns (and alone may change) the record;
    - `created_at` / `updated_at`: UTC stamps, used for last-writer-wins;
    - `updated_on`: the device that wrote it last (tie-breaker);
    - `change_seq`: the book's change counter at the last write, so
      "everything since N" is one indexed query.

    Stamps are set by `desktop.data.stamping`; deletions leave a `Tombstone`.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)

    @declared_attr
    def org_id(cls) -> Mapped[str]:
        return mapped_column(String(36), ForeignKey("organisation.id"), index=True)

    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_on: Mapped[str] = mapped_column(String(36), default="")

    @declared_attr
    def change_seq(cls) -> Mapped[int]:
        return mapped_column(Integer, default=0, index=True)
