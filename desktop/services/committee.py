"""The cell committee: terms, who holds which post, and the default chair and minute-taker.

Rules kept here (the screens only show the messages):
- a post is held by a current member of this cell who is a full member
  (probationary members cannot stand for election; temporarily attached
  members belong to another cell);
- one secretary at a time, and one post per member at a time;
- a post starts within its term and ends on or after the day it started;
- a new term starts after the previous one; the previous term, and the posts
  still open in it, end the day before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import CommitteePostKind, MemberStatus
from desktop.data.models import CommitteePost, CommitteeTerm, Member
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.validation import Validator

_POST_ORDER = {
    CommitteePostKind.SECRETARY: 0,
    CommitteePostKind.DEPUTY_SECRETARY: 1,
    CommitteePostKind.COMMITTEE_MEMBER: 2,
}
# Statuses of members who may hold a post.
ELIGIBLE = frozenset({MemberStatus.FULL, MemberStatus.EXEMPT, MemberStatus.AWAY})


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class PostHolder:
    member_id: str
    full_name: str
    post: CommitteePostKind
    term_name: str


@dataclass(frozen=True)
class TermRow:
    id: str
    name: str
    starts_on: date
    ends_on: date | None

    def covers(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


@dataclass(frozen=True)
class PostRow:
    """A post held (or once held) by a member, with its term."""

    id: str
    term_id: str
    term_name: str
    member_id: str
    full_name: str
    post: CommitteePostKind
    starts_on: date
    ends_on: date | None
    note: str

    def is_current(self, on: date) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)


def _post_row(post: CommitteePost) -> PostRow:
    return PostRow(
        post.id,
        post.term_id,
        post.term.name,
        post.member_id,
        post.member.full_name,
        post.post,
        post.starts_on,
        post.ends_on,
        post.note,
    )


def _post_sort_key(row: PostRow) -> tuple[object, ...]:
    return (-row.starts_on.toordinal(), _POST_ORDER[row.post], row.full_name)


class CommitteeService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    # --- reading ------------------------------------------------------------

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

    def terms(self) -> list[TermRow]:
        """Every term, the latest first."""
        with self.book.reader() as session:
            terms = session.scalars(
                select(CommitteeTerm).order_by(CommitteeTerm.starts_on.desc())
            ).all()
            return [TermRow(t.id, t.name, t.starts_on, t.ends_on) for t in terms]

    def current_term(self) -> TermRow | None:
        """The term covering today, else the latest one."""
        terms = self.terms()
        return next((t for t in terms if t.covers(self.today)), terms[0] if terms else None)

    def posts(self, term_id: str | None = None) -> list[PostRow]:
        """The posts of a term (the current one if not given): current posts
        first, secretary first, then ended posts, latest first."""
        if term_id is None:
            term = self.current_term()
            if term is None:
                return []
            term_id = term.id
        with self.book.reader() as session:
            rows = [
                _post_row(p)
                for p in session.scalars(
                    select(CommitteePost)
                    .where(CommitteePost.term_id == term_id)
                    .options(selectinload(CommitteePost.member), selectinload(CommitteePost.term))
                )
            ]
        return sorted(
            rows,
            key=lambda r: (
                not r.is_current(self.today),
                _POST_ORDER[r.post],
                -r.starts_on.toordinal(),
                r.full_name,
            ),
        )

    def posts_of(self, member_id: str) -> list[PostRow]:
        """A member's posts in every term, the latest first."""
        with self.book.reader() as session:
            rows = [
                _post_row(p)
                for p in session.scalars(
                    select(CommitteePost)
                    .where(CommitteePost.member_id == member_id)
                    .options(selectinload(CommitteePost.member), selectinload(CommitteePost.term))
                )
            ]
        return sorted(rows, key=_post_sort_key)

    def current_posts_by_member(self) -> dict[str, list[CommitteePostKind]]:
        """Member id -> the posts they hold today (for lists and filters)."""
        held: dict[str, list[CommitteePostKind]] = {}
        for holder in self.current():
            held.setdefault(holder.member_id, []).append(holder.post)
        return held

    # --- changing -----------------------------------------------------------

    def assign(
        self, member_id: str, post: CommitteePostKind, starts_on: date, term_id: str | None = None
    ) -> str:
        """Give `member_id` the post from `starts_on`, in the term given (the
        current term if not). Raises ValidationError, saving nothing, if a rule
        is broken; LookupError if the book has no term at all."""
        check = Validator()
        check.required("member", member_id)
        check.required("starts_on", starts_on)
        check.not_future("starts_on", starts_on, date(self.today.year + 1, 12, 31))
        check.raise_if_any()
        post = CommitteePostKind(post)
        if not term_id:
            current = self.current_term()
            term_id = current.id if current else None
        with self.book.session() as session:
            term = session.get(CommitteeTerm, term_id) if term_id else None
            if term is None:
                raise LookupError("no committee term")
            member = session.get(Member, member_id)
            if member is None:
                raise KeyError(member_id)
            if member.status not in ELIGIBLE:
                if member.status is MemberStatus.PROBATIONARY:
                    message = _(
                        "{name} is a probationary member; only full members can hold a "
                        "committee post."
                    )
                elif member.status is MemberStatus.ATTACHED:
                    message = _(
                        "{name} is only temporarily attached here and belongs to another "
                        "cell; they cannot hold a post in this cell."
                    )
                else:
                    message = _("{name} is no longer a member of this cell ({status}).")
                check.add(
                    "member",
                    message.format(name=member.full_name, status=enum_label(member.status)),
                )
            if starts_on < term.starts_on or (term.ends_on and starts_on > term.ends_on):
                check.add(
                    "starts_on",
                    _("From: must fall within the term {term} ({start} – {end}).").format(
                        term=term.name,
                        start=_day(term.starts_on),
                        end=_day(term.ends_on) if term.ends_on else "…",
                    ),
                )
            open_posts = session.scalars(
                select(CommitteePost)
                .where((CommitteePost.ends_on.is_(None)) | (CommitteePost.ends_on >= starts_on))
                .options(selectinload(CommitteePost.member))
            ).all()
            for other in open_posts:
                if other.member_id == member_id:
                    check.add(
                        "member",
                        _("{name} already holds a post ({post}); end it first.").format(
                            name=member.full_name, post=enum_label(other.post)
                        ),
                    )
                elif post is CommitteePostKind.SECRETARY and other.post is post:
                    check.add(
                        "post",
                        _(
                            "{name} is the secretary (from {start}). A cell has one "
                            "secretary at a time: end that post first."
                        ).format(name=other.member.full_name, start=_day(other.starts_on)),
                    )
            check.raise_if_any()
            record = CommitteePost(
                term_id=term.id, member_id=member_id, post=post, starts_on=starts_on
            )
            session.add(record)
            session.flush()
            return record.id

    def end_post(self, post_id: str, ends_on: date | None) -> None:
        """Record the last day of a post."""
        check = Validator()
        check.required("ends_on", ends_on)
        check.raise_if_any()
        assert ends_on is not None
        with self.book.session() as session:
            post = session.get(CommitteePost, post_id)
            if post is None:
                raise KeyError(post_id)
            if post.ends_on is not None:
                check.add(
                    "ends_on",
                    _("This post already ended on {date}.").format(date=_day(post.ends_on)),
                )
            check.not_future("ends_on", ends_on, self.today)
            check.not_before("ends_on", ends_on, "starts_on", post.starts_on)
            check.raise_if_any()
            post.ends_on = ends_on

    def add_term(self, name: str, starts_on: date | None, ends_on: date | None = None) -> str:
        """Add a new term. The previous term and its open posts end the day
        before it starts (their members can then be given posts in the new one)."""
        check = Validator()
        name = " ".join((name or "").split())
        check.required("term", name)
        check.max_length("term", name, 120)
        check.required("starts_on", starts_on)
        check.not_future("starts_on", starts_on, date(self.today.year + 1, 12, 31))
        check.not_before("ends_on", ends_on, "starts_on", starts_on)
        check.raise_if_any()
        assert starts_on is not None
        with self.book.session() as session:
            terms = session.scalars(
                select(CommitteeTerm).order_by(CommitteeTerm.starts_on.desc())
            ).all()
            if any(" ".join(t.name.split()).casefold() == name.casefold() for t in terms):
                check.add("term", _("There is already a term called “{name}”.").format(name=name))
            latest = terms[0] if terms else None
            if latest is not None and starts_on <= latest.starts_on:
                check.add(
                    "starts_on",
                    _("From: must be after the start of the term {term} ({start}).").format(
                        term=latest.name, start=_day(latest.starts_on)
                    ),
                )
            check.raise_if_any()
            day_before = starts_on - timedelta(days=1)
            if latest is not None:
                if latest.ends_on is None or latest.ends_on > day_before:
                    latest.ends_on = day_before
                for post in latest.posts:
                    if post.ends_on is None or post.ends_on > day_before:
                        # A post that had not started yet simply ends on its first day.
                        post.ends_on = max(day_before, post.starts_on)
            term = CommitteeTerm(name=name, starts_on=starts_on, ends_on=ends_on)
            session.add(term)
            session.flush()
            return term.id
