"""Every enrolled cell at a glance, for a commune book.

One row per cell (the peers enrolled with the role "cell", grouped by their
organisation: a cell that keeps its book on two computers is one row), read
from the copies of the cell's records that came in its bundles:

- the last bundle received and how many came in;
- the month's adopted meetings by kind (regular, thematic, extraordinary; the
  committee's preparatory meetings are not counted), each with its score and
  grade as the cell recorded them;
- attendance at the month's regular meetings: members present out of members
  expected, counted the way the cell's minutes count them
  (`desktop.services.meeting_rules.attendance_counts`: full and probationary
  members are expected; exempt, away and attached members are not);
- thematic meetings held in the month's quarter (the rule set asks for at
  least `thematic_per_quarter`, one by default);
- recommendations still waiting today (open or forwarded, and not answered
  by the commune yet) and the age in days of the oldest;
- the results of the latest review up to the month's year: members per
  level (the commune's decision, else the level the cell proposed), how many
  the commune has not decided yet, and the cell's own level.

A meeting counts in the month of the day it was held (else the day it was
planned for). Cells enrolled but not heard from yet have a row with empty
figures. Nothing here changes the book.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from desktop.data.enums import (
    DecisionKind,
    MeetingKind,
    MeetingState,
    PeerRole,
    RecommendationStatus,
    ReviewPeriod,
)
from desktop.data.models import (
    Attendance,
    BundleLog,
    CommuneDecision,
    Meeting,
    MemberReview,
    Organisation,
    Recommendation,
    ReviewCampaign,
    SharedDocument,
    SyncPeer,
)
from desktop.data.text import fold, person_sort_key
from desktop.services.book import Book
from desktop.services.meeting_rules import attendance_counts

COUNTED_KINDS = (MeetingKind.REGULAR, MeetingKind.THEMATIC, MeetingKind.EXTRAORDINARY)
WAITING = (RecommendationStatus.OPEN, RecommendationStatus.FORWARDED)
ATTENDANCE_FLOOR = 0.8  # under this share of members present, a cell needs attention


class Attention(StrEnum):
    """Why a cell needs the commune's attention in the month."""

    NO_BUNDLE = "no_bundle"  # enrolled, nothing received yet
    NO_MEETING = "no_meeting"  # no regular meeting in the month (once its day has passed)
    NO_THEMATIC = "no_thematic"  # fewer thematic meetings in the quarter than the rule asks
    LOW_ATTENDANCE = "low_attendance"  # under 80% present at the regular meetings
    OVERDUE_RECOMMENDATIONS = "overdue_recommendations"  # waiting longer than the rule allows


@dataclass(frozen=True)
class MeetingFigure:
    id: str
    kind: MeetingKind
    day: date
    title: str
    topic: str
    score: float | None
    grade: str  # the band id as the cell stored it ("good"), "" when not scored


@dataclass(frozen=True)
class ReviewFigures:
    """The latest review of a cell, up to the chosen month's year."""

    campaign_id: str
    year: int
    period: ReviewPeriod
    reviewed: int  # members in the review
    levels: dict[str, int]  # rating level id -> members (decided, else proposed)
    decided: int  # members the commune has decided on
    cell_level: str  # the cell's own level: decided, else proposed; "" for none
    cell_level_decided: bool

    @property
    def rated(self) -> int:
        return sum(self.levels.values())

    @property
    def not_decided(self) -> int:
        return self.reviewed - self.decided

    def count(self, level_id: str) -> int:
        return self.levels.get(level_id, 0)


