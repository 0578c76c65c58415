"""The organisation (cell or commune) and its committee."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord, enum_column
from desktop.data.enums import CellType, CommitteePostKind, OrgKind
from desktop.data.types import NfcString


class Organisation(SyncedRecord, Base):
    """A party cell (chi bộ) or a commune party committee (đảng ủy xã).

    `superior_line` and `issuer_line` are the two lines of a document header,
    e.g. "ĐẢNG BỘ XÃ AN PHÚ" over "CHI BỘ THÔN AN HÒA"; `issuer_code` is the
    issuer part of the number symbol ("CB" in "Số 05-BB/CB").
    """

    __tablename__ = "organisation"

    kind: Mapped[OrgKind] = enum_column(OrgKind, default=OrgKind.CELL)
    cell_type: Mapped[CellType] = enum_column(CellType, default=CellType.VILLAGE)
    name: Mapped[str] = mapped_column(NfcString(200))
    commune_name: Mapped[str] = mapped_column(NfcString(200), default="")
    province: Mapped[str] = mapped_column(NfcString(200), default="")
    place_name: Mapped[str] = mapped_column(NfcString(200), default="")
    superior_line: Mapped[str] = mapped_column(NfcString(200), default="")
    issuer_line: Mapped[str] = mapped_column(NfcString(200), default="")
    issuer_code: Mapped[str] = mapped_column(NfcString(16), default="CB")
    meeting_day: Mapped[int] = mapped_column(Integer, default=3)
    parent_org_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    def search_text(self) -> str:  # organisations are not searched
        return ""


class CommitteeTerm(SyncedRecord, Base):
    """A committee term (nhiệm kỳ); documents are numbered within a term."""

    __tablename__ = "committee_term"

    name: Mapped[str] = mapped_column(NfcString(120))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    posts: Mapped[list[CommitteePost]] = relationship(
        back_populates="term", cascade="all, delete-orphan"
    )


class CommitteePost(SyncedRecord, Base):
    """A member holding a committee post during (part of) a term."""

    __tablename__ = "committee_post"

    term_id: Mapped[str] = mapped_column(ForeignKey("committee_term.id"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    post: Mapped[CommitteePostKind] = enum_column(CommitteePostKind)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(NfcString(200), default="")

    term: Mapped[CommitteeTerm] = relationship(back_populates="posts")
    member = relationship("Member", back_populates="posts")

    def is_current(self, on: date) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)
