"""Reviews and ratings (kiểm điểm, đánh giá, xếp loại), criticism and shortcomings.

These are the most sensitive texts a cell keeps: none of these models is
indexed for search (no `search_kind`), and their texts are never written to
logs or error reports.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import CriticismKind, ReviewPeriod, ReviewState, ShortcomingStatus
from desktop.data.types import NfcString, NfcText


class ReviewCampaign(SyncedRecord, Base):
    """One review of the whole cell: the year's (or a quarter's, or an ad hoc one)."""

    __tablename__ = "review_campaign"

    year: Mapped[int] = mapped_column(Integer, index=True)
    period: Mapped[ReviewPeriod] = enum_column(ReviewPeriod, default=ReviewPeriod.ANNUAL)
    quarter: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(NfcString(300), default="")
    started_on: Mapped[date] = mapped_column(Date)
    # The meeting where the cell discussed and voted (its attendance goes in the minutes).
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)

    # The cell's collective self-review and self-rating.
    cell_strengths: Mapped[str] = mapped_column(NfcText, default="")
    cell_shortcomings: Mapped[str] = mapped_column(NfcText, default="")
    cell_earlier_fixes: Mapped[str] = mapped_column(NfcText, default="")
    cell_remedies: Mapped[str] = mapped_column(NfcText, default="")
    cell_self_level: Mapped[str] = mapped_column(NfcString(32), default="")
    cell_proposed_level: Mapped[str] = mapped_column(NfcString(32), default="")
    cell_votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cell_votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cell_votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The commune's decision on the cell.
    cell_decided_level: Mapped[str] = mapped_column(NfcString(32), default="")
    cell_decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cell_decision_ref: Mapped[str] = mapped_column(NfcString(120), default="")

    meeting = relationship("Meeting")
    reviews = relationship("MemberReview", back_populates="campaign", cascade="all, delete-orphan")


class MemberReview(SyncedRecord, Base):
    """One member's review within a campaign: the personal review they wrote,
    the cell's discussion and vote, and the commune's decision."""

    __tablename__ = "member_review"
    __table_args__ = (UniqueConstraint("campaign_id", "member_id"),)

    campaign_id: Mapped[str] = mapped_column(ForeignKey("review_campaign.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    form_id: Mapped[str] = mapped_column(NfcString(24))
    state: Mapped[ReviewState] = enum_column(ReviewState, default=ReviewState.NOT_STARTED)

    # The personal review (bản kiểm điểm cá nhân).
    strengths: Mapped[str] = mapped_column(NfcText, default="")
    shortcomings: Mapped[str] = mapped_column(NfcText, default="")
    earlier_fixes: Mapped[str] = mapped_column(NfcText, default="")
    responsibility: Mapped[str] = mapped_column(NfcText, default="")
    remedies: Mapped[str] = mapped_column(NfcText, default="")
    self_level: Mapped[str] = mapped_column(NfcString(32), default="")
    written_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    # The cell: discussion, the points and conditions it found, the proposed level and its vote.
    discussed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    points: Mapped[int | None] = mapped_column(Integer, nullable=True)
    conditions_met: Mapped[list[str]] = mapped_column(JSON, default=list)
    proposed_level: Mapped[str] = mapped_column(NfcString(32), default="")
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    voted_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    # The commune's decision.
    decided_level: Mapped[str] = mapped_column(NfcString(32), default="")
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision_ref: Mapped[str] = mapped_column(NfcString(120), default="")

    campaign = relationship("ReviewCampaign", back_populates="reviews")
    member = relationship("Member")


class Criticism(SyncedRecord, Base):
    """Self-criticism or criticism: who said it, about whom (no one: the
    cell itself), at which meeting or in which review."""

    __tablename__ = "criticism"

    given_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[CriticismKind] = enum_column(CriticismKind, default=CriticismKind.CRITICISM)
    by_member_id: Mapped[str | None] = mapped_column(ForeignKey("member.id"), nullable=True)
    by_name: Mapped[str] = mapped_column(NfcString(120), default="")  # a guest, the commune
    about_member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), nullable=True, index=True
    )
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), nullable=True)
    review_id: Mapped[str | None] = mapped_column(
        ForeignKey("member_review.id"), nullable=True, index=True
    )
    content: Mapped[str] = mapped_column(NfcText)

    by_member = relationship("Member", foreign_keys=[by_member_id])
    about_member = relationship("Member", foreign_keys=[about_member_id])
    meeting = relationship("Meeting")


class Shortcoming(SyncedRecord, Base):
    """A shortcoming to fix (of a member, or of the cell when no member),
    with its remedy and deadline, followed up until fixed and carried into
    the next review."""

    __tablename__ = "shortcoming"

    member_id: Mapped[str | None] = mapped_column(
        ForeignKey("member.id"), nullable=True, index=True
    )
    raised_on: Mapped[date] = mapped_column(Date, index=True)
    content: Mapped[str] = mapped_column(NfcText)
    remedy: Mapped[str] = mapped_column(NfcText, default="")
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[ShortcomingStatus] = enum_column(
        ShortcomingStatus, default=ShortcomingStatus.OPEN, index=True
    )
    follow_up: Mapped[str] = mapped_column(NfcText, default="")
    followed_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    criticism_id: Mapped[str | None] = mapped_column(ForeignKey("criticism.id"), nullable=True)
    review_id: Mapped[str | None] = mapped_column(ForeignKey("member_review.id"), nullable=True)

    member = relationship("Member")
