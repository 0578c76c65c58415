"""The commune's decision on a level: for a member (confirming the cell's
proposal or not) or for the cell itself: the level, the day, the reference
of the decision."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date

from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.reviews import ReviewService
from desktop.services.validation import ValidationError
from desktop.ui.qt.widgets import QLineEdit, QWidget
from desktop.ui.reviews.common import LevelCombo, level_text
from desktop.ui.reviews.guarded import GuardedFormDialog
from desktop.ui.widgets import DateField, label

Decide = Callable[[str, date | None, str], None]


class DecisionDialog(GuardedFormDialog):
    def __init__(
        self,
        book: Book,
        title: str,
        heading: str,
        proposed: str,
        current: tuple[str, date | None, str],
        today: date,
        decide: Decide,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, title)
        self._decide = decide
        self.saved_key = ""
        rules = book.rules
        self.form.addRow(label(heading, "heading", wrap=True))
        if proposed:
            self.form.addRow(
                label(
                    _("The cell proposed: {level}.").format(level=level_text(rules, proposed)),
                    wrap=True,
                )
            )
        level, decided_on, reference = current
        self.level = LevelCombo(rules)
        self.level.set_level(level or proposed)
        self.form.add_field("decided_level", self.level, _("&Level decided by the commune"))
        self.decided_on = DateField(decided_on or today)
        self.decided_on.setMaximumWidth(self.decided_on.fontMetrics().horizontalAdvance("0") * 16)
        self.form.add_field("decided_on", self.decided_on, _("Decided o&n"))
        self.reference = QLineEdit(reference)
        self.reference.setMaxLength(120)
        self.reference.setPlaceholderText(_("For example: Quyết định số 15-QĐ/ĐU"))
        self.form.add_field("decision_ref", self.reference, _("Decision n&umber"))
        self.finish_form()
        self.mark_clean()
        self.level.setFocus()

    def snapshot(self) -> Hashable:
        return (self.level.level(), self.decided_on.text(), self.reference.text())

    def save(self) -> str:
        dates, problems = self.dates(decided_on=self.decided_on)
        if problems:
            raise ValidationError(problems)
        on = dates.get("decided_on")
        assert on is None or isinstance(on, date)
        self._decide(self.level.level(), on, self.reference.text())
        return self.saved_key


def member_decision(
    book: Book, review_id: str, today: date, parent: QWidget | None = None
) -> DecisionDialog:
    service = ReviewService(book, today)
    detail = service.review(review_id)
    row = detail.row

    def decide(level: str, on: date | None, reference: str) -> None:
        service.decide(review_id, level, on, reference)

    dialog = DecisionDialog(
        book,
        _("The commune's decision — {name}").format(name=row.member_name),
        row.member_name,
        row.proposed_level,
        (row.decided_level, detail.decided_on, detail.decision_ref),
        today,
        decide,
        parent,
    )
    dialog.saved_key = review_id
    return dialog


def cell_decision(
    book: Book, campaign_id: str, today: date, parent: QWidget | None = None
) -> DecisionDialog:
    service = ReviewService(book, today)
    campaign = service.campaign(campaign_id)

    def decide(level: str, on: date | None, reference: str) -> None:
        service.decide_cell(campaign_id, level, on, reference)

    dialog = DecisionDialog(
        book,
        _("The commune's decision on the cell"),
        _("The cell's own level"),
        campaign.cell_proposed_level,
        (campaign.cell_decided_level, campaign.cell_decided_on, campaign.cell_decision_ref),
        today,
        decide,
        parent,
    )
    dialog.saved_key = campaign_id
    return dialog
