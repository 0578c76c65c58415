"""The Cells page of a commune book: the cells at a glance for a month, a cell
in detail, the commune's answers and levels, the report saved."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.data.enums import DecisionKind, OrgKind
from desktop.data.models import CommuneDecision
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox
from tests.services.commune_books import FEBRUARY, TODAY, make_books, new_book

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def commune_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A commune book with its three cells (closed; each test works on a copy)."""
    folder = tmp_path_factory.mktemp("commune")
    books = make_books(folder)
    books.close()
    yield folder / "commune.cellbook"


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "today", lambda self: TODAY)
    return TODAY


@pytest.fixture
def window(open_main, commune_file, cellbook_home, today):
    path = cellbook_home / "books" / "commune.cellbook"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(commune_file, path)
    return open_main(path)


def column(page, title: str) -> int:
    model = page.proxy
    titles = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    return titles.index(title)


def cell_texts(page, title: str) -> list[str]:
    at = column(page, title)
    return [row[at] for row in page.row_texts()]


def save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_commune_book_opens_on_its_cells(window):
    assert window.current_key() == "cells"
    navigation = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert navigation == ["Cells", "Sync"]
    assert not window.find_action.isEnabled()
    page = window.current_page()
    assert not page.showing_empty
    assert cell_texts(page, "Cell") == ["Thôn An Hòa", "Thôn Bình Minh", "Thôn Cầu Đá"]
    assert cell_texts(page, "Meetings held") == ["1 regular, 1 extraordinary", "1 regular", ""]
    assert cell_texts(page, "Attendance rate") == ["75% (3/4)", "100% (2/2)", ""]
    assert cell_texts(page, "Grade") == ["Good (92)", "Fair (85)", ""]
    assert cell_texts(page, "Thematic (quarter)") == ["1", "0 — none yet", ""]
    assert cell_texts(page, "Recommendations waiting") == ["2, oldest 69 days", "0", ""]
    assert cell_texts(page, "Review") == ["2025: 1 · 1 · 1 · 0, 3 to decide", "", ""]
    assert cell_texts(page, "Cell's level") == ["Good (proposed)", "", ""]
    assert cell_texts(page, "Last bundle")[2] == "No bundle yet"
    assert cell_texts(page, "Needs attention") == [
        "Attendance 75%, 1 recommendation overdue",
        "No thematic meeting",
        "No bundle yet",
    ]
    assert "March 2026: 3 cells enrolled · 2 heard from" in page.summary.text()
    assert "3 need attention" in page.summary.text()


def test_the_month_chooser_changes_the_figures(window, qtbot):
    page = window.current_page()
    page.month_chooser.choose(FEBRUARY)
    assert page.month == FEBRUARY
    assert cell_texts(page, "Meetings held") == ["1 regular, 1 thematic", "none", ""]
    assert cell_texts(page, "Attendance rate") == ["100% (4/4)", "", ""]
    assert cell_texts(page, "Grade") == ["Good (90)", "", ""]
    assert cell_texts(page, "Needs attention")[1] == "No regular meeting reported"
    assert page.summary.text().startswith("February 2026:")
    page.month_chooser.step(1)
    assert cell_texts(page, "Meetings held")[0] == "1 regular, 1 extraordinary"


def test_without_cells_the_page_says_how_to_enrol_one(open_main, cellbook_home, today):
    path = cellbook_home / "books" / "xa.cellbook"
    path.parent.mkdir(parents=True, exist_ok=True)
    book = new_book(path.parent, "xa", "Đảng ủy xã An Phú", kind=OrgKind.COMMUNE)
    book.close(backup=False)
    window = open_main(path)
    page = window.current_page()
    assert page.showing_empty
    assert page.empty.message.text() == (
        "No cell is enrolled yet. Enrol a cell's key card on the Sync page."
    )
    page.empty.button.click()
    assert window.current_key() == "sync"


def test_answering_a_recommendation_from_the_cells_window(window, qtbot):
    page = window.current_page()
    page.select(next(c.org_id for c in page.model.rows() if c.name == "Thôn An Hòa"))
    dialog = page.open_selected()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Thôn An Hòa"
    assert dialog.recommendations_model.rowCount() == 2
    answer = dialog.answer_selected()
    answer.answer.setPlainText("Xã đã lắp đèn đường mới.")
    save(answer)
    assert not answer.isVisible()
    with window.book.reader() as session:
        kept = session.scalars(select(CommuneDecision)).all()
    assert [(d.kind, d.text, d.decided_on) for d in kept] == [
        (DecisionKind.ANSWER, "Xã đã lắp đèn đường mới.", TODAY)
    ]
    shown = dialog.recommendations_model.row_at(0)
    assert shown.answer.text == "Xã đã lắp đèn đường mới."
    assert "next bundle" in window.statusBar().currentMessage()
    # The page counts it as answered, and lists it among what goes down.
    assert cell_texts(page, "Recommendations waiting")[0] == "1, oldest 15 days"
    assert page.sent_model.rowCount() == 1
    assert page.sent_model.row_at(0).summary == "Xã đã lắp đèn đường mới."
    dialog.reject()


