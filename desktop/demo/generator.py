"""Writing the whole demo book: the cell, its people, two years of meetings
and last year's review."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial
from itertools import cycle
from pathlib import Path

from sqlalchemy import select

from desktop.data.base import SyncedRecord
from desktop.data.enums import MeetingState
from desktop.data.models import (
    AgendaItem,
    Attendance,
    BookState,
    Commendation,
    CommitteePost,
    CommitteeTerm,
    Criticism,
    DocumentRecord,
    DuesPayment,
    EmulationPledge,
    Meeting,
    MeetingDocument,
    MeetingGuest,
    Member,
    MemberEvent,
    MemberReview,
    Organisation,
    Recommendation,
    Resolution,
    ResolutionTask,
    ReviewCampaign,
    RuleSetRecord,
    Shortcoming,
    Speech,
)
from desktop.data.stamping import BookSession
from desktop.demo import phrases, places
from desktop.demo.committee import build_committee, term_name
from desktop.demo.criticism import follow_up as follow_up_shortcomings
from desktop.demo.criticism import meeting_criticism
from desktop.demo.emulation import write_commendations, write_pledges
from desktop.demo.ledger import write_ledger
from desktop.demo.other_meetings import hold_committee, hold_extraordinary, hold_thematic
from desktop.demo.people import MemberBuilder, write_events
from desktop.demo.recommendations import follow_up
from desktop.demo.records import RecordFactory, local_moment
from desktop.demo.register import number_documents
from desktop.demo.regular import RegularMeetings
from desktop.demo.resolutions import ResolutionWriter
from desktop.demo.reviews import (
    STARTS,
    PreviousYear,
    regular_meetings,
    review_day,
    start_this_year,
)
from desktop.demo.schedule import (
    regular_months,
    term_start_year,
    thematic_month_indexes,
    working_day,
)
from desktop.demo.speech import TextMaker
from desktop.demo.story import HeldMeeting, Story
from desktop.services.adoption import content_hash
from desktop.services.book import Book, NewBookDetails

MONTHS = 24
MEETING_DAY = 3
RECOMMENDATIONS = 10

# Records are written in this order, one flush per group, so that every
# foreign key points at a row that already exists.
FLUSH_GROUPS: tuple[tuple[type[SyncedRecord], ...], ...] = (
    (CommitteeTerm, Member, CommitteePost),
    (MemberEvent, DuesPayment),
    (Meeting, AgendaItem, MeetingDocument),
    (Attendance, MeetingGuest, Speech),
    (DocumentRecord,),
    (Resolution,),
    (ResolutionTask,),
    (Recommendation,),
    (ReviewCampaign, EmulationPledge, Commendation),
    (MemberReview,),
    (Criticism,),
    (Shortcoming,),
)


def generate_demo_book(
    path: Path, *, seed: int = 1, until: date | None = None, device_id: str = "demo"
) -> Book:
    """Write the demo book to `path` (which must not exist) and return it open.

    The book ends with the last regular meeting held before `until`
    (default: today); the same `seed` and `until` give identical contents,
    ids and stamps included.
    """
    end = until or date.today()
    rng = random.Random(seed)
    factory = RecordFactory(seed, device_id)
    months = regular_months(end, MONTHS, MEETING_DAY)
    term_year = term_start_year(months[-1])
    details = NewBookDetails(
        cell_name=places.CELL_NAME,
        commune_name=places.COMMUNE_NAME,
        place_name=places.PLACE_NAME,
        province=places.PROVINCE,
        meeting_day=MEETING_DAY,
        superior_line=places.SUPERIOR_LINE,
        term_name=term_name(term_year),
        term_start=date(term_year, 1, 1),
    )
    book = Book.create(
        path, details, book_id=factory.new_id(), org_id=factory.new_id(), device_id=device_id
    )
    try:
        with book.session() as session:
            session.info["preserve_stamps"] = True
            _write(session, book, rng, factory, months, end, term_year)
    except BaseException:
        book.close(backup=False)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return book


def _write(
    session: BookSession,
    book: Book,
    rng: random.Random,
    factory: RecordFactory,
    months: list[date],
    until: date,
    term_year: int,
) -> None:
    rules = book.rules
    days = [working_day(month.replace(day=MEETING_DAY), rules.holidays) for month in months]
    created = local_moment(days[0] - timedelta(days=12), time(9))
    current_term = _restamp_creation(session, book, factory, created)

    builder = MemberBuilder(rng, factory, days, until)
    members = builder.build(created)
    committee = build_committee(factory, current_term, term_year, members, created)
    write_events(factory, members, lambda day: committee.secretary(day).name, created)
    story = Story(
        rng=rng,
        factory=factory,
        text=TextMaker(rng, builder.names),
        rules=rules,
        members=members,
        committee=committee,
        days=days,
        until=until,
    )
    held = [hold() for _day, _order, hold in sorted(_calendar(story), key=lambda e: e[:2])]
    number_documents(factory, committee, held)
    follow_up(story, [item for meeting in held for item in meeting.raised])
    write_ledger(rng, factory, rules, members, days, held, until)
    _review_year(story, held)

    records = factory.take()
    for group in FLUSH_GROUPS:
        session.add_all([record for record in records if isinstance(record, group)])
        session.flush()
    # Adopted minutes carry their fingerprint (and, with a resolution, its adoption moment).
    adopted = {r.meeting_id: r.adopted_at for r in records if isinstance(r, Resolution)}
    for record in records:
        if isinstance(record, Meeting) and record.state is MeetingState.ADOPTED:
            record.adopted_at = adopted.get(record.id)
            record.content_hash = content_hash(session, record)
            session.flush()  # one at a time: change numbers follow the story's order


def _review_year(story: Story, held: list[HeldMeeting]) -> None:
    """Last year's review, decided; this year's pledges, criticism and
    follow-ups; this year's review once 10 December has passed."""
    year = story.until.year
    previous = PreviousYear(story, year - 1, held).write()
    write_pledges(story, year - 1, previous)
    write_commendations(story, previous)
    this_year = regular_meetings(held, year)
    follow_up_shortcomings(story, previous.shortcomings, this_year)
    meeting_criticism(story, this_year)
    write_pledges(story, year)
    if review_day(story, year, STARTS) < story.until:
        start_this_year(story, year, held)


