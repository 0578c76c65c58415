"""Preparing a meeting: the order of business and who presents each part,
the checklist, who is invited from the commune, the documents handed out,
the topic of a thematic meeting and the draft resolution.

Every change is saved at once through `PreparationService`; the rules are
the service's, this shows them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.data.enums import CommitteePostKind, MeetingKind, MeetingState
from desktop.data.errors import BookFileError
from desktop.i18n import N_, _, current_language, format_date, ngettext
from desktop.services.book import Book
from desktop.services.committee import CommitteeService
from desktop.services.labels import enum_label
from desktop.services.meetings import MeetingService
from desktop.services.members import MemberService
from desktop.services.preparation import CHECKS, PreparationService, Readiness, TopicUse
from desktop.services.validation import ValidationError
from desktop.ui.dialogs.preparation_sections import DocumentsSection, InvitationsSection
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import (
    Column,
    DataTable,
    EmptyState,
    RowsModel,
    fit_to_screen,
    label,
    show_book_error,
)

POST_ORDER = {kind: index for index, kind in enumerate(CommitteePostKind)}
NOTE_LIMIT = 1000


@dataclass(frozen=True)
class PartRow:
    id: str
    position: int
    title: str
    presenter_id: str | None
    presenter: str
    ready: bool


def readiness_text(readiness: Readiness) -> str:
    total = readiness.parts_total
    secretary = round(readiness.secretary_share * total)
    return _(
        "{ready} of {total} parts ready · the secretary presents {secretary} of {total} parts"
    ).format(ready=readiness.parts_ready, total=total, secretary=secretary)


def topic_text(use: TopicUse) -> str:
    title = use.topic.title(current_language())
    if not use.used_on:
        return title
    days = ", ".join(format_date(day) for day in use.used_on)
    if use.presenters:
        used = _("used on {dates} by {names}").format(dates=days, names=", ".join(use.presenters))
    else:
        used = _("used on {dates}").format(dates=days)
    return title + " — " + used


def _button(text: str, on_click: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)  # Enter never presses a button here
    button.clicked.connect(lambda _checked=False: on_click())
    return button


class PreparationDialog(QDialog):
    """Prepare one draft or prepared meeting."""

    def __init__(
        self, book: Book, meeting_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        self.setWindowTitle(_("Prepare the meeting"))
        self.book = book
        self.meeting_id = meeting_id
        self.service = PreparationService(book, today)
        self.meetings = MeetingService(book)
        self.committee = CommitteeService(book, today)
        self.members = MemberService(book, today)
        self.changed = False
        self._loading = False
        meeting = self.meetings.get(meeting_id)
        assert meeting is not None
        self.kind = meeting.kind
        self.year = meeting.scheduled_on.year
        self.state = meeting.state

        outer = QVBoxLayout(self)
        heading = _("{title}, {date}").format(
            title=meeting.title or enum_label(meeting.kind),
            date=format_date(meeting.scheduled_on),
        )
        outer.addWidget(label(heading, "heading", wrap=True))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # --- the order of business ---
        layout.addWidget(label(_("Order of business"), "big"))
        self.model = RowsModel(
            (
                Column(N_("No."), lambda r: str(r.position), lambda r: r.position, True),
                Column(N_("Part"), lambda r: r.title),
                Column(N_("Presenter"), lambda r: r.presenter or _("Nobody yet")),
                Column(N_("Ready"), lambda r: _("Yes") if r.ready else _("No")),
            )
        )
        self.table = DataTable(stretch=1)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # the order of business is its own order
        self.table.setAccessibleName(_("Order of business"))
        self.table.setMinimumHeight(self.fontMetrics().height() * 12)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_part()
        )
        self.parts = QStackedWidget()
        self.parts.addWidget(self.table)
        self.empty = EmptyState(
            _("This meeting has no order of business yet."),
            _("Create the order of business"),
            self.create_agenda,
        )
        if self.empty.button is not None:
            self.empty.button.setAutoDefault(False)
        self.parts.addWidget(self.empty)
        layout.addWidget(self.parts)

        part_row = QHBoxLayout()
        presenter_caption = label(_("P&resenter:"))
        part_row.addWidget(presenter_caption)
        self.presenter = QComboBox()
        self.presenter.setAccessibleName(_("Presenter"))
        presenter_caption.setBuddy(self.presenter)
        self.presenter.activated.connect(lambda _index: self.assign_selected())
        part_row.addWidget(self.presenter, 1)
        self.ready = QCheckBox(_("Rea&dy"))
        self.ready.clicked.connect(lambda checked: self.set_ready(checked))
        part_row.addWidget(self.ready)
        layout.addLayout(part_row)
        move_row = QHBoxLayout()
        self.up_button = _button(_("Move &up"), lambda: self.move(-1))
        self.down_button = _button(_("Move do&wn"), lambda: self.move(1))
        self.add_button = _button(_("&Add a part…"), self.add_part_asked)
        self.remove_button = _button(_("Re&move"), self.remove_selected)
        for button in (self.up_button, self.down_button, self.add_button, self.remove_button):
            move_row.addWidget(button)
        move_row.addStretch(1)
        layout.addLayout(move_row)

        # --- readiness ---
        self.summary = label("", wrap=True)
        layout.addWidget(self.summary)
        self.warning = label("", "error", wrap=True)
        layout.addWidget(self.warning)

        # --- the checklist ---
        layout.addWidget(label(_("Checklist"), "big"))
        self.checks: dict[str, QCheckBox] = {}
        for name, text in CHECKS.items():
            box = QCheckBox(_(text))
            box.clicked.connect(lambda checked, name=name: self.set_check(name, checked))
            layout.addWidget(box)
            self.checks[name] = box
        note_row = QHBoxLayout()
        note_caption = label(_("&Note:"))
        note_row.addWidget(note_caption)
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setAccessibleName(_("Preparation note"))
        note_caption.setBuddy(self.note)
        self.note.editingFinished.connect(self.save_note)
        note_row.addWidget(self.note, 1)
        layout.addLayout(note_row)
        self.note.setText(meeting.prepared_note or "")

        # --- the topic of a thematic meeting ---
        self.topic: QComboBox | None = None
        if self.kind is MeetingKind.THEMATIC:
            topic_row = QHBoxLayout()
            topic_caption = label(_("&Topic:"))
            topic_row.addWidget(topic_caption)
            self.topic = QComboBox()
            self.topic.setAccessibleName(_("Topic"))
            self.topic.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.topic.setMinimumContentsLength(30)
            topic_caption.setBuddy(self.topic)
            self.topic.activated.connect(lambda index: self.choose_topic(index))
            topic_row.addWidget(self.topic, 1)
            layout.addLayout(topic_row)
            self._load_topics(meeting.topic_id)

        # --- who is invited from the commune; the documents handed out ---
        self.invitations = InvitationsSection(self.service, meeting_id, self._run)
        layout.addWidget(self.invitations)
        self.documents = DocumentsSection(book, meeting_id, self._run)
        layout.addWidget(self.documents)

        layout.addStretch(1)

        # --- the resolution and the state ---
        actions = QHBoxLayout()
        self.draft_button = _button(_("Draft the re&solution"), self.draft_resolution)
        self.prepared_button = _button(_("Mark as &prepared"), self.mark_prepared)
        actions.addWidget(self.draft_button)
        actions.addWidget(self.prepared_button)
        actions.addStretch(1)
        outer.addLayout(actions)
        self.message = label("", wrap=True)
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self._load_presenters()
        self.reload()
        fit_to_screen(self, 900, 700)

    # --- reading ------------------------------------------------------------------

    def _load_presenters(self) -> None:
        self.presenter.clear()
        self.presenter.addItem(_("Nobody yet"), None)
        holders = sorted(self.committee.current(), key=lambda h: POST_ORDER[h.post])
        seen: set[str] = set()
        for holder in holders:
            if holder.member_id in seen:
                continue
            seen.add(holder.member_id)
            self.presenter.addItem(
                holder.full_name + " — " + enum_label(holder.post), holder.member_id
            )
        for row in self.members.rows():
            if row.id not in seen:
                self.presenter.addItem(row.full_name, row.id)

    def _load_topics(self, chosen: str) -> None:
        assert self.topic is not None
        self.topic.clear()
        self.topic.addItem(_("Choose a topic from the library"), None)
        for use in self.service.topics(self.year):
            self.topic.addItem(topic_text(use), use.topic.id)
        index = self.topic.findData(chosen) if chosen else 0
        self.topic.setCurrentIndex(max(0, index))

    def part_rows(self) -> list[PartRow]:
        return self.model.rows()

    def reload(self) -> None:
        """Read the meeting again and show it, keeping the selected part."""
        current = self.selected_part()
        meeting = self.meetings.get(self.meeting_id)
        if meeting is None:
            self.reject()
            return
        self.state = meeting.state
        rows = [
            PartRow(
                item.id,
                item.position,
                item.title,
                item.presenter_id,
                item.presenter.full_name if item.presenter else "",
                bool(item.ready),
            )
            for item in sorted(meeting.agenda_items, key=lambda i: i.position)
        ]
        self.model.set_rows(rows)
        self.parts.setCurrentWidget(self.table if rows else self.empty)
        self.table.fit_columns()
        if rows:
            ids = [row.id for row in rows]
            self.table.selectRow(ids.index(current.id) if current and current.id in ids else 0)
        self._loading = True
        for check in self.service.checklist(self.meeting_id):
            self.checks[check.name].setChecked(check.done)
        self._loading = False
        self._show_part()
        self._show_readiness()
        self.invitations.reload()
        self.documents.reload()
        self.prepared_button.setEnabled(self.state is MeetingState.DRAFT)

    def _show_readiness(self) -> None:
        readiness = self.service.readiness(self.meeting_id)
        self.summary.setText(readiness_text(readiness))
        if readiness.secretary_share > 0.5:
            self.warning.setText(
                _(
                    "The secretary presents more than half of the parts. "
                    "Consider sharing them out among the committee and members."
                )
            )
        else:
            self.warning.clear()
        self.warning.setVisible(bool(self.warning.text()))

    def selected_part(self) -> PartRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        row: PartRow = self.model.row_at(index.row())
        return row

    def select_part(self, position: int) -> None:
        """Select the part at `position` (1 = first)."""
        self.table.selectRow(position - 1)

    def _show_part(self) -> None:
        part = self.selected_part()
        has = part is not None
        for widget in (self.presenter, self.ready, self.remove_button):
            widget.setEnabled(has)
        count = self.model.rowCount()
        self.up_button.setEnabled(has and part.position > 1)  # type: ignore[union-attr]
        self.down_button.setEnabled(has and part.position < count)  # type: ignore[union-attr]
        self.add_button.setEnabled(count > 0)
        if part is None:
            return
        index = self.presenter.findData(part.presenter_id) if part.presenter_id else 0
        if index < 0:  # a presenter no longer current: shown, not offered
            self.presenter.addItem(part.presenter, part.presenter_id)
            index = self.presenter.count() - 1
        self.presenter.setCurrentIndex(index)
        self.ready.setChecked(part.ready)

    # --- saving ---------------------------------------------------------------------

    def _run(self, action: Callable[[], object], done: str = "") -> bool:
        """Do one change through the service; say what went wrong, plainly."""
        try:
            action()
        except ValidationError as error:
            self._say("\n".join(item.message for item in error.errors), error=True)
            self.reload()
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.changed = True
        self._say(done)
        self.reload()
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        set_role(self.message, "error" if error else "")
        self.message.setText(text)

    def create_agenda(self) -> None:
        if self._run(
            lambda: self.service.start(self.meeting_id), _("The order of business is ready.")
        ):
            self.table.setFocus()

    def assign_selected(self) -> None:
        part = self.selected_part()
        if part is not None:
            member_id = self.presenter.currentData()
            self._run(lambda: self.service.assign(part.id, member_id))

    def set_ready(self, ready: bool) -> None:
        part = self.selected_part()
        if part is not None:
            self._run(lambda: self.service.set_ready(part.id, ready))

    def move(self, step: int) -> None:
        part = self.selected_part()
        if part is None:
            return
        position = part.position + step
        if self._run(lambda: self.service.move_item(part.id, position)):
            self.select_part(position)

    def add_part_asked(self) -> None:
        title, ok = QInputDialog.getText(self, _("Add a part"), _("Title of the part:"))
        if ok:
            self.add_part(title)

    def add_part(self, title: str) -> None:
        """A new part after the selected one (at the end when none is selected)."""
        part = self.selected_part()
        position = part.position + 1 if part else None
        holder: list[str] = []
        if self._run(
            lambda: holder.append(self.service.add_item(self.meeting_id, title, position=position))
        ):
            ids = [row.id for row in self.part_rows()]
            if holder and holder[0] in ids:
                self.table.selectRow(ids.index(holder[0]))

    def remove_selected(self, *, confirm: bool = True) -> None:
        part = self.selected_part()
        if part is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                _("Remove a part"),
                _("Remove the part “{title}” from the order of business?").format(title=part.title),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(lambda: self.service.remove_item(part.id))

    def set_check(self, name: str, value: bool) -> None:
        if not self._loading:
            self._run(lambda: self.service.set_check(self.meeting_id, name, value))

    def save_note(self) -> None:
        text = self.note.text()
        try:
            self.service.set_note(self.meeting_id, text)
        except ValidationError as error:
            self._say("\n".join(item.message for item in error.errors), error=True)
        except BookFileError as error:
            show_book_error(self, error)
        else:
            self.changed = True

    def choose_topic(self, index: int) -> None:
        if self.topic is None:
            return
        topic_id = self.topic.itemData(index)
        if not topic_id:
            return
        if self._run(
            lambda: self.service.choose_topic(self.meeting_id, topic_id),
            _("The topic has been chosen."),
        ):
            self._load_topics(topic_id)

    def draft_resolution(self) -> None:
        meeting = self.meetings.get(self.meeting_id)
        had_one = meeting is not None and meeting.resolution is not None
        if not self._run(lambda: self.service.draft_resolution(self.meeting_id)):
            return
        if had_one:
            self._say(_("This meeting already has a draft resolution."))
            return
        meeting = self.meetings.get(self.meeting_id)
        carried = len(meeting.resolution.tasks) if meeting and meeting.resolution else 0
        if carried:
            text = ngettext(
                "The resolution is drafted; {count} unfinished task was carried over "
                "from the previous regular meeting.",
                "The resolution is drafted; {count} unfinished tasks were carried over "
                "from the previous regular meeting.",
                carried,
            ).format(count=carried)
        else:
            text = _("The resolution is drafted; no unfinished tasks were carried over.")
        self._say(text)

    def mark_prepared(self) -> None:
        self.save_note()
        self._run(
            lambda: self.service.mark_prepared(self.meeting_id),
            _("The meeting is marked as prepared."),
        )

    def done(self, result: int) -> None:
        if self.note.isModified():
            self.save_note()
        super().done(result)
