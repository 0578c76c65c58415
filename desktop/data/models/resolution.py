"""A meeting's resolution (nghị quyết) and the tasks it assigns."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import TaskResult
from desktop.data.types import NfcString, NfcText, UtcDateTime


class Resolution(SyncedRecord, Base):
    __tablename__ = "resolution"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), unique=True)
    title: Mapped[str] = mapped_column(NfcString(300), default="")
    evaluation: Mapped[str] = mapped_column(NfcText, default="")  # I. last month
    directions: Mapped[str] = mapped_column(NfcText, default="")  # II. next month
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    voters_present: Mapped[int | None] = mapped_column(Integer, nullable=True)
    adopted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("document_record.id"), nullable=True)

    meeting = relationship("Meeting", back_populates="resolution")
    tasks: Mapped[list[ResolutionTask]] = relationship(
        back_populates="resolution",
        cascade="all, delete-orphan",
        order_by="ResolutionTask.position",
    )

    search_kind = "resolution"

    def search_text(self) -> str:
        return " — ".join(p for p in (self.title, self.evaluation, self.directions) if p)

    def search_title(self) -> str:
        return self.title


class ResolutionTask(SyncedRecord, Base):
    """A task of a resolution: what, who, by when, and later how it went."""

    __tablename__ = "resolution_task"

    resolution_id: Mapped[str] = mapped_column(ForeignKey("resolution.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(NfcText)
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    assignee_text: Mapped[str] = mapped_column(NfcString(200), default="")  # "Chi ủy", groups
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    result: Mapped[TaskResult] = enum_column(TaskResult, default=TaskResult.PENDING)
    result_note: Mapped[str] = mapped_column(NfcText, default="")

    resolution: Mapped[Resolution] = relationship(back_populates="tasks")
    assignee = relationship("Member")

    search_kind = "resolution_task"

    def search_text(self) -> str:
        return " — ".join(p for p in (self.description, self.assignee_text, self.result_note) if p)

    def search_title(self) -> str:
        return self.resolution.title if self.resolution is not None else ""
