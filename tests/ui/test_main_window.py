"""The main window on a real book: pages, keyboard, text size, language, search."""

from __future__ import annotations

import gettext
from datetime import date

import pytest

from desktop import i18n
from desktop.i18n import format_date
from desktop.services.settings import load_settings
from desktop.ui.pages import PAGE_KEYS, PAGES
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QApplication

from .conftest import SPEECH

pytestmark = pytest.mark.gui


def _nav_texts(window) -> list[str]:
    return [window.navigation.item(row).text() for row in range(window.navigation.count())]


def _cells(page, row: int) -> list[str]:
    model = page.table.model()
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_title_status_bar_and_home(open_main, sample_book):
    path, _ids = sample_book
    window = open_main(path)
    assert window.windowTitle() == "Thôn An Hòa — CellBook"
    assert window.path_label.text() == str(path.resolve())
    home = window.pages["home"]
    assert window.stack.currentWidget() is home
    assert home.title_label.text() == "Thôn An Hòa"
    members = " ".join(home.members.texts())
    assert "Full member: 1" in members and "Probationary member: 1" in members
    assert "Exempt from work and meetings: 1" in members
    assert "Sinh hoạt chi bộ định kỳ" in " ".join(home.meetings.texts())
    assert "Good (92 points)" in " ".join(home.meetings.texts())
    recommendations = " ".join(home.recommendations.texts())
    assert "1 waiting for an answer" in recommendations
    assert "more than 30 days" in recommendations
    assert "Day 3 of every month" in home.next_meeting.texts()


def test_every_page_shows_the_books_data(open_main, sample_book, qtbot):
    path, _ids = sample_book
    window = open_main(path)
    for key in PAGE_KEYS:
        page = window.go_to(key)
        assert window.stack.currentWidget() is page
        assert page.loaded
        assert not page.showing_empty, key

    members = window.pages["members"]
    assert members.table.model().rowCount() == 3
    names = [members.table.model().index(r, 0).data() for r in range(3)]
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]  # by given name
    assert _cells(members, 0)[2] == "12/03/1958"
    assert "3 members now." in members.counts.text()

    meetings = window.pages["meetings"]
    assert meetings.table.model().rowCount() == 2
    first = _cells(meetings, 1)
    assert first[2] == "Sinh hoạt chi bộ định kỳ"
    assert first[4:] == ["1/2", "92", "Good"]

    evaluations = window.pages["evaluations"]
    scored = [m for m in meetings.model.rows() if m.score is not None][0]
    evaluations.year.setCurrentIndex(evaluations.year.findData(scored.scheduled_on.year))
    assert evaluations.table.model().rowCount() == 1
    assert _cells(evaluations, 0)[1:] == [format_date(scored.scheduled_on), "92", "Good"]
    assert "Good: 1" in evaluations.totals.text()

    recommendations = window.pages["recommendations"]
    model = recommendations.table.model()
    assert model.rowCount() == 1
    assert _cells(recommendations, 0)[1:4] == [
        "Nguyễn Văn An",
        "Đề nghị xã sửa đèn đường",
        "Đảng ủy xã",
    ]
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "30 days" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)

    documents = window.pages["documents"]
    assert _cells(documents, 0)[0] == "Số 01-NQ/CB"
    assert _cells(documents, 0)[2:] == ["Resolution", "Nghị quyết tháng"]

    sync = window.pages["sync"]
    assert sync.text_of("book_id") == window.book.book_id
    assert sync.text_of("rules_id") == "vn-default, version 1"


def test_empty_book_pages_say_what_to_do(open_main, empty_book):
    window = open_main(empty_book)
    home = window.pages["home"]
    assert home.action.text() == "Add the first member…"
    for key in ("members", "meetings", "recommendations", "documents"):
        page = window.go_to(key)
        assert page.showing_empty, key
        assert page.empty.button is not None
    assert "No members yet" in window.pages["members"].empty.message.text()
    evaluations = window.go_to("evaluations")
    assert evaluations.showing_empty
    assert "quality score" in evaluations.empty_state.message.text()
    assert not window.go_to("sync").showing_empty


