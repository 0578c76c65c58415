"""The fields of a member's profile, used to add a member and to edit one.

Errors from `MemberService` are shown next to their fields. The official date
is never filled in silently: when only the admission date is known, the date
probation ends is offered as a hint with a button to accept it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.data.enums import MemberStatus, Sex, WorkGroup
from desktop.data.models import Member
from desktop.i18n import _, current_language, format_date
from desktop.rules import RuleSet
from desktop.services.labels import enum_label, field_label
from desktop.services.members import MemberInput
from desktop.services.party_calendar import probation_ends
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.qt.core import Qt
from desktop.ui.qt.gui import QResizeEvent
from desktop.ui.qt.widgets import (
    QBoxLayout,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import DateField, FieldForm, date_problem, label

# What a new member's present situation may be; None: full or probationary by the dates.
SITUATIONS: tuple[MemberStatus | None, ...] = (None, MemberStatus.EXEMPT, MemberStatus.ATTACHED)
TEXT_FIELDS = (
    ("citizen_id", 15),
    ("phone", 20),
    ("address", 300),
    ("ethnicity", 60),
    ("religion", 60),
    ("education_level", 60),
    ("theory_level", 60),
    ("card_number", 20),
    ("home_cell", 200),
    ("workplace", 200),
)


class OfficialDateField(QWidget):
    """The official date, with the suggestion under it (a greyed hint and a
    button; nothing is filled in until the button is pressed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.date_field = DateField()
        column.addWidget(self.date_field)
        self.hint_row = QWidget()
        rows = QVBoxLayout(self.hint_row)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        self.hint = label("", "muted", wrap=True)
        rows.addWidget(self.hint)
        self.accept_button = QPushButton(_("Use this date"))
        self.accept_button.setAutoDefault(False)
        self.accept_button.clicked.connect(lambda _checked=False: self.accept_suggestion())
        rows.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.hint_row)
        self.hint_row.hide()
        self.suggested: date | None = None
        self.setFocusProxy(self.date_field)

    def show_suggestion(self, suggested: date | None, text: str, can_accept: bool) -> None:
        self.suggested = suggested if can_accept else None
        self.hint.setText(text)
        self.accept_button.setVisible(can_accept)
        self.hint_row.setVisible(bool(text))

    def accept_suggestion(self) -> None:
        if self.suggested is not None:
            self.date_field.set_date(self.suggested)
            self.date_field.setFocus()


