"""The cell discusses a member's review: their review to read, the criticism
given (who and what), the day, and the shortcomings to follow up."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from desktop.data.enums import ReviewState
from desktop.i18n import _, format_date
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.members import MemberService
from desktop.services.reviews import ReviewDetail, ReviewService
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QPlainTextEdit, QPushButton, QSplitter, QWidget
from desktop.ui.reviews.criticism_list import CriticismList
from desktop.ui.reviews.follow_ups import FollowUps
from desktop.ui.reviews.guarded import GuardedFormDialog
from desktop.ui.reviews.review_text import review_text
from desktop.ui.widgets import DateField, fit_to_screen, label


class DiscussionDialog(GuardedFormDialog):
    """Open while the review is written, discussed or voted (criticism can
    still be added once voted; the day of the discussion then stays)."""

    def __init__(
        self, book: Book, review_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        self.service = ReviewService(book, today)
        self.criticism = CriticismService(book, today)
        self.detail: ReviewDetail = self.service.review(review_id)
        row = self.detail.row
        title = _("Discussion and criticism — {name}").format(name=row.member_name)
        super().__init__(parent, title)
        self.unsaved_question = _(
            "The discussion of {name}'s review is not saved yet. Save it?"
        ).format(name=row.member_name)
        self.review_id = review_id
        self.member_id = row.member_id
        self.today = today
        layout = self.box_layout()
        top = 0
        written = _("{name} wrote the personal review on {date}.").format(
            name=row.member_name, date=format_date(self.detail.written_on)
        )
        layout.insertWidget(top, label(row.member_name, "heading", wrap=True))
        top += 1
        layout.insertWidget(top, label(written, wrap=True))
        self.show_review = QPushButton(_("Show the personal &review"))
        self.show_review.setCheckable(True)
        self.show_review.toggled.connect(self._toggle_review)
        layout.insertWidget(top + 1, self.show_review, 0, Qt.AlignmentFlag.AlignLeft)
        self.review = QPlainTextEdit(review_text(book.rules, row.form_id, self.detail.texts))
        self.review.setReadOnly(True)
        self.review.setAccessibleName(_("The personal review"))
        spacing = self.review.fontMetrics().lineSpacing()
        self.review.setMinimumHeight(spacing * 4)
        self.review.setMaximumHeight(spacing * 8)
        self.review.hide()
        layout.insertWidget(top + 2, self.review)

        self.discussed_on = DateField(self.detail.discussed_on or today)
        self.discussed_on.setMaximumWidth(
            self.discussed_on.fontMetrics().horizontalAdvance("0") * 16
        )
        self.form.add_field("discussed_on", self.discussed_on, _("Discussed o&n"))
        self.voted = row.state is ReviewState.VOTED
        if self.voted:
            self.discussed_on.setReadOnly(True)
        self.finish_form()

        members = [(m.id, m.full_name) for m in MemberService(book).rows()]
        self.lines = CriticismList(members, self.detail.criticisms)
        self.follow_ups = FollowUps(self.detail.new_shortcomings, self._day)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.lines)
        splitter.addWidget(self.follow_ups)
        splitter.setSizes([1000, 1000])
        layout.insertWidget(layout.indexOf(self.buttons), splitter, 3)
        fit_to_screen(self, 1150, 760)
        self.mark_clean()
        self.lines.by_member.setFocus()

    def _toggle_review(self, shown: bool) -> None:
        self.review.setVisible(shown)
        self.show_review.setText(
            _("Hide the personal &review") if shown else _("Show the personal &review")
        )

    def _day(self) -> date | None:
        """The day of the discussion as typed (None while it is not a date)."""
        try:
            return self.discussed_on.date() or self.today
        except ValueError:
            return None

    def snapshot(self) -> Hashable:
        return (
            self.discussed_on.text(),
            tuple(self.lines.added),
            frozenset(self.lines.removed),
            self.lines.typed() if self.lines.typing() else None,
            tuple(self.follow_ups.added),
            frozenset(self.follow_ups.removed),
            self.follow_ups.typed() if self.follow_ups.typing() else None,
        )

    def save(self) -> str:
        dates, problems = self.dates(discussed_on=self.discussed_on)
        if problems:
            raise ValidationError(problems)
        on = dates.get("discussed_on")
        assert on is None or isinstance(on, date)
        on = on or self.today
        finished = True
        if self.lines.typing():
            finished = self.lines.add_typed() and finished
        if self.follow_ups.typing():
            finished = self.follow_ups.add_typed() and finished
        if not finished:
            raise ValidationError(
                [FieldError("lines", _("Finish the line being typed below, or clear it."))]
            )
        lines = [line.as_tuple() for line in self.lines.added]
        if self.voted:
            for by_member_id, by_name, content in lines:
                self.service.add_criticism(
                    self.review_id, content, by_member_id=by_member_id, by_name=by_name
                )
                self.lines.saved_added(1)
        else:
            self.service.discuss(self.review_id, on, lines)
            self.lines.saved_added(len(lines))
        for criticism_id in sorted(self.lines.removed):
            self.criticism.delete(criticism_id)
        self.lines.removed.clear()
        for shortcoming_id in sorted(self.follow_ups.removed):
            self.criticism.delete_shortcoming(shortcoming_id)
        self.follow_ups.removed.clear()
        raised_on = self.detail.discussed_on if self.voted and self.detail.discussed_on else on
        while self.follow_ups.added:
            item = self.follow_ups.added[0]
            self.criticism.add_shortcoming(
                item.content,
                member_id=self.member_id,
                raised_on=raised_on,
                remedy=item.remedy,
                deadline=item.deadline,
                review_id=self.review_id,
            )
            del self.follow_ups.added[0]
        return self.review_id
