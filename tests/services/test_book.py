"""Creating books, and the document register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.data.enums import DocumentType
from desktop.data.models import CommitteeTerm
from desktop.services.book import Book, NewBookDetails, suggested_file_name
from desktop.services.register import RegisterService
from desktop.services.validation import ValidationError


def test_new_book_has_header_lines_from_the_wizard(tmp_path: Path):
    book = Book.create(
        tmp_path / "b.cellbook",
        NewBookDetails(cell_name="Thôn Phú Lợi", commune_name="xã Tân Hòa", meeting_day=4),
    )
    try:
        org = book.organisation()
        assert org.superior_line == "ĐẢNG BỘ XÃ TÂN HÒA"
        assert org.issuer_line == "CHI BỘ THÔN PHÚ LỢI"
        assert org.meeting_day == 4
        assert org.place_name == "Tân Hòa"
    finally:
        book.close(backup=False)


def test_invalid_details_create_no_file(tmp_path: Path):
    path = tmp_path / "b.cellbook"
    with pytest.raises(ValidationError) as raised:
        Book.create(path, NewBookDetails(cell_name="", commune_name="An Phú", meeting_day=31))
    assert [e.field for e in raised.value.errors] == ["cell_name", "meeting_day"]
    assert not path.exists()


def test_suggested_file_name_is_plain_ascii():
    assert suggested_file_name("Chi bộ thôn Đồng Xoài") == "chi-bo-thon-dong-xoai.cellbook"


def test_numbers_run_per_type_within_a_term(book: Book):
    register = RegisterService(book)
    first = register.issue(DocumentType.MINUTES, date(2026, 1, 3))
    second = register.issue(DocumentType.MINUTES, date(2026, 2, 3))
    resolution = register.issue(DocumentType.RESOLUTION, date(2026, 2, 3))
    assert (first.number, second.number, resolution.number) == (1, 2, 1)
    assert second.symbol == "Số 02-BB/CB"

    with book.session() as session:
        old = session.query(CommitteeTerm).one()
        old.ends_on = date(2029, 12, 31)
        session.add(CommitteeTerm(name="Nhiệm kỳ 2030–2035", starts_on=date(2030, 1, 1)))
    assert register.issue(DocumentType.MINUTES, date(2030, 1, 3)).number == 1
    assert register.issue(DocumentType.MINUTES, date(2029, 12, 3)).number == 3


def test_numbers_are_never_reused(book: Book):
    register = RegisterService(book)
    register.issue(DocumentType.NOTICE, date(2026, 1, 1))
    second = register.issue(DocumentType.NOTICE, date(2026, 1, 2))
    with book.session() as session:
        session.delete(session.get(type(second), second.id))
    first_again = register.records()[0]
    assert first_again.number == 1
    assert register.issue(DocumentType.NOTICE, date(2026, 1, 3)).number == 2


def test_no_term_is_a_clear_validation_error(book: Book):
    with pytest.raises(ValidationError):
        RegisterService(book).issue(DocumentType.MINUTES, date(2020, 1, 1))


def test_superior_line_follows_the_kind_of_local_unit():
    from desktop.services.book import default_superior_line

    assert default_superior_line("An Phú") == "ĐẢNG BỘ XÃ AN PHÚ"
    assert default_superior_line("Phường Hòa Bình") == "ĐẢNG BỘ PHƯỜNG HÒA BÌNH"
    assert default_superior_line("đặc khu Phú Quốc") == "ĐẢNG BỘ ĐẶC KHU PHÚ QUỐC"


def test_thematic_meeting_needs_a_topic_even_as_a_plain_value(book: Book):
    from desktop.services.meetings import MeetingInput, MeetingService

    with pytest.raises(ValidationError) as raised:
        MeetingService(book).create(MeetingInput(kind="thematic", scheduled_on=date(2026, 3, 10)))
    assert [e.field for e in raised.value.errors] == ["topic"]
    assert MeetingService(book).rows() == []
