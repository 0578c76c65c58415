"""The dialogs of a member's review: the personal review with last year's
shortcomings beside it, the discussion with its criticism and shortcomings
to follow up, the vote with its live suggestion and warnings, and the
commune's decision. Problems are shown next to their field."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.data.enums import CriticismKind, ReviewState
from desktop.services.reviews import ReviewService
from desktop.ui.qt.widgets import QDialogButtonBox, QLabel, QMessageBox
from tests.ui.conftest import TODAY, create_book
from tests.ui.review_support import fill_review_book

pytestmark = pytest.mark.gui

AN, BINH, CUONG = "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"
STRENGTHS = "Gương mẫu chấp hành chủ trương của Đảng, chính sách pháp luật của Nhà nước"


@pytest.fixture
def review_book(cellbook_home):
    path = create_book(cellbook_home)
    return path, fill_review_book(path)


@pytest.fixture
def tab(open_main, review_book):
    path, _ids = review_book
    window = open_main(path)
    page = window.go_to("evaluations")
    page.show_tab(page.review)
    page.review.set_year(TODAY.year)
    assert page.review.start_annual()
    return page.review


def _save(dialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _refused(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()


def _texts(widget) -> list[str]:
    return [child.text() for child in widget.findChildren(QLabel) if child.text()]


def _review(tab, name: str):
    row = next(r for r in tab.model.rows() if r.member_name == name)
    return ReviewService(tab.book).review(row.id)


def _write(tab, qtbot, name: str, level: str = "good") -> None:
    assert tab.select_member_named(name)
    dialog = tab.write_selected()
    dialog.boxes["strengths"].setPlainText(STRENGTHS)
    dialog.self_level.set_level(level)
    _save(dialog, qtbot)


def _discussed(tab, qtbot, name: str) -> None:
    _write(tab, qtbot, name)
    dialog = tab.discuss_selected()
    _save(dialog, qtbot)


# --- the personal review ----------------------------------------------------------------


def test_the_personal_review_follows_the_members_form(tab, qtbot):
    assert tab.select_member_named(AN)
    dialog = tab.write_selected()
    assert dialog.windowTitle() == f"Personal review — {AN}"
    assert list(dialog.boxes) == [
        "strengths",
        "shortcomings",
        "earlier_fixes",
        "responsibility",
        "remedies",
    ]
    assert dialog.titles["strengths"].text() == "I. Strengths and results"
    assert dialog.titles["self_level"].text() == "VI. Self-rated level"
    assert "Personal review (members in leading or managing posts) (Mẫu 2A-HD KĐ.ĐG)" in _texts(
        dialog
    )
    assert [dialog.self_level.itemData(i) for i in range(dialog.self_level.count())] == [
        "",
        "excellent",
        "good",
        "completed",
        "not_completed",
    ]
    # Beside it: last year's shortcoming and how it was fixed.
    beside = _texts(dialog.earlier)
    assert "Last year's shortcomings and how they were fixed" in beside
    assert "Chưa đi sinh hoạt đều" in beside
    assert any(text.startswith("Fixed · deadline 31/12/") for text in beside)
    assert "Remedy: Đi sinh hoạt đầy đủ" in beside
    assert "Follow-up: Đã đi đủ các buổi" in beside
    assert "1 of 1 fixed." in beside
    dialog.discard()

    assert tab.select_member_named(BINH)
    dialog = tab.write_selected()
    assert list(dialog.boxes) == ["strengths", "shortcomings", "remedies"]  # form 2C
    assert any(text.startswith("To fix") for text in _texts(dialog.earlier))
    dialog.discard()
    assert tab.select_member_named(CUONG)
    dialog = tab.write_selected()
    assert "No shortcomings were pointed out before this review." in _texts(dialog.earlier)
    dialog.discard()


def test_writing_the_review_shows_problems_next_to_the_fields(tab, qtbot):
    assert tab.select_member_named(BINH)
    dialog = tab.write_selected()
    _refused(dialog)
    assert dialog.form.error_text("strengths") == "Strengths and results: please fill this in."
    assert dialog.form.error_text("self_level") == "Self-rated level: please fill this in."
    dialog.boxes["strengths"].setPlainText(STRENGTHS)
    dialog.boxes["shortcomings"].setPlainText("Đôi lúc chưa mạnh dạn đấu tranh phê bình")
    dialog.self_level.set_level("good")
    dialog.written_on.set_date(TODAY + timedelta(days=1))
    _refused(dialog)
    assert dialog.form.error_text("written_on") == "Written on: cannot be in the future."
    assert dialog.form.error_text("remedies") == "Remedies and timeline: please fill this in."
    dialog.written_on.setText("yesterday")
    _refused(dialog)
    assert "day/month/year" in dialog.form.error_text("written_on")
    dialog.written_on.set_date(TODAY)
    dialog.boxes["remedies"].setPlainText("Tích cực phát biểu trong sinh hoạt")
    _save(dialog, qtbot)
    detail = _review(tab, BINH)
    assert detail.texts.strengths == STRENGTHS
    assert detail.texts.self_level == "good"
    assert detail.written_on == TODAY
    assert tab.states()[BINH] is ReviewState.WRITTEN
    assert tab.host.statusBar().currentMessage() == f"The personal review of {BINH} is saved."

    dialog = tab.write_selected()  # correcting it: what was saved is there
    assert dialog.boxes["strengths"].toPlainText() == STRENGTHS
    assert dialog.self_level.level() == "good"
    assert not dialog.read_only
    dialog.discard()


def test_a_review_not_yet_written_keeps_its_draft(tab, qtbot, monkeypatch):
    """What is typed is kept in the book as it is typed: closing (or a power
    cut) loses nothing, and the review is still "not started" until saved."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]))
    assert tab.select_member_named(CUONG)
    dialog = tab.write_selected()
    dialog.boxes["strengths"].setPlainText(STRENGTHS)
    qtbot.waitUntil(lambda: _review(tab, CUONG).texts.strengths == STRENGTHS, timeout=5000)
    assert dialog.draft_note.text().startswith("Draft kept in the book at ")
    dialog.boxes["strengths"].setPlainText(STRENGTHS + " trong mọi việc")
    dialog.reject()  # closes at once, keeping the last words
    assert not dialog.isVisible() and asked == []
    review = _review(tab, CUONG)
    assert review.row.state is ReviewState.NOT_STARTED
    assert review.texts.strengths == STRENGTHS + " trong mọi việc"
    assert tab.write_selected().boxes["strengths"].toPlainText() == review.texts.strengths


