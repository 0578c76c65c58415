"""The start screen and the list of books behind it."""

from __future__ import annotations

import os
import time

import pytest

from desktop.paths import books_dir
from desktop.services.library import list_books, remember_recent
from desktop.services.settings import load_settings

from .conftest import create_book

pytestmark = pytest.mark.gui


def test_empty_state_when_there_are_no_books(controller, qtbot):
    screen = controller.show_start_screen()
    assert screen.stack.currentWidget() is screen.empty
    assert "No books on this computer yet" in screen.empty.message.text()
    assert not screen.open_button.isEnabled()
    screen.empty.button.click()
    assert controller.wizard is not None and controller.wizard.isVisible()


def test_lists_books_newest_first_and_opens_one(controller, cellbook_home, qtbot):
    older = create_book(cellbook_home, "Thôn Bắc", "Xã Tân Lập")
    newer = create_book(cellbook_home, "Thôn Nam", "Xã Tân Lập")
    past = time.time() - 86400 * 3
    os.utime(older, (past, past))
    (books_dir() / "notes.cellbook").write_text("not a book")
    screen = controller.show_start_screen()
    texts = [screen.list.item(row).text() for row in range(screen.list.count())]
    assert len(texts) == 3
    assert texts[0].startswith("notes.cellbook\n")  # unreadable, still listed
    assert "not a CellBook book" in texts[0]
    assert texts[1].startswith("Thôn Nam\nXã Tân Lập · Last changed ")
    assert texts[2].startswith("Thôn Bắc\n")
    assert screen.list.currentRow() == 1  # the newest readable book
    qtbot.keyClick(screen.list, "\r")
    assert controller.main_window is not None
    assert controller.main_window.windowTitle() == "Thôn Nam — CellBook"
    assert load_settings().recent_books == [str(newer.resolve())]


def test_a_broken_book_explains_itself(controller, cellbook_home, qtbot, monkeypatch):
    from desktop.ui.qt.widgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    books_dir().mkdir(parents=True)
    (books_dir() / "notes.cellbook").write_text("not a book")
    screen = controller.show_start_screen()
    screen.open_selected()
    assert shown and "not a CellBook book" in shown[0]
    assert controller.main_window is None


def test_library_reads_without_writing(cellbook_home):
    path = create_book(cellbook_home)
    before = sorted(p.name for p in books_dir().iterdir())
    stamp = path.stat().st_mtime_ns
    entries = list_books(books_dir())
    assert [(e.name, e.commune, e.problem) for e in entries] == [("Thôn An Hòa", "Xã An Phú", None)]
    assert sorted(p.name for p in books_dir().iterdir()) == before
    assert path.stat().st_mtime_ns == stamp


def test_library_lists_recent_books_from_elsewhere(cellbook_home, tmp_path):
    elsewhere = create_book(tmp_path / "usb", "Thôn Đông")
    entries = list_books(books_dir(), [elsewhere, tmp_path / "gone.cellbook"])
    assert [e.name for e in entries] == ["Thôn Đông"]


def test_remember_recent_keeps_ten_without_repeats(cellbook_home, tmp_path):
    settings = load_settings()
    for number in range(12):
        remember_recent(settings, tmp_path / f"{number}.cellbook")
    remember_recent(settings, tmp_path / "5.cellbook")
    saved = load_settings().recent_books
    assert len(saved) == 10
    assert saved[0].endswith("5.cellbook")
    assert len(set(saved)) == 10
