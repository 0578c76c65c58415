"""Adding meetings and recommendations from their pages."""

from __future__ import annotations

import pytest

from desktop.services.meetings import MeetingService
from desktop.services.recommendations import RecommendationService
from desktop.ui.qt.widgets import QDialogButtonBox

pytestmark = pytest.mark.gui


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_new_thematic_meeting_needs_a_topic(open_main, empty_book, qtbot):
    window = open_main(empty_book)
    page = window.go_to("meetings")
    assert page.showing_empty
    dialog = page.new_meeting()
    assert dialog.scheduled_on.text()  # the next regular meeting day is suggested
    dialog.kind.setCurrentIndex(1)  # thematic
    dialog.title.setText("Chuyên đề tháng")
    _save(dialog)
    assert "Topic" in dialog.form.error_text("topic")
    assert MeetingService(window.book).rows() == []
    dialog.topic.setText("Học tập và làm theo tư tưởng Hồ Chí Minh")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert not page.showing_empty
    assert page.table.model().index(0, 2).data() == "Chuyên đề tháng"
    assert page.table.model().index(0, 1).data() == "Thematic meeting"


def test_bad_meeting_date_is_explained(open_main, empty_book):
    window = open_main(empty_book)
    dialog = window.go_to("meetings").new_meeting()
    dialog.scheduled_on.setText("hôm nay")
    _save(dialog)
    assert "day/month/year" in dialog.form.error_text("scheduled_on")
    dialog.scheduled_on.clear()
    _save(dialog)
    assert "please fill this in" in dialog.form.error_text("scheduled_on")
    dialog.reject()


def test_add_recommendation(open_main, sample_book, qtbot):
    path, ids = sample_book
    window = open_main(path)
    page = window.go_to("recommendations")
    dialog = page.add_recommendation()
    _save(dialog)
    assert "Content" in dialog.form.error_text("content")
    dialog.content.setPlainText("Đề nghị hỗ trợ hộ nghèo")
    dialog.raised_by.setCurrentIndex(dialog.raised_by.findData(ids["binh"]))
    dialog.addressee.setText("Ủy ban nhân dân xã")
    with qtbot.waitSignal(dialog.accepted):
        _save(dialog)
    assert len(RecommendationService(window.book).rows()) == 2
    assert page.table.model().rowCount() == 2
    contents = {page.table.model().index(r, 2).data() for r in range(2)}
    assert "Đề nghị hỗ trợ hộ nghèo" in contents
