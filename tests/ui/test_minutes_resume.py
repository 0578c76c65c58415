"""Minutes survive a killed app: every edit older than the save delay is in
the book, and the next start reopens the minutes where the secretary was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from desktop.data.enums import MeetingKind, Sex
from desktop.services.book import Book
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.members import MemberInput, MemberService
from desktop.services.open_minutes import OpenMinutes, left_open, remember
from desktop.services.preparation import PreparationService
from desktop.ui.minutes import MinutesWindow
from tests.ui.conftest import create_book

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals"),
]

FIRST = "Dong chi Binh de nghi lam duong"
LATE = " va sua cong"

TYPIST = textwrap.dedent(
    """
    import sys
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.services.book import Book
    from desktop.ui.minutes import MinutesWindow

    app = QApplication([])
    book = Book.open(sys.argv[1])
    window = MinutesWindow(book, sys.argv[2])
    window.show()
    window.tabs.setCurrentWidget(window.content)
    window.content.agenda.setCurrentRow(1)
    window.content.add_button.click()
    QTest.keyClicks(window.content.opinion, sys.argv[3])
    QTest.qWait(2000)  # past the save delay
    QTest.keyClicks(window.content.opinion, sys.argv[4])
    print("typed", flush=True)
    QTest.qWait(60000)  # killed long before this ends
    """
)


@pytest.fixture
def book_and_meeting(cellbook_home: Path) -> tuple[Path, str]:
    path = create_book(cellbook_home)
    book = Book.open(path)
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        MemberService(book).create(MemberInput(name, Sex.MALE))
    meeting = MeetingService(book).create(
        MeetingInput(MeetingKind.REGULAR, date(2024, 6, 3), title="Họp chi bộ tháng 6")
    )
    PreparationService(book).start(meeting)
    book.close(backup=False)
    return path, meeting


def test_the_minutes_window_remembers_where_it_is_until_closed(
    qtbot, book_and_meeting: tuple[Path, str]
) -> None:
    path, meeting_id = book_and_meeting
    book = Book.open(path)
    window = MinutesWindow(book, meeting_id)
    window.show()
    assert left_open(path) == OpenMinutes(meeting_id, 0, 0)
    window.tabs.setCurrentWidget(window.content)
    window.content.agenda.setCurrentRow(2)
    assert left_open(path) == OpenMinutes(meeting_id, 1, 2)
    window.close()
    assert left_open(path) is None
    book.close(backup=False)


def test_opening_the_book_reopens_minutes_left_open(
    qtbot, open_main, book_and_meeting: tuple[Path, str]
) -> None:
    path, meeting_id = book_and_meeting
    remember(path, OpenMinutes(meeting_id, tab=2, part=1))
    main = open_main(path)
    qtbot.waitUntil(lambda: getattr(main, "meeting_dialog", None) is not None, timeout=3000)
    window = main.meeting_dialog.minutes_window
    assert isinstance(window, MinutesWindow) and window.isVisible()
    assert window.tabs.currentWidget() is window.tasks
    assert window.content.agenda.currentRow() == 1
    assert "reopened where you left them" in main.statusBar().currentMessage()
    assert main.current_key() == "meetings"
    window.close()
    assert left_open(path) is None


def test_a_killed_app_loses_at_most_the_last_moment_of_typing(
    qtbot, open_main, book_and_meeting: tuple[Path, str], tmp_path: Path
) -> None:
    path, meeting_id = book_and_meeting
    script = tmp_path / "typist.py"
    script.write_text(TYPIST, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.getcwd()}
    with subprocess.Popen(
        [sys.executable, str(script), str(path), meeting_id, FIRST, LATE],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "typed"
            process.send_signal(signal.SIGKILL)  # no goodbye: a power cut
        finally:
            process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    book = Book.open(path)
    meeting = MeetingService(book).get(meeting_id)
    assert meeting is not None
    [speech] = meeting.speeches
    assert speech.agenda_item_id == meeting.agenda_items[1].id
    assert speech.content.startswith(FIRST)  # typed 2 s before the kill
    book.close(backup=False)
    assert left_open(path) == OpenMinutes(meeting_id, tab=1, part=1)

    main = open_main(path)
    qtbot.waitUntil(lambda: getattr(main, "meeting_dialog", None) is not None, timeout=3000)
    window = main.meeting_dialog.minutes_window
    assert window.tabs.currentWidget() is window.content
    assert window.content.agenda.currentRow() == 1
    assert window.content.opinion.toPlainText().startswith(FIRST)
    window.close()
