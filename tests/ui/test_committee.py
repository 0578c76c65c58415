"""The committee dialog: giving posts, ending them, and adding a term."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.data.enums import CommitteePostKind as Post
from desktop.services.committee import CommitteeService
from desktop.ui.qt.widgets import QDialogButtonBox

from .conftest import TODAY

pytestmark = pytest.mark.gui


def _save(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _rows(dialog) -> list[list[str]]:
    model = dialog.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _open(open_main, path, qtbot):
    window = open_main(path)
    page = window.go_to("members")
    page.committee_button.click()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    return window, page, dialog


def test_assign_a_secretary(open_main, sample_book, qtbot):
    path, ids = sample_book
    window, page, dialog = _open(open_main, path, qtbot)
    assert dialog.body.currentWidget() is dialog.empty
    assert dialog.notice.text() == "The cell has no secretary at the moment."
    assert dialog.term.currentText().startswith("Nhiệm kỳ ")
    assign = dialog.assign()
    qtbot.waitExposed(assign)
    names = [assign.member.itemText(i) for i in range(assign.member.count())]
    assert names == ["", "Nguyễn Văn An", "Lê Văn Cường"]  # not the probationary member
    _save(assign)  # nobody chosen
    assert assign.form.error_text("member") == "Member: please fill this in."
    assign.choose(Post.SECRETARY, ids["an"])
    with qtbot.waitSignal(assign.accepted):
        _save(assign)
    assert _rows(dialog) == [["Secretary", "Nguyễn Văn An", TODAY.strftime("%d/%m/%Y"), ""]]
    assert dialog.notice.text() == ""
    assert CommitteeService(window.book).secretary().member_id == ids["an"]

    # A second secretary is refused, with the reason next to the post.
    assign = dialog.assign()
    assign.choose(Post.SECRETARY, ids["cuong"])
    _save(assign)
    assert assign.isVisible()
    assert "Nguyễn Văn An is the secretary" in assign.form.error_text("post")
    assign.reject()

    # The register shows the post once the dialog closes.
    dialog.reject()
    names = [page.table.model().index(r, 0).data() for r in range(page.table.model().rowCount())]
    row = names.index("Nguyễn Văn An")
    assert page.table.model().index(row, 4).data() == "Secretary"


def test_end_a_post(open_main, register_book, qtbot):
    path, ids = register_book
    window, page, dialog = _open(open_main, path, qtbot)
    assert [row[:2] for row in _rows(dialog)] == [
        ["Secretary", "Nguyễn Văn An"],
        ["Deputy secretary", "Phạm Thị Dung"],
    ]
    dialog.select_post(CommitteeService(window.book).posts()[0].id)
    assert dialog.selected_post().post is Post.SECRETARY
    end = dialog.end_post()
    qtbot.waitExposed(end)
    end.ends_on.set_date(TODAY + timedelta(days=10))
    _save(end)
    assert end.form.error_text("ends_on") == "Last day: cannot be in the future."
    end.ends_on.set_date(TODAY - timedelta(days=1))
    with qtbot.waitSignal(end.accepted):
        _save(end)
    rows = _rows(dialog)
    assert rows[0][:2] == ["Deputy secretary", "Phạm Thị Dung"]  # current posts first
    assert rows[1] == [
        "Secretary",
        "Nguyễn Văn An",
        rows[1][2],
        (TODAY - timedelta(days=1)).strftime("%d/%m/%Y"),
    ]
    assert dialog.notice.text() == "The cell has no secretary at the moment."
    dialog.select_post(CommitteeService(window.book).posts()[1].id)
    assert not dialog.end_button.isEnabled()  # already ended

    # The deputy becomes secretary: end the deputy post, then give the new one.
    dialog.select_post(CommitteeService(window.book).posts()[0].id)
    end = dialog.end_post()
    end.ends_on.set_date(TODAY - timedelta(days=1))
    with qtbot.waitSignal(end.accepted):
        _save(end)
    assign = dialog.assign()
    assign.choose(Post.SECRETARY, ids["dung"])
    with qtbot.waitSignal(assign.accepted):
        _save(assign)
    assert _rows(dialog)[0][:2] == ["Secretary", "Phạm Thị Dung"]
    dialog.reject()
    page.set_filters(post="secretary")
    assert page.table.model().index(0, 0).data() == "Phạm Thị Dung"


def test_add_a_new_term(open_main, register_book, qtbot):
    path, _ids = register_book
    window, _page, dialog = _open(open_main, path, qtbot)
    old_term = dialog.term.currentText()
    new = dialog.add_term()
    qtbot.waitExposed(new)
    assert new.name.text().startswith("Nhiệm kỳ 20")
    assert old_term != "Nhiệm kỳ thử"
    new.name.setText("Nhiệm kỳ thử")
    new.starts_on.set_date(TODAY)
    new.ends_on.set_date(TODAY - timedelta(days=1))
    _save(new)
    assert new.form.error_text("ends_on") == "Until: cannot be before From."
    new.ends_on.clear()
    with qtbot.waitSignal(new.accepted):
        _save(new)
    assert dialog.term.currentText() == "Nhiệm kỳ thử"
    assert dialog.body.currentWidget() is dialog.empty  # no posts yet in the new term
    terms = CommitteeService(window.book).terms()
    assert terms[1].ends_on == TODAY - timedelta(days=1)
    # The old term's posts are history now.
    dialog.term.setCurrentIndex(1)
    assert all(row[3] == (TODAY - timedelta(days=1)).strftime("%d/%m/%Y") for row in _rows(dialog))
    assert dialog.notice.text() == "This term is not the current one; its posts are history."
