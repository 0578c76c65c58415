"""Home reminders about reviews: the year's review not started, shortcomings overdue."""

from __future__ import annotations

from datetime import date

import pytest

from desktop import i18n
from desktop.data.enums import MemberStatus, Sex, ShortcomingStatus
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.members import MemberInput, MemberService
from desktop.services.reminders import ReminderKind, everything_due
from desktop.services.review_reminders import review_not_started, shortcomings_overdue
from desktop.services.reviews import ReviewService

SECRET = "Hay đi họp muộn vì bận việc riêng"


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


def _member(book: Book, name: str) -> str:
    return MemberService(book, today=date(2026, 1, 1)).create(
        MemberInput(full_name=name, sex=Sex.FEMALE, status=MemberStatus.FULL)
    )


def test_the_review_is_reminded_from_december_until_it_is_started(book: Book):
    assert review_not_started(book, date(2026, 11, 30)) == []
    (found,) = review_not_started(book, date(2026, 12, 1))
    assert (found.kind, found.due_on, found.about_reviews) == (
        ReminderKind.REVIEW_DUE,
        date(2026, 12, 1),
        True,
    )
    assert found.message == "The review and rating of 2026 has not been started."
    ReviewService(book, today=date(2026, 12, 2)).start(2026)
    assert review_not_started(book, date(2026, 12, 2)) == []
    assert review_not_started(book, date(2027, 12, 2)) != []


def test_overdue_shortcomings_name_the_member_and_the_deadline_but_not_the_text(book: Book):
    member = _member(book, "Lê Thị Hoa")
    service = CriticismService(book, today=date(2026, 6, 1))
    late = service.add_shortcoming(
        SECRET, member_id=member, raised_on=date(2026, 1, 3), deadline=date(2026, 3, 31)
    )
    service.add_shortcoming(
        "Chưa nộp báo cáo", member_id=None, raised_on=date(2026, 1, 3), deadline=date(2026, 4, 30)
    )
    service.add_shortcoming(  # not due yet
        "Chưa học tập", member_id=member, raised_on=date(2026, 1, 3), deadline=date(2026, 9, 30)
    )
    service.add_shortcoming("Không có hạn", member_id=member, raised_on=date(2026, 1, 3))
    found = shortcomings_overdue(book, date(2026, 6, 1))
    assert [(r.member_name, r.due_on, r.about_reviews) for r in found] == [
        ("Lê Thị Hoa", date(2026, 3, 31), False),
        ("", date(2026, 4, 30), True),
    ]
    assert (
        found[0].message == "Lê Thị Hoa: a shortcoming to fix was due on 31/03/2026; follow it up."
    )
    assert all(SECRET not in r.message for r in found)
    service.follow_up(late, ShortcomingStatus.FIXED, "Đã đi họp đúng giờ", date(2026, 5, 30))
    assert [r.member_name for r in shortcomings_overdue(book, date(2026, 6, 1))] == [""]
    kinds = {r.kind for r in everything_due(book, date(2026, 6, 1))}
    assert ReminderKind.SHORTCOMING_OVERDUE in kinds