def test_an_empty_answer_is_not_saved(window, qtbot):
    page = window.current_page()
    page.select(page.model.rows()[0].org_id)
    dialog = page.open_selected()
    answer = dialog.answer_selected()
    save(answer)
    assert answer.isVisible()
    assert "please fill this in" in answer.form.error_text("answer")
    answer.reject()
    dialog.reject()


def test_deciding_a_members_and_the_cells_level(window, qtbot):
    page = window.current_page()
    page.select(page.model.rows()[0].org_id)
    dialog = page.open_selected()
    names = [r.member_name for r in dialog.ratings_model.rows()]
    dialog.ratings_table.selectRow(
        dialog.ratings_proxy.mapFromSource(
            dialog.ratings_model.index(names.index("Trần Văn Bình"), 0)
        ).row()
    )
    level = dialog.decide_selected()
    assert level.chosen_level == "good"
    level.level.setCurrentIndex(level.level.findData("excellent"))
    level.decision_ref.setText("15-QD/DU")
    save(level)
    assert not level.isVisible()
    cell_level = dialog.decide_cell()
    assert cell_level.chosen_level == "good"
    save(cell_level)
    with window.book.reader() as session:
        kept = {d.kind: d for d in session.scalars(select(CommuneDecision))}
    assert (
        kept[DecisionKind.MEMBER_RATING].level,
        kept[DecisionKind.MEMBER_RATING].decision_ref,
    ) == (
        "excellent",
        "15-QD/DU",
    )
    assert kept[DecisionKind.CELL_RATING].level == "good"
    assert "decided here: Good" in dialog.cell_level.text()
    dialog.reject()


def test_a_member_not_yet_voted_is_not_decided(window, qtbot, monkeypatch):
    from desktop.ui.qt.widgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    page = window.current_page()
    page.select(page.model.rows()[0].org_id)
    dialog = page.open_selected()
    names = [r.member_name for r in dialog.ratings_model.rows()]
    dialog.ratings_table.selectRow(
        dialog.ratings_proxy.mapFromSource(
            dialog.ratings_model.index(names.index("Hoàng Văn Em"), 0)
        ).row()
    )
    assert dialog.decide_selected() is None
    assert told == ["The cell has not voted a proposed level for Hoàng Văn Em yet."]
    dialog.reject()


def test_sending_a_document_and_saving_a_received_one(window, qtbot, tmp_path):
    page = window.current_page()
    source = tmp_path / "chi-thi-05.pdf"
    source.write_bytes(b"%PDF-1.4 directive")
    dialog = page.send_document()
    dialog.file_field.setText(str(source))
    assert dialog.title.text() == "chi-thi-05"
    dialog.title.setText("Chỉ thị về phòng chống bão")
    dialog.number.setText("05-CT/DU")
    save(dialog)
    assert not dialog.isVisible()
    assert [(i.summary, i.reference, len(i.cells)) for i in page.sent_model.rows()] == [
        ("Chỉ thị về phòng chống bão", "05-CT/DU", 3)
    ]
    cell = page.open_cell(page.model.rows()[0].org_id)
    assert cell.documents_model.rowCount() == 4
    copy = tmp_path / "copy.pdf"
    assert cell.save_document(copy)
    assert copy.read_bytes().startswith(b"%PDF")
    cell.reject()


def test_saving_the_report(window, tmp_path):
    page = window.current_page()
    pdf = page.save_pdf(tmp_path / "bao-cao")
    assert pdf == tmp_path / "bao-cao.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    xlsx = page.save_excel(tmp_path / "bao-cao.xlsx")
    sheet = openpyxl.load_workbook(xlsx).active
    assert sheet.title == "03-2026"
    assert str(xlsx) in window.statusBar().currentMessage()


def test_a_cell_book_keeps_its_own_pages(open_main, empty_book):
    window = open_main(empty_book)
    assert window.current_key() == "home"
    assert window.navigation.count() == 8
