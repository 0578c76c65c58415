"""Importing members with the wizard (choose the list, check its columns, read
the report, import) and exporting the list, from the members page."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.data.enums import Sex
from desktop.services.book import Book
from desktop.services.member_import import (
    Action,
    action_label,
    column_field_label,
    inspect_file,
    plan_import,
)
from desktop.services.members import MemberInput, MemberService
from desktop.ui.import_wizard import (
    ExportMembersDialog,
    MemberImportWizard,
    counts_text,
    export_file_name,
    number_ranges,
)
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QMessageBox, QWizard
from tests.fixtures_members import add_book_members, write_messy_csv, write_messy_xlsx

from .conftest import create_book

pytestmark = pytest.mark.gui

NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def list_book(cellbook_home: Path) -> Path:
    """A book holding the two members the messy list finds again."""
    path = create_book(cellbook_home)
    book = Book.open(path)
    try:
        add_book_members(book)
    finally:
        book.close(backup=False)
    return path


def member_rows(book: Book) -> list[tuple]:
    return [
        (row.id, row.full_name, row.phone, row.date_of_birth)
        for row in MemberService(book).rows(include_past=True)
    ]


def open_wizard(open_main, path: Path) -> tuple[object, MemberImportWizard]:
    window = open_main(path)
    page = window.go_to("members")
    wizard = page.import_members()
    assert isinstance(wizard, MemberImportWizard)
    assert page.dialog is wizard
    return page, wizard


def to_report(wizard: MemberImportWizard, list_path: Path) -> None:
    assert wizard.file_page.set_file(list_path)
    wizard.button(NEXT).click()
    assert wizard.currentPage() is wizard.columns_page
    wizard.button(NEXT).click()
    assert wizard.currentPage() is wizard.report_page


def table_rows(wizard: MemberImportWizard) -> list[tuple[str, str, str, str]]:
    model = wizard.report_page.table.model()
    return [
        tuple(model.index(row, column).data() for column in range(4))
        for row in range(model.rowCount())
    ]


def plan_rows(plan) -> list[tuple[str, str, str, str]]:
    return [(str(o.row), action_label(o.action), o.name, "\n".join(o.reasons)) for o in plan.rows]


def test_file_page_finds_the_sheet_and_the_headings(open_main, list_book, tmp_path):
    _page, wizard = open_wizard(open_main, list_book)
    file_page = wizard.file_page
    assert not wizard.button(NEXT).isEnabled()  # no file yet
    assert file_page.set_file(write_messy_xlsx(tmp_path / "ds.xlsx"))
    assert wizard.button(NEXT).isEnabled()
    assert file_page.sheet_box.isVisible()
    boxes = [file_page.sheet_box.itemText(i) for i in range(file_page.sheet_box.count())]
    assert boxes == ["Trống", "DS"]
    assert file_page.sheet_box.currentText() == "DS"
    assert "rows 7–8" in file_page.found.text()
    assert "row 10" in file_page.found.text()
    # The empty first sheet holds no list: said plainly, Next stays off.
    assert not file_page.choose_sheet("Trống")
    assert file_page.problem.isVisible()
    assert "No column for the full name" in file_page.problem.text()
    assert not wizard.button(NEXT).isEnabled()
    assert file_page.choose_sheet("DS")
    assert wizard.button(NEXT).isEnabled()


def test_old_excel_files_get_a_clear_message(open_main, list_book, tmp_path):
    _page, wizard = open_wizard(open_main, list_book)
    old = tmp_path / "danh-sach.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert not wizard.file_page.set_file(old)
    assert ".xls" in wizard.file_page.problem.text()
    assert "Excel Workbook (.xlsx)" in wizard.file_page.problem.text()
    assert not wizard.button(NEXT).isEnabled()


def test_mapping_page_shows_the_guessed_fields(open_main, list_book, tmp_path):
    _page, wizard = open_wizard(open_main, list_book)
    path = write_messy_xlsx(tmp_path / "ds.xlsx")
    wizard.file_page.set_file(path)
    wizard.button(NEXT).click()
    columns = wizard.columns_page
    guessed = inspect_file(path).mapping.columns
    assert [combo.currentData() for combo in columns.combos] == [c.field or "" for c in guessed]
    assert columns.combos[1].currentText() == column_field_label("full_name")
    assert columns.combos[5].currentText() == "(not imported)"  # the blank column F
    assert [label.text() for label in columns.examples[1]][:2] == [
        "NGUYỄN VĂN AN",
        "Trần Thị Bình",
    ]
    assert not columns.problem.isVisible()
    assert wizard.button(NEXT).isEnabled()


def test_missing_name_column_is_an_error_and_next_is_off(open_main, list_book, tmp_path):
    _page, wizard = open_wizard(open_main, list_book)
    wizard.file_page.set_file(write_messy_xlsx(tmp_path / "ds.xlsx"))
    wizard.button(NEXT).click()
    columns = wizard.columns_page
    columns.set_field("B", None)
    assert columns.problem.isVisible()
    assert "full name" in columns.problem.text()
    assert not wizard.button(NEXT).isEnabled()
    # Choosing the full name for another column takes it from the one that had it.
    columns.set_field("B", "full_name")
    assert wizard.button(NEXT).isEnabled()
    columns.set_field("H", "full_name")
    assert columns.combos[1].currentData() == ""
    assert columns.note.isVisible()
    assert "column B" in columns.note.text() and "column H" in columns.note.text()
    assert columns.mapping()["full_name"] == 7


def test_a_column_box_answers_the_keyboard(open_main, list_book, tmp_path, qtbot):
    _page, wizard = open_wizard(open_main, list_book)
    wizard.file_page.set_file(write_messy_xlsx(tmp_path / "ds.xlsx"))
    wizard.button(NEXT).click()
    columns = wizard.columns_page
    blank = columns.combos[5]  # column F, "(not imported)"
    blank.setFocus()
    qtbot.keyClick(blank, Qt.Key.Key_Down)  # the next choice: the full name
    assert blank.currentData() == "full_name"
    assert columns.combos[1].currentData() == ""
    assert columns.mapping()["full_name"] == 5
    qtbot.keyClick(blank, Qt.Key.Key_Up)
    assert blank.currentData() == ""
    assert not wizard.button(NEXT).isEnabled()  # no name column now


def test_changing_a_column_changes_the_plan(open_main, list_book, tmp_path):
    _page, wizard = open_wizard(open_main, list_book)
    path = write_messy_xlsx(tmp_path / "ds.xlsx")
    to_report(wizard, path)
    assert wizard.plan is not None
    before = wizard.plan.outcome(14)
    assert before is not None and before.action is Action.ERROR  # "không rõ" is no date
    wizard.back()
    assert wizard.currentPage() is wizard.columns_page
    wizard.columns_page.set_field("C", None)  # the dates of birth under "Nam"
    wizard.button(NEXT).click()
    assert wizard.plan.mapping.index_of("male") is None
    after = wizard.plan.outcome(14)
    assert after is not None and after.action is Action.ADD
    expected = plan_import(
        wizard.book, path, mapping=wizard.mapping(), sheet="DS", today=wizard.today
    )
    assert table_rows(wizard) == plan_rows(expected)


def test_report_with_errors_matches_the_plan_and_writes_nothing(open_main, list_book, tmp_path):
    page, wizard = open_wizard(open_main, list_book)
    book = page.book
    before = member_rows(book)
    path = write_messy_xlsx(tmp_path / "ds.xlsx")
    to_report(wizard, path)
    expected = plan_import(book, path, sheet="DS", today=wizard.today)
    assert table_rows(wizard) == plan_rows(expected)
    report = wizard.report_page
    assert report.counts.text() == counts_text(expected)
    assert report.counts.text() == "10 rows: 4 to add, 1 to update, 2 to skip, 3 with errors."
    assert "9, 22–24, 26" in report.passed_over.text()
    assert report.problems.isVisible()
    assert report.problems_heading.text().startswith("3 rows have errors")
    assert "row 14: Date of birth" in report.problems_list.text()
    assert report.fix_hint.text() == "Fix these rows in the file, save it, and check again."
    assert report.check_button.isVisible()
    assert not wizard.button(COMMIT).isEnabled()
    report.validatePage()  # even if forced, nothing is written
    wizard.button(COMMIT).click()
    assert wizard.currentPage() is report
    assert member_rows(book) == before


def test_check_again_reads_the_corrected_file(open_main, list_book, tmp_path):
    page, wizard = open_wizard(open_main, list_book)
    path = write_messy_xlsx(tmp_path / "ds.xlsx")
    to_report(wizard, path)
    assert not wizard.button(COMMIT).isEnabled()
    write_messy_xlsx(path, with_errors=False)  # the secretary fixed the file
    wizard.report_page.check_button.click()
    assert wizard.plan is not None and wizard.plan.ok
    assert not wizard.report_page.problems.isVisible()
    assert wizard.button(COMMIT).isEnabled()
    assert wizard.button(COMMIT).text() == "Add 4 and update 1 members"


def test_check_again_notices_a_column_inserted_meanwhile(open_main, list_book, tmp_path):
    import openpyxl

    _page, wizard = open_wizard(open_main, list_book)
    path = write_messy_xlsx(tmp_path / "ds.xlsx")
    to_report(wizard, path)
    workbook = openpyxl.load_workbook(path)
    workbook["DS"].insert_cols(1)  # names move from B to C
    workbook.save(path)
    wizard.report_page.check_button.click()
    assert wizard.currentPage() is wizard.columns_page
    columns = wizard.columns_page
    assert columns.note.isVisible()
    assert "changed" in columns.note.text()
    assert columns.mapping()["full_name"] == 2
    wizard.button(NEXT).click()
    assert wizard.plan is not None
    assert wizard.plan.outcome(10).name == "Nguyễn Văn An"


def test_clean_file_imports_and_the_register_shows_the_new_members(
    open_main, list_book, tmp_path, qtbot
):
    page, wizard = open_wizard(open_main, list_book)
    path = write_messy_xlsx(tmp_path / "ds.xlsx", with_errors=False)
    to_report(wizard, path)
    assert wizard.button(COMMIT).text() == "Add 4 and update 1 members"
    assert wizard.report_page.ready.isVisible()
    assert "Add 4 and update 1 members" in wizard.report_page.ready.text()
    assert not wizard.report_page.problems.isVisible()
    with qtbot.waitSignal(wizard.imported):
        wizard.button(COMMIT).click()
    assert wizard.currentPage() is wizard.done_page
    result = wizard.import_result
    assert result is not None and len(result.added) == 4 and len(result.updated) == 1
    assert result.backup.exists()
    assert str(result.backup) in wizard.done_page.backup.text()
    assert "4 members added." in wizard.done_page.summary.text()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()  # written: no way back
    wizard.button(FINISH).click()
    model = page.table.model()
    names = {model.index(row, 0).data() for row in range(model.rowCount())}
    assert {"Nguyễn Văn An", "Trần Thị Bình", "Đỗ Văn Phúc", "Đinh Thị Kim"} <= names
    assert page.selected_member() is not None
    assert page.selected_member().id == result.added[0]
    rows = {row.full_name: row for row in MemberService(page.book).rows()}
    assert rows["Hoàng Thị Em"].phone.replace(" ", "") == "0905123456"  # updated


def test_a_csv_list_has_no_sheet_to_choose(open_main, list_book, tmp_path):
    _page, wizard = open_wizard(open_main, list_book)
    path = write_messy_csv(tmp_path / "ds.csv", with_errors=False)
    to_report(wizard, path)
    assert not wizard.file_page.sheet_box.isVisibleTo(wizard.file_page)
    assert wizard.plan is not None and wizard.plan.ok
    assert wizard.button(COMMIT).isEnabled()


def test_a_book_changed_meanwhile_refuses_the_import_plainly(open_main, list_book, tmp_path):
    page, wizard = open_wizard(open_main, list_book)
    path = write_messy_xlsx(tmp_path / "ds.xlsx", with_errors=False)
    to_report(wizard, path)
    # Someone gives another member the card number of row 10 before the import.
    MemberService(page.book).create(MemberInput("Phan Văn Tâm", Sex.MALE, card_number="93001"))
    before = member_rows(page.book)
    wizard.button(COMMIT).click()
    assert wizard.currentPage() is wizard.report_page
    report = wizard.report_page
    assert report.problems.isVisible()
    assert "Nothing was changed in the book." in report.problems_list.text()
    assert member_rows(page.book) == before


def test_export_writes_a_workbook_with_the_members(open_main, register_book, tmp_path):
    import openpyxl

    path, _ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    dialog = page.export_members()
    assert isinstance(dialog, ExportMembersDialog)
    assert dialog.path_field.text().endswith("danh-sach-dang-vien-thon-an-hoa.xlsx")
    assert dialog.include_past.isVisible()
    assert dialog.include_past.text() == "Also list the 1 &past member"
    target = tmp_path / "out" / "danh-sach"
    dialog.path_field.setText(str(target))
    dialog.include_past.setChecked(True)
    dialog.export_button.click()
    saved = tmp_path / "out" / "danh-sach.xlsx"
    assert saved.exists()
    sheet = openpyxl.load_workbook(saved).active
    names = {row[1] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert {"Nguyễn Văn An", "Trần Thị Bình", "Đỗ Văn Phúc"} <= names  # Phúc moved away
    message = page.dialog
    assert isinstance(message, QMessageBox)
    assert str(saved) in message.text()
    assert "6 members" in message.text()
    message.close()


def test_export_asks_before_replacing_a_file(open_main, register_book, tmp_path, monkeypatch):
    import openpyxl

    path, _ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    target = tmp_path / "ds.xlsx"
    target.write_bytes(b"old")
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = page.export_members()
    dialog.path_field.setText(str(target))
    assert dialog.export() is None
    assert asked and "ds.xlsx" in asked[0]
    assert target.read_bytes() == b"old"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.export() == target
    sheet = openpyxl.load_workbook(target).active
    names = {row[1] for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert "Đỗ Văn Phúc" not in names  # past members only when asked
    assert "Nguyễn Văn An" in names
    page.dialog.close()


def test_empty_register_offers_the_import(open_main, empty_book):
    window = open_main(empty_book)
    page = window.go_to("members")
    assert page.showing_empty
    assert page.empty_import_button.isVisible()
    wizard = page.empty_import_button.click() or page.dialog
    assert isinstance(wizard, MemberImportWizard)
    wizard.reject()


def test_small_helpers():
    assert export_file_name("Thôn An Hòa") == "danh-sach-dang-vien-thon-an-hoa.xlsx"
    assert export_file_name("") == "danh-sach-dang-vien.xlsx"
    assert number_ranges([9, 22, 23, 24, 26]) == "9, 22–24, 26"
    assert number_ranges([]) == ""
