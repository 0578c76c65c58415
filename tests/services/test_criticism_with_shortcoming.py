"""Criticism that names a shortcoming saves both, or neither."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.data.enums import MemberStatus, Sex
from desktop.services.book import Book
from desktop.services.criticism import CriticismService, NewShortcoming
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError

TODAY = date(2026, 6, 1)


@pytest.fixture
def member(book: Book) -> str:
    return MemberService(book, today=TODAY).create(
        MemberInput(full_name="Đỗ Văn Hùng", sex=Sex.MALE, status=MemberStatus.FULL)
    )


def test_the_shortcoming_is_saved_with_the_criticism(book: Book, member: str):
    service = CriticismService(book, today=TODAY)
    criticism = service.record(
        "Đồng chí còn đi họp muộn",
        given_on=date(2026, 5, 3),
        about_member_id=member,
        by_name="Đồng chí phụ trách",
        shortcoming=NewShortcoming("Đi họp muộn", "Sắp xếp việc nhà", date(2026, 8, 31)),
    )
    (row,) = service.shortcomings(member_id=member)
    assert (row.content, row.remedy, row.deadline, row.criticism_id, row.raised_on) == (
        "Đi họp muộn",
        "Sắp xếp việc nhà",
        date(2026, 8, 31),
        criticism,
        date(2026, 5, 3),
    )


def test_a_refused_shortcoming_leaves_no_criticism_either(book: Book, member: str):
    service = CriticismService(book, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        service.record(
            "Đồng chí còn đi họp muộn",
            given_on=date(2026, 5, 3),
            about_member_id=member,
            by_name="Đồng chí phụ trách",
            shortcoming=NewShortcoming("Đi họp muộn", deadline=date(2026, 4, 30)),
        )
    assert [error.field for error in refused.value.errors] == ["deadline"]
    assert service.rows() == [] and service.shortcomings() == []
