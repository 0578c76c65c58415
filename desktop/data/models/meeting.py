"""A meeting (sinh hoạt chi bộ) and what happens in it."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import (
    AttendanceStatus,
    GuestRole,
    MeetingKind,
    MeetingState,
    MemberStatus,
)
from desktop.data.types import NfcString, NfcText, UtcDateTime


class Meeting(SyncedRecord, Base):
    __tablename__ = "meeting"

    kind: Mapped[MeetingKind] = enum_column(MeetingKind, default=MeetingKind.REGULAR, index=True)
    state: Mapped[MeetingState] = enum_column(MeetingState, default=MeetingState.DRAFT)
    title: Mapped[str] = mapped_column(NfcString(300), default="")
    topic: Mapped[str] = mapped_column(NfcString(300), default="")  # thematic meetings
    scheduled_on: Mapped[date] = mapped_column(Date, index=True)
    held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    end_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(NfcString(200), default="")
    chair_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    minute_taker_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    grade: Mapped[str] = mapped_column(NfcString(40), default="")
    # The committee's answers to the scoring framework, criterion id -> answer (JSON).
    score_answers: Mapped[str] = mapped_column(NfcText, default="{}")
    superior_remarks: Mapped[str] = mapped_column(NfcText, default="")
    # The superior committee member present confirms the score (empty: not yet).
    score_confirmed_by: Mapped[str] = mapped_column(NfcString(120), default="")
    score_confirmed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(NfcText, default="")
    # Set when the minutes are adopted; `content_hash` is their SHA-256 fingerprint
    # (desktop.services.adoption), updated only by a recorded amendment.
    adopted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # Preparation checklist (desktop.services.preparation).
    committee_met: Mapped[bool] = mapped_column(Boolean, default=False)
    notice_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    documents_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    draft_ready: Mapped[bool] = mapped_column(Boolean, default=False)
    topic_id: Mapped[str] = mapped_column(String(64), default="")  # topics-v1.json, thematic
    prepared_note: Mapped[str] = mapped_column(NfcText, default="")

    chair = relationship("Member", foreign_keys=[chair_id])
    minute_taker = relationship("Member", foreign_keys=[minute_taker_id])
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    attendance: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    guests: Mapped[list[MeetingGuest]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingGuest.position"
    )
    speeches: Mapped[list[Speech]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="Speech.position"
    )
    # Documents handed out (desktop.services.meeting_documents); their bytes load only when asked.
    documents = relationship(
        "MeetingDocument",
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingDocument.position",
    )
    resolution = relationship(
        "Resolution", back_populates="meeting", uselist=False, cascade="all, delete-orphan"
    )
    amendments = relationship(
        "MeetingAmendment",
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingAmendment.made_at",
    )

    search_kind = "meeting"

    def search_text(self) -> str:
        return " ".join(p for p in (self.title, self.topic, self.place, self.notes) if p)

    def search_title(self) -> str:
        return self.title


class AgendaItem(SyncedRecord, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(NfcString(300))
    presenter_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    ready: Mapped[bool] = mapped_column(Boolean, default=False)
    conclusion: Mapped[str] = mapped_column(NfcText, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    presenter = relationship("Member")

    search_kind = "agenda_item"

    def search_text(self) -> str:
        return " — ".join(p for p in (self.title, self.conclusion) if p)

    def search_title(self) -> str:
        return self.title


class Attendance(SyncedRecord, Base):
    """One member's attendance at one meeting.

    `member_status` is the member's status on the day, so that counts of old
    meetings do not change when a member is later recognised or transferred.
    """

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    member_status: Mapped[MemberStatus] = enum_column(MemberStatus)
    status: Mapped[AttendanceStatus] = enum_column(AttendanceStatus)
    reason: Mapped[str] = mapped_column(NfcString(300), default="")

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    member = relationship("Member")


def _role_from_superior(context: Any) -> GuestRole:
    """A guest written without a role (as before roles existed) takes the one
    `is_superior` implies."""
    superior = context.get_current_parameters().get("is_superior")
    return GuestRole.SUPERIOR_IN_CHARGE if superior else GuestRole.GUEST


class MeetingGuest(SyncedRecord, Base):
    """A guest or superior delegate (đại biểu cấp trên) at a meeting.

    Guests invited while the meeting is prepared carry `invited` (and
    `invitation_sent` once the invitation went out); at the minutes they are
    the guests list, each `attended` or not. Guests added while taking the
    minutes attended. `is_superior` follows `role` (both kinds of member from
    the commune are superior delegates).
    """

    __tablename__ = "meeting_guest"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(NfcString(120))
    title: Mapped[str] = mapped_column(NfcString(200), default="")  # e.g. "Đảng ủy viên"
    is_superior: Mapped[bool] = mapped_column(Boolean, default=False)
    role: Mapped[GuestRole] = enum_column(GuestRole, default=_role_from_superior)
    invited: Mapped[bool] = mapped_column(Boolean, default=False)
    invited_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    invitation_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    attended: Mapped[bool] = mapped_column(Boolean, default=True)

    meeting: Mapped[Meeting] = relationship(back_populates="guests")


class Speech(SyncedRecord, Base):
    """One speaker's opinion, by name, as the minutes must record it."""

    __tablename__ = "speech"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    agenda_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_item.id"), nullable=True, index=True
    )
    member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    speaker_name: Mapped[str] = mapped_column(NfcString(120), default="")  # guests
    position: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str] = mapped_column(NfcText)
    is_recommendation: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="speeches")
    member = relationship("Member")

    search_kind = "speech"

    def search_text(self) -> str:
        return self.content or ""

    def search_title(self) -> str:
        return self.member.full_name if self.member is not None else self.speaker_name
