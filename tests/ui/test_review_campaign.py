"""The Annual review tab of the Evaluations page: starting the year's review,
the members' list and its states, the steps of each member's review through
the dialogs, stepping back, the review meeting, the cell's own review and a
small review run to the end."""

from __future__ import annotations

import pytest

from desktop.data.enums import ReviewPeriod, ReviewState
from desktop.services.reviews import ReviewService
from desktop.ui.criticism.tab import CriticismTab
from desktop.ui.emulation.tab import EmulationTab
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox, QLabel, QMessageBox
from desktop.ui.reviews.decision import DecisionDialog
from desktop.ui.reviews.discussion import DiscussionDialog
from desktop.ui.reviews.personal import PersonalReviewDialog
from desktop.ui.reviews.vote import VoteDialog
from tests.ui.conftest import TODAY, create_book
from tests.ui.review_support import MEETING_TITLE, fill_review_book

pytestmark = pytest.mark.gui

AN, BINH, CUONG = "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"


@pytest.fixture
def review_book(cellbook_home):
    path = create_book(cellbook_home)
    return path, fill_review_book(path)


def _tab(open_main, review_book):
    path, ids = review_book
    window = open_main(path)
    page = window.go_to("evaluations")
    page.show_tab(page.review)
    return window, page.review, ids


def _save(dialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _refused(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()


def _started(open_main, review_book):
    window, tab, ids = _tab(open_main, review_book)
    assert tab.start_annual()
    return window, tab, ids


def _write(tab, qtbot, name: str, level: str = "good") -> None:
    assert tab.select_member_named(name)
    dialog = tab.write_selected()
    dialog.boxes["strengths"].setPlainText("Hoàn thành tốt công việc được giao")
    dialog.self_level.set_level(level)
    _save(dialog, qtbot)


def _discuss(tab, qtbot, name: str) -> None:
    assert tab.select_member_named(name)
    dialog = tab.discuss_selected()
    dialog.lines.by_member.setCurrentIndex(dialog.lines.by_member.findText(AN))
    dialog.lines.content.setPlainText("Cần mạnh dạn phát biểu hơn")
    assert dialog.lines.add_typed()
    _save(dialog, qtbot)


def _vote(tab, qtbot, name: str, points: int = 80, voters: int = 2) -> None:
    assert tab.select_member_named(name)
    dialog = tab.vote_selected()
    dialog.points.setValue(points)
    dialog.votes.for_box.setValue(voters)
    _save(dialog, qtbot)


def _decide(tab, qtbot, name: str) -> None:
    assert tab.select_member_named(name)
    dialog = tab.decide_selected()
    _save(dialog, qtbot)


def test_the_page_has_four_tabs_and_keeps_the_meeting_grades(open_main, sample_book):
    path, _ids = sample_book
    window = open_main(path)
    page = window.go_to("evaluations")
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == [
        "Meeting &grades",
        "&Annual review",
        "&Criticism and shortcomings",
        "&Emulation and commendations",
    ]
    assert isinstance(page.criticism, CriticismTab)
    assert isinstance(page.emulation, EmulationTab)
    assert page.tabs.currentWidget() is page.grades
    assert page.table.model().rowCount() == 1  # the scored meeting of the sample book
    assert "Good: 1" in page.totals.text()


def test_a_year_without_a_review_explains_and_starts_it(open_main, review_book, qtbot):
    window, tab, ids = _tab(open_main, review_book)
    assert tab.stack.currentWidget() is tab.intro
    assert "personal review" in tab.intro.message.text()
    year = tab.year.currentData()
    assert tab.intro.start_button.text() == f"&Start the review of {year}"
    assert not tab.documents_button.isEnabled()

    tab.set_year(TODAY.year)
    tab.intro.start_button.click()
    assert tab.stack.currentWidget() is not tab.intro
    assert window.statusBar().currentMessage() == f"The review of {TODAY.year} is started."
    # Everyone who must review is listed, in name order; the exempt member is not.
    assert tab.states() == {
        AN: ReviewState.NOT_STARTED,
        BINH: ReviewState.NOT_STARTED,
        CUONG: ReviewState.NOT_STARTED,
    }
    assert "Not started: 3" in tab.counts.text()
    assert "Decided: 0" in tab.counts.text()
    model = tab.table.model()
    forms = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(3)}
    assert forms == {AN: "2A", BINH: "2C", CUONG: "Probationary"}
    assert tab.documents_button.isEnabled()


def test_a_review_started_twice_is_refused_in_words(open_main, review_book):
    window, tab, ids = _started(open_main, review_book)
    ReviewService(window.book).delete_campaign(tab.detail.id)
    ReviewService(window.book).start(TODAY.year)  # started elsewhere meanwhile
    tab.detail = None
    tab.intro.show_year(TODAY.year)
    tab.stack.setCurrentWidget(tab.intro)
    assert not tab.start_annual()
    assert tab.intro.problem.text() == f"The review of {TODAY.year} has already been started."


def test_a_quarterly_review_through_the_small_dialog(open_main, review_book, qtbot):
    window, tab, ids = _tab(open_main, review_book)
    tab.set_year(TODAY.year)
    dialog = tab.start_other()
    assert dialog.form.field_visible("quarter")
    dialog.quarter.setValue(2)
    assert "quý 2" in dialog.title.placeholderText()
    _save(dialog, qtbot)
    rows = ReviewService(window.book).campaigns(TODAY.year)
    assert [(r.period, r.quarter) for r in rows] == [(ReviewPeriod.QUARTERLY, 2)]
    assert tab.detail.period is ReviewPeriod.QUARTERLY
    # The year's own review can still be started, and then both can be chosen.
    tab.other_action.trigger()
    other = tab.dialog
    other.period.setCurrentIndex(other.period.findData(ReviewPeriod.ANNUAL.value))
    assert not other.form.field_visible("quarter")
    _save(other, qtbot)
    assert tab.campaign_pair.isVisibleTo(tab)
    assert [tab.campaign_box.itemText(i) for i in range(2)] == [
        f"Annual review {TODAY.year}",
        "Quarter 2 review",
    ]


def test_each_step_shows_in_the_table_and_steps_back(open_main, review_book, qtbot, monkeypatch):
    window, tab, ids = _started(open_main, review_book)
    assert tab.select_member_named(AN)
    assert tab.member_card.write_button.isEnabled()
    assert not tab.member_card.discuss_button.isEnabled()
    assert not tab.member_card.step_back_button.isEnabled()
    assert tab.member_card.next_button() is tab.member_card.write_button

    _write(tab, qtbot, AN)
    assert tab.states()[AN] is ReviewState.WRITTEN
    assert tab.selected().member_name == AN  # still selected after the list is read again
    assert tab.member_card.next_button() is tab.member_card.discuss_button
    assert not tab.remove_action.isEnabled()
    _discuss(tab, qtbot, AN)
    assert tab.states()[AN] is ReviewState.DISCUSSED
    _vote(tab, qtbot, AN, points=92)
    assert tab.states()[AN] is ReviewState.VOTED
    _decide(tab, qtbot, AN)
    assert tab.states()[AN] is ReviewState.DECIDED
    assert "Decided: 1" in tab.counts.text()

    model = tab.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == AN)
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells == [AN, "2A", "Decided", "Good", "92", "Good", "2 / 0 / 0", "Good"]
    assert tab.member_card.name.text() == AN
    assert tab.member_card.state.text() == "Decided: Good"

    asked = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not tab.step_back()
    assert asked == [f"Clear the commune's decision on {AN}?"]
    assert tab.states()[AN] is ReviewState.DECIDED
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert tab.step_back()
    assert tab.states()[AN] is ReviewState.VOTED
    assert window.statusBar().currentMessage() == f"{AN}'s review went back one step."
    for state in (ReviewState.DISCUSSED, ReviewState.WRITTEN, ReviewState.NOT_STARTED):
        tab.member_card.step_back_button.click()
        assert tab.states()[AN] is state
    assert not tab.member_card.step_back_button.isEnabled()


