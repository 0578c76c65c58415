"""Self-criticism and criticism through the year, and the shortcomings they
name, followed up (remedy, deadline, status) until fixed and carried into
the next review (`ReviewService.review(...).earlier_shortcomings`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.data.enums import ShortcomingStatus
from desktop.data.models import Criticism, Member, Shortcoming
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.reviews import (
    CriticismRow,
    ShortcomingRow,
    check_criticism,
    criticism_row,
    make_criticism,
    refusal,
    shortcoming_row,
)
from desktop.services.validation import Validator

OPEN_STATUSES = (ShortcomingStatus.OPEN, ShortcomingStatus.FIXING)


@dataclass(frozen=True)
class NewShortcoming:
    """A shortcoming named by the criticism, to follow up."""

    content: str
    remedy: str = ""
    deadline: date | None = None


class CriticismService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    # --- criticism ----------------------------------------------------------------

    def record(
        self,
        content: str,
        *,
        given_on: date,
        about_member_id: str | None,
        by_member_id: str | None = None,
        by_name: str = "",
        meeting_id: str | None = None,
        shortcoming: NewShortcoming | None = None,
    ) -> str:
        """Record criticism given at a meeting (or self-criticism when the
        member speaks about themself); `about_member_id` None: about the cell.
        With `shortcoming`, the shortcoming it names is saved with it, to be
        followed up: both or neither."""
        check = Validator()
        check_criticism(check, content, given_on, self.today, by_member_id, by_name)
        if shortcoming is not None:
            check.required("shortcoming", shortcoming.content)
            check.not_before("deadline", shortcoming.deadline, "given_on", given_on)
        check.raise_if_any()
        with self.book.session() as session:
            for member_id in (about_member_id, by_member_id):
                if member_id is not None and session.get(Member, member_id) is None:
                    raise refusal(_("This member is not in the book."), "member")
            item = make_criticism(
                content,
                given_on=given_on,
                by_member_id=by_member_id,
                by_name=by_name,
                about_member_id=about_member_id,
                meeting_id=meeting_id,
            )
            session.add(item)
            session.flush()
            if shortcoming is not None:
                session.add(
                    Shortcoming(
                        member_id=about_member_id,
                        raised_on=given_on,
                        content=shortcoming.content.strip(),
                        remedy=shortcoming.remedy.strip(),
                        deadline=shortcoming.deadline,
                        criticism_id=item.id,
                    )
                )
            return item.id

    def delete(self, criticism_id: str) -> None:
        with self.book.session() as session:
            item = session.get(Criticism, criticism_id)
            if item is None:
                return
            linked = session.scalars(
                select(Shortcoming).where(Shortcoming.criticism_id == criticism_id)
            ).all()
            for shortcoming in linked:
                shortcoming.criticism_id = None
            session.delete(item)

    def rows(
        self, *, year: int | None = None, about_member_id: str | None = None
    ) -> list[CriticismRow]:
        """Criticism recorded, newest first; narrowed to a year or to one member."""
        query = (
            select(Criticism)
            .options(selectinload(Criticism.by_member), selectinload(Criticism.about_member))
            .order_by(Criticism.given_on.desc(), Criticism.created_at.desc())
        )
        if year is not None:
            query = query.where(
                Criticism.given_on >= date(year, 1, 1), Criticism.given_on <= date(year, 12, 31)
            )
        if about_member_id is not None:
            query = query.where(Criticism.about_member_id == about_member_id)
        with self.book.reader() as session:
            return [criticism_row(item) for item in session.scalars(query).all()]

    # --- shortcomings -------------------------------------------------------------

    def add_shortcoming(
        self,
        content: str,
        *,
        member_id: str | None,
        raised_on: date,
        remedy: str = "",
        deadline: date | None = None,
        criticism_id: str | None = None,
        review_id: str | None = None,
    ) -> str:
        """A shortcoming to follow up; `member_id` None: the cell's own."""
        check = Validator()
        check.required("content", content)
        check.not_future("raised_on", raised_on, self.today)
        check.not_before("deadline", deadline, "raised_on", raised_on)
        check.raise_if_any()
        with self.book.session() as session:
            item = Shortcoming(
                member_id=member_id,
                raised_on=raised_on,
                content=content.strip(),
                remedy=remedy.strip(),
                deadline=deadline,
                criticism_id=criticism_id,
                review_id=review_id,
            )
            session.add(item)
            session.flush()
            return item.id

    def update_shortcoming(
        self, shortcoming_id: str, *, content: str, remedy: str, deadline: date | None
    ) -> None:
        check = Validator()
        check.required("content", content)
        check.raise_if_any()
        with self.book.session() as session:
            item = self._shortcoming(session, shortcoming_id)
            check.not_before("deadline", deadline, "raised_on", item.raised_on)
            check.raise_if_any()
            item.content, item.remedy, item.deadline = content.strip(), remedy.strip(), deadline

    def follow_up(
        self,
        shortcoming_id: str,
        status: ShortcomingStatus,
        note: str = "",
        on: date | None = None,
    ) -> None:
        """Record how fixing the shortcoming is going."""
        when = on or self.today
        check = Validator()
        check.not_future("followed_up_on", when, self.today)
        if status in (ShortcomingStatus.FIXED, ShortcomingStatus.NOT_FIXED):
            check.required("follow_up", note)
        check.raise_if_any()
        with self.book.session() as session:
            item = self._shortcoming(session, shortcoming_id)
            check.not_before("followed_up_on", when, "raised_on", item.raised_on)
            check.raise_if_any()
            item.status = status
            item.follow_up = note.strip()
            item.followed_up_on = when

    def delete_shortcoming(self, shortcoming_id: str) -> None:
        with self.book.session() as session:
            session.delete(self._shortcoming(session, shortcoming_id))

    def shortcomings(
        self,
        *,
        member_id: str | None = None,
        cell_only: bool = False,
        open_only: bool = False,
    ) -> list[ShortcomingRow]:
        """Shortcomings, oldest deadline first (those without one last)."""
        query = select(Shortcoming).options(selectinload(Shortcoming.member))
        if member_id is not None:
            query = query.where(Shortcoming.member_id == member_id)
        elif cell_only:
            query = query.where(Shortcoming.member_id.is_(None))
        if open_only:
            query = query.where(Shortcoming.status.in_(OPEN_STATUSES))
        with self.book.reader() as session:
            rows = [shortcoming_row(item) for item in session.scalars(query).all()]
        return sorted(
            rows, key=lambda r: (r.deadline is None, r.deadline or r.raised_on, r.raised_on)
        )

    def overdue(self) -> list[ShortcomingRow]:
        return [row for row in self.shortcomings(open_only=True) if row.overdue(self.today)]

    @staticmethod
    def _shortcoming(session: Session, shortcoming_id: str) -> Shortcoming:
        item = session.get(Shortcoming, shortcoming_id)
        if item is None:
            raise refusal(_("This shortcoming is no longer in the book."))
        return item
