"""Emulation pledges (đăng ký thi đua) and commendations (khen thưởng) of the
cell and its members, shown on a member's profile and beside their review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.models import Commendation, EmulationPledge
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.reviews import refusal
from desktop.services.validation import Validator


@dataclass(frozen=True)
class PledgeRow:
    id: str
    year: int
    member_id: str | None
    member_name: str  # "" for the cell's own pledge
    pledged_on: date
    content: str
    result: str
    achieved: bool | None


@dataclass(frozen=True)
class CommendationRow:
    id: str
    member_id: str | None
    member_name: str  # "" for the cell
    given_on: date
    title: str
    given_by: str
    reason: str
    decision_ref: str


def _pledge_row(item: EmulationPledge) -> PledgeRow:
    return PledgeRow(
        id=item.id,
        year=item.year,
        member_id=item.member_id,
        member_name=item.member.full_name if item.member is not None else "",
        pledged_on=item.pledged_on,
        content=item.content,
        result=item.result,
        achieved=item.achieved,
    )


def _commendation_row(item: Commendation) -> CommendationRow:
    return CommendationRow(
        id=item.id,
        member_id=item.member_id,
        member_name=item.member.full_name if item.member is not None else "",
        given_on=item.given_on,
        title=item.title,
        given_by=item.given_by,
        reason=item.reason,
        decision_ref=item.decision_ref,
    )


def _pledge_order(item: EmulationPledge) -> tuple[int, bool, str]:
    member = item.member
    return (-item.year, member is not None, member.sort_key if member is not None else "")


class EmulationService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    # --- pledges --------------------------------------------------------------------

    def pledge(
        self, year: int, content: str, *, member_id: str | None, pledged_on: date | None = None
    ) -> str:
        """Record a pledge of the cell (`member_id` None) or of a member."""
        on = pledged_on or self.today
        check = Validator()
        check.required("content", content)
        check.number_between("year", year, 2000, self.today.year + 1)
        check.not_future("pledged_on", on, self.today)
        check.raise_if_any()
        with self.book.session() as session:
            item = EmulationPledge(
                year=year, member_id=member_id, pledged_on=on, content=content.strip()
            )
            session.add(item)
            session.flush()
            return item.id

    def assess_pledge(self, pledge_id: str, achieved: bool | None, result: str = "") -> None:
        """How the pledge turned out (None: not assessed yet)."""
        with self.book.session() as session:
            item = session.get(EmulationPledge, pledge_id)
            if item is None:
                raise refusal(_("This pledge is no longer in the book."))
            item.achieved = achieved
            item.result = result.strip()

    def delete_pledge(self, pledge_id: str) -> None:
        with self.book.session() as session:
            item = session.get(EmulationPledge, pledge_id)
            if item is not None:
                session.delete(item)

    def pledges(
        self, *, year: int | None = None, member_id: str | None = None, cell_only: bool = False
    ) -> list[PledgeRow]:
        query = select(EmulationPledge).options(selectinload(EmulationPledge.member))
        if year is not None:
            query = query.where(EmulationPledge.year == year)
        if member_id is not None:
            query = query.where(EmulationPledge.member_id == member_id)
        elif cell_only:
            query = query.where(EmulationPledge.member_id.is_(None))
        query = query.order_by(EmulationPledge.year.desc(), EmulationPledge.pledged_on)
        with self.book.reader() as session:
            # The cell's own pledges first, then members in the register's order.
            items = sorted(
                session.scalars(query).all(),
                key=lambda i: (
                    -i.year,
                    i.member is not None,
                    i.member.sort_key if i.member else "",
                ),
            )
            return [_pledge_row(item) for item in items]

    # --- commendations --------------------------------------------------------------

    def commend(
        self,
        title: str,
        *,
        member_id: str | None,
        given_on: date,
        given_by: str = "",
        reason: str = "",
        decision_ref: str = "",
    ) -> str:
        check = Validator()
        check.required("title", title)
        check.max_length("title", title, 200)
        check.max_length("given_by", given_by, 200)
        check.max_length("decision_ref", decision_ref, 120)
        check.not_future("given_on", given_on, self.today)
        check.raise_if_any()
        with self.book.session() as session:
            item = Commendation(
                member_id=member_id,
                given_on=given_on,
                title=title.strip(),
                given_by=given_by.strip(),
                reason=reason.strip(),
                decision_ref=decision_ref.strip(),
            )
            session.add(item)
            session.flush()
            return item.id

    def delete_commendation(self, commendation_id: str) -> None:
        with self.book.session() as session:
            item = session.get(Commendation, commendation_id)
            if item is not None:
                session.delete(item)

    def commendations(
        self, *, member_id: str | None = None, year: int | None = None, cell_only: bool = False
    ) -> list[CommendationRow]:
        """Newest first."""
        query = select(Commendation).options(selectinload(Commendation.member))
        if member_id is not None:
            query = query.where(Commendation.member_id == member_id)
        elif cell_only:
            query = query.where(Commendation.member_id.is_(None))
        if year is not None:
            query = query.where(
                Commendation.given_on >= date(year, 1, 1),
                Commendation.given_on <= date(year, 12, 31),
            )
        query = query.order_by(Commendation.given_on.desc())
        with self.book.reader() as session:
            return [_commendation_row(item) for item in session.scalars(query).all()]
