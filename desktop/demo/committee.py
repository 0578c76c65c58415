"""Committee terms and who held which post in each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from desktop.data.enums import CommitteePostKind
from desktop.data.models import CommitteePost, CommitteeTerm
from desktop.demo.people import DEPUTY, FARMERS, PREVIOUS_SECRETARY, SECRETARY, SECURITY, MemberPlan
from desktop.demo.records import RecordFactory, local_moment

Post = CommitteePostKind

# Slot positions (see people.SLOTS) holding each post, previous term then current term.
PREVIOUS_TERM_POSTS = (
    (PREVIOUS_SECRETARY, Post.SECRETARY),
    (SECRETARY, Post.DEPUTY_SECRETARY),
    (FARMERS, Post.COMMITTEE_MEMBER),
)
CURRENT_TERM_POSTS = (
    (SECRETARY, Post.SECRETARY),
    (DEPUTY, Post.DEPUTY_SECRETARY),
    (SECURITY, Post.COMMITTEE_MEMBER),
)


def term_name(start_year: int) -> str:
    return f"Nhiệm kỳ {start_year}–{start_year + 5}"


@dataclass
class TermPlan:
    record: CommitteeTerm
    holders: dict[Post, MemberPlan] = field(default_factory=dict)

    def covers(self, day: date) -> bool:
        ends = self.record.ends_on
        return self.record.starts_on <= day and (ends is None or day <= ends)


@dataclass
class Committee:
    """The cell committee over time; the current term comes last."""

    terms: list[TermPlan]

    def term_on(self, day: date) -> TermPlan | None:
        return next((term for term in reversed(self.terms) if term.covers(day)), None)

    def holder(self, post: Post, day: date) -> MemberPlan:
        term = self.term_on(day) or self.terms[-1]
        return term.holders[post]

    def secretary(self, day: date) -> MemberPlan:
        return self.holder(Post.SECRETARY, day)

    def deputy(self, day: date) -> MemberPlan:
        return self.holder(Post.DEPUTY_SECRETARY, day)

    def member(self, day: date) -> MemberPlan:
        return self.holder(Post.COMMITTEE_MEMBER, day)

    def everyone(self, day: date) -> list[MemberPlan]:
        term = self.term_on(day) or self.terms[-1]
        return list(term.holders.values())


def build_committee(
    factory: RecordFactory,
    current: CommitteeTerm,
    start_year: int,
    plans: list[MemberPlan],
    book_created: datetime,
) -> Committee:
    """Add the previous term and both terms' posts; `current` is the term the book was made with."""
    previous = factory.make(
        CommitteeTerm,
        book_created,
        name=term_name(start_year - 5),
        starts_on=date(start_year - 5, 1, 1),
        ends_on=date(start_year - 1, 12, 31),
    )
    by_slot = {plan.position: plan for plan in plans}
    terms = []
    for term, posts in ((previous, PREVIOUS_TERM_POSTS), (current, CURRENT_TERM_POSTS)):
        plan = TermPlan(term)
        recorded = max(book_created, local_moment(term.starts_on, time(9)))
        for slot, post in posts:
            holder = by_slot[slot]
            plan.holders[post] = holder
            factory.make(
                CommitteePost,
                recorded,
                term_id=term.id,
                member_id=holder.id,
                post=post,
                starts_on=term.starts_on,
                ends_on=term.ends_on,
            )
        terms.append(plan)
    return Committee(terms)
