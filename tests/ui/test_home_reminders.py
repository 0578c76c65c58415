"""Reminders on the home page: shown once the full book is open, urgent ones
first, and each one leads to its member."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.i18n import format_date
from desktop.services.book_handle import BookHandle
from desktop.ui.member_profile import MemberProfileDialog
from desktop.ui.qt.core import Qt

from .conftest import DUES_TODAY

pytestmark = pytest.mark.gui

PLACE = "Chi bộ Trường Chính trị tỉnh"

MEETINGS_DUE = None


@pytest.fixture(autouse=True)
def no_meeting_reminders(monkeypatch):
    """These tests are about the members' reminders; the meetings' have their own test."""
    import desktop.services.reminders as module

    global MEETINGS_DUE
    MEETINGS_DUE = module.meetings_due
    monkeypatch.setattr(module, "meetings_due", lambda book, today: [])


def _expected() -> list[str]:
    ended = format_date(DUES_TODAY - timedelta(days=5))
    ends = format_date(DUES_TODAY + timedelta(days=10))
    probation = format_date(DUES_TODAY + timedelta(days=20))
    return [
        f"{ended} · The temporary transfer of Lê Văn Cường to {PLACE} ended on "
        f"{ended}: record their return or an official transfer.",
        f"{ends} · The temporary transfer of Nguyễn Văn An to {PLACE} ends on {ends}.",
        f"{probation} · The probation of Trần Thị Bình ends on {probation}: "
        "prepare the recognition as a full member.",
    ]


def test_reminders_wait_for_the_full_book(controller, reminders_book, qtbot):
    from desktop.ui.main_window import MainWindow

    path, _ids = reminders_book
    window = MainWindow(controller, BookHandle(path))  # drawn from the file alone
    try:
        home = window.pages["home"]
        assert not window.handle.is_open
        assert home.reminders.texts() == ["Looking for what needs attention…"]
        window._warm_up()  # what the window does just after its first paint
        assert window.handle.is_open
        assert home.reminders.texts() == _expected()
    finally:
        window.close()


def test_reminders_appear_after_the_book_opens(open_main, reminders_book, qtbot):
    path, ids = reminders_book
    window = open_main(path)
    home = window.pages["home"]
    card = home.reminders
    qtbot.waitUntil(lambda: bool(card.reminder_lines))
    assert card.heading.text() == "Reminders"
    assert card.texts() == _expected()
    # The urgent one first, in the error colour.
    assert [line.urgent for line in card.reminder_lines] == [True, False, False]
    assert card.reminder_lines[0].property("role") == "error"
    assert card.reminder_lines[1].property("role") is None
    assert not card.more_button.isVisible()

    # Enter on a reminder opens the member: selected in Members, profile open.
    line = card.reminder_lines[2]
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    members = window.pages["members"]
    assert window.current_key() == "members"
    assert members.selected_member().id == ids["binh"]
    profile = members.dialog
    assert isinstance(profile, MemberProfileDialog)
    assert profile.member_id == ids["binh"]
    profile.reject()

    # And so does a click.
    window.go_to("home")
    qtbot.mouseClick(home.reminders.reminder_lines[1], Qt.MouseButton.LeftButton)
    assert window.current_key() == "members"
    assert members.selected_member().id == ids["an"]
    assert members.dialog.member_id == ids["an"]
    members.dialog.reject()


def test_only_the_first_reminders_until_show_all(open_main, reminders_book, qtbot, monkeypatch):
    from desktop.ui.pages.home import RemindersCard

    monkeypatch.setattr(RemindersCard, "SHOWN", 2)
    path, _ids = reminders_book
    window = open_main(path)
    card = window.pages["home"].reminders
    qtbot.waitUntil(lambda: bool(card.reminder_lines))
    assert card.texts() == _expected()[:2]
    assert card.more_button.isVisible()
    assert card.more_button.text() == "Show all 3 reminders (1 more)"
    card.more_button.click()
    assert card.texts() == _expected()
    assert card.more_button.text() == "Show fewer"
    card.more_button.click()
    assert len(card.texts()) == 2


def test_nothing_needs_attention(open_main, empty_book, qtbot, fixed_today):
    window = open_main(empty_book)
    card = window.pages["home"].reminders
    qtbot.waitUntil(lambda: window.handle.is_open)
    qtbot.waitUntil(lambda: card.texts() == ["Nothing needs attention."])
    assert card.reminder_lines == []


def test_a_meeting_reminder_opens_the_year_plan(open_main, empty_book, qtbot, monkeypatch):
    """The next regular meeting is not in the book yet: Home says so, and the
    reminder leads to the Meetings page's year plan."""
    import desktop.services.reminders as module

    monkeypatch.setattr(module, "meetings_due", MEETINGS_DUE)
    window = open_main(empty_book)
    card = window.pages["home"].reminders
    qtbot.waitUntil(lambda: bool(card.reminder_lines))
    assert any("is not in the book yet: plan it." in text for text in card.texts())
    line = next(line for line in card.reminder_lines if "plan it" in line.text())
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    meetings = window.pages["meetings"]
    assert window.current_key() == "meetings"
    assert meetings.tabs.currentWidget() is meetings.plan_holder


def test_review_reminders_open_the_evaluations_page(open_main, empty_book, qtbot, monkeypatch):
    """In December with no review started, Home says so; the line leads to Evaluations."""
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "today", lambda self: date(2026, 12, 5))
    window = open_main(empty_book)
    card = window.pages["home"].reminders
    qtbot.waitUntil(lambda: bool(card.reminder_lines))
    assert "05/12/2026 · The review and rating of 2026 has not been started." in card.texts()
    line = next(line for line in card.reminder_lines if "review and rating" in line.text())
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert window.current_key() == "evaluations"


def test_lines_replaced_are_hidden_at_once(open_main, reminders_book, qtbot, monkeypatch):
    """Old lines are deleted later; meanwhile they must not paint over the new ones."""
    from desktop.ui.pages.home import RemindersCard

    monkeypatch.setattr(RemindersCard, "SHOWN", 2)
    path, _ids = reminders_book
    window = open_main(path)
    card = window.pages["home"].reminders
    # The card is drawn from the file first and again once the book is open: wait for
    # the lines that stay.
    qtbot.waitUntil(
        lambda: (
            bool(card.reminder_lines)
            and all(line.isVisible() for line in card.reminder_lines)
            and window.handle.is_open
        )
    )
    qtbot.wait(50)
    old = list(card.reminder_lines)
    assert old and all(line.isVisible() for line in old)
    card.more_button.click()
    assert not any(line.isVisible() for line in old)