class MemberForm(QWidget):
    """Two columns of fields (one at large text sizes): the person, and their
    party record."""

    def __init__(
        self, rules: RuleSet, today: date, *, new: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rules = rules
        self.today = today
        self.new = new
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.personal = FieldForm()
        self.party = FieldForm()
        for form in (self.personal, self.party):
            if form is self.party:
                self.columns.addSpacing(self.fontMetrics().height() * 2)
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)  # rows keep their height; spare room goes below
            self.columns.addLayout(column, 1)
        self.inputs: dict[str, QLineEdit] = {}

        self.full_name = self._line("full_name", 120, self.personal)
        self.sex = QComboBox()
        for sex in Sex:
            self.sex.addItem(enum_label(sex), sex)
        self.personal.add_field("sex", self.sex)
        self.date_of_birth = DateField()
        self.personal.add_field("date_of_birth", self.date_of_birth)
        self.citizen_id = self._line("citizen_id", 15, self.personal)
        self.citizen_id.setPlaceholderText(_("12 digits"))
        self.phone = self._line("phone", 20, self.personal)
        self.address = self._line("address", 300, self.personal)
        self.ethnicity = self._line("ethnicity", 60, self.personal)
        self.religion = self._line("religion", 60, self.personal)
        self.education_level = self._line("education_level", 60, self.personal)
        self.theory_level = self._line("theory_level", 60, self.personal)

        self.admission_date = DateField()
        self.party.add_field("admission_date", self.admission_date)
        self.official = OfficialDateField()
        self.official_date = self.official.date_field
        self.party.add_field("official_date", self.official, field_label("official_date"))
        self.card_number = self._line("card_number", 20, self.party)
        self.situation = QComboBox()
        # Narrower than its longest choice, so the row never wraps at large text.
        self.situation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.situation.setMinimumContentsLength(12)
        for situation in SITUATIONS:
            text = enum_label(situation) if situation else _("Full or probationary, by the dates")
            self.situation.addItem(text, situation)
        self.situation_box = QWidget()
        box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.situation_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.situation)
        self.situation_hint = label("", "muted", wrap=True)
        box.addWidget(self.situation_hint)
        self.situation_box.setFocusProxy(self.situation)
        self.party.add_field("status", self.situation_box, _("Present situation"))
        self.home_cell = self._line("home_cell", 200, self.party)
        self.home_cell.setPlaceholderText(_("for example Chi bộ thôn Bình Minh"))
        self.work_group = QComboBox()
        self.work_group.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.work_group.setMinimumContentsLength(12)
        for group in WorkGroup:
            self.work_group.addItem(enum_label(group), group)
            self.work_group.setItemData(
                self.work_group.count() - 1, enum_label(group), Qt.ItemDataRole.ToolTipRole
            )
        self.work_group.setCurrentIndex(self.work_group.findData(WorkGroup.OUTSIDE))
        self.work_group_box = QWidget()
        group_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.work_group_box)
        group_box.setContentsMargins(0, 0, 0, 0)
        group_box.setSpacing(2)
        group_box.addWidget(self.work_group)
        self.review_form_hint = label("", "muted", wrap=True)
        group_box.addWidget(self.review_form_hint)
        self.work_group_box.setFocusProxy(self.work_group)
        self.party.add_field("work_group", self.work_group_box)
        self.workplace = self._line("workplace", 200, self.party)
        self.workplace.setPlaceholderText(_("for example UBND xã An Phú"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        self.party.add_field("notes", self.notes)
        self.party.add_general_errors()
        self.party.set_field_visible("status", new)

        self.admission_date.textChanged.connect(lambda _text: self._dates_changed())
        self.official_date.textChanged.connect(lambda _text: self._dates_changed())
        self.situation.currentIndexChanged.connect(lambda _index: self._situation_changed())
        self.work_group.currentIndexChanged.connect(lambda _index: self._update_review_form())
        self._status: MemberStatus | None = None  # an existing member's, from set_member
        self._home_cell_wanted = False
        self._situation_changed()

    def _line(self, name: str, limit: int, form: FieldForm) -> QLineEdit:
        widget = QLineEdit()
        widget.setMaxLength(limit)
        form.add_field(name, widget)
        self.inputs[name] = widget
        return widget

    # --- filling and reading --------------------------------------------------

    def set_member(self, member: Member) -> None:
        self.full_name.setText(member.full_name)
        self.sex.setCurrentIndex(max(0, self.sex.findData(member.sex)))
        self.date_of_birth.set_date(member.date_of_birth)
        self.admission_date.set_date(member.admission_date)
        self.official_date.set_date(member.official_date)
        for name, _limit in TEXT_FIELDS:
            self.inputs[name].setText(getattr(member, name) or "")
        for widget in (self.full_name, *self.inputs.values()):
            widget.setCursorPosition(0)  # long addresses show their beginning
        self.notes.setPlainText(member.notes or "")
        self.work_group.setCurrentIndex(max(0, self.work_group.findData(member.work_group)))
        self._status = member.status
        self._home_cell_wanted = member.status is MemberStatus.ATTACHED or bool(member.home_cell)
        self._situation_changed()

    def chosen_situation(self) -> MemberStatus | None:
        value = self.situation.currentData()
        return MemberStatus(value) if value else None

    def read(self, status: MemberStatus) -> tuple[MemberInput, list[FieldError]]:
        """The form as a `MemberInput`, and the problems found before any service
        is asked (dates that are not dates, a missing home cell). For a new
        member `status` is ignored: the situation chosen is used."""
        problems: list[FieldError] = []
        dates: dict[str, date | None] = {}
        for name, widget in (
            ("date_of_birth", self.date_of_birth),
            ("admission_date", self.admission_date),
            ("official_date", self.official_date),
        ):
            try:
                dates[name] = widget.date()
            except ValueError:
                dates[name] = None
                problems.append(date_problem(name))
        if self.new:
            situation = self.chosen_situation()
            if situation is None:
                probationary = dates["admission_date"] and not dates["official_date"]
                status = MemberStatus.PROBATIONARY if probationary else MemberStatus.FULL
            else:
                status = situation  # the service requires a home cell for attached members
        data = MemberInput(
            full_name=self.full_name.text(),
            sex=Sex(self.sex.currentData()),
            status=status,
            notes=self.notes.toPlainText(),
            work_group=WorkGroup(self.work_group.currentData()),
            **dates,  # type: ignore[arg-type]
            **{name: self.inputs[name].text() for name, _limit in TEXT_FIELDS},  # type: ignore[arg-type]
        )
        return data, problems

    # --- messages ---------------------------------------------------------------

    def show_errors(self, errors: ValidationError | Sequence[FieldError]) -> QWidget | None:
        """Messages next to their fields in either column; the first field with
        a problem gets the focus."""
        items = errors.errors if isinstance(errors, ValidationError) else list(errors)
        personal = [item for item in items if item.field in self.personal.fields]
        party = [item for item in items if item.field not in self.personal.fields]
        first = self.personal.show_errors(personal)
        second = self.party.show_errors(party)
        target = first or second
        if target is not None:
            target.setFocus()
        return target

    def clear_errors(self) -> None:
        self.personal.clear_errors()
        self.party.clear_errors()

    def error_text(self, name: str) -> str:
        form = self.personal if name in self.personal.fields else self.party
        return form.error_text(name)

    # --- hints ------------------------------------------------------------------

    def _dates_changed(self) -> None:
        self._update_suggestion()
        self._update_situation_hint()
        self._update_review_form()

    def set_status(self, status: MemberStatus) -> None:
        """An existing member's status changed (through an event)."""
        self._status = status
        self._update_review_form()

    def status_shown(self) -> MemberStatus:
        """The member's status: an existing member's, or a new one's from the
        situation and the dates."""
        if not self.new and self._status is not None:
            return self._status
        situation = self.chosen_situation() if self.new else None
        if situation is not None:
            return situation
        try:
            probationary = bool(self.admission_date.date()) and not self.official_date.text()
        except ValueError:
            probationary = False
        return MemberStatus.PROBATIONARY if probationary else MemberStatus.FULL

    def _update_review_form(self) -> None:
        """Say which personal review form the member will fill in."""
        status = self.status_shown()
        group = WorkGroup(self.work_group.currentData())
        self.work_group.setToolTip(enum_label(group))  # in full, when the box is narrow
        form = self.rules.review_form_for(status.value, group.value)
        if form is None:
            text = _("This decides the personal review form. {status}: no personal review.")
            text = text.format(status=enum_label(status))
        elif status is MemberStatus.PROBATIONARY:
            text = _("Probationary members review on their own form: {form}.")
            text = text.format(form=form.title(current_language()))
        else:
            text = _("This decides the personal review form: {code}, {form}.")
            text = text.format(code=form.id, form=form.title(current_language()))
        self.review_form_hint.setText(text)

    def _update_suggestion(self) -> None:
        try:
            admitted = self.admission_date.date()
        except ValueError:
            admitted = None
        if admitted is None or self.official_date.text().strip():
            self.official.show_suggestion(None, "", False)
            return
        ends = probation_ends(admitted, self.rules)
        if ends <= self.today:
            text = _("Suggested: {date}, {months} months after admission.").format(
                date=format_date(ends), months=self.rules.probation_months
            )
            self.official.show_suggestion(ends, text, True)
        else:
            text = _("Probation ends on {date}; leave this empty until then.").format(
                date=format_date(ends)
            )
            self.official.show_suggestion(None, text, False)

    def _situation_changed(self) -> None:
        attached = self.new and self.chosen_situation() is MemberStatus.ATTACHED
        self.party.set_field_visible("home_cell", attached or self._home_cell_wanted)
        self._update_situation_hint()
        self._update_review_form()

    def _update_situation_hint(self) -> None:
        if not self.new:
            return
        situation = self.chosen_situation()
        if situation is None:
            try:
                probationary = bool(self.admission_date.date()) and not self.official_date.text()
            except ValueError:
                probationary = False
            status = MemberStatus.PROBATIONARY if probationary else MemberStatus.FULL
            text = _("From the dates: {status}.").format(status=enum_label(status))
        elif situation is MemberStatus.ATTACHED:
            text = _("Attends here while belonging to the home cell below.")
        else:
            text = _("Not counted in attendance or the annual review.")
        self.situation_hint.setText(text)

    # --- layout -----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        narrow = event.size().width() < self.fontMetrics().horizontalAdvance("M") * 52
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
