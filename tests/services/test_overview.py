"""The home screen's figures, read without the ORM, agree with the services."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from desktop.data.enums import MeetingKind, MemberStatus, Sex
from desktop.services.book import Book
from desktop.services.book_handle import BookHandle
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.overview import read_overview
from desktop.services.recommendations import RecommendationService

TODAY = date(2026, 11, 22)


def test_overview_matches_the_services(book: Book):
    members = MemberService(book, today=TODAY)
    members.create(MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE))
    members.create(
        MemberInput(full_name="Hồ Thị Chín", sex=Sex.FEMALE, status=MemberStatus.PROBATIONARY)
    )
    meetings = MeetingService(book)
    meetings.create(MeetingInput(kind=MeetingKind.REGULAR, scheduled_on=date(2026, 11, 3)))
    meetings.create(MeetingInput(kind=MeetingKind.REGULAR, scheduled_on=date(2026, 12, 3)))
    recommendations = RecommendationService(book, today=TODAY)
    recommendations.create("Sửa đường", TODAY - timedelta(days=45))
    recommendations.create("Lắp đèn", TODAY - timedelta(days=3))

    overview = read_overview(book.path, TODAY)

    assert overview.name == book.organisation().name
    assert overview.members_by_status == members.counts_by_status()
    assert [m.scheduled_on for m in overview.latest_meetings] == [
        row.scheduled_on for row in meetings.rows()
    ]
    assert [m.scheduled_on for m in overview.planned_meetings] == [date(2026, 12, 3)]
    rows = recommendations.rows()
    assert (overview.recommendations, overview.waiting) == (2, 2)
    assert overview.overdue == sum(row.overdue for row in rows) == 1
    assert overview.rules.version == book.rules.version


def test_handle_opens_the_full_book_only_when_asked(book: Book):
    book.close(backup=False)
    handle = BookHandle.for_path(book.path, "device")
    assert not handle.is_open
    assert handle.book.book_id
    assert handle.is_open
    handle.close()
    assert not handle.is_open


def test_first_screen_is_read_without_loading_the_orm(book: Book):
    book.close(backup=False)
    code = (
        "import sys, datetime, pathlib\n"
        "from desktop.services.book_handle import BookHandle\n"
        "from desktop.services.overview import read_overview\n"
        f"path = pathlib.Path({str(book.path)!r})\n"
        "BookHandle.for_path(path)\n"
        "print(read_overview(path, datetime.date.today()).name)\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:2] == ["Thôn An Hòa", "False"]


def test_overview_of_a_missing_file_is_a_clear_error(tmp_path: Path):
    import pytest

    from desktop.data.errors import BookFileError

    with pytest.raises(BookFileError):
        BookHandle.for_path(tmp_path / "gone.cellbook")