def _restamp_creation(
    session: BookSession, book: Book, factory: RecordFactory, created: datetime
) -> CommitteeTerm:
    """Give what `Book.create` wrote seeded ids and the story's stamps."""
    state = session.get(BookState, 1)
    assert state is not None
    state.created_at = created
    organisation = session.get(Organisation, book.owner_org_id)
    assert organisation is not None
    factory.stamp(organisation, created)
    for record in session.scalars(select(RuleSetRecord)):
        record.installed_at = created
    term = session.scalars(select(CommitteeTerm)).one()
    term.id = factory.new_id()
    factory.stamp(term, max(created, local_moment(term.starts_on, time(9))))
    session.flush()
    return term


Event = tuple[date, int, Callable[[], HeldMeeting]]


def _calendar(story: Story) -> list[Event]:
    """Every meeting of the demo with its day; held in date order so that each
    resolution's tasks are evaluated at the following meeting."""
    rng, days = story.rng, story.days
    months = [day.replace(day=1) for day in days]
    last = len(days) - 1
    regular = RegularMeetings(
        story,
        ResolutionWriter(story),
        raise_at={last, last - 2, *rng.sample(range(1, last - 3), RECOMMENDATIONS - 2)},
    )
    resolutions = regular.resolutions
    thematic = thematic_month_indexes(months)
    topics = list(phrases.THEMATIC_TOPICS)
    rng.shuffle(topics)
    topic_cycle = cycle(topics)
    event_months = (
        {plan.event_meeting for plan in story.members if plan.event_meeting is not None}
        | {plan.recognised_at for plan in story.members if plan.recognised_at is not None}
        | {index for plan in story.members for index in plan.party_items}
    )

    events: list[Event] = []
    for index, day in enumerate(days):
        if index in thematic or index in event_months or index == last or rng.random() < 0.4:
            events.append(
                (
                    day,
                    0,
                    partial(
                        hold_committee,
                        story,
                        day,
                        thematic=index in thematic,
                        party_events=index in event_months,
                    ),
                )
            )
        events.append((day, 1, partial(regular.hold, index)))
    for number, index in enumerate(thematic):
        month = months[index]
        events.append(
            (
                working_day(month.replace(day=15), story.rules.holidays),
                1,
                partial(
                    hold_thematic, story, month, next(topic_cycle), working_group=number % 4 == 0
                ),
            )
        )
    # The flood season's extraordinary meeting: the latest September (or October) that
    # is neither the first month nor one of the last two.
    candidates = [i for i in range(1, last - 1) if months[i].month in (9, 10)]
    septembers = [i for i in candidates if months[i].month == 9]
    if septembers or candidates:
        flood = (septembers or candidates)[-1]
        day = working_day(months[flood].replace(day=20), story.rules.holidays)
        events.append((day, 1, partial(hold_extraordinary, story, day, resolutions)))
    return events
