"""A member's profile: their details, status, party age, committee posts and
life events; also used to add a new member.

The status is shown, never edited: it follows from the life events, which are
recorded one at a time with "Record an event…".
"""

from __future__ import annotations

from datetime import date, datetime

from desktop.data.enums import MemberStatus
from desktop.data.errors import BookFileError
from desktop.data.models import Member
from desktop.i18n import N_, _, format_date, ngettext
from desktop.services.book import Book
from desktop.services.committee import CommitteeService, PostRow
from desktop.services.dues import DuesService, month_text
from desktop.services.labels import enum_label
from desktop.services.member_events import FINAL, EventRow, EventService
from desktop.services.members import MemberService
from desktop.services.party_calendar import party_age
from desktop.services.validation import ValidationError
from desktop.ui.criticism.profile import MemberReviewsTab
from desktop.ui.dialogs.base import ask_to_save
from desktop.ui.dialogs.dues import money
from desktop.ui.dialogs.member import MemberForm
from desktop.ui.qt.core import Qt, Signal
from desktop.ui.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import (
    Column,
    DataTable,
    DateField,
    RowLook,
    RowsModel,
    RowsProxy,
    fit_to_screen,
    label,
    primary_button,
    show_book_error,
)


def _recorded(value: object) -> str:
    if not isinstance(value, datetime):
        return ""
    return value.astimezone().strftime("%d/%m/%Y %H:%M")


def _read_date(widget: DateField) -> date | None:
    try:
        return widget.date()
    except ValueError:
        return None


def _day_key(value: date | None) -> str:
    return value.isoformat() if value else ""


def _event_label(row: EventRow) -> str:
    if row.withdrawn:
        return _("{event} (withdrawn)").format(event=row.label)
    return row.label


def _event_look(row: EventRow) -> RowLook | None:
    """Withdrawn events stay in the history, greyed, with the reason."""
    if not row.withdrawn:
        return None
    return RowLook(
        tooltip=_("Withdrawn: {reason}").format(reason=row.withdrawn_reason),
        background=WITHDRAWN_BACKGROUND,
        bold=False,
    )


WITHDRAWN_BACKGROUND = "#e4e4e4"

EVENT_COLUMNS = (
    Column(N_("Date"), lambda r: format_date(r.occurs_on), lambda r: _day_key(r.occurs_on)),
    Column(N_("Event"), lambda r: _event_label(r)),
    Column(N_("Decision"), lambda r: r.decision_ref),
    Column(N_("Other party organisation"), lambda r: r.counterpart),
    Column(N_("Until"), lambda r: format_date(r.ends_on), lambda r: _day_key(r.ends_on)),
    Column(N_("Note"), lambda r: r.note),
    Column(
        N_("Recorded"),
        lambda r: ", ".join(part for part in (r.recorded_by, _recorded(r.recorded_at)) if part),
        lambda r: r.recorded_at.isoformat() if isinstance(r.recorded_at, datetime) else "",
    ),
)


def post_text(post: PostRow, today: date) -> str:
    """ "Secretary since 05/01/2025 (Nhiệm kỳ 2025–2030)" or, for an ended
    post, its first and last days."""
    if post.ends_on is None or post.ends_on >= today:
        text = _("{post} since {start} ({term})")
    else:
        text = _("{post} {start} – {end} ({term})")
    return text.format(
        post=enum_label(post.post),
        start=format_date(post.starts_on),
        end=format_date(post.ends_on),
        term=post.term_name,
    )


def party_age_text(admitted: date | None, today: date) -> str:
    if admitted is None:
        return _("Party age: unknown (no admission date).")
    years = party_age(admitted, today)
    return _("Party age: {years} (admitted {date}).").format(
        years=ngettext("{n} year", "{n} years", years).format(n=years),
        date=format_date(admitted),
    )


