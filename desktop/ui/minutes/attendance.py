"""The opening of the minutes: who chaired and wrote them, where and when,
the guests, and the attendance with its counts and the quorum.

Keyboard in the attendance table: P present, R absent with a reason (then
type the reason), U absent without a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.data.enums import AttendanceStatus, MemberStatus
from desktop.data.models import Meeting
from desktop.i18n import _
from desktop.services.labels import enum_label
from desktop.services.preparation import role_label
from desktop.ui.minutes.common import (
    keep_lines,
    member_combo,
    nobody,
    parse_time,
    scrolling_body,
    select_data,
    time_text,
)
from desktop.ui.qt.core import QEvent, QObject, Qt
from desktop.ui.qt.gui import QKeyEvent
from desktop.ui.qt.widgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import label, row_table

if TYPE_CHECKING:
    from desktop.ui.minutes.window import MinutesWindow

STATUSES = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT_EXCUSED,
    AttendanceStatus.ABSENT_UNEXCUSED,
)
KEYS = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT,
    Qt.Key.Key_R: AttendanceStatus.ABSENT_EXCUSED,
    Qt.Key.Key_U: AttendanceStatus.ABSENT_UNEXCUSED,
}
NAME, STATUS_ON_DAY, ATTENDANCE, REASON = range(4)


@dataclass
class Row:
    member_id: str
    name: str
    member_status: MemberStatus
    status: AttendanceStatus
    reason: str


def attendance_label(status: AttendanceStatus) -> str:
    return {
        AttendanceStatus.PRESENT: _("Present"),
        AttendanceStatus.ABSENT_EXCUSED: _("Absent with reason"),
        AttendanceStatus.ABSENT_UNEXCUSED: _("Absent without reason"),
    }[status]


class OpeningTab(QWidget):
    def __init__(self, window: MinutesWindow) -> None:
        super().__init__()
        self.window_ = window
        self.service = window.service
        self.meeting_id = window.meeting_id
        self.rows: list[Row] = []
        self.guests: dict[str, tuple[str, str, bool]] = {}
        self.guests_attended: dict[str, bool] = {}
        self._loading = False
        layout = scrolling_body(self, horizontal=True)

        # --- left: who, where, when, guests
        left = QVBoxLayout()
        form = QFormLayout()
        self.chair = member_combo(window.members, nobody())
        self.chair.activated.connect(lambda _i: self._save_person("chair"))
        self.minute_taker = member_combo(window.members, nobody())
        self.minute_taker.activated.connect(lambda _i: self._save_person("minute_taker"))
        self.place = QLineEdit()
        self.place.textChanged.connect(self._place_changed)
        self.start_time = QLineEdit()
        self.end_time = QLineEdit()
        for box, which in ((self.start_time, "start"), (self.end_time, "end")):
            box.setPlaceholderText(_("hh:mm"))
            box.setMaxLength(5)
            box.textChanged.connect(lambda _text, which=which: self._time_changed(which))
        form.addRow(_("Ch&air"), self.chair)
        form.addRow(_("&Minute-taker"), self.minute_taker)
        form.addRow(_("&Place"), self.place)
        form.addRow(_("Opening time"), self.start_time)
        form.addRow(_("Closing time"), self.end_time)
        left.addLayout(form)

        guests = QGroupBox(_("Guests"))
        guests_layout = QVBoxLayout(guests)
        self.guest_list = QListWidget()
        self.guest_list.currentRowChanged.connect(lambda _row: self._guest_chosen())
        keep_lines(self.guest_list, 2)
        guests_layout.addWidget(self.guest_list, 1)
        guest_form = QFormLayout()
        self.guest_name = QLineEdit()
        self.guest_title = QLineEdit()
        self.guest_superior = QCheckBox(_("From the superior committee"))
        self.guest_attended = QCheckBox(_("Came to the meeting"))
        self.guest_attended.setToolTip(
            _("Untick for someone invited who did not come; saved at once")
        )
        self.guest_attended.clicked.connect(self._attended_ticked)
        guest_form.addRow(_("Name"), self.guest_name)
        guest_form.addRow(_("Position"), self.guest_title)
        guest_form.addRow("", self.guest_superior)
        guest_form.addRow("", self.guest_attended)
        guests_layout.addLayout(guest_form)
        guest_buttons = QHBoxLayout()
        self.add_guest_button = QPushButton(_("Add guest"))
        self.add_guest_button.clicked.connect(lambda _checked=False: self.add_guest())
        self.guest_name.returnPressed.connect(self.add_guest)
        self.save_guest_button = QPushButton(_("Save changes"))
        self.save_guest_button.setToolTip(_("Save the name and position of the selected guest"))
        self.save_guest_button.clicked.connect(lambda _checked=False: self.save_guest())
        self.remove_guest_button = QPushButton(_("Remove guest"))
        self.remove_guest_button.clicked.connect(lambda _checked=False: self.remove_guest())
        guest_buttons.addWidget(self.add_guest_button)
        guest_buttons.addWidget(self.save_guest_button)
        guest_buttons.addWidget(self.remove_guest_button)
        guest_buttons.addStretch(1)
        guests_layout.addLayout(guest_buttons)
        left.addWidget(guests, 1)
        layout.addLayout(left, 2)

        # --- right: attendance
        right = QVBoxLayout()
        right.addWidget(
            label(
                _(
                    "Select a member and press P (present), R (absent with a reason, "
                    "then type it) or U (absent without a reason)."
                ),
                "muted",
                wrap=True,
            )
        )
        self.table = row_table(
            [_("Name"), _("Status on the day"), _("Attendance"), _("Reason")],
            stretch=(REASON,),
        )
        self.table.installEventFilter(self)
        keep_lines(self.table, 6)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        right.addWidget(self.table, 1)
        row_form = QFormLayout()
        self.status_box = QComboBox()
        for status in STATUSES:
            self.status_box.addItem(attendance_label(status), status)
        self.status_box.activated.connect(
            lambda _i: self.choose(AttendanceStatus(self.status_box.currentData()))
        )
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("Why the member is absent"))
        self.reason.textChanged.connect(self._reason_changed)
        row_form.addRow(_("Attendance"), self.status_box)
        row_form.addRow(_("&Reason"), self.reason)
        right.addLayout(row_form)
        self.counts_line = label("", wrap=True)
        self.quorum_line = label("", wrap=True)
        right.addWidget(self.counts_line)
        right.addWidget(self.quorum_line)
        refresh = QPushButton(_("Add members who joined since"))
        refresh.clicked.connect(lambda _checked=False: self.prepare())
        right.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(right, 3)

    # --- reading ------------------------------------------------------------

    def load(self, meeting: Meeting) -> None:
        self._loading = True
        select_data(self.chair, meeting.chair_id)
        select_data(self.minute_taker, meeting.minute_taker_id)
        self.place.setText(meeting.place)
        self.start_time.setText(time_text(meeting.start_time))
        self.end_time.setText(time_text(meeting.end_time))
        self._loading = False
        self._show_guests(meeting)
        self.rows = [
            Row(
                row.member_id,
                row.member.full_name if row.member else "",
                MemberStatus(row.member_status),
                AttendanceStatus(row.status),
                row.reason,
            )
            for row in meeting.attendance
        ]
        current = self.current_row()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for index in range(len(self.rows)):
            self._show_row(index)
        self.table.blockSignals(False)
        self.table.resizeColumnToContents(NAME)  # names first: they matter most
        self.table.resizeColumnToContents(STATUS_ON_DAY)
        self.table.resizeColumnToContents(ATTENDANCE)
        if self.rows:
            self.table.selectRow(min(max(current, 0), len(self.rows) - 1))
        self._row_chosen()
        self.refresh_counts()

    def _show_guests(self, meeting: Meeting, select: str | None = None) -> None:
        self.guests = {
            guest.id: (guest.name, guest.title, guest.is_superior) for guest in meeting.guests
        }
        self.guests_attended = {guest.id: guest.attended for guest in meeting.guests}
        self.guest_list.blockSignals(True)
        self.guest_list.clear()
        for guest in meeting.guests:
            text = guest.name + (f" — {guest.title}" if guest.title else "")
            if guest.is_superior:
                text += " (" + role_label(guest.role) + ")"
            if not guest.attended:
                text += " — " + _("invited, did not come")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, guest.id)
            self.guest_list.addItem(item)
            if guest.id == select:
                self.guest_list.setCurrentItem(item)
        self.guest_list.blockSignals(False)
        self._guest_chosen()

    def current_guest(self) -> str | None:
        item = self.guest_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _guest_chosen(self) -> None:
        """Show the selected guest in the form, to correct a name or position."""
        guest_id = self.current_guest()
        self.save_guest_button.setEnabled(guest_id is not None)
        self.remove_guest_button.setEnabled(guest_id is not None)
        self.guest_attended.setEnabled(guest_id is not None)
        self.guest_attended.setChecked(self.guests_attended.get(guest_id or "", True))
        if guest_id is None or guest_id not in self.guests:
            return
        name, title, superior = self.guests[guest_id]
        self.guest_name.setText(name)
        self.guest_title.setText(title)
        self.guest_superior.setChecked(superior)

    def _show_row(self, index: int) -> None:
        row = self.rows[index]
        cells = (
            row.name,
            enum_label(row.member_status),
            attendance_label(row.status),
            row.reason,
        )
        for column, text in enumerate(cells):
            item = self.table.item(index, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(index, column, item)
            item.setText(text)
            item.setToolTip(text)

    def refresh_counts(self) -> None:
        try:
            counts = self.service.counts(self.meeting_id)
            check = self.service.quorum(self.meeting_id)
        except Exception:  # noqa: BLE001 - a line of information only
            return
        self.counts_line.setText(
            _(
                "Present: {present} of {total} · absent with reason: {excused} · "
                "absent without reason: {unexcused}"
            ).format(
                present=counts.present,
                total=counts.total,
                excused=counts.absent_excused,
                unexcused=counts.absent_unexcused,
            )
        )
        self.quorum_line.setText(check.message)

    def current_row(self) -> int:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return rows[0].row() if rows else -1

    def _row_chosen(self) -> None:
        index = self.current_row()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        select_data(self.status_box, row.status)
        self._loading = True
        self.reason.setText(row.reason)
        self._loading = False

    # --- writing ------------------------------------------------------------

    def _save_person(self, which: str) -> None:
        if which == "chair":
            value = self.chair.currentData()
            self.window_.save_now(lambda: self.service.set_chair(self.meeting_id, value))
        else:
            value = self.minute_taker.currentData()
            self.window_.save_now(lambda: self.service.set_minute_taker(self.meeting_id, value))

    def _place_changed(self, text: str) -> None:
        if not self._loading:
            self.window_.saver.schedule(
                "place", lambda: self.service.set_place(self.meeting_id, text)
            )

    def _time_changed(self, which: str) -> None:
        if self._loading:
            return
        box = self.start_time if which == "start" else self.end_time
        text = box.text()
        try:
            value = parse_time(text)
        except ValueError:
            self.window_.saver.cancel(which)
            if len(text.strip()) >= 4:
                self.window_.show_message(
                    _("Write the time as hours:minutes, for example 07:30."), error=True
                )
            return
        setter = self.service.set_start_time if which == "start" else self.service.set_end_time
        self.window_.saver.schedule(which, lambda: setter(self.meeting_id, value))

    def add_guest(self) -> None:
        name, title = self.guest_name.text(), self.guest_title.text()
        superior = self.guest_superior.isChecked()
        if self.window_.save_now(
            lambda: self.service.add_guest(self.meeting_id, name, title, superior)
        ):
            self._refresh_guests()
            self._clear_guest_form()
            self.guest_name.setFocus()

    def _attended_ticked(self, checked: bool) -> None:
        guest_id = self.current_guest()
        if guest_id is None:
            return
        if self.window_.save_now(lambda: self.service.set_guest_attended(guest_id, checked)):
            self._refresh_guests(guest_id)
        else:
            self.guest_attended.setChecked(not checked)

    def save_guest(self) -> None:
        """Save the form over the selected guest."""
        guest_id = self.current_guest()
        if guest_id is None:
            return
        name, title = self.guest_name.text(), self.guest_title.text()
        superior = self.guest_superior.isChecked()
        if self.window_.save_now(
            lambda: self.service.update_guest(guest_id, name, title, superior)
        ):
            self._refresh_guests(guest_id)
            self.guest_list.setFocus()

    def remove_guest(self) -> None:
        guest_id = self.current_guest()
        if guest_id is None:
            return
        if self.window_.save_now(lambda: self.service.remove_guest(guest_id)):
            self._refresh_guests()
            self._clear_guest_form()

    def _clear_guest_form(self) -> None:
        self.guest_list.setCurrentRow(-1)
        self.guest_name.clear()
        self.guest_title.clear()
        self.guest_superior.setChecked(False)

    def _refresh_guests(self, select: str | None = None) -> None:
        meeting = self.window_.fetch()
        if meeting is not None:
            self._show_guests(meeting, select)

    def prepare(self) -> None:
        if self.window_.save_now(lambda: self.service.prepare_attendance(self.meeting_id)):
            meeting = self.window_.fetch()
            if meeting is not None:
                self.load(meeting)

    def choose(self, status: AttendanceStatus) -> None:
        """Set the selected member's attendance (as the P, R and U keys do)."""
        index = self.current_row()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        row.status = status
        select_data(self.status_box, status)
        if status is AttendanceStatus.PRESENT:
            row.reason = ""
            self._loading = True
            self.reason.clear()
            self._loading = False
        self._show_row(index)
        if status is AttendanceStatus.ABSENT_EXCUSED and not row.reason.strip():
            self.window_.show_message(_("Absent with a reason: please write the reason."))
            self.reason.setFocus()
            return
        self._save_row(row, now=True)

    def _reason_changed(self, text: str) -> None:
        if self._loading:
            return
        index = self.current_row()
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        row.reason = text
        self._show_row(index)
        if row.status is AttendanceStatus.PRESENT:
            return
        if row.status is AttendanceStatus.ABSENT_EXCUSED and not text.strip():
            self.window_.saver.cancel(("attendance", row.member_id))
            return
        self._save_row(row, now=False)

    def _save_row(self, row: Row, *, now: bool) -> None:
        member_id, status, reason = row.member_id, row.status, row.reason

        def save() -> None:
            self.service.set_attendance(self.meeting_id, member_id, status, reason)

        if now:
            self.window_.save_now(save)
        else:
            self.window_.saver.schedule(("attendance", member_id), save)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            modifiers = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            status = KEYS.get(Qt.Key(key_event.key()))
            if status is not None and modifiers == Qt.KeyboardModifier.NoModifier:
                self.choose(status)
                return True
        return super().eventFilter(watched, event)
