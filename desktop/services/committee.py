"""The cell committee: who holds which post, and the default chair and minute-taker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import CommitteePostKind
from desktop.data.models import CommitteePost, CommitteeTerm
from desktop.services.book import Book
from desktop.services.validation import Validator

_POST_ORDER = {
    CommitteePostKind.SECRETARY: 0,
    CommitteePostKind.DEPUTY_SECRETARY: 1,
    CommitteePostKind.COMMITTEE_MEMBER: 2,
}


@dataclass(frozen=True)
class PostHolder:
    member_id: str
    full_name: str
    post: CommitteePostKind
    term_name: str


class CommitteeService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    def current(self) -> list[PostHolder]:
        """The committee today, secretary first."""
        with self.book.reader() as session:
            posts = session.scalars(
                select(CommitteePost).options(
                    selectinload(CommitteePost.member), selectinload(CommitteePost.term)
                )
            ).all()
            holders = [
                PostHolder(p.member_id, p.member.full_name, p.post, p.term.name)
                for p in posts
                if p.is_current(self.today)
            ]
        return sorted(holders, key=lambda h: (_POST_ORDER[h.post], h.full_name))

    def secretary(self) -> PostHolder | None:
        return next((h for h in self.current() if h.post is CommitteePostKind.SECRETARY), None)

    def assign(
        self, member_id: str, post: CommitteePostKind, starts_on: date, term_id: str | None = None
    ) -> str:
        check = Validator()
        check.required("member", member_id)
        check.not_future("starts_on", starts_on, date(self.today.year + 1, 12, 31))
        check.raise_if_any()
        with self.book.session() as session:
            term = (
                session.get(CommitteeTerm, term_id)
                if term_id
                else session.scalar(select(CommitteeTerm).order_by(CommitteeTerm.starts_on.desc()))
            )
            if term is None:
                raise LookupError("no committee term")
            record = CommitteePost(
                term_id=term.id, member_id=member_id, post=post, starts_on=starts_on
            )
            session.add(record)
            session.flush()
            return record.id
