"""Recording a member's recommendation, and following it up: where it was sent,
the answer, closing it."""

from __future__ import annotations

from datetime import date

from desktop.i18n import _
from desktop.services.members import MemberService
from desktop.services.recommendations import (
    RecommendationRow,
    RecommendationService,
    label_of,
)
from desktop.services.validation import FieldError, ValidationError, Validator
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget
from desktop.ui.widgets import DateField, label


class RecommendationDialog(FormDialog):
    def __init__(
        self,
        service: RecommendationService,
        members: MemberService,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, _("Add a recommendation"))
        self.service = service
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(self.fontMetrics().height() * 5)
        self.form.add_field("content", self.content)
        self.raised_on = DateField(today)
        self.form.add_field("raised_on", self.raised_on)
        self.raised_by = QComboBox()
        self.raised_by.addItem(_("(nobody in particular)"), None)
        for row in members.rows():
            self.raised_by.addItem(row.full_name, row.id)
        self.form.add_field("raised_by", self.raised_by, _("Raised by"))
        self.addressee = QLineEdit()
        self.addressee.setMaxLength(200)
        self.addressee.setPlaceholderText(_("For example: Đảng ủy xã"))
        self.form.add_field("addressee", self.addressee)
        self.finish_form()
        self.content.setFocus()

    def save(self) -> str:
        dates, problems = self.dates(raised_on=self.raised_on)
        raised_on = dates.get("raised_on")
        if not problems and raised_on is None:
            check = Validator()
            check.required("raised_on", None)
            problems = list(check.errors)
        if problems:
            raise ValidationError(problems)
        assert isinstance(raised_on, date)
        return self.service.create(
            self.content.toPlainText(),
            raised_on,
            raised_by_id=self.raised_by.currentData(),
            addressee=self.addressee.text(),
        )


def _date_problem(field: str) -> FieldError:
    return FieldError(
        field,
        _("{field}: write the date as day/month/year, for example 03/12/1960.").format(
            field=label_of(field)
        ),
    )


def _read_date(field: str, widget: DateField) -> tuple[date | None, list[FieldError]]:
    """The date written (None if empty), or the problem with it."""
    try:
        return widget.date(), []
    except ValueError:
        return None, [_date_problem(field)]


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().height() * lines + 12)
    return box


def _quoted(content: str) -> QLabel:
    shown = label(content, "muted", wrap=True)
    shown.setMaximumHeight(shown.fontMetrics().height() * 4 + 8)
    return shown


class ForwardDialog(FormDialog):
    """Where the recommendation was sent, and when."""

    def __init__(
        self,
        service: RecommendationService,
        row: RecommendationRow,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, _("Forward the recommendation"))
        self.service = service
        self.row_id = row.id
        self.form.addRow(_quoted(row.content))
        self.addressee = QLineEdit(row.addressee or service.default_addressee())
        self.addressee.setMaxLength(200)
        self.form.add_field("addressee", self.addressee)
        self.forwarded_on = DateField(today)
        self.form.add_field("forwarded_on", self.forwarded_on, label_of("forwarded_on"))
        self.finish_form()
        self.addressee.setFocus()
        self.addressee.selectAll()

    def save(self) -> str:
        forwarded_on, problems = _read_date("forwarded_on", self.forwarded_on)
        if problems:
            raise ValidationError(problems)
        self.service.forward(self.row_id, self.addressee.text(), forwarded_on)
        return self.row_id


class AnswerDialog(FormDialog):
    """The answer that came back, and its date."""

    def __init__(
        self,
        service: RecommendationService,
        row: RecommendationRow,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, _("Record the answer"))
        self.service = service
        self.row_id = row.id
        self.form.addRow(_quoted(row.content))
        self.answered_on = DateField(today)
        self.form.add_field("answered_on", self.answered_on, label_of("answered_on"))
        self.answer = _text_box(5)
        self.form.add_field("answer", self.answer, label_of("answer"))
        self.finish_form()
        self.answer.setFocus()

    def save(self) -> str:
        answered_on, problems = _read_date("answered_on", self.answered_on)
        if problems:
            raise ValidationError(problems)
        self.service.answer(self.row_id, self.answer.toPlainText(), answered_on)
        return self.row_id


class CloseDialog(FormDialog):
    """Closing a recommendation that has no answer: say why."""

    def __init__(
        self,
        service: RecommendationService,
        row: RecommendationRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            _("Close the recommendation"),
            _(
                "It has no answer yet. Say why it is closed, for example that it was settled "
                "at the meeting or withdrawn."
            ),
        )
        self.service = service
        self.row_id = row.id
        self.form.addRow(_quoted(row.content))
        self.note = _text_box(3)
        self.form.add_field("note", self.note, label_of("note"))
        self.finish_form()
        self.note.setFocus()

    def save(self) -> str:
        self.service.close(self.row_id, self.note.toPlainText())
        return self.row_id
