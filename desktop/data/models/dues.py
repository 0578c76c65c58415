"""Party dues (đảng phí): what each member owes and pays, month by month."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.data.base import Base, SyncedRecord
from desktop.data.types import NfcString


class DuesPayment(SyncedRecord, Base):
    """One member's dues for one month. `amount_due` is fixed when the line is
    made (from the rule set then in force), so later rate changes do not
    rewrite the past."""

    __tablename__ = "dues_payment"
    __table_args__ = (UniqueConstraint("member_id", "month"),)

    member_id: Mapped[str] = mapped_column(ForeignKey("member.id"), index=True)
    month: Mapped[date] = mapped_column(Date, index=True)  # first day of the month
    amount_due: Mapped[int] = mapped_column(Integer, default=0)  # VND
    amount_paid: Mapped[int] = mapped_column(Integer, default=0)
    paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    rate_id: Mapped[str] = mapped_column(NfcString(32), default="")
    note: Mapped[str] = mapped_column(NfcString(300), default="")

    member = relationship("Member")