@dataclass(frozen=True)
class CellFigures:
    org_id: str
    name: str
    book_ids: tuple[str, ...]
    last_received_at: datetime | None
    bundles_received: int
    meetings: tuple[MeetingFigure, ...] = ()  # the month's, by day
    present: int = 0  # at the month's regular meetings
    expected: int = 0
    thematic_in_quarter: int = 0
    thematic_required: int = 1
    waiting_recommendations: int = 0
    oldest_waiting_days: int | None = None
    overdue_recommendations: int = 0
    review: ReviewFigures | None = None
    attention: tuple[Attention, ...] = ()

    @property
    def has_bundle(self) -> bool:
        return self.last_received_at is not None or self.bundles_received > 0

    def held(self, kind: MeetingKind) -> int:
        return sum(1 for meeting in self.meetings if meeting.kind is kind)

    @property
    def regular(self) -> int:
        return self.held(MeetingKind.REGULAR)

    @property
    def thematic(self) -> int:
        return self.held(MeetingKind.THEMATIC)

    @property
    def extraordinary(self) -> int:
        return self.held(MeetingKind.EXTRAORDINARY)

    @property
    def attendance_rate(self) -> float | None:
        """Present out of expected, 0 to 1; None without a regular meeting."""
        return self.present / self.expected if self.expected else None

    @property
    def regular_meeting(self) -> MeetingFigure | None:
        """The month's regular meeting (the first, if the cell held two)."""
        return next((m for m in self.meetings if m.kind is MeetingKind.REGULAR), None)

    @property
    def needs_attention(self) -> bool:
        return bool(self.attention)


@dataclass(frozen=True)
class CommuneTotals:
    cells: int
    cells_heard_from: int
    regular: int
    thematic: int
    extraordinary: int
    present: int
    expected: int
    cells_with_thematic: int
    waiting_recommendations: int
    oldest_waiting_days: int | None
    overdue_recommendations: int
    levels: dict[str, int]
    reviewed: int
    not_decided: int
    cells_needing_attention: int

    @property
    def meetings(self) -> int:
        return self.regular + self.thematic + self.extraordinary

    @property
    def attendance_rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass(frozen=True)
class CommuneOverview:
    month: date  # first day of the chosen month
    today: date
    recommendation_limit_days: int
    cells: tuple[CellFigures, ...]
    totals: CommuneTotals
    rating_levels: tuple[str, ...] = field(default=())  # level ids, best first

    @property
    def quarter(self) -> int:
        return quarter_of(self.month)

    @property
    def needing_attention(self) -> list[CellFigures]:
        return [cell for cell in self.cells if cell.needs_attention]


# --- months and quarters ------------------------------------------------------------


def month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(day: date) -> tuple[date, date]:
    first_month = 3 * (quarter_of(day) - 1) + 1
    start = date(day.year, first_month, 1)
    return start, month_bounds(date(day.year, first_month + 2, 1))[1]


def meeting_day(held_on: date | None, scheduled_on: date) -> date:
    return held_on or scheduled_on


# --- the overview ---------------------------------------------------------------------


@dataclass(frozen=True)
class EnrolledCell:
    """A cell as enrolled here: its organisation and its books (computers)."""

    org_id: str
    name: str
    book_ids: tuple[str, ...]
    last_received_at: datetime | None
    bundles_received: int
    meeting_day: int


def enrolled_cells(book: Book) -> list[EnrolledCell]:
    """The cells enrolled in this book, one per organisation, by name."""
    with book.reader() as session:
        peers = session.scalars(select(SyncPeer).where(SyncPeer.role == PeerRole.CELL)).all()
        groups: dict[str, list[SyncPeer]] = defaultdict(list)
        for peer in peers:
            groups[peer.org_id].append(peer)
        orgs = {
            org.id: org
            for org in session.scalars(
                select(Organisation).where(Organisation.id.in_(list(groups)))
            )
        }
        book_ids = [peer.book_id for peer in peers]
        received = dict(
            session.execute(
                select(BundleLog.peer_book_id, func.count())
                .where(BundleLog.direction == "in", BundleLog.peer_book_id.in_(book_ids))
                .group_by(BundleLog.peer_book_id)
            ).all()
        )
    cells = []
    for org_id, group in groups.items():
        org = orgs.get(org_id)
        stamps = [peer.last_received_at for peer in group if peer.last_received_at is not None]
        latest = max(group, key=lambda peer: peer.enrolled_at)
        cells.append(
            EnrolledCell(
                org_id=org_id,
                name=org.name if org is not None else latest.org_name,
                book_ids=tuple(sorted(peer.book_id for peer in group)),
                last_received_at=max(stamps) if stamps else None,
                bundles_received=sum(int(received.get(peer.book_id, 0)) for peer in group),
                meeting_day=org.meeting_day if org is not None else 3,
            )
        )
    return sorted(cells, key=lambda cell: (fold(cell.name), cell.org_id))


