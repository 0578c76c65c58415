"""The review's documents from the Annual review tab: listed, previewed,
printed and saved the way the Documents page does it."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from desktop.ui.documents import printing
from desktop.ui.qt.printsupport import QPrinter
from desktop.ui.qt.widgets import QFileDialog
from tests.ui.conftest import TODAY, create_book
from tests.ui.review_support import fill_review_book

pytestmark = pytest.mark.gui

AN = "Nguyễn Văn An"


@pytest.fixture
def review_book(cellbook_home):
    path = create_book(cellbook_home)
    return path, fill_review_book(path)


def _rows(dialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [
        tuple(model.index(row, column).data() for column in range(3))
        for row in range(model.rowCount())
    ]


def _wait(dialog, qtbot) -> None:
    qtbot.waitUntil(lambda: not dialog.preparing, timeout=20000)


def test_the_documents_of_the_review(open_main, review_book, qtbot, tmp_path, monkeypatch):
    path, ids = review_book
    window = open_main(path)
    page = window.go_to("evaluations")
    page.show_tab(page.review)
    tab = page.review
    tab.set_year(TODAY.year)
    assert tab.start_annual()
    index = tab.meeting.findData(ids["meeting"])
    tab.meeting.setCurrentIndex(index)
    tab.meeting.activated.emit(index)

    dialog = tab.open_documents()
    rows = _rows(dialog)
    kinds = [row.planned.kind for row in dialog.model.rows()]
    assert kinds[:3] == ["review_minutes", "rating_summary", "cell_review_report"]
    assert [r[1] for r, kind in zip(rows, kinds, strict=True) if kind == "review_form"] == [
        AN,
        "Trần Thị Bình",
        "Lê Văn Cường",
    ]
    assert kinds.count("blank_review_form") == len(window.book.rules.review_forms)
    assert rows[0][2] == "not yet"  # numbered when first printed or saved
    _wait(dialog, qtbot)
    assert dialog.preview.showing_pdf
    assert dialog.preview.page_count() > 0

    # The personal review of a member, previewed and saved as a PDF.
    form_row = kinds.index("review_form")
    dialog.select_row(form_row)
    _wait(dialog, qtbot)
    assert dialog.preview.showing_pdf
    target = tmp_path / "an.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    dialog.save_pdf_button.click()
    assert len(PdfReader(target).pages) == dialog.preview.page_count()
    assert "Saved an.pdf" in window.statusBar().currentMessage()

    # The minutes of the review meeting, printed: they get their number.
    printed = tmp_path / "printed.pdf"

    def into_file(parent, printer, title):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(printing, "choose_printer", into_file)
    dialog.select_row(0)
    _wait(dialog, qtbot)
    pages = dialog.print_selected()
    assert pages > 0 and len(PdfReader(printed).pages) == pages
    number = _rows(dialog)[0][2]
    assert number.startswith("Số ") and number.endswith("-BB/CB")
    assert dialog.selected().kind == "review_minutes"
    _wait(dialog, qtbot)
    dialog.reject()
