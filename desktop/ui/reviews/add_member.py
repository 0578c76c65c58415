"""Adding a member the review left out (admitted after it started, back from
a transfer), with the form they use."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date

from desktop.i18n import _, current_language
from desktop.services.book import Book
from desktop.services.members import MemberService
from desktop.services.reviews import ReviewService
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.qt.widgets import QComboBox, QWidget
from desktop.ui.reviews.guarded import GuardedFormDialog


class AddMemberDialog(GuardedFormDialog):
    def __init__(
        self,
        book: Book,
        campaign_id: str,
        in_review: Sequence[str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            _("Add a member to this review"),
            _("For a member admitted or transferred in after the review was started."),
        )
        self.service = ReviewService(book, today)
        self.campaign_id = campaign_id
        self.member = QComboBox()
        self.member.addItem(_("— choose a member —"), None)
        for row in MemberService(book).rows():
            if row.id not in in_review:
                self.member.addItem(row.full_name, row.id)
        self.form.add_field("member", self.member, _("&Member"))
        self.review_form = QComboBox()
        self.review_form.addItem(_("The usual form for the member"), None)
        language = current_language()
        for form in book.rules.review_forms:
            self.review_form.addItem(form.title(language), form.id)
        self.form.add_field("form", self.review_form, _("&Form"))
        self.finish_form()
        self.mark_clean()
        self.member.setFocus()

    def snapshot(self) -> Hashable:
        return (self.member.currentIndex(), self.review_form.currentIndex())

    def save(self) -> str:
        member_id = self.member.currentData()
        if member_id is None:
            raise ValidationError([FieldError("member", _("Choose the member to add."))])
        return self.service.add_member(self.campaign_id, member_id, self.review_form.currentData())