def commune_overview(book: Book, month: date, today: date | None = None) -> CommuneOverview:
    """The figures of every enrolled cell for `month` (any day of it)."""
    today = today or date.today()
    month = month.replace(day=1)
    rules = book.rules
    limit = rules.recommendation_limit_days
    required = int(rules.data.get("meeting", {}).get("thematic_per_quarter", 1))
    cells = enrolled_cells(book)
    org_ids = [cell.org_id for cell in cells]
    meetings = _meetings(book, org_ids, month)
    attendance = _attendance(book, [m.id for ms in meetings.values() for m in ms])
    waiting = _waiting_recommendations(book, org_ids)
    reviews = _latest_reviews(book, org_ids, month.year)
    first, last = month_bounds(month)
    rows = []
    for cell in cells:
        in_quarter = meetings.get(cell.org_id, [])
        in_month = tuple(m for m in in_quarter if first <= m.day <= last)
        regular_ids = [m.id for m in in_month if m.kind is MeetingKind.REGULAR]
        counts = attendance_counts(row for mid in regular_ids for row in attendance.get(mid, []))
        ages = [(today - raised).days for raised in waiting.get(cell.org_id, [])]
        figures = CellFigures(
            org_id=cell.org_id,
            name=cell.name,
            book_ids=cell.book_ids,
            last_received_at=cell.last_received_at,
            bundles_received=cell.bundles_received,
            meetings=in_month,
            present=counts.present,
            expected=counts.total,
            thematic_in_quarter=sum(1 for m in in_quarter if m.kind is MeetingKind.THEMATIC),
            thematic_required=required,
            waiting_recommendations=len(ages),
            oldest_waiting_days=max(ages) if ages else None,
            overdue_recommendations=sum(1 for age in ages if age > limit),
            review=reviews.get(cell.org_id),
        )
        rows.append(_with_attention(figures, cell.meeting_day, month, today))
    levels = tuple(band.id for band in rules.rating_levels)
    return CommuneOverview(
        month=month,
        today=today,
        recommendation_limit_days=limit,
        cells=tuple(rows),
        totals=_totals(rows),
        rating_levels=levels,
    )


def _with_attention(
    cell: CellFigures, day_of_meeting: int, month: date, today: date
) -> CellFigures:
    reasons: list[Attention] = []
    if not cell.has_bundle:
        return replace(cell, attention=(Attention.NO_BUNDLE,))
    first, last = month_bounds(month)
    if first <= today:
        meeting_due = today > last or today.day > day_of_meeting
        if meeting_due and cell.regular == 0:
            reasons.append(Attention.NO_MEETING)
        quarter_end = quarter_bounds(month)[1]
        last_month_of_quarter = month.month % 3 == 0
        if cell.thematic_in_quarter < cell.thematic_required and (
            today > quarter_end or last_month_of_quarter
        ):
            reasons.append(Attention.NO_THEMATIC)
        rate = cell.attendance_rate
        if rate is not None and rate < ATTENDANCE_FLOOR:
            reasons.append(Attention.LOW_ATTENDANCE)
    if cell.overdue_recommendations:
        reasons.append(Attention.OVERDUE_RECOMMENDATIONS)
    return replace(cell, attention=tuple(reasons))