def test_closing_a_written_review_with_changes_asks_first(tab, qtbot, monkeypatch):
    _write(tab, qtbot, CUONG)
    dialog = tab.write_selected()
    dialog.reject()  # nothing changed: closes at once
    assert not dialog.isVisible()

    dialog = tab.write_selected()
    dialog.boxes["strengths"].setPlainText("")
    asked = []

    def cancel(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    dialog.reject()
    assert asked == [f"The personal review of {CUONG} is not saved yet. Save it?"]
    assert dialog.isVisible()

    # Saving from the question shows what is missing and keeps the text.
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Save)
    dialog.reject()
    assert dialog.isVisible()
    assert dialog.form.error_text("strengths") == "Strengths and results: please fill this in."
    dialog.boxes["strengths"].setPlainText(STRENGTHS)
    dialog.self_level.set_level("completed")
    with qtbot.waitSignal(dialog.accepted):
        dialog.reject()
    assert _review(tab, CUONG).texts.self_level == "completed"

    dialog = tab.write_selected()
    dialog.boxes["strengths"].setPlainText("thay đổi")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()
    assert _review(tab, CUONG).texts.strengths == STRENGTHS


def test_the_review_is_read_only_once_discussed(tab, qtbot):
    _discussed(tab, qtbot, AN)
    assert tab.member_card.write_button.text() == "&Read the personal review…"
    dialog = tab.write_selected()
    assert dialog.read_only
    assert dialog.boxes["strengths"].isReadOnly()
    assert not dialog.self_level.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert any("step it back" in text for text in _texts(dialog))
    dialog.reject()
    assert not dialog.isVisible()


# --- the discussion ---------------------------------------------------------------------------


