"""The commune's answer to a cell's recommendation, and the level it decides
for a member's review or for the cell's own review."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.services import commune_actions
from desktop.services.commune_actions import label_of
from desktop.services.commune_overview import (
    CellRating,
    DecisionState,
    MemberRating,
    WaitingRecommendation,
)
from desktop.services.labels import rating_label
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget
from desktop.ui.widgets import DateField, label

if TYPE_CHECKING:
    from desktop.services.book import Book


def _date_problem(name: str) -> FieldError:
    return FieldError(
        name,
        _("{field}: write the date as day/month/year, for example 03/12/1960.").format(
            field=label_of(name)
        ),
    )


def _read_date(widget: DateField, name: str = "decided_on") -> date | None:
    try:
        return widget.date()
    except ValueError:
        raise ValidationError([_date_problem(name)]) from None


def _quoted(text: str) -> QWidget:
    shown = label(text, "muted", wrap=True)
    shown.setMaximumHeight(shown.fontMetrics().height() * 5 + 8)
    return shown


class AnswerDialog(FormDialog):
    """The commune's answer to one recommendation (it goes to the cell)."""

    def __init__(
        self,
        book: Book,
        item: WaitingRecommendation,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            _("Answer the recommendation"),
            _("The answer goes to the cell in its next bundle and is recorded there."),
        )
        self.book = book
        self.today = today
        self.item_id = item.id
        self.form.addRow(_quoted(item.content))
        earlier = item.answer
        self.decided_on = DateField(earlier.decided_on if earlier else today)
        self.form.add_field("decided_on", self.decided_on, label_of("decided_on"))
        self.answer = QPlainTextEdit(earlier.text if earlier else "")
        self.answer.setTabChangesFocus(True)
        self.answer.setFixedHeight(self.answer.fontMetrics().height() * 6 + 12)
        self.form.add_field("answer", self.answer, label_of("answer"))
        self.finish_form()
        self.answer.setFocus()

    def save(self) -> str:
        decided_on = _read_date(self.decided_on)
        return commune_actions.answer_recommendation(
            self.book, self.item_id, self.answer.toPlainText(), decided_on, today=self.today
        )


class LevelDialog(FormDialog):
    """The level the commune decides, with the date and number of its decision."""

    def __init__(
        self,
        book: Book,
        *,
        title: str,
        about: str,
        proposed: str,
        earlier: DecisionState | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            title,
            _("The level goes to the cell in its next bundle and is recorded there."),
        )
        self.book = book
        self.today = today
        rules = book.rules
        self.form.addRow(label(about, "heading", wrap=True))
        if proposed:
            self.form.addRow(
                label(
                    _("The cell proposed: {level}").format(level=rating_label(rules, proposed)),
                    wrap=True,
                )
            )
        self.level = QComboBox()
        for band in rules.rating_levels:
            self.level.addItem(rating_label(rules, band.id), band.id)
        chosen = earlier.level if earlier else proposed
        if chosen:
            self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.form.add_field("level", self.level, label_of("level"))
        self.decided_on = DateField(earlier.decided_on if earlier else today)
        self.form.add_field("decided_on", self.decided_on, label_of("decided_on"))
        self.decision_ref = QLineEdit(earlier.decision_ref if earlier else "")
        self.decision_ref.setMaxLength(120)
        self.decision_ref.setPlaceholderText(_("For example: Quyết định số 15-QĐ/ĐU"))
        self.form.add_field("decision_ref", self.decision_ref, label_of("decision_ref"))
        self.finish_form()
        self.level.setFocus()

    @property
    def chosen_level(self) -> str:
        return str(self.level.currentData() or "")


class MemberLevelDialog(LevelDialog):
    def __init__(
        self, book: Book, rating: MemberRating, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            book,
            title=_("Decide the member's level"),
            about=rating.member_name,
            proposed=rating.proposed_level,
            earlier=rating.decision,
            today=today,
            parent=parent,
        )
        self.review_id = rating.review_id

    def save(self) -> str:
        decided_on = _read_date(self.decided_on)
        return commune_actions.decide_member_level(
            self.book,
            self.review_id,
            self.chosen_level,
            decided_on,
            self.decision_ref.text(),
            today=self.today,
        )


class CellLevelDialog(LevelDialog):
    def __init__(
        self,
        book: Book,
        cell_name: str,
        rating: CellRating,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            book,
            title=_("Decide the cell's level"),
            about=_("{cell}, review of {year}").format(cell=cell_name, year=rating.year),
            proposed=rating.proposed_level,
            earlier=rating.decision,
            today=today,
            parent=parent,
        )
        self.campaign_id = rating.campaign_id

    def save(self) -> str:
        decided_on = _read_date(self.decided_on)
        return commune_actions.decide_cell_level(
            self.book,
            self.campaign_id,
            self.chosen_level,
            decided_on,
            self.decision_ref.text(),
            today=self.today,
        )