def _totals(rows: list[CellFigures]) -> CommuneTotals:
    levels: Counter[str] = Counter()
    for row in rows:
        if row.review is not None:
            levels.update(row.review.levels)
    ages = [row.oldest_waiting_days for row in rows if row.oldest_waiting_days is not None]
    return CommuneTotals(
        cells=len(rows),
        cells_heard_from=sum(1 for row in rows if row.has_bundle),
        regular=sum(row.regular for row in rows),
        thematic=sum(row.thematic for row in rows),
        extraordinary=sum(row.extraordinary for row in rows),
        present=sum(row.present for row in rows),
        expected=sum(row.expected for row in rows),
        cells_with_thematic=sum(
            1 for row in rows if row.has_bundle and row.thematic_in_quarter >= row.thematic_required
        ),
        waiting_recommendations=sum(row.waiting_recommendations for row in rows),
        oldest_waiting_days=max(ages) if ages else None,
        overdue_recommendations=sum(row.overdue_recommendations for row in rows),
        levels=dict(levels),
        reviewed=sum(row.review.reviewed for row in rows if row.review is not None),
        not_decided=sum(row.review.not_decided for row in rows if row.review is not None),
        cells_needing_attention=sum(1 for row in rows if row.needs_attention),
    )


# --- reading ---------------------------------------------------------------------------


def _meetings(book: Book, org_ids: list[str], month: date) -> dict[str, list[MeetingFigure]]:
    """Adopted meetings (not the committee's) of the month's quarter, per cell."""
    start, end = quarter_bounds(month)
    day = func.coalesce(Meeting.held_on, Meeting.scheduled_on)
    found: dict[str, list[MeetingFigure]] = defaultdict(list)
    with book.reader() as session:
        rows = session.execute(
            select(
                Meeting.org_id,
                Meeting.id,
                Meeting.kind,
                Meeting.held_on,
                Meeting.scheduled_on,
                Meeting.title,
                Meeting.topic,
                Meeting.score,
                Meeting.grade,
            ).where(
                Meeting.org_id.in_(org_ids),
                Meeting.state == MeetingState.ADOPTED,
                Meeting.kind.in_(COUNTED_KINDS),
                day >= start,
                day <= end,
            )
        ).all()
    order = {kind: index for index, kind in enumerate(COUNTED_KINDS)}
    for org_id, mid, kind, held_on, scheduled_on, title, topic, score, grade in rows:
        found[org_id].append(
            MeetingFigure(
                mid, kind, meeting_day(held_on, scheduled_on), title, topic, score, grade or ""
            )
        )
    for figures in found.values():
        figures.sort(key=lambda m: (m.day, order[m.kind], m.id))
    return found


