"""Recording a life event of a member (transfer, return, recognition, …).

Only the events that can follow the member's present status are offered; the
service checks them again, and its messages appear next to the fields.
"""

from __future__ import annotations

from datetime import date

from desktop.data.enums import MemberEventKind as Kind
from desktop.data.enums import MemberStatus
from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.labels import enum_label
from desktop.services.member_events import ALLOWED_FROM, FINAL, EventInput, EventService
from desktop.services.members import MemberService
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from desktop.ui.widgets import DateField, label

# In the order people think of them; admission and attachment are normally
# recorded when the member is entered.
KIND_ORDER = (
    Kind.RECOGNITION,
    Kind.TEMPORARY_TRANSFER,
    Kind.RETURN,
    Kind.EXEMPTION,
    Kind.EXEMPTION_END,
    Kind.ATTACHMENT_END,
    Kind.OFFICIAL_TRANSFER,
    Kind.DEATH,
    Kind.REMOVAL,
    Kind.ADMISSION,
)
WITH_COUNTERPART = (Kind.TEMPORARY_TRANSFER, Kind.OFFICIAL_TRANSFER, Kind.ATTACHMENT)
WITH_END = (Kind.TEMPORARY_TRANSFER, Kind.ATTACHMENT)
ENDS_MEMBERSHIP = (Kind.OFFICIAL_TRANSFER, Kind.DEATH, Kind.REMOVAL, Kind.ATTACHMENT_END)


def kinds_for(status: MemberStatus, admitted: bool) -> list[Kind]:
    """The events that make sense after `status` (none for past members)."""
    if status in FINAL:
        return []
    kinds = []
    for kind in KIND_ORDER:
        if kind is Kind.ADMISSION and admitted:
            continue
        if kind in ALLOWED_FROM and status not in ALLOWED_FROM[kind]:
            continue
        if kind is Kind.REMOVAL and status is MemberStatus.ATTACHED:
            continue  # the home cell's decision, recorded there
        kinds.append(kind)
    return kinds


def kind_hint(kind: Kind) -> str:
    hints = {
        Kind.ADMISSION: _("The member becomes a probationary member from this date."),
        Kind.RECOGNITION: _("The member becomes a full member from this date."),
        Kind.EXEMPTION: _(
            "The member is no longer counted in attendance or the annual review, "
            "until they return to work and meetings."
        ),
        Kind.EXEMPTION_END: _("The member takes part in work and meetings again."),
        Kind.TEMPORARY_TRANSFER: _(
            "From 3 months to under a year (for study, up to 2 years). The member "
            "stays on this cell's list as away until they return."
        ),
        Kind.RETURN: _("The member attends this cell's meetings again."),
        Kind.ATTACHMENT_END: _("The member goes back to their home cell and leaves the list."),
        Kind.OFFICIAL_TRANSFER: _(
            "The member moves to another party organisation and leaves the list of "
            "current members. Their records stay in the book."
        ),
        Kind.DEATH: _("The member leaves the list of current members; their records stay."),
        Kind.REMOVAL: _("The member leaves the list of current members; their records stay."),
    }
    text = hints.get(kind, "")
    if kind in ENDS_MEMBERSHIP:
        text += " " + _("No other event can be recorded for them afterwards.")
    return text


class MemberEventDialog(FormDialog):
    def __init__(
        self, book: Book, member_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        member = MemberService(book, today).get(member_id)
        if member is None:
            raise KeyError(member_id)
        self.status = member.status
        super().__init__(
            parent,
            _("Record an event: {name}").format(name=member.full_name),
            _("{name} is now: {status}.").format(
                name=member.full_name, status=enum_label(member.status)
            ),
        )
        self.service = EventService(book, today)
        self.member_id = member_id
        form = self.form

        self.kind = QComboBox()
        for kind in kinds_for(member.status, member.admission_date is not None):
            self.kind.addItem(enum_label(kind), kind)
        kind_box = QWidget()
        column = QVBoxLayout(kind_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.kind)
        self.hint = label("", "muted", wrap=True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.hint)
        kind_box.setFocusProxy(self.kind)
        form.add_field("kind", kind_box, _("Event"))
        self.occurs_on = DateField(today)
        form.add_field("occurs_on", self.occurs_on)
        self.decision_ref = QLineEdit()
        self.decision_ref.setMaxLength(200)
        self.decision_ref.setPlaceholderText(_("for example Số 123-QĐ/ĐU"))
        form.add_field("decision_ref", self.decision_ref, _("Decision (number)"))
        self.counterpart = QLineEdit()
        self.counterpart.setMaxLength(200)
        form.add_field("counterpart", self.counterpart)
        self.ends_on = DateField()
        form.add_field("ends_on", self.ends_on, _("Until (expected)"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(self.fontMetrics().height() * 4)
        form.add_field("note", self.note, _("Note"))
        self.recorded_by = QLineEdit()
        self.recorded_by.setMaxLength(120)
        secretary = CommitteeService(book, today).secretary()
        self.recorded_by.setText(secretary.full_name if secretary else "")
        form.add_field("recorded_by", self.recorded_by, _("Recorded by"))
        self.finish_form()
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self._kind_changed()
        self.kind.setFocus()

    def chosen_kind(self) -> Kind | None:
        value = self.kind.currentData()
        return Kind(value) if value else None

    def choose(self, kind: Kind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def offered(self) -> list[Kind]:
        return [Kind(self.kind.itemData(index)) for index in range(self.kind.count())]

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        self.hint.setText(kind_hint(kind) if kind else "")
        self.form.set_field_visible("counterpart", kind in WITH_COUNTERPART)
        self.form.set_field_visible("ends_on", kind in WITH_END)
        caption = _("Home cell") if kind is Kind.ATTACHMENT else _("Going to (party organisation)")
        self.form.set_caption("counterpart", caption)
        self.counterpart.setPlaceholderText(_("for example Chi bộ thôn Bình Minh"))
        self._make_room()

    def save(self) -> str:
        kind = self.chosen_kind()
        if kind is None:
            raise ValidationError(
                [FieldError("kind", _("No event can be recorded for this member."))]
            )
        dates, problems = self.dates(occurs_on=self.occurs_on, ends_on=self.ends_on)
        if kind not in WITH_END:
            dates["ends_on"] = None
            problems = [p for p in problems if p.field != "ends_on"]
        if problems:
            raise self.form.in_captions(ValidationError(problems))
        data = EventInput(
            kind=kind,
            occurs_on=dates["occurs_on"],  # type: ignore[arg-type]  # None: the service says so
            decision_ref=self.decision_ref.text(),
            counterpart=self.counterpart.text() if kind in WITH_COUNTERPART else "",
            ends_on=dates["ends_on"],  # type: ignore[arg-type]
            note=self.note.toPlainText(),
            recorded_by=self.recorded_by.text(),
        )
        try:
            return self.service.record(self.member_id, data)
        except ValidationError as error:
            raise self.form.in_captions(error) from None
