"""Recording a member's recommendation."""

from __future__ import annotations

from datetime import date

from desktop.i18n import _
from desktop.services.members import MemberService
from desktop.services.recommendations import RecommendationService
from desktop.services.validation import ValidationError, Validator
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget
from desktop.ui.widgets import DateField


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
