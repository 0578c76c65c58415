"""Done means, on real widgets and from the keyboard alone: starting from the
demo book, next month's meeting is created from the year plan, prepared,
its last month's tasks evaluated, minuted, scored, marked held and adopted;
adopted minutes refuse edits; the following month's evaluation lists this
month's tasks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.data.enums import AttendanceStatus, MeetingKind, MeetingState, TaskResult
from desktop.data.models import Attendance
from desktop.demo import generate_demo_book
from desktop.services.follow_up import FollowUpService
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.minutes import MinutesService
from desktop.services.validation import ValidationError
from desktop.ui.qt.core import Qt, QTimer
from desktop.ui.qt.widgets import QApplication, QMessageBox, QWidget

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 22)
DECEMBER = date(2026, 12, 3)


@pytest.fixture
def demo_book(cellbook_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "today", lambda self: TODAY)
    path = cellbook_home / "books" / "an-hoa.cellbook"
    path.parent.mkdir(parents=True)
    generate_demo_book(path, until=TODAY).close(backup=False)
    return path


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(qtbot, which: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), which, modifier)


def alt(qtbot, letter: str) -> None:
    """Alt+letter: a mnemonic. Buttons and boxes click after a short animation."""
    key(qtbot, getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
    qtbot.wait(200)


def tab_to(qtbot, target: QWidget, limit: int = 120) -> None:
    """Press Tab until `target` has the focus: it is reachable from the keyboard."""
    for _ in range(limit):
        if target.hasFocus():
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(
        f"{target!r} cannot be reached with Tab (enabled={target.isEnabled()}, "
        f"visible={target.isVisible()}, focus on {QApplication.focusWidget()!r} "
        f"{getattr(QApplication.focusWidget(), 'text', lambda: '')()!r} in "
        f"{QApplication.focusWidget().window().windowTitle()!r})"
    )


def enter(qtbot, window: QWidget) -> None:
    """Wait for a new window and give it the keyboard, as a window manager does
    (the offscreen platform does not)."""
    qtbot.waitUntil(window.isVisible)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)  # ASCII only: non-ASCII aborts Qt's test library


def test_a_month_from_the_demo_book_by_keyboard(qtbot, open_main, demo_book: Path) -> None:
    main = open_main(demo_book)
    main.activateWindow()
    qtbot.waitUntil(lambda: main.handle.is_open, timeout=5000)

    # --- the year plan: create December's regular meeting -------------------
    main.navigation.setFocus()
    key(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = main.current_page()
    assert main.current_key() == "meetings"
    page.table.setFocus()
    alt(qtbot, "y")
    assert page.tabs.currentWidget() is page.plan_holder
    assert page.plan_table.hasFocus()
    for _ in range(12):
        entry = page.selected_entry()
        if entry.kind is MeetingKind.REGULAR and entry.month == 12:
            break
        key(qtbot, Qt.Key.Key_Down)
    assert (entry.kind, entry.on) == (MeetingKind.REGULAR, DECEMBER)
    key(qtbot, Qt.Key.Key_Return)
    meeting_id = page.selected_entry().meeting_id
    assert meeting_id is not None

    # --- prepare it ------------------------------------------------------------
    alt(qtbot, "l")
    assert page.selected_meeting().id == meeting_id
    page.table.setFocus()
    tab_to(qtbot, page.prepare_button)
    key(qtbot, Qt.Key.Key_Space)
    dialog = page.prepare_dialog
    enter(qtbot, dialog)
    if dialog.parts.currentWidget() is dialog.empty:
        tab_to(qtbot, dialog.empty.button)
        key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, dialog.table)
    for row in range(dialog.model.rowCount()):
        if not dialog.part_rows()[row].ready:
            dialog.table.setFocus()
            dialog.select_part(row + 1)
            if not dialog.part_rows()[row].presenter:
                alt(qtbot, "r")  # P&resenter: the next member down the list
                key(qtbot, Qt.Key.Key_Down)
                qtbot.waitUntil(
                    lambda row=row: bool(dialog.part_rows()[row].presenter), timeout=2000
                )
            alt(qtbot, "d")  # Rea&dy (a mnemonic clicks after a short animation)
            qtbot.waitUntil(lambda row=row: dialog.part_rows()[row].ready, timeout=2000)
    assert all(part.ready for part in dialog.part_rows())
    for box in dialog.checks.values():
        tab_to(qtbot, box)
        if not box.isChecked():
            key(qtbot, Qt.Key.Key_Space)
    alt(qtbot, "s")  # Draft the re&solution
    alt(qtbot, "p")  # Mark as &prepared
    assert MeetingService(main.book).get(meeting_id).state is MeetingState.PREPARED
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    # --- open it, evaluate November's tasks --------------------------------------
    enter(qtbot, main)
    page.table.setFocus()
    assert page.selected_meeting().id == meeting_id
    key(qtbot, Qt.Key.Key_Return)
    view = main.meeting_dialog
    enter(qtbot, view)
    tab_to(qtbot, view.follow_up_button)
    key(qtbot, Qt.Key.Key_Space)
    follow_up = view.follow_up_dialog
    enter(qtbot, follow_up)
    follow_up.table.setFocus()
    rows = follow_up.table.rowCount()
    assert rows > 0  # November's resolution had tasks
    for row in range(rows):
        follow_up.table.selectRow(row)
        key(qtbot, Qt.Key.Key_D)
    rate = FollowUpService(main.book).rate(meeting_id)
    assert rate == 1.0
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not follow_up.isVisible())
    enter(qtbot, view)

    # --- take the minutes -------------------------------------------------------
    tab_to(qtbot, view.minutes_button)
    key(qtbot, Qt.Key.Key_Space)
    minutes = view.minutes_window
    enter(qtbot, minutes)
    opening = minutes.opening
    opening.chair.setFocus()
    tab_to(qtbot, opening.end_time)
    type_text(qtbot, "10:15")
    tab_to(qtbot, opening.table)
    absent = next(i for i, r in enumerate(opening.rows) if r.status is AttendanceStatus.PRESENT)
    opening.table.selectRow(absent)
    key(qtbot, Qt.Key.Key_U)
    assert opening.rows[absent].status is AttendanceStatus.ABSENT_UNEXCUSED

    alt(qtbot, "c")  # &Content
    content = minutes.content
    assert minutes.tabs.currentWidget() is content
    content.agenda.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    alt(qtbot, "n")  # &New opinion
    assert content.opinion.hasFocus()
    type_text(qtbot, "Nhat tri voi bao cao, de nghi lam duong lien xom.")
    tab_to(qtbot, content.conclusion)
    type_text(qtbot, "Chi bo thong nhat.")

    alt(qtbot, "t")  # &Tasks and vote
    tasks = minutes.tasks
    alt(qtbot, "a")  # T&ask
    assert tasks.description.hasFocus()
    type_text(qtbot, "Sua duong lien xom truoc Tet")
    tab_to(qtbot, tasks.due)
    type_text(qtbot, "31/12/2026")
    tasks.description.setFocus()
    key(qtbot, Qt.Key.Key_Return)  # adds the task
    assert tasks.table.rowCount() >= 1
    voting = minutes.service.counts(meeting_id).voting_present
    alt(qtbot, "f")  # &For
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, str(voting))
    alt(qtbot, "g")  # A&gainst
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "0")
    alt(qtbot, "b")  # A&bstaining
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "0")

    alt(qtbot, "s")  # &Score
    score = minutes.score
    assert minutes.tabs.currentWidget() is score
    tab_to(qtbot, score.save_button)
    key(qtbot, Qt.Key.Key_Space)
    alt(qtbot, "h")  # Mark as &held
    meeting = MeetingService(main.book).get(meeting_id)
    assert meeting.state is MeetingState.HELD, minutes.message.text()
    assert meeting.score is not None and meeting.grade
    assert [t.description for t in meeting.resolution.tasks][-1] == "Sua duong lien xom truoc Tet"
    assert meeting.resolution.votes_for == voting
    assert any(s.content.startswith("Nhat tri") for s in meeting.speeches)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.minutes_window is None)

    # --- adopt --------------------------------------------------------------------
    enter(qtbot, view)
    view.browser.setFocus()
    tab_to(qtbot, view.adopt_button)

    answered: list[str] = []

    def answer_yes() -> None:
        """Press Alt+Y in the question once it shows (it blocks the test meanwhile)."""
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        shown = [box for box in boxes if box.isVisible()]
        if not shown:
            QTimer.singleShot(50, answer_yes)
            return
        box = shown[0]
        box.activateWindow()
        answered.append(box.text())
        QTimer.singleShot(
            100, lambda: qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
        )

    QTimer.singleShot(0, answer_yes)
    key(qtbot, Qt.Key.Key_Space)
    assert answered and "Adopt these minutes?" in answered[0]
    meeting = MeetingService(main.book).get(meeting_id)
    assert meeting.state is MeetingState.ADOPTED and meeting.content_hash
    with pytest.raises(ValidationError):
        MinutesService(main.book).set_place(meeting_id, "Hội trường")
    with main.book.reader() as session:
        rows = session.scalars(select(Attendance).where(Attendance.meeting_id == meeting_id))
        assert sum(r.status is AttendanceStatus.ABSENT_UNEXCUSED for r in rows) == 1
    assert view.minutes_button.isHidden() and not view.amend_button.isHidden()
    enter(qtbot, view)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())

    # --- January: December's tasks wait to be evaluated ----------------------------
    january = MeetingService(main.book).create(
        MeetingInput(MeetingKind.REGULAR, date(2027, 1, 4), title="Sinh hoạt tháng 1/2027")
    )
    to_evaluate = FollowUpService(main.book).tasks_to_evaluate(january)
    assert "Sua duong lien xom truoc Tet" in [row.description for row in to_evaluate]
    assert all(row.result is None or row.result is TaskResult.PENDING for row in to_evaluate)
