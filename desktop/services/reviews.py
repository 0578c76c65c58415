"""Review campaigns: each member's personal review, the cell's discussion and
vote, the commune's decision, and the cell's own collective review.

A member's review moves forward one step at a time (domain.md section 5):
not started → self-review written → discussed → voted → decided.
`step_back` is the one way back, to correct a step; it clears that step.
Review texts are returned to the screens that show them and nowhere else:
they are not indexed for search and never put in an error message.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.data.enums import (
    CriticismKind,
    MemberStatus,
    ReviewPeriod,
    ReviewState,
    ShortcomingStatus,
)
from desktop.data.models import Criticism, Member, MemberReview, ReviewCampaign, Shortcoming
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.meeting_rules import AttendanceCounts
from desktop.services.minutes import MinutesService
from desktop.services.rating import (
    level,
    level_for,
    proposal_warnings,
    quota_warnings,
)
from desktop.services.validation import FieldError, ValidationError, Validator

STATE_ORDER = tuple(ReviewState)


def refusal(message: str, field_name: str = "state") -> ValidationError:
    return ValidationError([FieldError(field_name, message)])


@dataclass(frozen=True)
class ReviewTexts:
    """The sections of a personal review (or of the cell's collective review)."""

    strengths: str = ""
    shortcomings: str = ""
    earlier_fixes: str = ""
    responsibility: str = ""
    remedies: str = ""
    self_level: str = ""


@dataclass(frozen=True)
class Votes:
    for_: int
    against: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstain


@dataclass(frozen=True)
class CampaignRow:
    id: str
    year: int
    period: ReviewPeriod
    quarter: int | None
    title: str
    started_on: date
    members: int
    decided: int


@dataclass(frozen=True)
class ReviewRow:
    """A member's line in the campaign list."""

    id: str
    member_id: str
    member_name: str
    sort_key: str
    member_status: MemberStatus
    form_id: str
    state: ReviewState
    self_level: str
    points: int | None
    proposed_level: str
    votes: Votes | None
    decided_level: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CriticismRow:
    id: str
    given_on: date
    kind: CriticismKind
    by_member_id: str | None
    by_name: str  # the member's name, or who gave it when not a member
    about_member_id: str | None
    about_name: str  # "" for the cell itself
    content: str
    meeting_id: str | None
    review_id: str | None


@dataclass(frozen=True)
class ShortcomingRow:
    id: str
    member_id: str | None
    member_name: str  # "" for the cell itself
    raised_on: date
    content: str
    remedy: str
    deadline: date | None
    status: ShortcomingStatus
    follow_up: str
    followed_up_on: date | None
    review_id: str | None
    criticism_id: str | None

    def overdue(self, today: date) -> bool:
        return (
            self.status in (ShortcomingStatus.OPEN, ShortcomingStatus.FIXING)
            and self.deadline is not None
            and self.deadline < today
        )


@dataclass(frozen=True)
class ReviewDetail:
    """Everything the personal review screen and the printed form show."""

    row: ReviewRow
    campaign_id: str
    year: int
    texts: ReviewTexts
    written_on: date | None
    discussed_on: date | None
    voted_on: date | None
    conditions_met: tuple[str, ...]
    decided_on: date | None
    decision_ref: str
    criticisms: tuple[CriticismRow, ...]
    earlier_shortcomings: tuple[ShortcomingRow, ...]  # carried from before this review
    new_shortcomings: tuple[ShortcomingRow, ...]  # named in this review, to follow up


@dataclass(frozen=True)
class CampaignDetail:
    id: str
    year: int
    period: ReviewPeriod
    quarter: int | None
    title: str
    started_on: date
    meeting_id: str | None
    cell: ReviewTexts
    cell_proposed_level: str
    cell_votes: Votes | None
    cell_decided_level: str
    cell_decided_on: date | None
    cell_decision_ref: str
    reviews: tuple[ReviewRow, ...]
    warnings: tuple[str, ...] = field(default=())

    def count(self, state: ReviewState) -> int:
        return sum(row.state is state for row in self.reviews)


@dataclass(frozen=True)
class HistoryRow:
    """One past review of a member (shown on their profile only)."""

    review_id: str
    campaign_title: str
    year: int
    period: ReviewPeriod
    form_id: str
    state: ReviewState
    self_level: str
    proposed_level: str
    decided_level: str


def default_title(year: int, period: ReviewPeriod, quarter: int | None = None) -> str:
    """The heading the documents carry, in Vietnamese as printed."""
    if period is ReviewPeriod.QUARTERLY and quarter:
        return f"Kiểm điểm, đánh giá, xếp loại chất lượng quý {quarter} năm {year}"
    if period is ReviewPeriod.AD_HOC:
        return f"Kiểm điểm năm {year}"
    return f"Kiểm điểm, đánh giá, xếp loại chất lượng năm {year}"


def _votes(for_: int | None, against: int | None, abstain: int | None) -> Votes | None:
    if for_ is None:
        return None
    return Votes(for_, against or 0, abstain or 0)


def criticism_row(item: Criticism) -> CriticismRow:
    by = item.by_member.full_name if item.by_member is not None else item.by_name
    return CriticismRow(
        id=item.id,
        given_on=item.given_on,
        kind=item.kind,
        by_member_id=item.by_member_id,
        by_name=by,
        about_member_id=item.about_member_id,
        about_name=item.about_member.full_name if item.about_member is not None else "",
        content=item.content,
        meeting_id=item.meeting_id,
        review_id=item.review_id,
    )


def shortcoming_row(item: Shortcoming) -> ShortcomingRow:
    return ShortcomingRow(
        id=item.id,
        member_id=item.member_id,
        member_name=item.member.full_name if item.member is not None else "",
        raised_on=item.raised_on,
        content=item.content,
        remedy=item.remedy,
        deadline=item.deadline,
        status=item.status,
        follow_up=item.follow_up,
        followed_up_on=item.followed_up_on,
        review_id=item.review_id,
        criticism_id=item.criticism_id,
    )


def period_start(campaign: ReviewCampaign) -> date:
    """The first day the campaign reviews."""
    if campaign.period is ReviewPeriod.QUARTERLY and campaign.quarter:
        return date(campaign.year, 3 * (campaign.quarter - 1) + 1, 1)
    return date(campaign.year, 1, 1)


class ReviewService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    # --- campaigns ------------------------------------------------------------

    def campaigns(self, year: int | None = None) -> list[CampaignRow]:
        """Campaigns, newest first."""
        query = (
            select(ReviewCampaign)
            .options(selectinload(ReviewCampaign.reviews))
            .order_by(ReviewCampaign.year.desc(), ReviewCampaign.started_on.desc())
        )
        if year is not None:
            query = query.where(ReviewCampaign.year == year)
        with self.book.reader() as session:
            return [
                CampaignRow(
                    id=c.id,
                    year=c.year,
                    period=c.period,
                    quarter=c.quarter,
                    title=c.title,
                    started_on=c.started_on,
                    members=len(c.reviews),
                    decided=sum(r.state is ReviewState.DECIDED for r in c.reviews),
                )
                for c in session.scalars(query).all()
            ]

    def annual_campaign(self, year: int) -> str | None:
        with self.book.reader() as session:
            return session.scalar(
                select(ReviewCampaign.id).where(
                    ReviewCampaign.year == year, ReviewCampaign.period == ReviewPeriod.ANNUAL
                )
            )

    def who_reviews(self) -> list[tuple[str, str]]:
        """(member id, form id) of every current member who must review, by name."""
        rules = self.book.rules
        with self.book.reader() as session:
            members = session.scalars(select(Member).order_by(Member.sort_key)).all()
            chosen = []
            for member in members:
                form = rules.review_form_for(member.status.value, member.work_group.value)
                if form is not None:
                    chosen.append((member.id, form.id))
            return chosen

    def start(
        self,
        year: int,
        period: ReviewPeriod = ReviewPeriod.ANNUAL,
        *,
        quarter: int | None = None,
        title: str = "",
        started_on: date | None = None,
    ) -> str:
        """Start a campaign with every member who must review (exempt members do not)."""
        check = Validator()
        check.number_between("year", year, 2000, self.today.year + 1)
        if period is ReviewPeriod.QUARTERLY:
            if quarter is None:
                check.required("quarter", None)
            else:
                check.number_between("quarter", quarter, 1, 4)
        check.max_length("title", title, 300)
        if period is ReviewPeriod.ANNUAL and self.annual_campaign(year) is not None:
            check.add("year", _("The review of {year} has already been started.").format(year=year))
        check.raise_if_any()
        chosen = self.who_reviews()
        with self.book.session() as session:
            campaign = ReviewCampaign(
                year=year,
                period=period,
                quarter=quarter if period is ReviewPeriod.QUARTERLY else None,
                title=title.strip() or default_title(year, period, quarter),
                started_on=started_on or self.today,
            )
            for member_id, form_id in chosen:
                campaign.reviews.append(MemberReview(member_id=member_id, form_id=form_id))
            session.add(campaign)
            session.flush()
            return campaign.id

    def delete_campaign(self, campaign_id: str) -> None:
        """Delete a campaign in which nothing has been written yet."""
        with self.book.session() as session:
            campaign = self._campaign(session, campaign_id)
            if (
                any(r.state is not ReviewState.NOT_STARTED for r in campaign.reviews)
                or any(
                    (campaign.cell_strengths, campaign.cell_shortcomings, campaign.cell_self_level)
                )
                or self._has_records(session, [r.id for r in campaign.reviews])
            ):
                raise refusal(_("This review has records in it and cannot be deleted."))
            session.delete(campaign)

    def set_meeting(self, campaign_id: str, meeting_id: str | None) -> None:
        """The meeting where the cell discussed and voted the reviews."""
        with self.book.session() as session:
            self._campaign(session, campaign_id).meeting_id = meeting_id

    def add_member(self, campaign_id: str, member_id: str, form_id: str | None = None) -> str:
        """Add a member the campaign left out (e.g. admitted after it started)."""
        rules = self.book.rules
        with self.book.session() as session:
            campaign = self._campaign(session, campaign_id)
            member = session.get(Member, member_id)
            if member is None:
                raise refusal(_("This member is not in the book."), "member")
            if any(r.member_id == member_id for r in campaign.reviews):
                raise refusal(_("{name} is already in this review.").format(name=member.full_name))
            form = (
                rules.review_form(form_id)
                if form_id
                else rules.review_form_for(member.status.value, member.work_group.value)
            )
            if form is None:
                raise refusal(
                    _(
                        "{name} does not review: exempt members and members not counted "
                        "in the cell do not."
                    ).format(name=member.full_name),
                    "member",
                )
            review = MemberReview(member_id=member_id, form_id=form.id)
            campaign.reviews.append(review)
            session.flush()
            return review.id

    def remove_member(self, review_id: str) -> None:
        with self.book.session() as session:
            review = self._review(session, review_id)
            if review.state is not ReviewState.NOT_STARTED:
                raise refusal(
                    _("A review that has been written cannot be removed; step it back first.")
                )
            if self._has_records(session, [review.id]):
                raise refusal(
                    _(
                        "Criticism or shortcomings were recorded on this review; "
                        "it cannot be removed."
                    )
                )
            session.delete(review)

    @staticmethod
    def _has_records(session: Session, review_ids: list[str]) -> bool:
        """Whether criticism or shortcomings were recorded on any of these reviews."""
        return any(
            session.scalar(select(model.id).where(model.review_id.in_(review_ids)).limit(1))
            for model in (Criticism, Shortcoming)
        )

    def change_form(self, review_id: str, form_id: str) -> None:
        with self.book.session() as session:
            review = self._review(session, review_id)
            if self.book.rules.review_form(form_id) is None:
                raise refusal(_("This form is not in the rule set."), "form")
            self._require(review, ReviewState.NOT_STARTED, ReviewState.WRITTEN)
            review.form_id = form_id

    # --- reading -------------------------------------------------------------------

    def campaign(self, campaign_id: str) -> CampaignDetail:
        with self.book.reader() as session:
            campaign = session.scalar(
                select(ReviewCampaign)
                .where(ReviewCampaign.id == campaign_id)
                .options(selectinload(ReviewCampaign.reviews).selectinload(MemberReview.member))
            )
            if campaign is None:
                raise refusal(_("This review is no longer in the book."))
            rows = sorted(
                (self._row(review) for review in campaign.reviews), key=lambda r: r.sort_key
            )
            warnings = list(self._quota(rows))
            return CampaignDetail(
                id=campaign.id,
                year=campaign.year,
                period=campaign.period,
                quarter=campaign.quarter,
                title=campaign.title,
                started_on=campaign.started_on,
                meeting_id=campaign.meeting_id,
                cell=ReviewTexts(
                    strengths=campaign.cell_strengths,
                    shortcomings=campaign.cell_shortcomings,
                    earlier_fixes=campaign.cell_earlier_fixes,
                    remedies=campaign.cell_remedies,
                    self_level=campaign.cell_self_level,
                ),
                cell_proposed_level=campaign.cell_proposed_level,
                cell_votes=_votes(
                    campaign.cell_votes_for,
                    campaign.cell_votes_against,
                    campaign.cell_votes_abstain,
                ),
                cell_decided_level=campaign.cell_decided_level,
                cell_decided_on=campaign.cell_decided_on,
                cell_decision_ref=campaign.cell_decision_ref,
                reviews=tuple(rows),
                warnings=tuple(warnings),
            )

    def _quota(self, rows: Sequence[ReviewRow]) -> list[str]:
        rules = self.book.rules
        proposed = [row.proposed_level for row in rows if row.proposed_level]
        decided = [row.decided_level for row in rows if row.decided_level]
        warnings = [
            _("Proposed by the cell: {warning}").format(warning=w)
            for w in quota_warnings(rules, proposed)
        ]
        warnings += [
            _("Decided by the commune: {warning}").format(warning=w)
            for w in quota_warnings(rules, decided)
        ]
        return warnings

    def _row(self, review: MemberReview) -> ReviewRow:
        rules = self.book.rules
        warnings: list[str] = []
        if review.proposed_level:
            warnings = proposal_warnings(
                rules, review.points, review.conditions_met or (), review.proposed_level
            )
        return ReviewRow(
            id=review.id,
            member_id=review.member_id,
            member_name=review.member.full_name,
            sort_key=review.member.sort_key,
            member_status=review.member.status,
            form_id=review.form_id,
            state=review.state,
            self_level=review.self_level,
            points=review.points,
            proposed_level=review.proposed_level,
            votes=_votes(review.votes_for, review.votes_against, review.votes_abstain),
            decided_level=review.decided_level,
            warnings=tuple(warnings),
        )

    def review(self, review_id: str) -> ReviewDetail:
        with self.book.reader() as session:
            review = self._review(session, review_id)
            campaign = review.campaign
            criticisms = session.scalars(
                select(Criticism)
                .where(Criticism.review_id == review_id)
                .options(selectinload(Criticism.by_member), selectinload(Criticism.about_member))
                .order_by(Criticism.given_on, Criticism.created_at, Criticism.change_seq)
            ).all()
            new = session.scalars(
                select(Shortcoming)
                .where(Shortcoming.review_id == review_id)
                .options(selectinload(Shortcoming.member))
                .order_by(Shortcoming.raised_on, Shortcoming.created_at)
            ).all()
            return ReviewDetail(
                row=self._row(review),
                campaign_id=campaign.id,
                year=campaign.year,
                texts=ReviewTexts(
                    strengths=review.strengths,
                    shortcomings=review.shortcomings,
                    earlier_fixes=review.earlier_fixes,
                    responsibility=review.responsibility,
                    remedies=review.remedies,
                    self_level=review.self_level,
                ),
                written_on=review.written_on,
                discussed_on=review.discussed_on,
                voted_on=review.voted_on,
                conditions_met=tuple(review.conditions_met or ()),
                decided_on=review.decided_on,
                decision_ref=review.decision_ref,
                criticisms=tuple(criticism_row(c) for c in criticisms),
                earlier_shortcomings=tuple(
                    shortcoming_row(s) for s in self._carried(session, review.member_id, campaign)
                ),
                new_shortcomings=tuple(shortcoming_row(s) for s in new),
            )

    def _carried(
        self, session: Session, member_id: str | None, campaign: ReviewCampaign
    ) -> list[Shortcoming]:
        """Shortcomings pointed out before this campaign and not already fixed
        before its period began: what the review must say how it fixed."""
        own = [r.id for r in campaign.reviews]
        query = (
            select(Shortcoming)
            .options(selectinload(Shortcoming.member))
            .where(Shortcoming.raised_on < campaign.started_on)
            .order_by(Shortcoming.raised_on, Shortcoming.created_at)
        )
        query = query.where(
            Shortcoming.member_id == member_id
            if member_id is not None
            else Shortcoming.member_id.is_(None)
        )
        start = period_start(campaign)
        return [
            item
            for item in session.scalars(query).all()
            if item.review_id not in own
            and not (
                item.status is ShortcomingStatus.FIXED
                and item.followed_up_on is not None
                and item.followed_up_on < start
            )
        ]

    def earlier_shortcomings_fixed(self, review_id: str) -> bool:
        """Whether every shortcoming carried into this review has been fixed
        (one of the conditions of the "excellent" level)."""
        detail = self.review(review_id)
        return all(s.status is ShortcomingStatus.FIXED for s in detail.earlier_shortcomings)

    def cell_earlier_shortcomings(self, campaign_id: str) -> list[ShortcomingRow]:
        with self.book.reader() as session:
            campaign = self._campaign(session, campaign_id)
            return [shortcoming_row(s) for s in self._carried(session, None, campaign)]

    def history(self, member_id: str) -> list[HistoryRow]:
        """The member's reviews, newest first (for their profile only)."""
        with self.book.reader() as session:
            reviews = session.scalars(
                select(MemberReview)
                .join(ReviewCampaign)
                .where(MemberReview.member_id == member_id)
                .options(selectinload(MemberReview.campaign))
                .order_by(ReviewCampaign.year.desc(), ReviewCampaign.started_on.desc())
            ).all()
            return [
                HistoryRow(
                    review_id=r.id,
                    campaign_title=r.campaign.title,
                    year=r.campaign.year,
                    period=r.campaign.period,
                    form_id=r.form_id,
                    state=r.state,
                    self_level=r.self_level,
                    proposed_level=r.proposed_level,
                    decided_level=r.decided_level,
                )
                for r in reviews
            ]

    def suggested_level(self, points: int, conditions_met: Iterable[str]) -> str:
        return level_for(self.book.rules, points, conditions_met).id

    def warnings_for(
        self, review_id: str, points: int | None, conditions: Iterable[str], proposed: str
    ) -> list[str]:
        """What the vote screen warns about before the vote is recorded: the
        proposal against the bands, and the quota counted with this proposal."""
        rules = self.book.rules
        with self.book.reader() as session:
            others = _other_proposals(self._review(session, review_id))
        return proposal_warnings(rules, points, conditions, proposed) + quota_warnings(
            rules, [*others, proposed]
        )

    # --- a member's way through the review ---------------------------------------------

    def write(self, review_id: str, texts: ReviewTexts, written_on: date | None = None) -> None:
        """Record the personal review (typed from the member's paper, or by them)."""
        on = written_on or self.today
        check = Validator()
        check.required("strengths", texts.strengths)
        check.required("self_level", texts.self_level)
        check.not_future("written_on", on, self.today)
        self._check_level(check, "self_level", texts.self_level)
        with self.book.session() as session:
            review = self._review(session, review_id)
            form = self.book.rules.review_form(review.form_id)
            if form is not None and form.has_section("remedies") and texts.shortcomings.strip():
                check.required("remedies", texts.remedies)
            check.raise_if_any()
            self._require(review, ReviewState.NOT_STARTED, ReviewState.WRITTEN)
            review.strengths = texts.strengths.strip()
            review.shortcomings = texts.shortcomings.strip()
            review.earlier_fixes = texts.earlier_fixes.strip()
            review.responsibility = texts.responsibility.strip()
            review.remedies = texts.remedies.strip()
            review.self_level = texts.self_level
            review.written_on = on
            review.state = ReviewState.WRITTEN

    def save_draft(self, review_id: str, texts: ReviewTexts) -> bool:
        """Keep what has been typed of a review not yet written, unchecked, so
        that nothing is lost (a closed window, a power cut); `write` checks it
        and marks it written. Returns False once the review is written: a
        written review changes only through `write`."""
        with self.book.session() as session:
            review = self._review(session, review_id)
            if review.state is not ReviewState.NOT_STARTED:
                return False
            review.strengths = texts.strengths
            review.shortcomings = texts.shortcomings
            review.earlier_fixes = texts.earlier_fixes
            review.responsibility = texts.responsibility
            review.remedies = texts.remedies
            review.self_level = texts.self_level if level(self.book.rules, texts.self_level) else ""
            return True

    def discuss(
        self,
        review_id: str,
        discussed_on: date | None = None,
        criticisms: Sequence[tuple[str | None, str, str]] = (),
    ) -> None:
        """The cell has discussed the review; `criticisms` are (member id or
        None, name when not a member, what they said)."""
        on = discussed_on or self.today
        check = Validator()
        check.not_future("discussed_on", on, self.today)
        check.raise_if_any()
        with self.book.session() as session:
            review = self._review(session, review_id)
            self._require(review, ReviewState.WRITTEN, ReviewState.DISCUSSED)
            if review.written_on and on < review.written_on:
                raise refusal(
                    _("The discussion cannot be before the review was written."), "discussed_on"
                )
            for by_member_id, by_name, content in criticisms:
                self._add_criticism(session, review, by_member_id, by_name, content, on)
            review.discussed_on = on
            review.state = ReviewState.DISCUSSED

    def add_criticism(
        self,
        review_id: str,
        content: str,
        *,
        by_member_id: str | None = None,
        by_name: str = "",
        given_on: date | None = None,
    ) -> str:
        """Criticism given about the member while their review is discussed."""
        with self.book.session() as session:
            review = self._review(session, review_id)
            self._require(review, ReviewState.WRITTEN, ReviewState.DISCUSSED, ReviewState.VOTED)
            item = self._add_criticism(
                session, review, by_member_id, by_name, content, given_on or review.discussed_on
            )
            session.flush()
            return item.id

    def _add_criticism(
        self,
        session: Session,
        review: MemberReview,
        by_member_id: str | None,
        by_name: str,
        content: str,
        given_on: date | None,
    ) -> Criticism:
        on = given_on or self.today
        check = Validator()
        check_criticism(check, content, on, self.today, by_member_id, by_name)
        check.raise_if_any()
        item = make_criticism(
            content,
            given_on=on,
            by_member_id=by_member_id,
            by_name=by_name,
            about_member_id=review.member_id,
            meeting_id=review.campaign.meeting_id,
            review_id=review.id,
        )
        session.add(item)
        return item

    def vote(
        self,
        review_id: str,
        *,
        points: int,
        conditions_met: Iterable[str],
        proposed_level: str,
        votes: Votes,
        voted_on: date | None = None,
    ) -> list[str]:
        """Record the points, the proposed level and the show of hands on it.
        Returns the warnings (bands, conditions, quota); in a rule set whose
        quota forbids, a proposal over the quota is refused."""
        rules = self.book.rules
        on = voted_on or self.today
        met = [c for c in dict.fromkeys(conditions_met)]
        check = Validator()
        check.number_between("points", points, 0, 100)
        check.required("proposed_level", proposed_level)
        self._check_level(check, "proposed_level", proposed_level)
        known = {condition.id for condition in rules.rating_conditions}
        if any(c not in known for c in met):
            check.add("proposed_level", _("A condition is not in the rule set."))
        _check_votes(check, votes)
        check.not_future("voted_on", on, self.today)
        check.raise_if_any()
        with self.book.session() as session:
            review = self._review(session, review_id)
            self._require(review, ReviewState.DISCUSSED, ReviewState.VOTED)
            self._refuse_more_hands_than_voters(review.campaign, votes)
            over_quota = quota_warnings(rules, [*_other_proposals(review), proposed_level])
            if over_quota and rules.excellent_cap.forbid:
                raise refusal(over_quota[0], "proposed_level")
            review.points = points
            review.conditions_met = met
            review.proposed_level = proposed_level
            review.votes_for, review.votes_against, review.votes_abstain = (
                votes.for_,
                votes.against,
                votes.abstain,
            )
            review.voted_on = on
            review.state = ReviewState.VOTED
        return proposal_warnings(rules, points, met, proposed_level) + over_quota

    def _refuse_more_hands_than_voters(self, campaign: ReviewCampaign, votes: Votes) -> None:
        voters = self._voters(campaign)
        if voters is not None and votes.total > voters:
            raise refusal(
                _(
                    "Votes: {total} hands counted, but only {voters} full members were present."
                ).format(total=votes.total, voters=voters),
                "votes",
            )

    def voters_present(self, campaign_id: str) -> int | None:
        """Full members present at the review meeting (they vote); None when
        no meeting with attendance is linked."""
        with self.book.reader() as session:
            return self._voters(self._campaign(session, campaign_id))

    def _voters(self, campaign: ReviewCampaign) -> int | None:
        """Full members present at the review meeting, when one with attendance is linked."""
        if campaign.meeting_id is None:
            return None
        counts: AttendanceCounts = MinutesService(self.book, self.today).counts(campaign.meeting_id)
        return counts.voting_present if counts.total else None

    def decide(
        self, review_id: str, level_id: str, decided_on: date | None = None, decision_ref: str = ""
    ) -> None:
        """The commune's decision on the member's level."""
        on = decided_on or self.today
        self._check_decision(level_id, on, decision_ref)
        with self.book.session() as session:
            review = self._review(session, review_id)
            self._require(review, ReviewState.VOTED, ReviewState.DECIDED)
            if review.voted_on and on < review.voted_on:
                raise refusal(_("The decision cannot be before the cell's vote."), "decided_on")
            review.decided_level = level_id
            review.decided_on = on
            review.decision_ref = decision_ref.strip()
            review.state = ReviewState.DECIDED

    def step_back(self, review_id: str) -> ReviewState:
        """Undo the last step to correct it; returns the state now."""
        with self.book.session() as session:
            review = self._review(session, review_id)
            state = review.state
            if state is ReviewState.DECIDED:
                review.decided_level, review.decided_on, review.decision_ref = "", None, ""
            elif state is ReviewState.VOTED:
                review.points, review.conditions_met, review.proposed_level = None, [], ""
                review.votes_for = review.votes_against = review.votes_abstain = None
                review.voted_on = None
            elif state is ReviewState.DISCUSSED:
                review.discussed_on = None
            elif state is ReviewState.WRITTEN:
                review.written_on = None
            else:
                raise refusal(_("This review has not been started."))
            review.state = STATE_ORDER[STATE_ORDER.index(state) - 1]
            return review.state

    # --- the cell's own review ------------------------------------------------------

    def write_cell_review(self, campaign_id: str, texts: ReviewTexts) -> None:
        check = Validator()
        check.required("strengths", texts.strengths)
        check.required("self_level", texts.self_level)
        self._check_level(check, "self_level", texts.self_level)
        check.raise_if_any()
        with self.book.session() as session:
            campaign = self._campaign(session, campaign_id)
            if campaign.cell_decided_level:
                raise refusal(_("The commune has decided the cell's level; step it back first."))
            campaign.cell_strengths = texts.strengths.strip()
            campaign.cell_shortcomings = texts.shortcomings.strip()
            campaign.cell_earlier_fixes = texts.earlier_fixes.strip()
            campaign.cell_remedies = texts.remedies.strip()
            campaign.cell_self_level = texts.self_level

    def vote_cell(self, campaign_id: str, proposed_level: str, votes: Votes) -> None:
        check = Validator()
        check.required("proposed_level", proposed_level)
        self._check_level(check, "proposed_level", proposed_level)
        _check_votes(check, votes)
        check.raise_if_any()
        with self.book.session() as session:
            campaign = self._campaign(session, campaign_id)
            if not campaign.cell_strengths:
                raise refusal(_("Write the cell's collective review first."))
            if campaign.cell_decided_level:
                raise refusal(_("The commune has decided the cell's level; step it back first."))
            self._refuse_more_hands_than_voters(campaign, votes)
            campaign.cell_proposed_level = proposed_level
            campaign.cell_votes_for = votes.for_
            campaign.cell_votes_against = votes.against
            campaign.cell_votes_abstain = votes.abstain

    def decide_cell(
        self,
        campaign_id: str,
        level_id: str,
        decided_on: date | None = None,
        decision_ref: str = "",
    ) -> None:
        on = decided_on or self.today
        self._check_decision(level_id, on, decision_ref)
        with self.book.session() as session:
            campaign = self._campaign(session, campaign_id)
            if not campaign.cell_proposed_level:
                raise refusal(_("The cell has not voted on its own level yet."))
            campaign.cell_decided_level = level_id
            campaign.cell_decided_on = on
            campaign.cell_decision_ref = decision_ref.strip()

    def undo_cell_decision(self, campaign_id: str) -> None:
        with self.book.session() as session:
            campaign = self._campaign(session, campaign_id)
            campaign.cell_decided_level, campaign.cell_decided_on = "", None
            campaign.cell_decision_ref = ""

    # --- helpers ----------------------------------------------------------------------

    def _check_decision(self, level_id: str, on: date, decision_ref: str) -> None:
        check = Validator()
        check.required("decided_level", level_id)
        self._check_level(check, "decided_level", level_id)
        check.not_future("decided_on", on, self.today)
        check.max_length("decision_ref", decision_ref, 120)
        check.raise_if_any()

    def _check_level(self, check: Validator, name: str, level_id: str) -> None:
        if level_id and level(self.book.rules, level_id) is None:
            check.add(name, _("{value} is not a level of the rule set.").format(value=level_id))

    @staticmethod
    def _require(review: MemberReview, *allowed: ReviewState) -> None:
        if review.state in allowed:
            return
        needed = {
            ReviewState.NOT_STARTED: _("The review has already moved on; step it back first."),
            ReviewState.WRITTEN: _("The personal review has not been written yet."),
            ReviewState.DISCUSSED: _("The cell has not discussed this review yet."),
            ReviewState.VOTED: _("The cell has not voted on a level yet."),
        }
        if STATE_ORDER.index(review.state) > STATE_ORDER.index(allowed[-1]):
            raise refusal(
                _("This review is already {state}; step it back first to change it.").format(
                    state=_state_word(review.state)
                )
            )
        raise refusal(needed.get(allowed[0], needed[ReviewState.NOT_STARTED]))

    @staticmethod
    def _campaign(session: Session, campaign_id: str) -> ReviewCampaign:
        campaign = session.get(ReviewCampaign, campaign_id)
        if campaign is None:
            raise refusal(_("This review is no longer in the book."))
        return campaign

    @staticmethod
    def _review(session: Session, review_id: str) -> MemberReview:
        review = session.get(MemberReview, review_id)
        if review is None:
            raise refusal(_("This member's review is no longer in the book."))
        return review


def check_criticism(
    check: Validator,
    content: str,
    given_on: date,
    today: date,
    by_member_id: str | None,
    by_name: str,
) -> None:
    """The fields of a criticism: what was said, when, and who said it (a
    member, or a name for a guest or the commune)."""
    check.required("content", content)
    check.not_future("given_on", given_on, today)
    if by_member_id is None and not by_name.strip():
        check.required("by_member", None)
    check.max_length("by_member", by_name, 120)


def make_criticism(
    content: str,
    *,
    given_on: date,
    by_member_id: str | None,
    by_name: str,
    about_member_id: str | None,
    meeting_id: str | None,
    review_id: str | None = None,
) -> Criticism:
    """A checked criticism's record: self-criticism when a member speaks about themself."""
    self_criticism = by_member_id is not None and by_member_id == about_member_id
    return Criticism(
        given_on=given_on,
        kind=CriticismKind.SELF if self_criticism else CriticismKind.CRITICISM,
        by_member_id=by_member_id,
        by_name="" if by_member_id else by_name.strip(),
        about_member_id=about_member_id,
        meeting_id=meeting_id,
        review_id=review_id,
        content=content.strip(),
    )


def _other_proposals(review: MemberReview) -> list[str]:
    """The levels proposed for the other members of the review's campaign."""
    return [
        r.proposed_level for r in review.campaign.reviews if r.id != review.id and r.proposed_level
    ]


def _check_votes(check: Validator, votes: Votes) -> None:
    if min(votes.for_, votes.against, votes.abstain) < 0:
        check.add("votes", _("Votes: the numbers cannot be negative."))


def _state_word(state: ReviewState) -> str:
    return enum_label(state).lower()
