"""The year's meeting plan: dates moved off holidays, matching, warnings, creating."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop import i18n
from desktop.data.enums import MeetingKind, MeetingState
from desktop.data.models import Meeting, Organisation
from desktop.rules import RuleSet
from desktop.rules.loading import load_default_rule_set
from desktop.services.book import Book, NewBookDetails
from desktop.services.meeting_calendar import (
    AlreadyInBook,
    PlanEntry,
    create_planned,
    default_title,
    upcoming_and_overdue,
    year_plan,
)
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.validation import ValidationError

TODAY = date(2026, 5, 20)
R, C, T, E = (
    MeetingKind.REGULAR,
    MeetingKind.COMMITTEE,
    MeetingKind.THEMATIC,
    MeetingKind.EXTRAORDINARY,
)


def _rules(holiday_rule: str) -> RuleSet:
    data = copy.deepcopy(load_default_rule_set().data)
    data["meeting"]["holiday_rule"] = holiday_rule
    return RuleSet(data)


def _book(tmp_path: Path, meeting_day: int = 3, rule: str = "next_working_day") -> Book:
    return Book.create(
        tmp_path / f"plan-{meeting_day}-{rule}.cellbook",
        NewBookDetails("Thôn An Hòa", "An Phú", place_name="An Phú", meeting_day=meeting_day),
        device_id="test-device",
        rule_set=_rules(rule),
        backup_folder=tmp_path / "backups",
    )


@pytest.fixture
def plan_book(tmp_path: Path) -> Iterator[Book]:
    opened = _book(tmp_path)
    yield opened
    opened.close(backup=False)


def _set_day(book: Book, day: int) -> None:
    with book.session() as session:
        session.get(Organisation, book.owner_org_id).meeting_day = day


def _add(book: Book, kind: MeetingKind, on: date, state=MeetingState.DRAFT, title="") -> str:
    with book.session() as session:
        meeting = Meeting(kind=kind, scheduled_on=on, state=state, title=title, topic="Chủ đề")
        session.add(meeting)
        session.flush()
        return meeting.id


# --- dates ------------------------------------------------------------------------


def test_twelve_regular_meetings_each_with_a_committee_meeting_two_days_before(plan_book):
    plan = year_plan(plan_book, 2026, TODAY)
    regular = plan.of_kind(R)
    assert [e.month for e in regular] == list(range(1, 13))
    assert [e.planned_on for e in regular][2:4] == [date(2026, 3, 3), date(2026, 4, 3)]
    assert all(not e.exists and e.state is None for e in regular)
    assert plan.entry(C, 3).planned_on == date(2026, 3, 1)  # a Sunday: weekends do not move it
    assert len(plan.of_kind(C)) == 12
    assert plan.holiday_rule == "next_working_day"


def test_new_year_moves_a_first_of_the_month_meeting_to_the_second(tmp_path):
    book = _book(tmp_path, meeting_day=1)
    try:
        plan = year_plan(book, 2026, TODAY)
        january = plan.entry(R, 1)
        assert january.planned_on == date(2026, 1, 2)
        assert january.moved_from == date(2026, 1, 1)
        assert january.holiday == "Tết Dương lịch"
        assert plan.entry(R, 5).planned_on == date(2026, 5, 2)  # 1 May is a holiday
        # 2 September and the day before are holidays: the 1st moves to the 3rd
        assert plan.entry(R, 9).planned_on == date(2026, 9, 3)
        assert plan.entry(R, 9).holiday == "Quốc khánh (nghỉ bù)"
        # the committee meets two days before the moved meeting, in December
        assert plan.entry(C, 1).planned_on == date(2025, 12, 31)
    finally:
        book.close(backup=False)


def test_tet_moves_the_meeting_past_the_whole_holiday(plan_book):
    _set_day(plan_book, 16)
    plan = year_plan(plan_book, 2026, TODAY)
    february = plan.entry(R, 2)
    assert february.planned_on == date(2026, 2, 23)
    assert february.moved_from == date(2026, 2, 16)
    assert february.holiday == "Tết Nguyên đán Bính Ngọ"
    committee = plan.entry(C, 2)
    assert committee.planned_on == date(2026, 2, 13)  # 21 Feb is still Tết: the day before it
    assert committee.moved_from == date(2026, 2, 21)
    assert committee.planned_on not in plan_book.rules.holidays(2026)


def test_the_committee_meeting_is_never_on_a_holiday(plan_book):
    for day in (1, 2, 3, 4, 16, 28):
        _set_day(plan_book, day)
        holidays = plan_book.rules.holidays(2026)
        for entry in year_plan(plan_book, 2026, TODAY).entries:
            assert entry.planned_on not in holidays or entry.holiday, (day, entry)
            if entry.kind is C:
                assert entry.planned_on not in holidays
                assert (
                    entry.planned_on
                    < year_plan(plan_book, 2026, TODAY).entry(R, entry.month).planned_on
                )


def test_previous_working_day_and_keep_rules(tmp_path):
    earlier = _book(tmp_path, meeting_day=16, rule="previous_working_day")
    kept = _book(tmp_path, meeting_day=16, rule="keep")
    try:
        assert year_plan(earlier, 2026, TODAY).entry(R, 2).planned_on == date(2026, 2, 13)
        february = year_plan(kept, 2026, TODAY).entry(R, 2)
        assert february.planned_on == date(2026, 2, 16)
        assert february.moved_from is None
        assert february.holiday == "Tết Nguyên đán Bính Ngọ"
    finally:
        earlier.close(backup=False)
        kept.close(backup=False)


# --- the book's meetings ----------------------------------------------------------


def test_meetings_in_the_book_are_matched_by_kind_and_month(plan_book):
    held = _add(plan_book, R, date(2026, 3, 5), MeetingState.ADOPTED, "Tháng 3")
    prep = _add(plan_book, C, date(2026, 2, 28))
    special = _add(plan_book, E, date(2026, 3, 20))
    plan = year_plan(plan_book, 2026, TODAY)
    march = plan.entry(R, 3)
    assert (march.meeting_id, march.state, march.title) == (held, MeetingState.ADOPTED, "Tháng 3")
    assert march.planned_on == date(2026, 3, 3)
    assert march.on == date(2026, 3, 5)
    assert not march.overdue
    assert plan.entry(C, 3).meeting_id == prep  # it prepares the March meeting
    assert plan.entry(C, 2).meeting_id is None
    extraordinary = plan.of_kind(E)
    assert [(e.meeting_id, e.month, e.in_plan) for e in extraordinary] == [(special, 3, False)]
    assert len(plan.of_kind(R)) == 12


def test_overdue_when_the_date_passed_without_the_meeting_being_held(plan_book):
    _add(plan_book, R, date(2026, 4, 3), MeetingState.HELD)
    _add(plan_book, R, date(2026, 5, 3), MeetingState.PREPARED)
    plan = year_plan(plan_book, 2026, TODAY)
    assert plan.entry(R, 3).overdue  # not in the book at all
    assert not plan.entry(R, 4).overdue
    assert plan.entry(R, 5).overdue  # in the book, never held
    assert not plan.entry(R, 6).overdue  # still ahead
    assert plan.entry(R, 1) in plan.overdue


def test_quarter_warnings_until_a_thematic_meeting_is_planned(plan_book):
    plan = year_plan(plan_book, 2026, TODAY)
    assert [(q.quarter, q.thematic_count, q.required, q.ok) for q in plan.quarters] == [
        (q, 0, 1, False) for q in (1, 2, 3, 4)
    ]
    _add(plan_book, T, date(2026, 5, 3), MeetingState.DRAFT)
    _add(plan_book, T, date(2026, 1, 10), MeetingState.ADOPTED)
    plan = year_plan(plan_book, 2026, TODAY)
    assert [q.roman for q in plan.warnings] == ["III", "IV"]
    assert plan.quarters[1].thematic_count == 1
    assert len(plan.of_kind(T)) == 2


def test_upcoming_and_overdue(plan_book):
    _add(plan_book, R, date(2026, 4, 3), MeetingState.ADOPTED)
    entries = upcoming_and_overdue(plan_book, TODAY, days=30)
    assert [(e.kind, e.on, e.overdue) for e in entries] == [
        (C, date(2026, 3, 1), True),
        (R, date(2026, 3, 3), True),
        (C, date(2026, 4, 1), True),  # the April meeting was held, its preparation not recorded
        (C, date(2026, 4, 29), True),  # 1 May and 30 April are holidays
        (R, date(2026, 5, 3), True),  # a Sunday, and not moved
        (C, date(2026, 6, 1), False),
        (R, date(2026, 6, 3), False),
    ]  # nothing from before the 92 days' look-back, nothing beyond the 30 days


# --- creating ---------------------------------------------------------------------


def test_create_planned_makes_a_draft_with_a_vietnamese_title(plan_book):
    plan = year_plan(plan_book, 2026, TODAY)
    meeting_id = create_planned(plan_book, plan.entry(R, 12))
    meeting = MeetingService(plan_book).get(meeting_id)
    assert meeting.kind is R
    assert meeting.state is MeetingState.DRAFT
    assert meeting.scheduled_on == date(2026, 12, 3)
    assert meeting.title == "Sinh hoạt chi bộ thường kỳ tháng 12/2026"
    assert meeting.place == "An Phú"
    committee_id = create_planned(plan_book, plan.entry(C, 12))
    assert MeetingService(plan_book).get(committee_id).title == (
        "Họp chi ủy chuẩn bị sinh hoạt tháng 12/2026"
    )
    plan = year_plan(plan_book, 2026, TODAY)
    assert plan.entry(R, 12).meeting_id == meeting_id
    assert plan.entry(C, 12).meeting_id == committee_id


def test_create_planned_refuses_a_second_regular_meeting_for_the_month(plan_book):
    i18n.set_language("en")
    entry = year_plan(plan_book, 2026, TODAY).entry(R, 12)
    first = create_planned(plan_book, entry)
    with pytest.raises(AlreadyInBook) as refused:
        create_planned(plan_book, entry)  # the stale entry, as a second click would send
    assert refused.value.meeting_id == first
    assert "already in the book" in str(refused.value)
    assert "nothing was added" in str(refused.value)
    assert len(MeetingService(plan_book).rows()) == 1


def test_extraordinary_meetings_are_not_planned(plan_book):
    entry = PlanEntry(E, 2026, 6, date(2026, 6, 10))
    with pytest.raises(ValidationError):
        create_planned(plan_book, entry)
    assert MeetingService(plan_book).rows() == []


def test_titles():
    assert default_title(R, 2026, 12) == "Sinh hoạt chi bộ thường kỳ tháng 12/2026"
    assert default_title(C, 2026, 1) == "Họp chi ủy chuẩn bị sinh hoạt tháng 1/2026"
    assert default_title(T, 2026, 5) == "Sinh hoạt chuyên đề quý II/2026"


def test_thematic_meeting_created_from_a_plan_needs_a_topic(plan_book):
    entry = PlanEntry(T, 2026, 8, date(2026, 8, 3))
    with pytest.raises(ValidationError):
        create_planned(plan_book, entry)
    create_planned(plan_book, entry, topic="Chuyển đổi số")
    assert year_plan(plan_book, 2026, TODAY).quarters[2].ok
    MeetingService(plan_book).create(MeetingInput(T, date(2026, 8, 20), topic="Khác"))
    assert year_plan(plan_book, 2026, TODAY).quarters[2].thematic_count == 2