def test_keyboard_moves_between_pages(open_main, sample_book, qtbot):
    path, _ids = sample_book
    window = open_main(path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "dues"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "meetings"
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "sync"
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.current_key() == "documents"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()


def test_larger_text_applies_everywhere_and_is_saved(open_main, sample_book, qtbot, controller):
    path, _ids = sample_book
    window = open_main(path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = QApplication.font().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    after = QApplication.font().pointSize()
    assert after > before
    assert window.pages["home"].font().pointSize() == after
    assert load_settings().text_size == after
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == before
    assert load_settings().text_size == before


class _FakeVietnamese(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return {"Members": "Đảng viên", "Meetings": "Sinh hoạt"}.get(message, message)


def test_switching_language_rebuilds_the_window(open_main, sample_book, controller, monkeypatch):
    monkeypatch.setattr(i18n, "_translations", i18n._translations)
    monkeypatch.setattr(i18n, "_language", "")
    original_load = i18n._load
    monkeypatch.setattr(
        i18n, "_load", lambda lang: _FakeVietnamese() if lang == "vi" else original_load(lang)
    )
    i18n.set_language("vi")
    path, _ids = sample_book
    window = open_main(path)
    window.go_to("meetings")
    texts = _nav_texts(window)
    assert (texts[PAGE_KEYS.index("members")], texts[PAGE_KEYS.index("meetings")]) == (
        "Đảng viên",
        "Sinh hoạt",
    )

    window.language_actions["en"].trigger()

    new_window = controller.main_window
    assert new_window is not window
    assert _nav_texts(new_window) == [spec.title for spec in PAGES]
    assert new_window.current_key() == "meetings"
    assert new_window.book is window.book
    assert new_window.pages["meetings"].table.model().rowCount() == 2  # the book stayed open
    assert load_settings().language == "en"
    assert new_window.language_actions["en"].isChecked()


def test_search_finds_a_speech_and_opens_its_meeting(open_main, sample_book, qtbot):
    path, ids = sample_book
    window = open_main(path)
    window.focus_search()
    qtbot.keyClicks(window.search_box, "duong be tong")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    view = window.search_view
    assert window.stack.currentWidget() is view
    assert view.list.topLevelItemCount() >= 1
    item = view.list.topLevelItem(0)
    assert item.text(0) == "Speech"
    assert item.text(1) == format_date(date.fromisoformat(ids["held_on"]))
    assert item.text(2) == "Nguyễn Văn An"
    assert "bê tông" in item.text(3)
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    dialog = window.meeting_dialog
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert SPEECH in text
    assert "Nguyễn Văn An: " + SPEECH in text
    assert "Present: 1 of 2 members." in text
    assert "Trần Thị Bình (ốm)" in text
    assert "Phạm Văn Dũng — Đảng ủy viên" in text
    assert "Sửa đường liên xóm" in text and "Lê Văn Cường" in text
    assert "92 points, Good" in text
    dialog.close()


def test_search_result_for_a_member_selects_them(open_main, sample_book, qtbot):
    path, ids = sample_book
    window = open_main(path)
    window.search_box.setText("Cường")
    window.run_search()
    view = window.search_view
    rows = [view.list.topLevelItem(r) for r in range(view.list.topLevelItemCount())]
    member_row = next(r for r in rows if r.text(0) == "Member")
    view.list.itemActivated.emit(member_row, 0)
    members = window.pages["members"]
    assert window.current_key() == "members"
    assert members.selected_member().id == ids["cuong"]


def test_opening_a_meeting_from_the_list(open_main, sample_book, qtbot):
    path, ids = sample_book
    window = open_main(path)
    meetings = window.go_to("meetings")
    row = next(
        r
        for r in range(meetings.proxy.rowCount())
        if meetings.proxy.index(r, 2).data() == "Sinh hoạt chi bộ định kỳ"
    )
    meetings.table.setFocus()
    meetings.table.setCurrentIndex(meetings.proxy.index(row, 0))
    qtbot.keyClick(meetings.table, Qt.Key.Key_Return)
    dialog = window.meeting_dialog
    assert "Đánh giá kết quả tháng trước" in dialog.browser.toPlainText()
    dialog.close()


def test_back_to_start_screen_closes_the_book(open_main, sample_book, controller, qtbot):
    path, _ids = sample_book
    window = open_main(path)
    window.open_action.trigger()
    assert controller.main_window is None
    assert controller.start_screen is not None
    assert window.book_closed
    assert controller.start_screen.list.count() == 1


def test_back_up_now(open_main, sample_book, cellbook_home, monkeypatch):
    from desktop.ui.qt.widgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    path, _ids = sample_book
    window = open_main(path)
    window.back_up_now()
    assert shown and "backups" in shown[0]
    assert list((cellbook_home / "backups").rglob("*manual.cellbook"))
