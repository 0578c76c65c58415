"""The Documents page: a month's documents with their preview, printing,
saving a PDF or Word copy (numbers issued once), everything for a month into
a folder, an empty month, and the register."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.demo import generate_demo_book
from desktop.export.catalogue import build
from desktop.export.pdf import pdf_bytes
from desktop.ui.documents import preview_loader, printing
from desktop.ui.qt.core import Qt
from desktop.ui.qt.gui import QDesktopServices
from desktop.ui.qt.printsupport import QPrinter
from desktop.ui.qt.widgets import QFileDialog, QMessageBox

pytestmark = pytest.mark.gui

DEMO_TODAY = date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo book up to 22/11/2026, made once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.cellbook"
    generate_demo_book(path, until=DEMO_TODAY).close(backup=False)
    return path


@pytest.fixture
def demo_book(demo_file: Path, cellbook_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "today", lambda self: DEMO_TODAY)
    path = cellbook_home / "books" / "demo.cellbook"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(demo_file, path)
    return path


def _open(open_main, path: Path, qtbot):
    window = open_main(path)
    page = window.go_to("documents")
    tab = page.month_tab
    _wait_preview(tab, qtbot)
    return window, page, tab


def _wait_preview(tab, qtbot) -> None:
    qtbot.waitUntil(lambda: not tab.preparing, timeout=20000)


def _rows(tab) -> list[list[str]]:
    model = tab.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _row_of(tab, kind: str) -> int:
    return next(n for n, row in enumerate(tab.model.rows()) if row.planned.kind == kind)


def _choose(tab, qtbot, kind: str):
    tab._select(_row_of(tab, kind))
    _wait_preview(tab, qtbot)
    return tab.selected()


def _register(page) -> list[str]:
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_the_month_lists_its_documents_and_previews_them(open_main, demo_book, qtbot):
    window, page, tab = _open(open_main, demo_book, qtbot)
    assert page.tabs.currentWidget() is tab
    assert tab.month_box.currentText() == "November 2026"
    assert not tab.empty_banner.isVisibleTo(tab)
    rows = _rows(tab)
    labels = [row[0] for row in rows]
    assert labels == [
        "Minutes",  # the committee's preparatory meeting
        "Notice",
        "Invitation",
        "Minutes",
        "Attendance sheet",
        "Resolution",
        "Monthly report",
        "List of recommendations",
        "List of members",
        "Blank minutes",
        "Blank attendance sheet",
    ]
    assert rows[1][1] == "Sinh hoạt chi bộ thường kỳ tháng 11/2026"
    assert rows[1][2] == "not yet"  # the notice has no number yet
    assert rows[0][2] == ""  # the committee's short minutes are not numbered
    assert rows[-1][1] == "To fill in by hand"

    # The first document is previewed: the real PDF, page for page.
    first = tab.selected()
    assert first is not None and first.kind == "minutes"
    expected = _pages(pdf_bytes(build(window.book, first, issue=False, today=DEMO_TODAY)))
    assert tab.preview.showing_pdf
    assert tab.preview.page_count() == expected
    assert tab.preview.title.text().startswith("Minutes — ")

    resolution = _choose(tab, qtbot, "resolution")
    expected = _pages(pdf_bytes(build(window.book, resolution, issue=False, today=DEMO_TODAY)))
    assert tab.shown is not None and tab.shown.planned == resolution
    assert tab.preview.page_count() == expected
    tab.preview.zoom(1.25)
    tab.preview.fit_width()

    # Moving on before a preview is ready: only the last one is shown.
    tab._select(_row_of(tab, "notice"))
    tab._select(_row_of(tab, "monthly_report"))
    _wait_preview(tab, qtbot)
    tab.worker.wait()
    qtbot.wait(50)
    assert tab.shown.planned.kind == "monthly_report"
    assert tab.preview.title.text() == "Monthly report — 11/2026"

    # The previous and next months.
    tab.previous_button.click()
    _wait_preview(tab, qtbot)
    assert tab.month_box.currentText() == "October 2026"
    assert [row[0] for row in _rows(tab)].count("Invitation") == 2  # two guests in October


def test_enter_in_the_list_goes_to_the_preview(open_main, demo_book, qtbot):
    window, page, tab = _open(open_main, demo_book, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    _wait_preview(tab, qtbot)
    assert tab.shown.planned.kind == "notice"
    assert tab.preview.view.hasFocus()


def test_printing_issues_the_number_and_prints_every_page(
    open_main, demo_book, qtbot, tmp_path, monkeypatch
):
    window, page, tab = _open(open_main, demo_book, qtbot)
    outputs: list[Path] = []

    def into_file(parent, printer, title):
        path = tmp_path / f"printed-{len(outputs)}.pdf"
        outputs.append(path)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    monkeypatch.setattr(printing, "choose_printer", into_file)
    before = _register(page)
    resolution = _choose(tab, qtbot, "resolution")
    assert _rows(tab)[_row_of(tab, "resolution")][2] == "not yet"

    pages = tab.print_selected()
    assert pages == tab.preview.page_count() > 0
    assert len(PdfReader(outputs[0]).pages) == pages
    after = _register(page)
    assert len(after) == len(before) + 1
    number = _rows(tab)[_row_of(tab, "resolution")][2]
    assert number.startswith("Số ") and number.endswith("-NQ/CB")
    assert number in after
    assert tab.selected() == resolution  # still selected, previewed with its number
    _wait_preview(tab, qtbot)
    assert tab.preview.showing_pdf
    assert "printer" in window.statusBar().currentMessage()

    # Ctrl+P prints the selected document again, with the same number.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(outputs) == 2 and outputs[1].exists()
    _wait_preview(tab, qtbot)
    assert _register(page) == after

    # A cancelled print dialog prints nothing and issues nothing.
    monkeypatch.setattr(printing, "choose_printer", lambda parent, printer, title: False)
    notice = _choose(tab, qtbot, "notice")
    assert notice is not None and tab.print_selected() == 0
    assert _register(page) == after


def test_saving_a_pdf_and_a_word_copy_issues_the_number_once(
    open_main, demo_book, qtbot, tmp_path, monkeypatch
):
    window, page, tab = _open(open_main, demo_book, qtbot)
    asked: list[str] = []
    answers = iter(
        [
            str(tmp_path / "report.pdf"),
            str(tmp_path / "report"),  # the extension is added
            str(tmp_path / "report-again.pdf"),
        ]
    )

    def save_name(parent, title, default, filters):
        asked.append(default)
        return next(answers), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    before = _register(page)
    _choose(tab, qtbot, "monthly_report")

    tab.save_pdf_button.click()
    assert Path(asked[0]).name == "bao-cao-2026-11.pdf"
    assert len(PdfReader(tmp_path / "report.pdf").pages) == tab.preview.page_count()
    after = _register(page)
    assert len(after) == len(before) + 1
    number = _rows(tab)[_row_of(tab, "monthly_report")][2]
    assert number in after and number.endswith("-BC/CB")
    assert "Saved report.pdf" in window.statusBar().currentMessage()

    tab.save_word_button.click()
    assert Path(asked[1]).name == "bao-cao-2026-11.docx"
    assert (tmp_path / "report.docx").stat().st_size > 0
    tab.save_pdf_button.click()
    assert (tmp_path / "report-again.pdf").exists()
    assert _register(page) == after  # the same number each time
    assert _rows(tab)[_row_of(tab, "monthly_report")][2] == number

    # A folder that cannot be written: a plain message, and no number given.
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *args: warnings.append(text)
    )
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args: (str(tmp_path / "missing" / "notice.pdf"), ""),
    )
    _choose(tab, qtbot, "notice")
    tab.save_pdf_button.click()
    assert len(warnings) == 1 and "Nothing was changed in the book" in warnings[0]
    assert _register(page) == after
    assert _rows(tab)[_row_of(tab, "notice")][2] == "not yet"

    # Choosing no file does nothing.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    tab.save_word_button.click()
    assert _register(page) == after


def test_everything_for_the_month_goes_into_one_folder(
    open_main, demo_book, qtbot, tmp_path, monkeypatch
):
    window, page, tab = _open(open_main, demo_book, qtbot)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(tmp_path))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    documents = tab.model.rowCount()
    before = _register(page)

    tab.export_button.click()
    export = tab.export
    assert export is not None
    qtbot.waitUntil(lambda: export.result_box is not None, timeout=60000)
    folder = tmp_path / "tai-lieu-2026-11"
    files = sorted(folder.iterdir())
    assert len(files) == 2 * documents  # a PDF and a Word copy of each
    assert len([f for f in files if f.suffix == ".pdf"]) == documents
    for pdf in (f for f in files if f.suffix == ".pdf"):
        assert len(PdfReader(pdf).pages) > 0
    assert export.result_box.text() == f"{2 * documents} files were written to this folder:"
    assert export.result_box.informativeText() == str(folder)
    # The notice, the minutes, the resolution and the monthly report got numbers.
    assert len(_register(page)) == len(before) + 4
    numbers = [row[2] for row in _rows(tab)]
    assert "not yet" not in numbers
    export.open_button.click()
    assert opened == [str(folder)]
    _wait_preview(tab, qtbot)


def test_a_month_without_meetings_says_what_to_do(open_main, demo_book, qtbot):
    window, page, tab = _open(open_main, demo_book, qtbot)
    tab.set_month(date(2026, 12, 1))
    _wait_preview(tab, qtbot)
    assert tab.empty_banner.isVisibleTo(tab)
    assert "No meetings this month yet" in tab.empty_message.text()
    # The month's report, the lists and the blank forms are still there.
    assert [row[0] for row in _rows(tab)] == [
        "Monthly report",
        "List of recommendations",
        "List of members",
        "Blank minutes",
        "Blank attendance sheet",
    ]
    assert tab.preview.showing_pdf
    assert not tab.next_button.isEnabled()  # December is the last month offered
    tab.meetings_button.click()
    assert window.current_key() == "meetings"


def test_a_document_that_cannot_be_made_is_a_message(open_main, demo_book, qtbot, monkeypatch):
    window, page, tab = _open(open_main, demo_book, qtbot)

    def broken(*args, **kwargs):
        raise RuntimeError("not written yet")

    monkeypatch.setattr(preview_loader, "build", broken)
    tab._select(_row_of(tab, "blank_minutes"))
    _wait_preview(tab, qtbot)
    assert not tab.preview.showing_pdf
    assert "could not make this document" in tab.preview.message.text()
    assert not tab.preview.zoom_in_button.isEnabled()


def test_the_register_tab(open_main, sample_book, qtbot):
    path, _ids = sample_book
    window = open_main(path)
    page = window.go_to("documents")
    _wait_preview(page.month_tab, qtbot)
    page.tabs.setCurrentIndex(1)
    assert _register(page) == ["Số 01-NQ/CB"]
    assert page.register_stack.currentWidget() is page.table


def test_an_empty_book_asks_for_members_first(open_main, empty_book):
    window = open_main(empty_book)
    page = window.go_to("documents")
    assert page.showing_empty
    assert "Add the members first" in page.empty.message.text()
    page.empty.button.click()
    assert window.current_key() == "members"