def test_enter_on_a_row_opens_its_next_step(open_main, review_book, qtbot):
    window, tab, ids = _started(open_main, review_book)
    assert tab.select_member_named(BINH)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert isinstance(tab.dialog, PersonalReviewDialog)
    tab.dialog.discard()
    _write(tab, qtbot, BINH)
    assert isinstance(tab.open_next(), DiscussionDialog)
    tab.dialog.discard()
    _discuss(tab, qtbot, BINH)
    assert isinstance(tab.open_next(), VoteDialog)
    tab.dialog.discard()
    _vote(tab, qtbot, BINH)
    assert isinstance(tab.open_next(), DecisionDialog)
    tab.dialog.discard()
    # A double-click on a row opens its next step too.
    assert tab.select_member_named(CUONG)
    rect = tab.table.visualRect(tab.table.currentIndex())
    viewport = tab.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(tab.dialog, PersonalReviewDialog)
    assert tab.dialog.windowTitle() == f"Personal review — {CUONG}"
    tab.dialog.discard()


def test_the_review_meeting_counts_the_hands(open_main, review_book, qtbot):
    window, tab, ids = _started(open_main, review_book)
    texts = [tab.meeting.itemText(i) for i in range(tab.meeting.count())]
    assert texts[0] == "— not chosen —"
    assert any(MEETING_TITLE in text for text in texts)
    index = tab.meeting.findData(ids["meeting"])
    tab.meeting.setCurrentIndex(index)
    tab.meeting.activated.emit(index)
    assert ReviewService(window.book).campaign(tab.detail.id).meeting_id == ids["meeting"]
    assert window.statusBar().currentMessage() == "The review meeting is chosen."

    _write(tab, qtbot, BINH)
    _discuss(tab, qtbot, BINH)
    dialog = tab.vote_selected()
    assert dialog.votes.for_box.value() == 2  # the full members present
    assert dialog.voters_line.text() == "Full members present at the review meeting: 2."
    dialog.points.setValue(75)
    dialog.votes.for_box.setValue(3)
    _refused(dialog)
    assert dialog.form.error_text("votes") == (
        "Votes: 3 hands counted, but only 2 full members were present."
    )
    assert tab.states()[BINH] is ReviewState.DISCUSSED
    dialog.votes.for_box.setValue(2)
    _save(dialog, qtbot)
    assert tab.states()[BINH] is ReviewState.VOTED


