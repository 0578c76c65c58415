"""Planning a new meeting."""

from __future__ import annotations

from datetime import date

from desktop.data.enums import MeetingKind
from desktop.i18n import _
from desktop.services.labels import enum_label
from desktop.services.meetings import MeetingInput, MeetingService
from desktop.services.validation import ValidationError, Validator
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import QComboBox, QLineEdit, QWidget
from desktop.ui.widgets import DateField


class NewMeetingDialog(FormDialog):
    def __init__(
        self,
        service: MeetingService,
        suggested: date,
        place: str = "",
        parent: QWidget | None = None,
        kind: MeetingKind | None = None,
    ) -> None:
        super().__init__(parent, _("New meeting"))
        self.service = service
        self.kind = QComboBox()
        for each in MeetingKind:
            self.kind.addItem(enum_label(each), each)
        self.form.add_field("kind", self.kind)
        self.scheduled_on = DateField(suggested)
        self.form.add_field("scheduled_on", self.scheduled_on)
        self.title = QLineEdit()
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(_("For example: Regular meeting of December"))
        self.form.add_field("title", self.title)
        self.topic = QLineEdit()
        self.topic.setMaxLength(300)
        self.form.add_field("topic", self.topic, _("Topic (thematic meetings)"))
        self.place = QLineEdit(place)
        self.place.setMaxLength(200)
        self.form.add_field("place", self.place)
        if kind is not None:
            self.kind.setCurrentIndex(list(MeetingKind).index(kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.finish_form()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        thematic = MeetingKind(self.kind.currentData()) is MeetingKind.THEMATIC
        self.topic.setEnabled(thematic)

    def save(self) -> str:
        dates, problems = self.dates(scheduled_on=self.scheduled_on)
        if not problems and dates["scheduled_on"] is None:
            check = Validator()
            check.required("scheduled_on", None)
            problems = list(check.errors)
        data = MeetingInput(
            kind=MeetingKind(self.kind.currentData()),
            scheduled_on=dates.get("scheduled_on") or date.today(),  # type: ignore[arg-type]
            title=self.title.text(),
            topic=self.topic.text() if self.topic.isEnabled() else "",
            place=self.place.text(),
        )
        if problems:
            raise ValidationError(problems)
        return self.service.create(data)
