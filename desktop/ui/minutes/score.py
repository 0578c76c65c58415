"""Scoring the meeting against the framework: answers suggested from what was
recorded, checked by the committee, with the total and grade as they change;
then who from the commune attended, their remarks and their confirmation of
the score."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from desktop.data.enums import GuestRole
from desktop.data.models import Meeting
from desktop.i18n import _, current_language, format_date
from desktop.services.meeting_score import Answer, Criterion, score
from desktop.services.validation import ValidationError
from desktop.ui.qt.widgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.texts import score_text
from desktop.ui.widgets import DateField, label, primary_button

if TYPE_CHECKING:
    from desktop.ui.minutes.window import MinutesWindow


class ScoreTab(QWidget):
    def __init__(self, window: MinutesWindow) -> None:
        super().__init__()
        self.window_ = window
        self.service = window.service
        self.meeting_id = window.meeting_id
        self.framework = self.service.framework()
        self.inputs: dict[str, QComboBox | QCheckBox] = {}
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "The answers are suggested from what the minutes record. "
                    "Check each one, then save the score."
                ),
                "muted",
                wrap=True,
            )
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        form = QFormLayout(inner)
        language = current_language()
        for criterion in self.framework.criteria:
            for node in criterion.walk():
                self._add(form, node, language)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        self.total = label("", wrap=True)
        bottom.addWidget(self.total, 1)
        self.suggest_button = QPushButton(_("Suggest again"))
        self.suggest_button.clicked.connect(lambda _checked=False: self.suggest())
        bottom.addWidget(self.suggest_button)
        self.save_button = primary_button(_("Save score"), self.save)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self.superior = SuperiorPanel(window)
        layout.addWidget(self.superior)

    def _add(self, form: QFormLayout, node: Criterion, language: str) -> None:
        points = _("{points} points").format(points=score_text(node.points))
        title = f"{node.title(language)} ({points})"
        if not node.is_leaf:
            form.addRow(label(title, "heading", wrap=True))
            return
        if node.has_options:
            box = QComboBox()
            box.addItem("—", None)
            for option in node.options:
                box.addItem(f"{option.title(language)} ({score_text(option.points)})", option.id)
            box.activated.connect(lambda _i: self.show_total())
            widget: QComboBox | QCheckBox = box
            form.addRow(label(title, wrap=True), box)
        else:
            widget = QCheckBox(title)
            widget.clicked.connect(lambda _checked=False: self.show_total())
            form.addRow(widget)
        self.inputs[node.id] = widget

    # --- reading ------------------------------------------------------------

    def load(self, meeting: Meeting) -> None:
        self.superior.load(meeting)
        try:
            answers = self.service.saved_answers(self.meeting_id)
            if not answers:
                answers = self.service.score_suggestion(self.meeting_id)
        except ValidationError:
            answers = {}
        self.set_answers(answers)

    def suggest(self) -> None:
        self.window_.saver.flush()
        self.set_answers(self.service.score_suggestion(self.meeting_id))

    def set_answers(self, answers: dict[str, Answer]) -> None:
        for criterion_id, widget in self.inputs.items():
            value = answers.get(criterion_id)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            else:
                widget.setChecked(bool(value))
        self.show_total()

    def answers(self) -> dict[str, Answer]:
        result: dict[str, Answer] = {}
        for criterion_id, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                if widget.currentData() is not None:
                    result[criterion_id] = widget.currentData()
            else:
                result[criterion_id] = widget.isChecked()
        return result

    def show_total(self) -> None:
        try:
            result = score(self.framework, self.answers())
        except ValidationError as error:
            self.total.setText("\n".join(item.message for item in error.errors))
            return
        text = _("Total: {total} of {max} points — {grade}").format(
            total=score_text(result.total),
            max=score_text(result.max_points),
            grade=result.grade.title(current_language()),
        )
        if result.missing:
            text += "\n" + _("Not yet answered: {count}").format(count=len(result.missing))
        self.total.setText(text)

    # --- writing ------------------------------------------------------------

    def save(self) -> None:
        answers = self.answers()
        before = self.superior.confirmed()
        if self.window_.save_now(lambda: self.service.save_score(self.meeting_id, answers)):
            self.superior.show_confirmation()
            text = _("The score has been saved.")
            if before and not self.superior.confirmed():
                text += " " + _(
                    "The score changed, so its confirmation by the superior committee "
                    "was cleared: confirm it again."
                )
            self.window_.show_message(text)


class SuperiorPanel(QGroupBox):
    """Who from the commune attended, their remarks (saved as they are typed)
    and their confirmation of the saved score."""

    def __init__(self, window: MinutesWindow) -> None:
        super().__init__(_("The superior committee"))
        self.window_ = window
        self.service = window.service
        self.meeting_id = window.meeting_id
        self._loading = False
        self._meeting_day: date | None = None
        form = QFormLayout(self)
        self.attendees = label("", wrap=True)
        form.addRow(_("From the commune:"), self.attendees)
        self.remarks = QPlainTextEdit()
        self.remarks.setTabChangesFocus(True)
        self.remarks.setAccessibleName(_("Remarks of the superior committee"))
        self.remarks.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.remarks.textChanged.connect(self._remarks_changed)
        form.addRow(_("Re&marks:"), self.remarks)

        row = QHBoxLayout()
        self.confirmed_by = QComboBox()
        self.confirmed_by.setEditable(True)
        self.confirmed_by.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.confirmed_by.setAccessibleName(_("Score confirmed by"))
        self.confirmed_by.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.confirmed_by.setMinimumContentsLength(14)
        on_caption = label(_("o&n"))
        self.confirmed_on = DateField()
        self.confirmed_on.setAccessibleName(_("Score confirmed on"))
        self.confirmed_on.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        on_caption.setBuddy(self.confirmed_on)
        self.confirm_button = QPushButton(_("Con&firm the score"))
        self.confirm_button.clicked.connect(lambda _checked=False: self.confirm())
        self.clear_button = QPushButton(_("Clea&r"))
        self.clear_button.setAccessibleName(_("Clear the confirmation"))
        self.clear_button.clicked.connect(lambda _checked=False: self.clear())
        row.addWidget(self.confirmed_by, 1)
        row.addWidget(on_caption)
        row.addWidget(self.confirmed_on)
        form.addRow(_("Score confirmed &by:"), row)
        by_caption = form.labelForField(row)
        if isinstance(by_caption, QLabel):
            by_caption.setBuddy(self.confirmed_by)
        actions = QHBoxLayout()
        actions.addWidget(self.confirm_button)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        form.addRow("", actions)
        self.status = label("", wrap=True)
        form.addRow(self.status)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # --- reading ------------------------------------------------------------

    def load(self, meeting: Meeting) -> None:
        attended = [g for g in meeting.guests if g.is_superior and g.attended]
        attended.sort(key=lambda g: (g.role is not GuestRole.SUPERIOR_IN_CHARGE, g.position))
        if attended:
            names = "; ".join(g.name + (f" ({g.title})" if g.title else "") for g in attended)
            self.attendees.setText(names)
        else:
            self.attendees.setText(
                _("Nobody is recorded as attending: add them to the guests on the Opening tab.")
            )
        self._loading = True
        if self.remarks.toPlainText().strip() != (meeting.superior_remarks or ""):
            self.remarks.setPlainText(meeting.superior_remarks or "")
        typed = self.confirmed_by.currentText()
        self.confirmed_by.clear()
        for guest in attended:
            self.confirmed_by.addItem(guest.name)
        self.confirmed_by.setEditText(meeting.score_confirmed_by or typed or "")
        if not self.confirmed_by.currentText() and attended:
            self.confirmed_by.setEditText(attended[0].name)
        self._loading = False
        self._meeting_day = meeting.held_on or meeting.scheduled_on
        self.show_confirmation()

    def confirmed(self) -> bool:
        try:
            return self.service.confirmation(self.meeting_id).confirmed
        except ValidationError:
            return False

    def show_confirmation(self) -> None:
        try:
            state = self.service.confirmation(self.meeting_id)
        except ValidationError:
            return
        self.clear_button.setEnabled(state.confirmed)
        self.confirm_button.setEnabled(state.score is not None)
        if state.confirmed:
            self.confirmed_by.setEditText(state.confirmed_by)
            self.confirmed_on.set_date(state.confirmed_on)
            self.status.setText(
                _("The score was confirmed by {name} on {date}.").format(
                    name=state.confirmed_by, date=format_date(state.confirmed_on)
                )
            )
        elif state.score is None:
            self.confirmed_on.set_date(state.meeting_day)
            self.status.setText(_("Save the score first; then it can be confirmed."))
        else:
            if not self.confirmed_on.text().strip():
                self.confirmed_on.set_date(state.meeting_day)
            self.status.setText(_("The score has not been confirmed yet."))

    # --- writing ------------------------------------------------------------

    def _remarks_changed(self) -> None:
        if self._loading:
            return
        text = self.remarks.toPlainText()
        self.window_.saver.schedule(
            "superior_remarks", lambda: self.service.set_superior_remarks(self.meeting_id, text)
        )

    def confirm(self) -> None:
        name = self.confirmed_by.currentText()
        try:
            day = self.confirmed_on.date()
        except ValueError:
            self.window_.show_message(
                _("Write the date as day/month/year, for example 03/12/2026."), error=True
            )
            return
        if self.window_.save_now(
            lambda: self.service.confirm_score(self.meeting_id, name, day or self._meeting_day)
        ):
            self.show_confirmation()
            self.window_.show_message(_("The confirmation of the score has been saved."))

    def clear(self) -> None:
        if self.window_.save_now(lambda: self.service.clear_confirmation(self.meeting_id)):
            self.show_confirmation()
            self.window_.show_message(_("The confirmation of the score has been cleared."))