def _attendance(book: Book, meeting_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with book.reader() as session:
        for chunk in _chunks(meeting_ids):
            for meeting_id, member_status, status in session.execute(
                select(Attendance.meeting_id, Attendance.member_status, Attendance.status).where(
                    Attendance.meeting_id.in_(chunk)
                )
            ):
                found[meeting_id].append((member_status, status))
    return found


def answered_here(book: Book) -> dict[str, datetime]:
    """The recommendations the commune has answered in this book: id -> when
    its latest answer was written."""
    with book.reader() as session:
        rows = session.execute(
            select(CommuneDecision.target_id, func.max(CommuneDecision.updated_at))
            .where(
                CommuneDecision.kind == DecisionKind.ANSWER,
                CommuneDecision.org_id == book.owner_org_id,
            )
            .group_by(CommuneDecision.target_id)
        ).all()
    return {target_id: written for target_id, written in rows}


def _waiting_recommendations(book: Book, org_ids: list[str]) -> dict[str, list[date]]:
    """The day each waiting recommendation was raised, per cell. One the commune
    has answered since the cell last changed it is not waiting any more (the
    answer is on its way); one the cell reopened after that answer is."""
    answered = answered_here(book)
    found: dict[str, list[date]] = defaultdict(list)
    with book.reader() as session:
        for rid, org_id, raised_on, updated_at in session.execute(
            select(
                Recommendation.id,
                Recommendation.org_id,
                Recommendation.raised_on,
                Recommendation.updated_at,
            ).where(Recommendation.org_id.in_(org_ids), Recommendation.status.in_(WAITING))
        ):
            answer = answered.get(rid)
            if answer is None or answer < updated_at:
                found[org_id].append(raised_on)
    return found


def latest_campaigns(book: Book, org_ids: Iterable[str], year: int) -> dict[str, ReviewCampaign]:
    """Each cell's latest review up to `year`: the annual one of the latest year
    with a review, else that year's latest review of another period."""
    with book.reader() as session:
        campaigns = session.scalars(
            select(ReviewCampaign).where(
                ReviewCampaign.org_id.in_(list(org_ids)), ReviewCampaign.year <= year
            )
        ).all()
        session.expunge_all()
    best: dict[str, ReviewCampaign] = {}

    def rank(campaign: ReviewCampaign) -> tuple[int, bool, date, datetime]:
        annual = campaign.period is ReviewPeriod.ANNUAL
        return (campaign.year, annual, campaign.started_on, campaign.created_at)

    for campaign in campaigns:
        current = best.get(campaign.org_id)
        if current is None or rank(campaign) > rank(current):
            best[campaign.org_id] = campaign
    return best


def _latest_reviews(book: Book, org_ids: list[str], year: int) -> dict[str, ReviewFigures]:
    campaigns = latest_campaigns(book, org_ids, year)
    by_campaign: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with book.reader() as session:
        for chunk in _chunks([c.id for c in campaigns.values()]):
            for campaign_id, proposed, decided in session.execute(
                select(
                    MemberReview.campaign_id,
                    MemberReview.proposed_level,
                    MemberReview.decided_level,
                ).where(MemberReview.campaign_id.in_(chunk))
            ):
                by_campaign[campaign_id].append((proposed or "", decided or ""))
    figures = {}
    for org_id, campaign in campaigns.items():
        rows = by_campaign.get(campaign.id, [])
        levels = Counter(decided or proposed for proposed, decided in rows if decided or proposed)
        figures[org_id] = ReviewFigures(
            campaign_id=campaign.id,
            year=campaign.year,
            period=campaign.period,
            reviewed=len(rows),
            levels=dict(levels),
            decided=sum(1 for _proposed, decided in rows if decided),
            cell_level=campaign.cell_decided_level or campaign.cell_proposed_level,
            cell_level_decided=bool(campaign.cell_decided_level),
        )
    return figures


def _chunks(values: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


# --- one cell in detail -----------------------------------------------------------------


@dataclass(frozen=True)
class DecisionState:
    """The commune's latest word on one of a cell's records."""

    id: str
    kind: DecisionKind
    target_id: str
    level: str
    text: str
    decided_on: date
    decision_ref: str
    change_seq: int


@dataclass(frozen=True)
class WaitingRecommendation:
    id: str
    raised_on: date
    raised_by: str
    content: str
    addressee: str
    status: RecommendationStatus
    days_waiting: int
    overdue: bool
    answer: DecisionState | None  # the commune's answer, if it has given one here


@dataclass(frozen=True)
class MemberRating:
    review_id: str
    member_name: str
    state: str  # ReviewState value, as the cell last reported it
    self_level: str
    proposed_level: str
    decided_level: str  # as the cell's record has it
    decision: DecisionState | None  # the commune's decision made here

    @property
    def can_decide(self) -> bool:
        return bool(self.proposed_level)


@dataclass(frozen=True)
class CellRating:
    campaign_id: str
    year: int
    period: ReviewPeriod
    title: str
    self_level: str
    proposed_level: str
    decided_level: str
    decision: DecisionState | None


@dataclass(frozen=True)
class ReceivedDocument:
    id: str
    kind: str  # SharedDocumentKind value
    title: str
    number: str
    issued_on: date | None
    file_name: str
    size: int


@dataclass(frozen=True)
class CellDetail:
    org_id: str
    name: str
    recommendations: tuple[WaitingRecommendation, ...]
    campaign: CellRating | None
    ratings: tuple[MemberRating, ...]
    documents: tuple[ReceivedDocument, ...]


def latest_decisions(book: Book, cell_org_id: str) -> dict[tuple[DecisionKind, str], DecisionState]:
    """The commune's newest decision on each of a cell's records, by (kind, target)."""
    found: dict[tuple[DecisionKind, str], DecisionState] = {}
    with book.reader() as session:
        for row in session.scalars(
            select(CommuneDecision)
            .where(
                CommuneDecision.cell_org_id == cell_org_id,
                CommuneDecision.org_id == book.owner_org_id,
            )
            .order_by(CommuneDecision.change_seq)
        ):
            found[(row.kind, row.target_id)] = DecisionState(
                id=row.id,
                kind=row.kind,
                target_id=row.target_id,
                level=row.level,
                text=row.text,
                decided_on=row.decided_on,
                decision_ref=row.decision_ref,
                change_seq=row.change_seq,
            )
    return found


def cell_detail(book: Book, org_id: str, year: int, today: date | None = None) -> CellDetail:
    """A cell's waiting recommendations, its latest review up to `year` with
    each member's rating, and the documents it handed up (newest first)."""
    today = today or date.today()
    limit = book.rules.recommendation_limit_days
    decisions = latest_decisions(book, org_id)
    cell = next((c for c in enrolled_cells(book) if c.org_id == org_id), None)
    campaign = latest_campaigns(book, [org_id], year).get(org_id)
    with book.reader() as session:
        waiting = session.scalars(
            select(Recommendation)
            .where(Recommendation.org_id == org_id, Recommendation.status.in_(WAITING))
            .options(selectinload(Recommendation.raised_by))
            .order_by(Recommendation.raised_on, Recommendation.created_at)
        ).all()
        recommendations = tuple(
            WaitingRecommendation(
                id=item.id,
                raised_on=item.raised_on,
                raised_by=item.raised_by.full_name if item.raised_by is not None else "",
                content=item.content,
                addressee=item.addressee,
                status=item.status,
                days_waiting=(today - item.raised_on).days,
                overdue=(today - item.raised_on).days > limit,
                answer=decisions.get((DecisionKind.ANSWER, item.id)),
            )
            for item in waiting
        )
        ratings: tuple[MemberRating, ...] = ()
        if campaign is not None:
            reviews = session.scalars(
                select(MemberReview)
                .where(MemberReview.campaign_id == campaign.id)
                .options(selectinload(MemberReview.member))
            ).all()
            ratings = tuple(
                sorted(
                    (
                        MemberRating(
                            review_id=review.id,
                            member_name=review.member.full_name if review.member else "",
                            state=review.state.value,
                            self_level=review.self_level,
                            proposed_level=review.proposed_level,
                            decided_level=review.decided_level,
                            decision=decisions.get((DecisionKind.MEMBER_RATING, review.id)),
                        )
                        for review in reviews
                    ),
                    key=lambda rating: person_sort_key(rating.member_name),
                )
            )
        documents = tuple(
            ReceivedDocument(
                id=doc.id,
                kind=doc.kind.value,
                title=doc.title,
                number=doc.number,
                issued_on=doc.issued_on,
                file_name=doc.file_name,
                size=doc.size,
            )
            for doc in session.scalars(
                select(SharedDocument)
                .where(SharedDocument.org_id == org_id)
                .order_by(SharedDocument.issued_on.desc(), SharedDocument.title)
            )
        )
    rating = None
    if campaign is not None:
        rating = CellRating(
            campaign_id=campaign.id,
            year=campaign.year,
            period=campaign.period,
            title=campaign.title,
            self_level=campaign.cell_self_level,
            proposed_level=campaign.cell_proposed_level,
            decided_level=campaign.cell_decided_level,
            decision=decisions.get((DecisionKind.CELL_RATING, campaign.id)),
        )
    return CellDetail(
        org_id=org_id,
        name=cell.name if cell is not None else "",
        recommendations=recommendations,
        campaign=rating,
        ratings=ratings,
        documents=documents,
    )