def test_discussion_with_two_criticisms_and_a_shortcoming(tab, qtbot):
    _write(tab, qtbot, BINH)
    dialog = tab.discuss_selected()
    assert dialog.discussed_on.date() == TODAY
    assert not dialog.review.isVisible()
    dialog.show_review.click()
    assert dialog.review.isVisible() and dialog.review.isReadOnly()
    assert STRENGTHS in dialog.review.toPlainText()
    assert "I. Strengths and results" in dialog.review.toPlainText()

    lines = dialog.lines
    assert not lines.editor.field_visible("by_name")
    lines.add_button.click()
    assert lines.editor.error_text("content") == "What was said: please fill this in."
    assert lines.editor.error_text("by_member") == "Given by: please fill this in."
    lines.by_member.setCurrentIndex(lines.by_member.findText(AN))
    lines.content.setPlainText("Cần đóng đảng phí đúng hạn hơn")
    lines.add_button.click()
    lines.by_member.setCurrentIndex(lines.by_member.count() - 1)  # a guest
    assert lines.editor.field_visible("by_name")
    lines.content.setPlainText("Đề nghị tham gia công tác mặt trận")
    lines.add_button.click()
    assert lines.editor.error_text("by_name") == "Guest's name: please fill this in."
    lines.guest_name.setText("Đ/c Hà (Đảng ủy xã)")
    lines.add_button.click()
    lines.by_member.setCurrentIndex(lines.by_member.findText(CUONG))
    lines.content.setPlainText("Một ý kiến thừa")
    lines.add_button.click()
    assert lines.table.rowCount() == 3
    lines.table.selectRow(2)
    lines.remove_button.click()
    assert lines.table.rowCount() == 2
    assert lines.table.item(1, 0).text() == "Đ/c Hà (Đảng ủy xã) (new)"

    follow = dialog.follow_ups
    follow.content.setPlainText("Chưa đóng đảng phí đúng hạn")
    follow.remedy.setPlainText("Đóng đảng phí trước ngày 10 hằng tháng")
    follow.deadline.set_date(TODAY - timedelta(days=400))
    follow.add_button.click()
    assert follow.editor.error_text("deadline") == (
        "Deadline: cannot be before the day of the discussion."
    )
    follow.deadline.set_date(TODAY + timedelta(days=90))
    follow.add_button.click()
    assert follow.table.rowCount() == 1
    _save(dialog, qtbot)

    detail = _review(tab, BINH)
    assert detail.discussed_on == TODAY
    assert [(c.by_name, c.kind) for c in detail.criticisms] == [
        (AN, CriticismKind.CRITICISM),
        ("Đ/c Hà (Đảng ủy xã)", CriticismKind.CRITICISM),
    ]
    assert [(s.content, s.deadline) for s in detail.new_shortcomings] == [
        ("Chưa đóng đảng phí đúng hạn", TODAY + timedelta(days=90))
    ]
    assert tab.states()[BINH] is ReviewState.DISCUSSED

    # Opened again: the lines saved are listed; one is taken back.
    dialog = tab.discuss_selected()
    assert dialog.lines.table.rowCount() == 2
    assert dialog.follow_ups.table.rowCount() == 1
    dialog.lines.table.selectRow(0)
    dialog.lines.remove_button.click()
    _save(dialog, qtbot)
    assert [c.by_name for c in _review(tab, BINH).criticisms] == ["Đ/c Hà (Đảng ủy xã)"]


def test_a_line_typed_but_not_added_is_saved_too(tab, qtbot):
    _write(tab, qtbot, CUONG)
    dialog = tab.discuss_selected()
    dialog.lines.by_member.setCurrentIndex(dialog.lines.by_member.findText(CUONG))
    dialog.lines.content.setPlainText("Tôi sẽ cố gắng hơn")
    dialog.follow_ups.content.setPlainText("Còn ngại phát biểu")
    _save(dialog, qtbot)
    detail = _review(tab, CUONG)
    assert [(c.by_name, c.kind) for c in detail.criticisms] == [(CUONG, CriticismKind.SELF)]
    assert [s.content for s in detail.new_shortcomings] == ["Còn ngại phát biểu"]


def test_the_discussion_cannot_come_before_the_review(tab, qtbot):
    _write(tab, qtbot, AN)
    dialog = tab.discuss_selected()
    dialog.discussed_on.set_date(TODAY - timedelta(days=1))
    dialog.lines.by_member.setCurrentIndex(1)
    dialog.lines.content.setPlainText("Ý kiến")
    dialog.lines.add_button.click()
    _refused(dialog)
    assert dialog.form.error_text("discussed_on") == (
        "The discussion cannot be before the review was written."
    )
    assert dialog.lines.table.rowCount() == 1  # nothing lost
    assert _review(tab, AN).criticisms == ()


# --- the vote ---------------------------------------------------------------------------------


