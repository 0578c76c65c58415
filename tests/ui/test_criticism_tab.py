"""The criticism tab of the Evaluations page: criticism recorded at meetings
about members and about the cell, and the shortcomings followed up."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.data.enums import CriticismKind, ShortcomingStatus
from desktop.services.criticism import CriticismService
from desktop.ui.criticism.records import EVERYONE
from desktop.ui.criticism.shortcomings import ALL, OPEN
from desktop.ui.criticism.tab import CriticismTab
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox, QMessageBox
from tests.ui.conftest import TODAY

pytestmark = pytest.mark.gui

CRITICISM = "Đồng chí Bình còn đi sinh hoạt muộn, chưa gương mẫu"
SHORTCOMING = "Đi sinh hoạt muộn"
REMEDY = "Sắp xếp việc nhà để đi họp đúng giờ"


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
    widget = CriticismTab(window)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.load()
    widget.ids = ids
    widget.window_ = window
    return widget


def test_empty_tab_explains_what_to_do(tab):
    assert tab.records.stack.currentWidget() is tab.records.empty
    assert "No criticism recorded yet" in tab.records.empty.message.text()
    assert tab.shortcomings.stack.currentWidget() is tab.shortcomings.empty
    assert "follow it up until it is fixed" in tab.shortcomings.empty.message.text()
    assert tab.parts.tabText(0) == "Criticism and self-criticism (0)"
    assert tab.parts.tabText(1) == "Shortcomings to fix (0)"


def test_record_criticism_of_a_member_with_a_shortcoming(tab, qtbot):
    ids, window = tab.ids, tab.window_
    held_on = date.fromisoformat(ids["held_on"])
    dialog = tab.records.record()
    qtbot.waitExposed(dialog)
    # Nothing filled in: each problem next to its field, nothing saved.
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("by_member") == "Given by: choose who spoke."
    assert dialog.form.error_text("content") == "What was said: please fill this in."
    assert CriticismService(window.book).rows() == []

    assert not dialog.form.field_visible("shortcoming")
    dialog.meeting.setCurrentIndex(dialog.meeting.findData(ids["meeting"]))
    assert dialog.given_on.text() == held_on.strftime("%d/%m/%Y")  # the meeting's date
    dialog.by.choose_member(ids["an"])
    dialog.about.choose(ids["binh"])
    assert dialog.kind_hint.text() == "Criticism of a member."
    dialog.content.setPlainText(CRITICISM)
    dialog.with_shortcoming.setChecked(True)
    assert dialog.form.field_visible("shortcoming")
    dialog.remedy.setPlainText(REMEDY)
    dialog.deadline.set_date(held_on - timedelta(days=1))
    _save(dialog)
    assert dialog.form.error_text("shortcoming") == "Shortcoming to fix: please fill this in."
    assert dialog.form.error_text("deadline") == "Fix by: cannot be before Date."
    assert CriticismService(window.book).rows() == []  # all of it or nothing
    dialog.shortcoming.setPlainText(SHORTCOMING)
    dialog.deadline.clear()
    qtbot.keyClicks(dialog.deadline, (TODAY + timedelta(days=60)).strftime("%d/%m/%Y"))
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)

    service = CriticismService(window.book)
    [criticism] = service.rows()
    assert (criticism.kind, criticism.by_member_id, criticism.about_member_id) == (
        CriticismKind.CRITICISM,
        ids["an"],
        ids["binh"],
    )
    assert (criticism.meeting_id, criticism.given_on) == (ids["meeting"], held_on)
    [shortcoming] = service.shortcomings()
    assert (shortcoming.member_id, shortcoming.criticism_id) == (ids["binh"], criticism.id)
    assert (shortcoming.content, shortcoming.remedy) == (SHORTCOMING, REMEDY)
    assert shortcoming.deadline == TODAY + timedelta(days=60)
    assert window.statusBar().currentMessage() == (
        "Criticism recorded, and the shortcoming noted to follow up."
    )

    tab.records.set_filters(year=0, about=EVERYONE)
    row = _cells(tab.records.view)[0]
    assert row[:4] == [held_on.strftime("%d/%m/%Y"), "Nguyễn Văn An", "Trần Thị Bình", "Criticism"]
    assert row[4] == "Đồng chí Bình còn đi sinh hoạt muộn…"
    assert row[5] == "Regular meeting"
    assert tab.records.full_text.toPlainText() == CRITICISM
    assert tab.records.meeting_button.isEnabled()
    assert tab.parts.tabText(0) == "Criticism and self-criticism (1)"
    assert tab.parts.tabText(1) == "Shortcomings to fix (1)"
    # Filtered to another member, it is not shown.
    tab.records.set_filters(about=ids["an"])
    assert _cells(tab.records.view) == []
    assert "Choose another year or person" in tab.records.view.nothing.text()


def test_record_criticism_of_the_cell_by_a_guest(tab, qtbot):
    ids, window = tab.ids, tab.window_
    dialog = tab.records.record()
    dialog.by.choose_someone_else("")
    assert dialog.by.name.isVisibleTo(dialog)
    dialog.about.choose(None)
    assert dialog.kind_hint.text() == "Criticism of the cell's work as a whole."
    dialog.content.setPlainText("Chi bộ chưa bàn kỹ việc làm đường liên xóm")
    _save(dialog)
    assert dialog.form.error_text("by_member") == "Given by: write the name of who spoke."
    dialog.by.name.setText("Phạm Văn Dũng, Đảng ủy viên")
    dialog.with_shortcoming.setChecked(True)
    dialog.shortcoming.setPlainText("Chưa bàn kỹ việc làm đường")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    service = CriticismService(window.book)
    [criticism] = service.rows()
    assert (criticism.by_member_id, criticism.by_name, criticism.about_member_id) == (
        None,
        "Phạm Văn Dũng, Đảng ủy viên",
        None,
    )
    [shortcoming] = service.shortcomings(cell_only=True)
    assert shortcoming.criticism_id == criticism.id
    assert _cells(tab.records.view)[0][1:4] == [
        "Phạm Văn Dũng, Đảng ủy viên",
        "The cell",
        "Criticism",
    ]
    assert _cells(tab.shortcomings.view)[0][0] == "The cell"
    tab.records.set_filters(about="cell")
    assert len(_cells(tab.records.view)) == 1
    tab.records.set_filters(about=ids["binh"])
    assert _cells(tab.records.view) == []


def test_self_criticism_by_keyboard(tab, qtbot):
    ids, window = tab.ids, tab.window_
    dialog = tab.records.record()
    qtbot.waitExposed(dialog)
    dialog.by.choose_member(ids["an"])
    dialog.about.choose(ids["an"])
    assert dialog.kind_hint.text() == "Self-criticism: the member speaks about themself."
    dialog.content.setFocus()
    qtbot.keyClicks(dialog.content, "I was late with the report")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setFocus()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(save, Qt.Key.Key_Space)
    [row] = CriticismService(window.book).rows()
    assert row.kind is CriticismKind.SELF
    assert _cells(tab.records.view)[0][3] == "Self-criticism"


def test_delete_criticism_asks_first(tab, monkeypatch):
    ids, window = tab.ids, tab.window_
    service = CriticismService(window.book)
    service.record("Phê bình", given_on=TODAY, about_member_id=ids["binh"], by_member_id=ids["an"])
    tab.load()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not tab.records.delete_selected()
    assert len(service.rows()) == 1
    assert tab.records.delete_selected()
    assert asked[0].startswith("Delete the criticism of ")
    assert service.rows() == []
    assert tab.records.stack.currentWidget() is tab.records.empty


def test_follow_up_a_shortcoming_until_fixed(tab, qtbot):
    ids, window = tab.ids, tab.window_
    service = CriticismService(window.book)
    item = service.add_shortcoming(
        SHORTCOMING,
        member_id=ids["binh"],
        raised_on=TODAY - timedelta(days=20),
        remedy=REMEDY,
        deadline=TODAY + timedelta(days=10),
    )
    tab.load()
    part = tab.shortcomings
    assert part.selected().id == item
    assert "Remedy: " + REMEDY in part.full_text.toPlainText()
    dialog = part.follow_up()
    qtbot.waitExposed(dialog)
    assert dialog.status.currentData() == ShortcomingStatus.FIXING
    dialog.status.setCurrentIndex(dialog.status.findData(ShortcomingStatus.FIXED))
    _save(dialog)
    assert dialog.form.error_text("follow_up") == "What was done: please fill this in."
    dialog.note.setPlainText("Tháng này đi họp đúng giờ cả ba buổi")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    [row] = service.shortcomings()
    assert (row.status, row.followed_up_on) == (ShortcomingStatus.FIXED, TODAY)
    assert window.statusBar().currentMessage() == "Follow-up recorded."
    # Fixed: no longer among those still to fix; the tab shows it under "All".
    assert part.show_choice.currentData() == ALL
    assert _cells(part.view)[0][4:6] == ["Fixed", TODAY.strftime("%d/%m/%Y")]
    assert "Follow-up of " in part.full_text.toPlainText()
    part.set_filter(OPEN)
    assert _cells(part.view) == []
    assert "Every shortcoming noted has been fixed" in part.view.nothing.text()
    assert tab.parts.tabText(1) == "Shortcomings to fix (0)"


def test_overdue_shortcoming_is_marked(tab):
    ids, window = tab.ids, tab.window_
    service = CriticismService(window.book)
    service.add_shortcoming(
        "Chưa nộp đảng phí đúng hạn",
        member_id=ids["an"],
        raised_on=TODAY - timedelta(days=90),
        deadline=TODAY - timedelta(days=1),
    )
    service.add_shortcoming(
        SHORTCOMING, member_id=None, raised_on=TODAY, deadline=TODAY + timedelta(days=30)
    )
    tab.load()
    part = tab.shortcomings
    model = part.view.table.model()
    rows = _cells(part.view)
    late = next(r for r in range(len(rows)) if rows[r][0] == "Nguyễn Văn An")
    on_time = 1 - late
    assert rows[late][4] == "To fix, late"
    assert rows[on_time][4] == "To fix"
    assert model.index(late, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(on_time, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert (
        model.index(late, 1).data(Qt.ItemDataRole.ToolTipRole).startswith("Past its deadline of ")
    )
    assert not part.legend.isHidden()
    assert tab.parts.tabText(1) == "Shortcomings to fix (2, 1 past the deadline)"


def test_add_and_change_a_shortcoming(tab, qtbot, monkeypatch):
    ids, window = tab.ids, tab.window_
    dialog = tab.shortcomings.add()
    dialog.whose.choose(ids["binh"])
    dialog.raised_on.setText("yesterday")
    _save(dialog)
    assert "day/month/year" in dialog.form.error_text("raised_on")
    assert dialog.form.error_text("content") == "Shortcoming: please fill this in."
    dialog.raised_on.set_date(TODAY)
    dialog.content.setPlainText(SHORTCOMING)
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    part = tab.shortcomings
    assert part.selected().content == SHORTCOMING
    dialog = part.edit()
    assert dialog.content.toPlainText() == SHORTCOMING
    dialog.remedy.setPlainText(REMEDY)
    dialog.deadline.set_date(TODAY + timedelta(days=31))
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    [row] = CriticismService(window.book).shortcomings()
    assert (row.member_id, row.remedy, row.deadline) == (
        ids["binh"],
        REMEDY,
        TODAY + timedelta(days=31),
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert part.delete_selected()
    assert CriticismService(window.book).shortcomings() == []
    assert part.stack.currentWidget() is part.empty
