"""The minutes window: opening, content, tasks and vote, score.

Non-modal, so the secretary can keep the meeting's view open beside it.
Text is saved a moment after the typing stops; choices and ticks at once;
closing the window saves what is still waiting."""

from __future__ import annotations

from collections.abc import Callable

from desktop.data.enums import MeetingState
from desktop.data.errors import BookFileError
from desktop.data.models import Meeting
from desktop.i18n import _, format_date
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.meetings import MeetingService
from desktop.services.members import MemberService
from desktop.services.minutes import MinutesService
from desktop.services.open_minutes import OpenMinutes, forget, remember
from desktop.services.validation import ValidationError
from desktop.ui.minutes.attendance import OpeningTab
from desktop.ui.minutes.content import ContentTab
from desktop.ui.minutes.saver import Action, DebouncedSaver
from desktop.ui.minutes.score import ScoreTab
from desktop.ui.minutes.tasks import TasksTab
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import fit_to_screen, label, show_book_error

MISSING_SHOWN = 1


class MinutesWindow(QDialog):
    """Taking the minutes of the meeting `meeting_id`."""

    def __init__(self, book: Book, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.book = book
        self.meeting_id = meeting_id
        self.service = MinutesService(book)
        self.saver = DebouncedSaver(self.run, parent=self)
        self.saver.saving.connect(lambda: self._show_status(_("Saving…")))
        self.saver.saved.connect(self._after_save)
        self.members = [(row.id, row.full_name) for row in MemberService(book).rows()]
        self.meeting: Meeting | None = None
        self.setWindowTitle(_("Minutes"))

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = label("", "heading", wrap=True)
        top.addWidget(self.heading, 1)
        self.status = label("", "muted")
        top.addWidget(self.status)
        layout.addLayout(top)
        self.missing = label("", "muted", wrap=True)
        layout.addWidget(self.missing)

        self.tabs = QTabWidget()
        self.opening = OpeningTab(self)
        self.content = ContentTab(self)
        self.tasks = TasksTab(self)
        self.score = ScoreTab(self)
        self.tabs.addTab(self.opening, _("&Opening"))
        self.tabs.addTab(self.content, _("&Content"))
        self.tabs.addTab(self.tasks, _("&Tasks and vote"))
        self.tabs.addTab(self.score, _("&Score"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self.remember_place())
        self.content.agenda.currentRowChanged.connect(lambda _row: self.remember_place())

        self.message = label("", wrap=True)
        self.message.hide()
        layout.addWidget(self.message)
        actions = QHBoxLayout()
        self.held_button = QPushButton(_("Mark as &held"))
        self.held_button.clicked.connect(lambda _checked=False: self.mark_held())
        actions.addWidget(self.held_button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions.addWidget(buttons)
        layout.addLayout(actions)

        self._start()
        self.remember_place()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 70, metrics.height() * 40)

    # --- reading ------------------------------------------------------------

    def _start(self) -> None:
        """Fill what can be filled (chair, minute-taker, place, time, the list
        of members) and show the meeting."""
        meeting = MeetingService(self.book).get(self.meeting_id)
        if meeting is not None and meeting.state is not MeetingState.ADOPTED:
            self.run(lambda: self.service.apply_defaults(self.meeting_id))
            if not meeting.attendance:
                self.run(lambda: self.service.prepare_attendance(self.meeting_id))
        self.reload()
        self._show_status(_("Saved"))

    def fetch(self) -> Meeting | None:
        """The meeting as the book has it now, with its parts."""
        try:
            self.meeting = MeetingService(self.book).get(self.meeting_id)
        except BookFileError as error:
            show_book_error(self, error)
        return self.meeting

    def reload(self) -> None:
        """Read the meeting again and show it in every tab."""
        meeting = self.fetch()
        if meeting is None:
            self.heading.setText(_("This meeting is no longer in the book."))
            self.tabs.setEnabled(False)
            self.held_button.setEnabled(False)
            return
        title = meeting.title or enum_label(meeting.kind)
        self.heading.setText(
            _("{title} — {date}").format(title=title, date=format_date(meeting.scheduled_on))
        )
        self.setWindowTitle(_("Minutes: {title}").format(title=title))
        editable = meeting.state is not MeetingState.ADOPTED
        self.tabs.setEnabled(editable)
        self.held_button.setVisible(meeting.state in (MeetingState.DRAFT, MeetingState.PREPARED))
        for tab in (self.opening, self.content, self.tasks, self.score):
            tab.load(meeting)
        self.show_missing()

    def show_missing(self) -> None:
        try:
            missing = self.service.completeness(self.meeting_id)
        except (ValidationError, BookFileError):
            return
        if missing:
            # A short line keeps the tabs in view; the whole list is in the tooltip.
            shown = "; ".join(missing[:MISSING_SHOWN])
            if len(missing) > MISSING_SHOWN:
                text = _("Still missing: {items} and {count} more.").format(
                    items=shown, count=len(missing) - MISSING_SHOWN
                )
            else:
                text = _("Still missing: {items}.").format(items=shown)
            self.missing.setText(text)
            self.missing.setToolTip("\n".join(missing))
        else:
            self.missing.setText(_("The minutes are complete."))
            self.missing.setToolTip("")

    # --- writing ------------------------------------------------------------

    def run(self, action: Action) -> bool:
        """Perform one save; show a refusal next to the tabs."""
        try:
            action()
        except ValidationError as error:
            self.show_message("\n".join(item.message for item in error.errors), error=True)
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        return True

    def save_now(self, action: Action, then: Callable[[], object] | None = None) -> bool:
        """Save a choice or a tick at once, after any text still waiting."""
        self.saver.flush()
        self._show_status(_("Saving…"))
        ok = self.run(action)
        if ok:
            self.show_message("")
        self._after_save(ok)
        if ok and then is not None:
            then()
        return ok

    def _after_save(self, ok: bool) -> None:
        if self.saver.pending:
            return
        self._show_status(_("Saved") if ok else _("Not saved"))
        self.opening.refresh_counts()
        self.tasks.refresh_voters()
        self.show_missing()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "error" if error else "")
        self.message.setVisible(bool(text))

    def mark_held(self) -> None:
        if not self.saver.flush():
            return
        warnings: list[str] = []

        def hold() -> None:
            warnings.extend(self.service.mark_held(self.meeting_id))

        if not self.run(hold):
            return
        self.reload()
        text = _("The meeting is marked as held.")
        if warnings:
            text += "\n" + "\n".join(warnings)
        self.show_message(text)

    def remember_place(self) -> None:
        """Note where the secretary is, so minutes left open by a crash or a
        power cut reopen here (`go_to_place`)."""
        if self.meeting is not None and self.meeting.state is not MeetingState.ADOPTED:
            place = OpenMinutes(
                self.meeting_id, self.tabs.currentIndex(), max(self.content.agenda.currentRow(), 0)
            )
            remember(self.book.path, place)

    def go_to_place(self, place: OpenMinutes) -> None:
        if 0 <= place.part < self.content.agenda.count():
            self.content.agenda.setCurrentRow(place.part)
        if 0 <= place.tab < self.tabs.count():
            self.tabs.setCurrentIndex(place.tab)

    def done(self, result: int) -> None:  # noqa: N802 (Qt API)
        self.saver.flush()
        forget(self.book.path)
        super().done(result)