def test_the_vote_suggests_a_level_as_the_points_change(tab, qtbot):
    _discussed(tab, qtbot, AN)
    dialog = tab.vote_selected()
    conditions = dialog.conditions
    assert list(conditions) == [
        "all_tasks_on_time",
        "exceeds_30_percent",
        "earlier_shortcomings_fixed",
    ]
    assert conditions["earlier_shortcomings_fixed"].isChecked()  # his was fixed
    assert not conditions["all_tasks_on_time"].isChecked()
    assert dialog.suggested.text() == "Give the points to see the level they suggest."
    _refused(dialog)
    assert dialog.form.error_text("points") == "Points: please fill this in."

    dialog.points.setValue(95)
    assert dialog.suggested.text() == "Suggested by the points and conditions: Good"
    assert dialog.proposed.level() == "good"
    assert not dialog.warnings.isVisibleTo(dialog)
    conditions["all_tasks_on_time"].setChecked(True)
    conditions["exceeds_30_percent"].setChecked(True)
    assert dialog.suggested.text() == "Suggested by the points and conditions: Excellent"
    assert dialog.proposed.level() == "excellent"
    # Nobody is rated good yet: the quota warns, before anything is saved.
    assert dialog.warnings.isVisibleTo(dialog)
    assert "the quota allows 0" in dialog.warnings.text()
    dialog.points.setValue(85)
    assert dialog.proposed.level() == "good"
    # A level chosen by hand stays, with the reasons it does not follow.
    dialog.proposed.setCurrentIndex(dialog.proposed.findData("excellent"))
    dialog.proposed.activated.emit(dialog.proposed.currentIndex())
    dialog.points.setValue(86)
    assert dialog.proposed.level() == "excellent"
    assert "⚠ Excellent needs at least 90 points; 86 were given." in dialog.warnings.text()
    dialog.votes.for_box.setValue(2)
    dialog.votes.against_box.setValue(1)
    _save(dialog, qtbot)  # warnings do not stop the vote

    row = next(r for r in tab.model.rows() if r.member_name == AN)
    assert (row.points, row.proposed_level, row.state) == (86, "excellent", ReviewState.VOTED)
    assert row.votes.for_ == 2 and row.votes.against == 1
    assert row.warnings
    model = tab.table.model()
    index = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == f"⚠ {AN}")
    assert "86 were given" in model.index(index, 3).data(3)  # the tooltip says why
    assert tab.member_card.state.text() == "Voted: Excellent proposed"
    assert tab.warnings.isVisibleTo(tab)
    assert "the quota allows 0" in tab.warnings.text()

    dialog = tab.vote_selected()  # voting again starts from what was recorded
    assert dialog.points.value() == 86
    assert dialog.proposed.level() == "excellent"
    assert dialog.votes.votes().against == 1
    dialog.discard()


def test_an_earlier_shortcoming_not_fixed_is_not_ticked(tab, qtbot):
    _discussed(tab, qtbot, BINH)
    dialog = tab.vote_selected()
    assert not dialog.conditions["earlier_shortcomings_fixed"].isChecked()
    dialog.discard()
    _discussed(tab, qtbot, CUONG)  # nothing carried: nothing left to fix
    dialog = tab.vote_selected()
    assert dialog.conditions["earlier_shortcomings_fixed"].isChecked()
    dialog.discard()


# --- the commune's decision -------------------------------------------------------------------


def test_the_communes_decision(tab, qtbot):
    _discussed(tab, qtbot, BINH)
    dialog = tab.vote_selected()
    dialog.points.setValue(60)
    _save(dialog, qtbot)
    dialog = tab.decide_selected()
    assert dialog.level.level() == "completed"  # the cell's proposal
    assert "The cell proposed: Completed." in _texts(dialog)
    dialog.decided_on.set_date(TODAY - timedelta(days=3))
    _refused(dialog)
    assert dialog.form.error_text("decided_on") == "The decision cannot be before the cell's vote."
    dialog.decided_on.set_date(TODAY)
    dialog.level.set_level("good")
    dialog.reference.setText("Quyết định số 20-QĐ/ĐU")
    _save(dialog, qtbot)
    detail = _review(tab, BINH)
    assert (detail.row.decided_level, detail.decided_on, detail.decision_ref) == (
        "good",
        TODAY,
        "Quyết định số 20-QĐ/ĐU",
    )
    assert tab.states()[BINH] is ReviewState.DECIDED
