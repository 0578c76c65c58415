"""Adding a pledge, recording how it turned out, adding a commendation."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.i18n import N_, _
from desktop.services.emulation import EmulationService, PledgeRow
from desktop.services.members import MemberRow
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.criticism.common import WhoBox, text_box, whose
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import QComboBox, QLineEdit, QSpinBox, QWidget
from desktop.ui.widgets import DateField, label

# Titles of commendations offered in the list (one can also be typed).
COMMENDATION_TITLES = ("Giấy khen", "Bằng khen", "Giấy chứng nhận", "Giấy biểu dương")


def _required(field: str, caption: str) -> FieldError:
    return FieldError(field, _("{field}: please fill this in.").format(field=caption))


def _check(
    dialog: FormDialog, field: str, widget: DateField, caption: str, **texts: tuple[str, str]
) -> date:
    """The date written in a required date box; with it, the required texts
    (`name=(value, caption)`) are checked so that every problem shows at once."""
    values, problems = dialog.dates(**{field: widget})
    value = values.get(field)
    if not problems and value is None:
        problems.append(_required(field, caption))
    for name, (text, text_caption) in texts.items():
        if not text.strip():
            problems.append(_required(name, text_caption))
    if problems:
        raise dialog.form.in_captions(ValidationError(problems))
    assert isinstance(value, date)
    return value


class PledgeDialog(FormDialog):
    """A pledge of the cell or of a member for a year."""

    def __init__(
        self,
        service: EmulationService,
        members: Sequence[MemberRow],
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            _("Add a pledge"),
            _("What the cell or a member pledges to achieve in the emulation movement."),
        )
        self.service = service
        self.who = WhoBox(members, cell_text=_("The cell as a whole"))
        self.form.add_field("member", self.who, _("Who pledges"))
        self.year = QSpinBox()
        self.year.setRange(2000, service.today.year + 1)
        self.year.setValue(year)
        self.form.add_field("year", self.year, _("For the year"))
        self.content = text_box(4)
        self.form.add_field("content", self.content, _("Pledge"))
        self.pledged_on = DateField(service.today)
        self.form.add_field("pledged_on", self.pledged_on, _("Pledged on"))
        self.finish_form()
        self.who.setFocus()

    def save(self) -> str:
        on = _check(
            self,
            "pledged_on",
            self.pledged_on,
            _("Pledged on"),
            content=(self.content.toPlainText(), _("Pledge")),
        )
        try:
            return self.service.pledge(
                self.year.value(),
                self.content.toPlainText(),
                member_id=self.who.member_id(),
                pledged_on=on,
            )
        except ValidationError as error:
            raise self.form.in_captions(error) from error


# How a pledge turned out: (key, value stored, caption).
OUTCOMES: tuple[tuple[str, bool | None, str], ...] = (
    ("yes", True, N_("Yes, achieved")),
    ("no", False, N_("No, not achieved")),
    ("not_yet", None, N_("Not assessed yet")),
)


class PledgeResultDialog(FormDialog):
    """Whether the pledge was achieved, and what came of it."""

    def __init__(
        self, service: EmulationService, row: PledgeRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, _("Record the result of the pledge"))
        self.service = service
        self.row = row
        quoted = label(f"{whose(row.member_name)} ({row.year}): {row.content}", wrap=True)
        quoted.setMaximumHeight(quoted.fontMetrics().height() * 4 + 8)
        self.form.addRow(quoted)
        self.achieved = QComboBox()
        for key, _value, caption in OUTCOMES:
            self.achieved.addItem(_(caption), key)
        self.choose(True if row.achieved is None else row.achieved)
        self.form.add_field("achieved", self.achieved, _("Achieved"))
        self.result_text = text_box(4)
        self.result_text.setPlainText(row.result)
        self.form.add_field("result", self.result_text, _("What came of it"))
        self.finish_form()
        self.achieved.setFocus()

    def chosen(self) -> bool | None:
        key = self.achieved.currentData()
        return next(value for k, value, _caption in OUTCOMES if k == key)

    def choose(self, achieved: bool | None) -> None:
        key = next(k for k, value, _caption in OUTCOMES if value is achieved)
        self.achieved.setCurrentIndex(self.achieved.findData(key))

    def save(self) -> str:
        self.service.assess_pledge(self.row.id, self.chosen(), self.result_text.toPlainText())
        return self.row.id


class CommendationDialog(FormDialog):
    """A commendation given to the cell or to a member."""

    def __init__(
        self,
        service: EmulationService,
        members: Sequence[MemberRow],
        given_by: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, _("Add a commendation"))
        self.service = service
        self.who = WhoBox(members, cell_text=_("The cell as a whole"))
        self.form.add_field("member", self.who, _("Given to"))
        self.given_on = DateField(service.today)
        self.form.add_field("given_on", self.given_on, _("Date"))
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(COMMENDATION_TITLES)
        self.title.setCurrentIndex(0)
        line = self.title.lineEdit()
        assert isinstance(line, QLineEdit)
        line.setMaxLength(200)
        self.form.add_field("title", self.title, _("Title"))
        self.given_by = QLineEdit(given_by)
        self.given_by.setMaxLength(200)
        self.given_by.setPlaceholderText(_("for example Đảng ủy xã An Phú"))
        self.form.add_field("given_by", self.given_by, _("Awarded by"))
        self.reason = text_box(3)
        self.form.add_field("reason", self.reason, _("For what"))
        self.decision_ref = QLineEdit()
        self.decision_ref.setMaxLength(120)
        self.decision_ref.setPlaceholderText(_("for example Số 15-QĐ/ĐU"))
        self.form.add_field("decision_ref", self.decision_ref, _("Decision number"))
        self.finish_form()
        self.who.setFocus()

    def save(self) -> str:
        on = _check(
            self, "given_on", self.given_on, _("Date"), title=(self.title.currentText(), _("Title"))
        )
        try:
            return self.service.commend(
                self.title.currentText(),
                member_id=self.who.member_id(),
                given_on=on,
                given_by=self.given_by.text(),
                reason=self.reason.toPlainText(),
                decision_ref=self.decision_ref.text(),
            )
        except ValidationError as error:
            raise self.form.in_captions(error) from error