def dues_text(dues: DuesService, member: Member) -> str:
    """ "Dues: <rate>, 6.000 đ a month. Not paid in 2026: 07/2026, 09/2026." """
    if member.status is MemberStatus.ATTACHED:
        return _("Dues: paid at their home cell.")
    due = dues.amount_due(member, dues.today)
    if due.exempt:
        text = _("Dues: exempt ({reason}).").format(reason=due.exempt_reason)
    else:
        text = _("Dues: {rate}, {amount} a month.").format(
            rate=due.rate_title, amount=money(due.amount)
        )
    year = dues.today.year
    unpaid = dues.unpaid_months(member.id, year, dues.today)
    if unpaid:
        months = ", ".join(month_text(month) for month in unpaid)
        text += " " + _("Not paid in {year}: {months}.").format(year=year, months=months)
    else:
        text += " " + _("Nothing unpaid in {year}.").format(year=year)
    return text


class MemberProfileDialog(QDialog):
    """One member's profile (`member_id`), or a blank one to add a member.

    `changed` is emitted whenever something was saved: the details, or an event
    (events are saved at once, the details with Save)."""

    changed = Signal()

    def __init__(
        self,
        book: Book,
        today: date,
        member_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        self.book = book
        self.today = today
        self.member_id = member_id
        self.saved_id: str | None = None
        self.service = MemberService(book, today)
        self.events = EventService(book, today)
        self.status = MemberStatus.FULL
        self.event_dialog: QDialog | None = None
        self.rate_dialog: QDialog | None = None

        layout = QVBoxLayout(self)
        self.form = MemberForm(book.rules, today, new=member_id is None)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.scroll = scroll

        self.tabs: QTabWidget | None = None
        if member_id is None:
            self.setWindowTitle(_("Add a member"))
            layout.addWidget(label(_("New member"), "heading"))
            layout.addWidget(
                label(
                    _(
                        "Fill in what you know; only the full name is required. "
                        "The status follows from the dates and the present situation."
                    ),
                    "muted",
                    wrap=True,
                )
            )
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(self._build_summary())
            self.tabs = QTabWidget()
            self.tabs.addTab(scroll, _("&Details"))
            self.tabs.addTab(self._build_history(), _("&Life events"))
            self.reviews_tab = MemberReviewsTab(book, today)
            self.tabs.addTab(self.reviews_tab, _("Re&views"))
            layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
            if member_id is None
            else QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self._try_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

        self._initial: object = None
        if member_id is not None:
            self.reload()
        self._initial = self._snapshot()
        metrics = self.fontMetrics()
        lines = 30 if member_id is None else 40
        fit_to_screen(self, metrics.horizontalAdvance("M") * 80, metrics.height() * lines)
        if self.tabs is None:
            self.form.full_name.setFocus()
        else:
            # Reading comes first: nothing is selected that a stray key could replace.
            self.tabs.tabBar().setFocus()

    # --- building -------------------------------------------------------------

    def _build_summary(self) -> QWidget:
        box = QFrame()
        set_role(box, "banner")
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(2)
        self.name_label = label("", "heading", wrap=True)
        column.addWidget(self.name_label)
        self.status_label = label("", wrap=True)
        column.addWidget(self.status_label)
        self.age_label = label("", wrap=True)
        column.addWidget(self.age_label)
        self.posts_label = label("", wrap=True)
        column.addWidget(self.posts_label)
        dues_row = QHBoxLayout()
        self.dues_label = label("", wrap=True)
        dues_row.addWidget(self.dues_label, 1)
        self.rate_button = QPushButton(_("Change ra&te…"))
        self.rate_button.setAutoDefault(False)
        self.rate_button.clicked.connect(lambda _checked=False: self.change_rate())
        dues_row.addWidget(self.rate_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(dues_row)
        return box

    def _build_history(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        row = QHBoxLayout()
        self.history_note = label(
            _("The status changes only through these events, recorded in date order."),
            "muted",
            wrap=True,
        )
        row.addWidget(self.history_note, 1)
        self.withdraw_button = QPushButton(_("&Withdraw the latest event…"))
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.setToolTip(
            _(
                "For an event recorded by mistake: it stays in the history, marked, and no "
                "longer counts."
            )
        )
        self.withdraw_button.clicked.connect(self.withdraw_latest)
        row.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignTop)
        self.record_button = primary_button(_("&Record an event…"), self.record_event)
        self.record_button.setAutoDefault(False)
        row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(row)
        self.record_blocked = label("", "muted", wrap=True)
        self.record_blocked.hide()
        column.addWidget(self.record_blocked)
        self.history_model = RowsModel(EVENT_COLUMNS, look=_event_look)
        self.history_proxy = RowsProxy(self.history_model)
        self.history = DataTable(stretch=5)
        self.history.setModel(self.history_proxy)
        self.history.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.history.setAccessibleName(_("Life events"))
        column.addWidget(self.history, 1)
        # The selected event in full: long notes do not fit in a table cell.
        self.event_details = label("", wrap=True)
        column.addWidget(self.event_details)
        self.history.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_event_details()
        )
        self.no_events = label(_("No events recorded yet."), "muted", wrap=True)
        column.addWidget(self.no_events)
        return page

    def selected_event(self) -> EventRow | None:
        index = self.history.currentIndex()
        if not index.isValid():
            return None
        row: EventRow = self.history_model.row_at(self.history_proxy.mapToSource(index).row())
        return row

    def _show_event_details(self) -> None:
        event = self.selected_event()
        if event is None:
            self.event_details.setText("")
            return
        parts = [f"{format_date(event.occurs_on)}: {event.label}."]
        for title, value in (
            (_("Decision"), event.decision_ref),
            (_("Other party organisation"), event.counterpart),
            (_("Until"), format_date(event.ends_on)),
            (_("Note"), event.note),
            (
                _("Recorded"),
                ", ".join(p for p in (event.recorded_by, _recorded(event.recorded_at)) if p),
            ),
        ):
            if value:
                parts.append(f"{title}: {value}.")
        if event.withdrawn:
            parts.append(
                _("Withdrawn by {who} on {date}: {reason}.").format(
                    who=event.withdrawn_by or "—",
                    date=_recorded(event.withdrawn_at),
                    reason=event.withdrawn_reason,
                )
            )
        self.event_details.setText(" ".join(parts).replace("..", "."))

    def latest_standing_event(self) -> EventRow | None:
        standing = [row for row in self.events.history(self.member_id) if not row.withdrawn]
        return standing[-1] if standing else None

    def withdraw_latest(self) -> None:
        """Ask why, then withdraw the member's latest event (kept in the history)."""
        event = self.latest_standing_event()
        if event is None:
            return
        reason, accepted = QInputDialog.getText(
            self,
            _("Withdraw the latest event"),
            _("Why is “{event}” of {date} withdrawn? (for example: recorded by mistake)").format(
                event=event.label, date=format_date(event.occurs_on)
            ),
        )
        if not accepted:
            return
        self.apply_withdrawal(event.id, reason)

    def apply_withdrawal(self, event_id: str, reason: str) -> bool:
        try:
            self.events.withdraw(event_id, reason, by=self._recorder())
        except ValidationError as error:
            QMessageBox.warning(self, _("Withdraw the latest event"), str(error))
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.reload()
        self.changed.emit()
        return True

    def _recorder(self) -> str:
        """Who is withdrawing: the secretary, as for recorded events."""
        secretary = CommitteeService(self.book, self.today).secretary()
        return secretary.full_name if secretary else ""

    # --- reading the book -------------------------------------------------------

    def reload(self) -> None:
        """Read the member again (after an event): summary, history, dates."""
        assert self.member_id is not None
        member = self.service.get(self.member_id)
        if member is None:
            raise KeyError(self.member_id)
        first = self._initial is None
        if first:
            self.status = member.status
            self.form.set_member(member)
        else:
            # An event may have changed the status or the official date.
            unchanged = not self.has_unsaved_changes()
            self.status = member.status
            for widget, value in (
                (self.form.admission_date, member.admission_date),
                (self.form.official_date, member.official_date),
            ):
                if _read_date(widget) != value:
                    widget.set_date(value)
            if unchanged:
                self._initial = self._snapshot()
        self.setWindowTitle(member.full_name)
        self.name_label.setText(member.full_name)
        self.status_label.setText(
            _("Status: {status} (changes through life events)").format(
                status=enum_label(member.status)
            )
        )
        self.age_label.setText(party_age_text(member.admission_date, self.today))
        posts = CommitteeService(self.book, self.today).posts_of(self.member_id)
        if posts:
            self.posts_label.setText(
                _("Committee: {posts}").format(
                    posts="; ".join(post_text(post, self.today) for post in posts)
                )
            )
        else:
            self.posts_label.setText(_("Committee: no post."))
        self._show_dues(member)
        rows: list[EventRow] = self.events.history(self.member_id)
        self.history_model.set_rows(rows)
        self.history.fit_columns()
        if rows:
            self.history.selectRow(self.history_proxy.rowCount() - 1)  # the latest event
        self.no_events.setVisible(not rows)
        final = member.status in FINAL
        self.record_button.setEnabled(not final)
        self.withdraw_button.setEnabled(any(not row.withdrawn for row in rows))
        self.record_blocked.setVisible(final)
        if final:
            self.record_blocked.setText(
                _(
                    "{name} is no longer a member of this cell ({status}); the history is kept."
                ).format(name=member.full_name, status=enum_label(member.status))
            )
        if self.tabs is not None:
            self.tabs.setTabText(
                1,
                _("&Life events ({count})").format(count=len(rows)),
            )
        if first:
            self.reviews_tab.load(self.member_id)
        self.form.set_status(member.status)

    def _show_dues(self, member: Member) -> None:
        self.dues_label.setText(dues_text(DuesService(self.book, self.today), member))
        self.rate_button.setVisible(member.status is not MemberStatus.ATTACHED)
        self.rate_button.setEnabled(member.status not in FINAL)

    def change_rate(self) -> QDialog | None:
        from desktop.ui.dialogs.dues import MemberRateDialog

        if self.member_id is None:
            return None
        try:
            dialog = MemberRateDialog(self.book, self.member_id, self.today, self)
        except BookFileError as error:
            show_book_error(self, error)
            return None
        dialog.accepted.connect(self._event_recorded)
        self.rate_dialog = dialog
        dialog.open()
        return dialog

    # --- events -------------------------------------------------------------------

    def record_event(self) -> QDialog | None:
        from desktop.ui.dialogs.member_event import MemberEventDialog

        if self.member_id is None:
            return None
        try:
            dialog = MemberEventDialog(self.book, self.member_id, self.today, self)
        except BookFileError as error:
            show_book_error(self, error)
            return None
        dialog.accepted.connect(self._event_recorded)
        self.event_dialog = dialog
        dialog.open()
        return dialog

    def _event_recorded(self) -> None:
        try:
            self.reload()
        except BookFileError as error:
            show_book_error(self, error)
        self.changed.emit()

    # --- saving -------------------------------------------------------------------

    def _snapshot(self) -> object:
        data, problems = self.form.read(self.status)
        return (data, [(p.field, p.message) for p in problems])

    def has_unsaved_changes(self) -> bool:
        return self._snapshot() != self._initial

    def save(self) -> str:
        data, problems = self.form.read(self.status)
        if problems:
            # Check the other fields too, so every problem shows at once.
            try:
                self.service.validate(data.cleaned(), self.member_id)
            except ValidationError as error:
                problems += error.errors
            raise ValidationError(problems)
        if self.member_id is None:
            return self.service.create(data)
        self.service.update(self.member_id, data)
        return self.member_id

    def _try_save(self) -> bool:
        self.form.clear_errors()
        try:
            self.saved_id = self.save()
        except ValidationError as error:
            if self.tabs is not None:
                self.tabs.setCurrentIndex(0)
            target = self.form.show_errors(error)
            if target is not None:
                self.scroll.ensureWidgetVisible(target)
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.changed.emit()
        self.accept()
        return True

    def discard(self) -> None:
        """Close without saving and without asking."""
        super().reject()

    def reject(self) -> None:
        """Closing with unsaved changes asks first: save, throw away, or stay."""
        if not self.has_unsaved_changes():
            super().reject()
            return
        answer = ask_to_save(self, _("You changed this profile. Save the changes?"))
        if answer == QMessageBox.StandardButton.Save:
            self._try_save()
        elif answer == QMessageBox.StandardButton.Discard:
            super().reject()
