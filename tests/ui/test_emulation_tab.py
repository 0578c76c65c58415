"""The emulation tab of the Evaluations page: the year's pledges and their
results, and commendations of the cell and of members."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.services.emulation import EmulationService
from desktop.ui.emulation.tab import EmulationTab
from desktop.ui.qt.widgets import QDialogButtonBox, QMessageBox
from tests.ui.conftest import TODAY

pytestmark = pytest.mark.gui

CELL_PLEDGE = "Chi bộ đạt trong sạch, vững mạnh; 100% đảng viên hoàn thành nhiệm vụ"
PLEDGE = "Vận động gia đình hiến 50 m² đất làm đường"


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _cells(view) -> list[list[str]]:
    model = view.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


@pytest.fixture
def tab(open_main, sample_book, qtbot):
    path, ids = sample_book
    window = open_main(path)
    widget = EmulationTab(window)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.load()
    widget.ids = ids
    widget.window_ = window
    return widget


def test_empty_year_explains_what_to_do(tab):
    assert tab.chosen_year == TODAY.year
    assert "No emulation pledges for" in tab.pledges.view.nothing.text()
    assert not tab.pledges.view.nothing.isHidden()
    assert "No commendations recorded for" in tab.commendations.view.nothing.text()
    assert tab.parts.tabText(0) == f"Pledges for {TODAY.year} (0)"
    assert tab.parts.tabText(1) == f"Commendations in {TODAY.year} (0)"


def test_add_pledges_and_record_a_result(tab, qtbot):
    ids, window = tab.ids, tab.window_
    dialog = tab.pledges.add()
    qtbot.waitExposed(dialog)
    assert dialog.who.member_id() is None  # the cell's own pledge first
    assert dialog.year.value() == TODAY.year
    _save(dialog)
    assert dialog.form.error_text("content") == "Pledge: please fill this in."
    dialog.content.setPlainText(CELL_PLEDGE)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    dialog = tab.pledges.add()
    dialog.who.choose(ids["an"])
    dialog.content.setPlainText(PLEDGE)
    dialog.pledged_on.set_date(TODAY + timedelta(days=2))
    _save(dialog)
    assert dialog.form.error_text("pledged_on") == "Pledged on: cannot be in the future."
    dialog.pledged_on.set_date(TODAY)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert window.statusBar().currentMessage() == "Pledge added."
    rows = _cells(tab.pledges.view)
    assert [row[0] for row in rows] == ["The cell", "Nguyễn Văn An"]
    assert rows[1][2:4] == [PLEDGE, "Not assessed yet"]
    assert tab.pledges.selected().content == PLEDGE
    assert tab.parts.tabText(0) == f"Pledges for {TODAY.year} (2)"

    result = tab.pledges.record_result()
    qtbot.waitExposed(result)
    assert result.chosen() is True
    result.choose(False)
    result.result_text.setPlainText("Mới hiến được 30 m²")
    with qtbot.waitSignal(result.accepted):
        _save(result)
    [pledge] = EmulationService(window.book).pledges(member_id=ids["an"])
    assert (pledge.achieved, pledge.result) == (False, "Mới hiến được 30 m²")
    rows = _cells(tab.pledges.view)
    assert rows[1][3:] == ["Not achieved", "Mới hiến được 30 m²"]
    assert "Not achieved: Mới hiến được 30 m²" in tab.pledges.full_text.toPlainText()
    assert "2 pledges for" in tab.pledges.intro.text()


def test_a_pledge_for_next_year_shows_that_year(tab, qtbot):
    dialog = tab.pledges.add()
    dialog.year.setValue(TODAY.year + 1)
    qtbot.keyClicks(dialog.content, "Keep the village road clean")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert tab.chosen_year == TODAY.year + 1
    assert _cells(tab.pledges.view)[0][2] == "Keep the village road clean"
    tab.set_year(TODAY.year)
    assert _cells(tab.pledges.view) == []


def test_add_and_delete_a_commendation(tab, qtbot, monkeypatch):
    ids, window = tab.ids, tab.window_
    given_on = TODAY - timedelta(days=3) if TODAY.month > 1 or TODAY.day > 3 else TODAY
    dialog = tab.commendations.add()
    qtbot.waitExposed(dialog)
    assert dialog.given_by.text() == "Đảng ủy xã An Phú"
    assert dialog.title.currentText() == "Giấy khen"
    dialog.title.setCurrentText("")
    dialog.given_on.setText("")
    _save(dialog)
    assert dialog.form.error_text("title") == "Title: please fill this in."
    assert dialog.form.error_text("given_on") == "Date: please fill this in."
    dialog.who.choose(ids["an"])
    dialog.given_on.set_date(given_on)
    dialog.title.setCurrentText("Bằng khen")
    dialog.given_by.setText("Huyện ủy Đông Anh")
    dialog.reason.setPlainText("Đã có thành tích xuất sắc trong phong trào xây dựng nông thôn mới")
    dialog.decision_ref.setText("Số 15-QĐ/HU")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    [row] = EmulationService(window.book).commendations()
    assert (row.member_id, row.title, row.given_by, row.decision_ref) == (
        ids["an"],
        "Bằng khen",
        "Huyện ủy Đông Anh",
        "Số 15-QĐ/HU",
    )
    assert _cells(tab.commendations.view)[0][:4] == [
        given_on.strftime("%d/%m/%Y"),
        "Nguyễn Văn An",
        "Bằng khen",
        "Huyện ủy Đông Anh",
    ]
    assert tab.parts.tabText(1) == f"Commendations in {given_on.year} (1)"
    assert "Số 15-QĐ/HU" in tab.commendations.details.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not tab.commendations.delete_selected()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert tab.commendations.delete_selected()
    assert EmulationService(window.book).commendations() == []


def test_the_year_chooser_lists_years_with_records(tab):
    service = EmulationService(tab.window_.book)
    service.commend("Giấy khen", member_id=None, given_on=date(2021, 12, 30))
    tab.load()
    years = [tab.year.itemData(i) for i in range(tab.year.count())]
    assert years == [TODAY.year, TODAY.year - 1, 2021]
    tab.set_year(2021)
    assert _cells(tab.commendations.view)[0][1] == "The cell"
    tab.set_year(2019)  # nothing recorded: the year is offered all the same
    assert tab.chosen_year == 2019
    assert "No emulation pledges for 2019 yet." in tab.pledges.view.nothing.text()
