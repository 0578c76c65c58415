"""Following recommendations up from their page: filters, detail, dialogs."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.data.enums import RecommendationStatus
from desktop.i18n import format_date
from desktop.services.recommendations import RecommendationFilter, RecommendationService
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox
from tests.ui.conftest import TODAY

pytestmark = pytest.mark.gui

NEW = "De nghi xa lap den duong"


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _contents(page) -> list[str]:
    model = page.table.model()
    return [model.index(row, 2).data() for row in range(model.rowCount())]


def _page_with_a_new_one(open_main, sample_book):
    path, ids = sample_book
    window = open_main(path)
    item = RecommendationService(window.book).create(
        NEW, TODAY - timedelta(days=5), raised_by_id=ids["binh"]
    )
    page = window.go_to("recommendations")
    assert page.select(item)
    return window, page, item


def test_forward_and_answer_through_the_dialogs(open_main, sample_book, qtbot):
    window, page, item = _page_with_a_new_one(open_main, sample_book)
    assert page.current_filter is RecommendationFilter.WAITING
    assert page.detail_content.text() == NEW
    assert page.detail_sent.text() == "Not sent yet"
    assert page.forward_button.isVisibleTo(page) and page.answer_button.isVisibleTo(page)
    assert not page.reopen_button.isVisibleTo(page)
    assert page.forward_button.focusPolicy() & Qt.FocusPolicy.TabFocus

    dialog = page.forward_selected()
    assert dialog.addressee.text() == "Đảng ủy xã An Phú"  # the book's commune
    assert dialog.forwarded_on.text() == TODAY.strftime("%d/%m/%Y")
    dialog.forwarded_on.set_date(TODAY + timedelta(days=1))
    _save(dialog)
    assert dialog.form.error_text("forwarded_on") == "Sent on: cannot be in the future."
    dialog.forwarded_on.setText("tomorrow")
    _save(dialog)
    assert "day/month/year" in dialog.form.error_text("forwarded_on")
    dialog.forwarded_on.clear()
    qtbot.keyClicks(dialog.forwarded_on, TODAY.strftime("%d/%m/%Y"))
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    row = RecommendationService(window.book).get(item)
    assert (row.status, row.addressee, row.forwarded_on) == (
        RecommendationStatus.FORWARDED,
        "Đảng ủy xã An Phú",
        TODAY,
    )
    assert page.selected().id == item  # still shown: it is still waiting
    assert page.detail_sent.text() == f"Sent to Đảng ủy xã An Phú on {format_date(TODAY)}"
    assert window.statusBar().currentMessage() == "Recommendation forwarded."

    dialog = page.answer_selected()
    _save(dialog)
    assert dialog.form.error_text("answer") == "Answer: please fill this in."
    qtbot.keyClicks(dialog.answer, "The commune will install the lights in December.")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert RecommendationService(window.book).get(item).status is RecommendationStatus.ANSWERED
    assert NEW not in _contents(page)  # no longer waiting

    page.set_filter(RecommendationFilter.ANSWERED)
    assert _contents(page) == [NEW]
    assert page.selected().id == item
    assert page.detail_answer.text() == "The commune will install the lights in December."
    assert page.detail_answer_title.text() == f"Answer of {format_date(TODAY)}:"
    assert not page.forward_button.isVisibleTo(page)
    assert page.close_button.text() == "Close"
    page.close_button.click()
    assert RecommendationService(window.book).get(item).status is RecommendationStatus.CLOSED
    assert _contents(page) == []
    assert page.nothing.isVisibleTo(page) and not page.table.isVisibleTo(page)

    page.set_filter(RecommendationFilter.ALL)
    assert page.select(item)
    assert page.reopen_button.isVisibleTo(page) and not page.close_button.isVisibleTo(page)
    page.reopen_button.click()
    assert RecommendationService(window.book).get(item).status is RecommendationStatus.FORWARDED
    assert window.statusBar().currentMessage() == "Recommendation reopened."


def test_closing_without_an_answer_asks_why(open_main, sample_book, qtbot):
    window, page, item = _page_with_a_new_one(open_main, sample_book)
    assert page.close_button.text() == "Close…"
    dialog = page.close_selected()
    _save(dialog)
    assert "please say why" in dialog.form.error_text("note")
    qtbot.keyClicks(dialog.note, "Settled at the meeting.")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    row = RecommendationService(window.book).get(item)
    assert (row.status, row.answer) == (RecommendationStatus.CLOSED, "Settled at the meeting.")
    page.set_filter(RecommendationFilter.CLOSED)
    assert page.detail_answer_title.text() == "Closed without an answer:"


def test_the_filter_changes_the_rows(open_main, sample_book):
    window, page, item = _page_with_a_new_one(open_main, sample_book)
    assert sorted(_contents(page)) == sorted([NEW, "Đề nghị xã sửa đèn đường"])
    assert "2 waiting for an answer" in page.summary.text()
    assert "1 waiting too long" in page.summary.text()

    page.filter.setCurrentIndex(page.filter.findData(RecommendationFilter.OVERDUE))
    assert _contents(page) == ["Đề nghị xã sửa đèn đường"]
    assert page.table.model().index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert page.legend.isVisibleTo(page)

    page.filter.setCurrentIndex(page.filter.findData(RecommendationFilter.ANSWERED))
    assert _contents(page) == []
    assert page.detail_status.text() == "Select a recommendation to see it in full."
    assert not page.showing_empty  # the book has recommendations, just none answered

    RecommendationService(window.book).answer(item, "Agreed.", TODAY)
    page.refresh()
    assert _contents(page) == [NEW]
    assert "1 answered this year" in page.summary.text()
    assert page.table.model().index(0, 5).data() == "5"  # days waiting until the answer
