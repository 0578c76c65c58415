"""The Reviews tab of a member's profile (the only place their review history
is shown) and the member form's work group, which decides the review form."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.data.enums import WorkGroup
from desktop.services.criticism import CriticismService
from desktop.services.emulation import EmulationService
from desktop.services.members import MemberService
from desktop.services.reviews import ReviewService, ReviewTexts, Votes
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QDialogButtonBox

from .conftest import TODAY

pytestmark = pytest.mark.gui


def _cells(view) -> list[list[str]]:
    model = view.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _decided_review(book, member_id: str) -> str:
    """A review of this year for the member, taken through to the commune's decision."""
    reviews = ReviewService(book, TODAY)
    campaign = reviews.start(TODAY.year)
    [review] = [r for r in reviews.campaign(campaign).reviews if r.member_id == member_id]
    reviews.write(review.id, ReviewTexts(strengths="Gương mẫu trong công tác", self_level="good"))
    reviews.discuss(review.id)
    reviews.vote(
        review.id, points=92, conditions_met=[], proposed_level="excellent", votes=Votes(4)
    )
    reviews.decide(review.id, "good", decision_ref="Số 12-QĐ/ĐU")
    return campaign


def _open(open_main, register_book, qtbot, who: str):
    path, ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    dialog = page.open_profile(ids[who])
    qtbot.waitExposed(dialog)
    return window, page, dialog, ids


def test_reviews_tab_shows_the_decided_level_and_commendations(open_main, register_book, qtbot):
    path, ids = register_book
    from desktop.services.book import Book

    book = Book.open(path)
    try:
        _decided_review(book, ids["an"])
        CriticismService(book, TODAY).add_shortcoming(
            "Chưa đôn đốc thu đảng phí đúng hạn",
            member_id=ids["an"],
            raised_on=TODAY - timedelta(days=40),
            deadline=TODAY - timedelta(days=2),
        )
        emulation = EmulationService(book, TODAY)
        emulation.pledge(TODAY.year, "Vận động bà con làm đường", member_id=ids["an"])
        emulation.commend(
            "Giấy khen",
            member_id=ids["an"],
            given_on=TODAY,
            given_by="Đảng ủy xã An Phú",
            reason="Hoàn thành xuất sắc nhiệm vụ",
            decision_ref="Số 20-QĐ/ĐU",
        )
        emulation.commend("Bằng khen", member_id=ids["dung"], given_on=TODAY)
    finally:
        book.close()

    _window, _page, dialog, _ids = _open(open_main, register_book, qtbot, "an")
    assert dialog.tabs.tabText(2) == "Re&views"
    dialog.tabs.setCurrentIndex(2)
    tab = dialog.reviews_tab
    [review] = _cells(tab.reviews)
    assert review == [
        str(TODAY.year),
        f"Kiểm điểm, đánh giá, xếp loại chất lượng năm {TODAY.year}",
        "2C",
        "Decided",
        "Good",
        "Excellent",
        "Good",
    ]
    [shortcoming] = _cells(tab.shortcomings)
    assert shortcoming[1] == "Chưa đôn đốc thu đảng phí đúng hạn"
    assert shortcoming[4] == "To fix, late"
    model = tab.shortcomings.table.model()
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    [pledge] = _cells(tab.pledges)
    assert pledge[:3] == [str(TODAY.year), "Vận động bà con làm đường", "Not assessed yet"]
    [commendation] = _cells(tab.commendations)  # Dung's is not shown here
    assert commendation == [
        TODAY.strftime("%d/%m/%Y"),
        "Giấy khen",
        "Đảng ủy xã An Phú",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Số 20-QĐ/ĐU",
    ]
    dialog.reject()


def test_reviews_tab_says_when_there_is_nothing(open_main, register_book, qtbot):
    _window, _page, dialog, _ids = _open(open_main, register_book, qtbot, "dung")
    tab = dialog.reviews_tab
    for view, text in (
        (tab.reviews, "No review recorded yet."),
        (tab.shortcomings, "No shortcomings noted."),
        (tab.pledges, "No pledges recorded."),
        (tab.commendations, "No commendations recorded."),
    ):
        assert view.nothing.text() == text
        assert not view.nothing.isHidden()
        assert view.table.isHidden()
    dialog.reject()


def test_work_group_decides_the_review_form(open_main, register_book, qtbot):
    window, _page, dialog, ids = _open(open_main, register_book, qtbot, "an")
    form = dialog.form
    assert form.work_group.currentData() == WorkGroup.OUTSIDE
    assert form.review_form_hint.text().startswith("This decides the personal review form: 2C")
    assert dict(ReviewService(window.book).who_reviews())[ids["an"]] == "2C"
    form.work_group.setCurrentIndex(form.work_group.findData(WorkGroup.LEADER))
    assert form.review_form_hint.text().startswith("This decides the personal review form: 2A")
    form.workplace.setText("UBND xã An Phú")
    assert dialog.has_unsaved_changes()
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    member = MemberService(window.book).get(ids["an"])
    assert (member.work_group, member.workplace) == (WorkGroup.LEADER, "UBND xã An Phú")
    assert dict(ReviewService(window.book).who_reviews())[ids["an"]] == "2A"


def test_new_member_with_a_work_group(open_main, register_book, qtbot):
    path, _ids = register_book
    window = open_main(path)
    page = window.go_to("members")
    dialog = page.add_member()
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.full_name.setText("Vũ Thị Hoa")
    form.work_group.setCurrentIndex(form.work_group.findData(WorkGroup.POLITICAL_SYSTEM))
    assert "2B" in form.review_form_hint.text()
    form.admission_date.set_date(TODAY - timedelta(days=30))  # probationary by the dates
    assert form.review_form_hint.text().startswith("Probationary members review on their own")
    qtbot.keyClicks(form.workplace, "Truong tieu hoc An Phu")
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    member = MemberService(window.book).get(dialog.saved_id)
    assert (member.work_group, member.workplace) == (
        WorkGroup.POLITICAL_SYSTEM,
        "Truong tieu hoc An Phu",
    )
    assert dict(ReviewService(window.book).who_reviews())[member.id] == "probationary"


def test_exempt_members_do_not_review(open_main, register_book, qtbot):
    _window, _page, dialog, _ids = _open(open_main, register_book, qtbot, "cuong")
    assert "no personal review" in dialog.form.review_form_hint.text()
    dialog.reject()