def test_refusals_are_shown_above_the_buttons(open_main, review_book, qtbot, monkeypatch):
    window, tab, ids = _started(open_main, review_book)
    _write(tab, qtbot, CUONG)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert tab.delete_action.isEnabled()
    tab.delete_action.trigger()
    assert tab.problem.isVisibleTo(tab)
    assert tab.problem.text() == "This review has records in it and cannot be deleted."
    assert tab.states()[CUONG] is ReviewState.WRITTEN
    # The next thing that works clears the message.
    assert tab.step_back()
    assert not tab.problem.isVisibleTo(tab)
    tab.delete_action.trigger()
    assert tab.stack.currentWidget() is tab.intro
    assert window.statusBar().currentMessage() == "The review was deleted."


def test_late_members_are_added_and_removed(open_main, review_book, qtbot, monkeypatch):
    window, tab, ids = _started(open_main, review_book)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    assert tab.select_member_named(CUONG)
    assert tab.remove_selected()
    assert CUONG not in tab.states()
    dialog = tab.add_member()
    names = [dialog.member.itemText(i) for i in range(dialog.member.count())]
    assert names == ["— choose a member —", CUONG, "Phạm Văn Dũng"]
    _refused(dialog)
    assert dialog.form.error_text("member") == "Choose the member to add."
    dialog.member.setCurrentIndex(names.index("Phạm Văn Dũng"))
    _refused(dialog)
    assert "does not review" in dialog.form.error_text("member")
    dialog.member.setCurrentIndex(names.index(CUONG))
    _save(dialog, qtbot)
    assert tab.states()[CUONG] is ReviewState.NOT_STARTED


def test_the_cells_own_review_through_vote_and_decision(open_main, review_book, qtbot, monkeypatch):
    window, tab, ids = _started(open_main, review_book)
    cell = tab.cell
    assert cell.state.text() == "Not written yet."
    assert cell.write_button.isEnabled() and not cell.vote_button.isEnabled()
    assert not cell.decide_button.isEnabled() and not cell.undo_button.isVisibleTo(tab)

    dialog = tab.write_cell()
    assert "Sinh hoạt chưa đúng ngày" in _texts(dialog.earlier)
    _refused(dialog)
    assert dialog.form.error_text("strengths") == "Strengths and results: please fill this in."
    dialog.boxes["strengths"].setPlainText("Duy trì sinh hoạt đều đặn")
    dialog.boxes["earlier_fixes"].setPlainText("Đã họp đúng ngày từ tháng 3")
    dialog.self_level.set_level("good")
    _save(dialog, qtbot)
    assert cell.state.text() == "Written. Self-rated: Good."
    assert cell.vote_button.isEnabled()

    index = tab.meeting.findData(ids["meeting"])
    tab.meeting.setCurrentIndex(index)
    tab.meeting.activated.emit(index)
    dialog = tab.vote_cell()
    assert dialog.proposed.level() == "good"
    dialog.votes.for_box.setValue(5)
    _refused(dialog)
    assert "only 2 full members were present" in dialog.form.error_text("votes")
    dialog.votes.for_box.setValue(2)
    _save(dialog, qtbot)
    assert "Voted: Good (2 / 0 / 0)." in cell.state.text()

    dialog = tab.decide_cell()
    assert dialog.level.level() == "good"
    dialog.reference.setText("Quyết định số 15-QĐ/ĐU")
    _save(dialog, qtbot)
    assert "Decided by the commune: Good" in cell.state.text()
    assert "15-QĐ/ĐU" in cell.state.text()
    assert not cell.write_button.isEnabled() and cell.undo_button.isVisibleTo(tab)

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    cell.undo_button.click()
    assert "Decided by the commune" not in cell.state.text()
    assert cell.write_button.isEnabled()
    assert window.statusBar().currentMessage() == "The commune's decision on the cell was cleared."


def _texts(widget) -> str:
    return "\n".join(child.text() for child in widget.findChildren(QLabel))


def test_a_small_review_runs_to_the_end(open_main, review_book, qtbot):
    window, tab, ids = _started(open_main, review_book)
    index = tab.meeting.findData(ids["meeting"])
    tab.meeting.setCurrentIndex(index)
    tab.meeting.activated.emit(index)
    for name, points in ((AN, 80), (BINH, 72), (CUONG, 65)):
        _write(tab, qtbot, name)
        _discuss(tab, qtbot, name)
        _vote(tab, qtbot, name, points)
        _decide(tab, qtbot, name)
    assert set(tab.states().values()) == {ReviewState.DECIDED}
    assert "Decided: 3" in tab.counts.text()
    assert "Not started: 0" in tab.counts.text()
    assert not tab.warnings.isVisibleTo(tab)
    detail = ReviewService(window.book).campaign(tab.detail.id)
    assert [r.decided_level for r in detail.reviews] == ["good", "good", "completed"]
    assert not tab.member_card.write_button.text().startswith("&Write")  # now read only
