"""Book-level bookkeeping: identity, change counter, rule sets, tombstones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.data.base import Base
from desktop.data.types import NfcText, UtcDateTime, utcnow


class BookState(Base):
    """The single row that says whose book this is and counts its changes."""

    __tablename__ = "book_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    book_id: Mapped[str] = mapped_column(String(36))
    owner_org_id: Mapped[str] = mapped_column(String(36))
    change_counter: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_with: Mapped[str] = mapped_column(String(32), default="")
    last_written_with: Mapped[str] = mapped_column(String(32), default="")


class RuleSetRecord(Base):
    """A copy of a rule set kept inside the book, so the book keeps working
    with the rules it was written under even if shipped files change."""

    __tablename__ = "rule_set"
    __table_args__ = (UniqueConstraint("rule_set_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rule_set_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(NfcText)
    installed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    active: Mapped[bool] = mapped_column(Boolean, default=False)


class Tombstone(Base):
    """What is left of a deleted record, so a bundle can carry the deletion."""

    __tablename__ = "tombstone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    org_id: Mapped[str] = mapped_column(String(36))
    deleted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    deleted_on: Mapped[str] = mapped_column(String(36), default="")
    change_seq: Mapped[int] = mapped_column(Integer, index=True)
