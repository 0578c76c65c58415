"""Recording an amendment to adopted minutes: which part, its new value, why and by whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from desktop.data.models import Meeting
from desktop.i18n import _, format_date
from desktop.services.adoption import AdoptionService, FieldChange, change_label
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStackedWidget,
    QWidget,
)
from desktop.ui.widgets import DateField

# How a part of the minutes is edited.
TEXT, LONG_TEXT, DATE, TIME, MEMBER, NUMBER = "text", "long", "date", "time", "member", "number"


@dataclass(frozen=True)
class Part:
    """One part of the minutes that may be corrected, with its current value."""

    table: str
    record_id: str
    field: str
    kind: str
    current: Any
    where: str = ""  # which agenda item, opinion or task, for the list

    def caption(self) -> str:
        text = change_label(self.table, self.field)
        return text + (f" ({self.where})" if self.where else "")


def _short(text: str, length: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1] + "…"


def minutes_parts(meeting: Meeting) -> list[Part]:
    """The parts of the minutes offered for correction, in the order they are read."""
    parts = [
        Part("meeting", meeting.id, "title", TEXT, meeting.title),
        Part("meeting", meeting.id, "place", TEXT, meeting.place),
        Part("meeting", meeting.id, "start_time", TIME, meeting.start_time),
        Part("meeting", meeting.id, "end_time", TIME, meeting.end_time),
        Part("meeting", meeting.id, "chair_id", MEMBER, meeting.chair_id),
        Part("meeting", meeting.id, "minute_taker_id", MEMBER, meeting.minute_taker_id),
    ]
    for item in meeting.agenda_items:
        parts.append(
            Part(
                "agenda_item", item.id, "conclusion", LONG_TEXT, item.conclusion, _short(item.title)
            )
        )
    for speech in meeting.speeches:
        speaker = speech.member.full_name if speech.member else speech.speaker_name
        parts.append(Part("speech", speech.id, "content", LONG_TEXT, speech.content, speaker))
    resolution = meeting.resolution
    if resolution is not None:
        parts += [
            Part("resolution", resolution.id, "evaluation", LONG_TEXT, resolution.evaluation),
            Part("resolution", resolution.id, "directions", LONG_TEXT, resolution.directions),
            Part("resolution", resolution.id, "votes_for", NUMBER, resolution.votes_for),
            Part("resolution", resolution.id, "votes_against", NUMBER, resolution.votes_against),
            Part("resolution", resolution.id, "votes_abstain", NUMBER, resolution.votes_abstain),
            Part("resolution", resolution.id, "voters_present", NUMBER, resolution.voters_present),
        ]
        for task in resolution.tasks:
            where = _short(task.description)
            parts += [
                Part("resolution_task", task.id, "description", LONG_TEXT, task.description, where),
                Part("resolution_task", task.id, "assignee_id", MEMBER, task.assignee_id, where),
                Part("resolution_task", task.id, "due_on", DATE, task.due_on, where),
            ]
    parts += [
        Part("meeting", meeting.id, "superior_remarks", LONG_TEXT, meeting.superior_remarks),
        Part("meeting", meeting.id, "notes", LONG_TEXT, meeting.notes),
    ]
    return parts


class AmendmentDialog(FormDialog):
    """Correct one part of adopted minutes, on the record."""

    def __init__(
        self,
        book: Book,
        meeting: Meeting,
        names: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            _("Record an amendment"),
            _(
                "The minutes have been adopted. A correction is kept with its reason, "
                "who made it, and the value before and after."
            ),
        )
        self.service = AdoptionService(book)
        self.meeting_id = meeting.id
        self.names = names
        self.parts = minutes_parts(meeting)

        self.part_list = QListWidget()
        for part in self.parts:
            item = QListWidgetItem(part.caption() + " → " + self._shown(part))
            item.setToolTip(item.text())
            self.part_list.addItem(item)
        self.part_list.setMinimumHeight(self.fontMetrics().height() * 8)
        self.form.add_field("part", self.part_list, _("Part of the minutes"))

        self.editors = QStackedWidget()
        self.text_value = QLineEdit()
        self.text_value.setMaxLength(200)
        self.long_value = QPlainTextEdit()
        self.long_value.setTabChangesFocus(True)
        self.long_value.setFixedHeight(self.fontMetrics().height() * 5 + 12)
        self.date_value = DateField()
        self.time_value = QLineEdit()
        self.time_value.setPlaceholderText(_("hh:mm"))
        self.time_value.setMaxLength(5)
        self.member_value = QComboBox()
        self.member_value.addItem(_("(nobody)"), None)
        for member_id, name in sorted(names.items(), key=lambda pair: pair[1]):
            self.member_value.addItem(name, member_id)
        self.number_value = QLineEdit()
        self.number_value.setMaxLength(6)
        self.editor_of = {
            TEXT: self.text_value,
            LONG_TEXT: self.long_value,
            DATE: self.date_value,
            TIME: self.time_value,
            MEMBER: self.member_value,
            NUMBER: self.number_value,
        }
        for editor in self.editor_of.values():
            self.editors.addWidget(editor)
        self.form.add_field("changes", self.editors, _("New value"))

        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.form.add_field("reason", self.reason, _("Reason for the correction"))
        secretary = CommitteeService(book).secretary()
        self.author = QLineEdit(secretary.full_name if secretary else "")
        self.author.setMaxLength(200)
        self.form.add_field("author", self.author, _("Who makes the correction"))
        self.finish_form()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)

        self.part_list.currentRowChanged.connect(self._choose)
        if self.parts:
            self.part_list.setCurrentRow(0)
        self.part_list.setFocus()

    # --- showing values ----------------------------------------------------------

    def _shown(self, part: Part) -> str:
        value = part.current
        if value is None or value == "":
            return "—"
        if part.kind == MEMBER:
            return self.names.get(value, str(value))
        if part.kind == DATE and isinstance(value, date):
            return format_date(value)
        if part.kind == TIME and isinstance(value, time):
            return value.strftime("%H:%M")
        return _short(str(value), 60)

    def current_part(self) -> Part | None:
        row = self.part_list.currentRow()
        return self.parts[row] if 0 <= row < len(self.parts) else None

    def choose(self, table: str, record_id: str, field: str) -> None:
        """Select the part of the minutes named (for callers and tests)."""
        for row, part in enumerate(self.parts):
            if (part.table, part.record_id, part.field) == (table, record_id, field):
                self.part_list.setCurrentRow(row)
                return

    def _choose(self, row: int) -> None:
        if not 0 <= row < len(self.parts):
            return
        part = self.parts[row]
        editor = self.editor_of[part.kind]
        self.editors.setCurrentWidget(editor)
        value = part.current
        if part.kind == TEXT:
            self.text_value.setText(value or "")
        elif part.kind == LONG_TEXT:
            self.long_value.setPlainText(value or "")
        elif part.kind == DATE:
            self.date_value.set_date(value)
        elif part.kind == TIME:
            self.time_value.setText(value.strftime("%H:%M") if value else "")
        elif part.kind == MEMBER:
            index = self.member_value.findData(value)
            self.member_value.setCurrentIndex(max(index, 0))
        else:
            self.number_value.setText("" if value is None else str(value))

    def set_value(self, text: str) -> None:
        """Write the new value as text into the editor shown (for tests)."""
        editor = self.editors.currentWidget()
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    # --- saving -------------------------------------------------------------------

    def _new_value(self, part: Part) -> Any:
        """The value written for `part`; ValidationError if it cannot be read."""
        if part.kind == TEXT:
            return self.text_value.text().strip()
        if part.kind == LONG_TEXT:
            return self.long_value.toPlainText().strip()
        if part.kind == MEMBER:
            return self.member_value.currentData()
        if part.kind == DATE:
            try:
                return self.date_value.date()
            except ValueError:
                raise ValidationError(
                    [
                        FieldError(
                            "changes",
                            _("Write the date as day/month/year, for example 03/12/2024."),
                        )
                    ]
                ) from None
        if part.kind == TIME:
            text = self.time_value.text().strip()
            if not text:
                return None
            try:
                return datetime.strptime(text, "%H:%M").time()
            except ValueError:
                raise ValidationError(
                    [
                        FieldError(
                            "changes", _("Write the time as hours:minutes, for example 08:00.")
                        )
                    ]
                ) from None
        text = self.number_value.text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError(
                [FieldError("changes", _("Write a whole number, for example 12."))]
            )
        return int(text)

    def save(self) -> str:
        part = self.current_part()
        if part is None:
            raise ValidationError(
                [FieldError("part", _("Choose the part of the minutes to correct."))]
            )
        change = FieldChange(part.table, part.record_id, part.field, self._new_value(part))
        return self.service.amend(
            self.meeting_id,
            [change],
            reason=self.reason.toPlainText(),
            author=self.author.text(),
        )
