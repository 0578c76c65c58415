"""Criticism through the year and the shortcomings it names, followed up."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.data.enums import CriticismKind, MeetingKind, Sex, ShortcomingStatus
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError

TODAY = date(2026, 6, 10)


@pytest.fixture
def people(book: Book) -> dict[str, str]:
    service = MemberService(book, date(2026, 1, 5))
    return {
        key: service.create(
            MemberInput(
                full_name=name,
                sex=Sex.MALE,
                admission_date=date(2000, 1, 1),
                official_date=date(2001, 1, 1),
            )
        )
        for key, name in (("an", "Nguyễn Văn An"), ("binh", "Trần Văn Bình"))
    }


@pytest.fixture
def service(book: Book) -> CriticismService:
    i18n.set_language("en")
    return CriticismService(book, TODAY)


def test_criticism_and_self_criticism_are_told_apart(
    service: CriticismService, people: dict[str, str], book: Book
):
    meeting = MeetingService(book).create(MeetingInput(MeetingKind.REGULAR, date(2026, 5, 4)))
    said = service.record(
        "  Đồng chí còn đi sinh hoạt muộn.  ",
        given_on=date(2026, 5, 4),
        about_member_id=people["an"],
        by_member_id=people["binh"],
        meeting_id=meeting,
    )
    own = service.record(
        "Tôi nhận khuyết điểm vì vắng sinh hoạt tổ.",
        given_on=date(2026, 5, 4),
        about_member_id=people["an"],
        by_member_id=people["an"],
        by_name="ignored for a member",
    )
    guest = service.record(
        "Chi bộ cần chuẩn bị nội dung sinh hoạt kỹ hơn.",
        given_on=date(2026, 6, 3),
        about_member_id=None,
        by_name=" Đại diện Đảng ủy xã ",
    )
    rows = {row.id: row for row in service.rows()}
    assert rows[said].kind is CriticismKind.CRITICISM
    assert (rows[said].by_name, rows[said].about_name) == ("Trần Văn Bình", "Nguyễn Văn An")
    assert rows[said].content == "Đồng chí còn đi sinh hoạt muộn."
    assert rows[said].meeting_id == meeting and rows[said].review_id is None
    assert rows[own].kind is CriticismKind.SELF
    assert rows[own].by_name == "Nguyễn Văn An"
    assert rows[guest].kind is CriticismKind.CRITICISM
    assert (rows[guest].by_member_id, rows[guest].by_name) == (None, "Đại diện Đảng ủy xã")
    assert (rows[guest].about_member_id, rows[guest].about_name) == (None, "")


def test_recording_criticism_checks_what_it_is_given(
    service: CriticismService, people: dict[str, str]
):
    with pytest.raises(ValidationError) as refused:
        service.record(" ", given_on=date(2026, 7, 1), about_member_id=people["an"])
    assert [e.field for e in refused.value.errors] == ["content", "given_on", "by_member"]
    with pytest.raises(ValidationError) as refused:
        service.record("Góp ý.", given_on=TODAY, about_member_id=people["an"], by_name="x" * 121)
    assert [e.field for e in refused.value.errors] == ["by_member"]
    with pytest.raises(ValidationError) as refused:
        service.record("Góp ý.", given_on=TODAY, about_member_id="gone", by_member_id=people["an"])
    assert [e.message for e in refused.value.errors] == ["This member is not in the book."]
    assert service.rows() == []


def test_rows_newest_first_by_year_and_member(service: CriticismService, people: dict[str, str]):
    def say(day: date, about: str | None) -> str:
        return service.record(
            f"Góp ý ngày {day:%d/%m/%Y}.",
            given_on=day,
            about_member_id=about,
            by_member_id=people["binh"],
        )

    old = say(date(2025, 11, 3), people["an"])
    new = say(date(2026, 3, 3), people["an"])
    other = say(date(2026, 2, 3), None)
    assert [row.id for row in service.rows()] == [new, other, old]
    assert [row.id for row in service.rows(year=2026)] == [new, other]
    assert [row.id for row in service.rows(year=2025)] == [old]
    assert [row.id for row in service.rows(about_member_id=people["an"])] == [new, old]
    assert [row.id for row in service.rows(year=2026, about_member_id=people["an"])] == [new]


def test_deleting_criticism_keeps_its_shortcoming(
    service: CriticismService, people: dict[str, str]
):
    said = service.record(
        "Còn nể nang.", given_on=date(2026, 3, 3), about_member_id=people["an"], by_name="Tổ 3"
    )
    shortcoming = service.add_shortcoming(
        "Nể nang trong phê bình.",
        member_id=people["an"],
        raised_on=date(2026, 3, 3),
        criticism_id=said,
    )
    service.delete(said)
    service.delete(said)  # already gone: nothing to do
    assert service.rows() == []
    (row,) = service.shortcomings()
    assert row.id == shortcoming and row.criticism_id is None


def test_shortcomings_are_checked_followed_up_and_ordered(
    service: CriticismService, people: dict[str, str]
):
    with pytest.raises(ValidationError) as refused:
        service.add_shortcoming(
            "",
            member_id=people["an"],
            raised_on=date(2026, 7, 1),
            deadline=date(2026, 6, 1),
        )
    assert [e.field for e in refused.value.errors] == ["content", "raised_on", "deadline"]

    late = service.add_shortcoming(
        "Chậm nộp đảng phí.",
        member_id=people["an"],
        raised_on=date(2026, 1, 5),
        remedy="Nộp tại buổi sinh hoạt.",
        deadline=date(2026, 3, 31),
    )
    soon = service.add_shortcoming(
        "Chưa cài Sổ tay đảng viên.",
        member_id=people["binh"],
        raised_on=date(2026, 2, 3),
        deadline=date(2026, 7, 31),
    )
    open_ended = service.add_shortcoming(
        "Sinh hoạt chưa đúng giờ.", member_id=None, raised_on=date(2026, 1, 5)
    )
    assert [r.id for r in service.shortcomings()] == [late, soon, open_ended]
    assert [r.id for r in service.shortcomings(member_id=people["an"])] == [late]
    assert [r.id for r in service.shortcomings(cell_only=True)] == [open_ended]
    assert [r.id for r in service.overdue()] == [late]

    with pytest.raises(ValidationError) as refused:
        service.follow_up(late, ShortcomingStatus.FIXED)
    assert [e.field for e in refused.value.errors] == ["follow_up"]
    with pytest.raises(ValidationError) as refused:
        service.follow_up(late, ShortcomingStatus.FIXING, "", date(2025, 12, 1))
    assert [e.field for e in refused.value.errors] == ["followed_up_on"]
    service.follow_up(late, ShortcomingStatus.FIXING, "Đã nộp một phần.", date(2026, 4, 3))
    assert [r.id for r in service.overdue()] == [late]  # still being fixed, and late
    service.follow_up(late, ShortcomingStatus.FIXED, " Đã nộp đủ. ", date(2026, 5, 4))
    assert service.overdue() == []
    fixed = next(r for r in service.shortcomings() if r.id == late)
    assert (fixed.status, fixed.follow_up, fixed.followed_up_on) == (
        ShortcomingStatus.FIXED,
        "Đã nộp đủ.",
        date(2026, 5, 4),
    )
    assert [r.id for r in service.shortcomings(open_only=True)] == [soon, open_ended]
    assert not fixed.overdue(date(2030, 1, 1))

    service.update_shortcoming(
        soon, content="Chưa dùng Sổ tay đảng viên.", remedy="Nhờ Chi đoàn cài.", deadline=None
    )
    updated = next(r for r in service.shortcomings() if r.id == soon)
    assert (updated.content, updated.remedy, updated.deadline) == (
        "Chưa dùng Sổ tay đảng viên.",
        "Nhờ Chi đoàn cài.",
        None,
    )
    with pytest.raises(ValidationError) as refused:
        service.update_shortcoming(soon, content="x", remedy="", deadline=date(2026, 1, 1))
    assert [e.field for e in refused.value.errors] == ["deadline"]

    service.delete_shortcoming(open_ended)
    with pytest.raises(ValidationError) as refused:
        service.follow_up(open_ended, ShortcomingStatus.FIXED, "Xong.")
    assert [e.message for e in refused.value.errors] == [
        "This shortcoming is no longer in the book."
    ]
