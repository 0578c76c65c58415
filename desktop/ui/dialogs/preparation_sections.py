"""Two parts of preparing a meeting: who is invited from the commune, and the
documents handed out to members (kept in the book).

Each section saves every change at once through the `run` it is given (the
preparation dialog's: it shows a refusal plainly and reads everything again).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.data.enums import GuestRole
from desktop.i18n import N_, _, format_date
from desktop.services.book import Book
from desktop.services.meeting_documents import DocumentRow, MeetingDocumentService, size_text
from desktop.services.preparation import (
    GUEST_NAME_LIMIT,
    GUEST_ROLES,
    GUEST_TITLE_LIMIT,
    Invitation,
    PreparationService,
    role_label,
)
from desktop.services.validation import FieldError, ValidationError
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import Column, DataTable, DateField, FlowLayout, RowsModel, label

Run = Callable[[Callable[[], object], str], bool]
TABLE_ROWS = 4  # rows a section's table shows before it scrolls
# Roles as the table of those invited shows them (the full wording is in the form).
SHORT_ROLES = {
    GuestRole.SUPERIOR_IN_CHARGE: N_("Member in charge"),
    GuestRole.WORKING_GROUP: N_("Working group"),
    GuestRole.GUEST: N_("Guest"),
}


def _button(text: str, on_click: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)  # Enter never presses a button here
    button.clicked.connect(lambda _checked=False: on_click())
    return button


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _table(name: str, model: RowsModel, stretch: int) -> DataTable:
    table = DataTable(stretch=stretch)
    table.setModel(model)
    table.setSortingEnabled(False)  # their own order
    table.setAccessibleName(name)
    rows = table.verticalHeader().defaultSectionSize()
    table.setMinimumHeight(rows * (TABLE_ROWS + 1) + 4)
    table.setMaximumHeight(rows * (TABLE_ROWS + 3))
    return table


def _selected(table: DataTable, model: RowsModel) -> object | None:
    index = table.currentIndex()
    if not index.isValid() or index.row() >= model.rowCount():
        return None
    return model.row_at(index.row())


def _select(table: DataTable, ids: list[str], wanted: str | None) -> None:
    if ids:
        table.selectRow(ids.index(wanted) if wanted in ids else 0)


# --- invitations ----------------------------------------------------------------


class InvitationsSection(QWidget):
    """The superior committee member in charge, working-group members and
    other guests invited; whether each invitation has gone out."""

    def __init__(self, service: PreparationService, meeting_id: str, run: Run) -> None:
        super().__init__()
        self.service = service
        self.meeting_id = meeting_id
        self.run = run
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(_("Invited from the commune"), "big"))
        layout.addWidget(
            label(
                _(
                    "The superior committee member in charge and the working group are "
                    "told the time, place and content. At the minutes, those invited are "
                    "the list of guests."
                ),
                "muted",
                wrap=True,
            )
        )
        self.model = RowsModel(
            (
                Column(N_("Name"), lambda r: r.name),
                Column(N_("Position"), lambda r: r.title),
                Column(N_("Invited as"), lambda r: _(SHORT_ROLES[r.role])),
                Column(N_("Invited on"), lambda r: format_date(r.invited_on)),
                Column(N_("Sent"), lambda r: _yes_no(r.invitation_sent)),
            )
        )
        self.table = _table(_("Invited from the commune"), self.model, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        layout.addWidget(self.table)

        selected = QHBoxLayout()
        self.sent = QCheckBox(_("The invitation has &been sent"))
        self.sent.clicked.connect(lambda checked: self.set_sent(checked))
        self.remove_button = _button(_("Ta&ke off the list"), self.remove_selected)
        selected.addWidget(self.sent)
        selected.addStretch(1)
        selected.addWidget(self.remove_button)
        layout.addLayout(selected)

        form = QGridLayout()
        self.name = QLineEdit()
        self.name.setMaxLength(GUEST_NAME_LIMIT)
        self.name.setAccessibleName(_("Name of the person invited"))
        self.position = QLineEdit()
        self.position.setMaxLength(GUEST_TITLE_LIMIT)
        self.position.setPlaceholderText(_("for example, member of the commune committee"))
        self.position.setAccessibleName(_("Position"))
        self.role = QComboBox()
        self.role.setAccessibleName(_("Invited as"))
        self.role.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.role.setMinimumContentsLength(16)
        for role in GUEST_ROLES:
            self.role.addItem(role_label(role), role.value)
        self.invited_on = DateField(service.today)
        self.invited_on.setAccessibleName(_("Day invited"))
        self.invited_on.setMaximumWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.invite_button = _button(_("In&vite"), self.invite)
        self.name.returnPressed.connect(self.invite)
        self.position.returnPressed.connect(self.invite)
        fields = (
            (_("Nam&e:"), self.name, 0, 0, 3),
            (_("P&osition:"), self.position, 1, 0, 3),
            (_("&Invited as:"), self.role, 2, 0, 1),
            (_("Da&y invited:"), self.invited_on, 2, 2, 1),
        )
        for text, widget, row, column, span in fields:
            caption = label(text)
            caption.setBuddy(widget)
            form.addWidget(caption, row, column)
            form.addWidget(widget, row, column + 1, 1, span)
        form.addWidget(self.invite_button, 3, 1, Qt.AlignmentFlag.AlignLeft)
        form.setColumnStretch(1, 1)
        layout.addLayout(form)

    # --- reading ------------------------------------------------------------

    def reload(self) -> None:
        current = self.selected()
        rows = self.service.invitations(self.meeting_id)
        self.model.set_rows(rows)
        self.table.fit_columns()
        _select(self.table, [r.id for r in rows], current.id if current else None)
        self._show_selected()

    def rows(self) -> list[Invitation]:
        return self.model.rows()

    def selected(self) -> Invitation | None:
        row = _selected(self.table, self.model)
        return row if isinstance(row, Invitation) else None

    def _show_selected(self) -> None:
        invitation = self.selected()
        self.sent.setEnabled(invitation is not None)
        self.remove_button.setEnabled(invitation is not None)
        self._loading = True
        self.sent.setChecked(bool(invitation and invitation.invitation_sent))
        self._loading = False

    # --- writing ------------------------------------------------------------

    def invite(self) -> None:
        name = self.name.text()
        title = self.position.text()
        role = GuestRole(self.role.currentData())
        try:
            invited_on = self.invited_on.date() or self.service.today
        except ValueError:
            self.run(_refuse_date, "")
            return
        added: list[str] = []
        if self.run(
            lambda: added.append(
                self.service.invite(self.meeting_id, name, title, role, invited_on)
            ),
            _("{name} is on the list of those invited.").format(name=" ".join(name.split())),
        ):
            self.name.clear()
            self.position.clear()
            _select(self.table, [r.id for r in self.rows()], added[0] if added else None)
            self.name.setFocus()

    def set_sent(self, sent: bool) -> None:
        invitation = self.selected()
        if invitation is not None and not self._loading:
            self.run(lambda: self.service.set_invitation_sent(invitation.id, sent), "")

    def remove_selected(self, *, confirm: bool = True) -> None:
        invitation = self.selected()
        if invitation is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                _("Take off the list"),
                _("Take {name} off the list of those invited?").format(name=invitation.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.run(lambda: self.service.uninvite(invitation.id), "")


def _refuse_date() -> None:
    raise ValidationError(
        [
            FieldError(
                "invited_on",
                _("Day invited: write the date as day/month/year, for example 25/11/2026."),
            )
        ]
    )


# --- documents ------------------------------------------------------------------


class DocumentsSection(QWidget):
    """The files handed out to members before the meeting, kept in the book."""

    def __init__(self, book: Book, meeting_id: str, run: Run) -> None:
        super().__init__()
        self.service = MeetingDocumentService(book)
        self.meeting_id = meeting_id
        self.run = run
        self._loading = False
        self.folder = str(Path.home())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(_("Documents to hand out"), "big"))
        layout.addWidget(
            label(
                _(
                    "The draft resolution, the topic paper, the commune's directives: "
                    "the files are kept in the book. Tick “Handed out” once members have them."
                ),
                "muted",
                wrap=True,
            )
        )
        self.model = RowsModel(
            (
                Column(N_("No."), lambda r: str(r.position), lambda r: r.position, True),
                Column(N_("Title"), lambda r: r.title),
                Column(N_("Type"), lambda r: Path(r.file_name).suffix.lstrip(".").upper()),
                Column(N_("Size"), lambda r: size_text(r.size), lambda r: r.size, True),
                Column(N_("Handed out"), lambda r: _yes_no(r.handed_out)),
            )
        )
        self.table = _table(_("Documents to hand out"), self.model, stretch=1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        self.table.doubleClicked.connect(lambda _index: self.save_copy_asked())
        layout.addWidget(self.table)

        actions = QWidget()
        flow = FlowLayout(actions)
        self.add_button = _button(_("Add a &file…"), self.add_asked)
        self.rename_button = _button(_("Chan&ge the title…"), self.rename_asked)
        self.copy_button = _button(_("Save a &copy…"), self.save_copy_asked)
        self.earlier_button = _button(_("Earlier"), lambda: self.move(-1))
        self.later_button = _button(_("Later"), lambda: self.move(1))
        self.handed_out = QCheckBox(_("&Handed out"))
        self.handed_out.clicked.connect(lambda checked: self.set_handed_out(checked))
        self.handed_out.setMinimumHeight(self.add_button.sizeHint().height())
        self.remove_button = _button(_("De&lete"), self.remove_selected)
        self.remove_button.setAccessibleName(_("Delete the document"))
        for widget in (
            self.add_button,
            self.handed_out,
            self.rename_button,
            self.copy_button,
            self.earlier_button,
            self.later_button,
            self.remove_button,
        ):
            flow.addWidget(widget)
        layout.addWidget(actions)

    # --- reading ------------------------------------------------------------

    def reload(self) -> None:
        current = self.selected()
        rows = self.service.documents(self.meeting_id)
        self.model.set_rows(rows)
        self.table.fit_columns()
        _select(self.table, [r.id for r in rows], current.id if current else None)
        self._show_selected()

    def rows(self) -> list[DocumentRow]:
        return self.model.rows()

    def selected(self) -> DocumentRow | None:
        row = _selected(self.table, self.model)
        return row if isinstance(row, DocumentRow) else None

    def select(self, document_id: str) -> None:
        _select(self.table, [r.id for r in self.rows()], document_id)

    def _show_selected(self) -> None:
        document = self.selected()
        has = document is not None
        count = self.model.rowCount()
        for widget in (self.rename_button, self.copy_button, self.handed_out, self.remove_button):
            widget.setEnabled(has)
        self.earlier_button.setEnabled(has and document.position > 1)  # type: ignore[union-attr]
        self.later_button.setEnabled(has and document.position < count)  # type: ignore[union-attr]
        self._loading = True
        self.handed_out.setChecked(bool(document and document.handed_out))
        self._loading = False

    # --- writing ------------------------------------------------------------

    def add_asked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Add a document"),
            self.folder,
            _("Documents (*.pdf *.doc *.docx *.odt *.rtf *.txt *.jpg *.jpeg *.png);;All files (*)"),
        )
        if path:
            self.add(Path(path))

    def add(self, path: Path) -> None:
        self.folder = str(path.parent)
        added: list[str] = []
        if (
            self.run(
                lambda: added.append(self.service.add(self.meeting_id, path)),
                _("“{name}” is kept in the book.").format(name=path.name),
            )
            and added
        ):
            self.select(added[0])

    def rename_asked(self) -> None:
        document = self.selected()
        if document is None:
            return
        title, ok = QInputDialog.getText(
            self, _("Change the title"), _("Title of the document:"), text=document.title
        )
        if ok:
            self.rename(title)

    def rename(self, title: str) -> None:
        document = self.selected()
        if document is not None:
            self.run(lambda: self.service.rename(document.id, title), "")

    def save_copy_asked(self) -> None:
        document = self.selected()
        if document is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save a copy"), str(Path(self.folder) / document.file_name)
        )
        if path:
            self.save_copy(Path(path))

    def save_copy(self, path: Path) -> None:
        document = self.selected()
        if document is None:
            return
        self.folder = str(path.parent)
        self.run(
            lambda: self.service.save_copy(document.id, path),
            _("A copy was saved as “{name}”.").format(name=path.name),
        )

    def move(self, step: int) -> None:
        document = self.selected()
        if document is not None:
            self.run(lambda: self.service.move(document.id, document.position + step), "")

    def set_handed_out(self, handed_out: bool) -> None:
        document = self.selected()
        if document is not None and not self._loading:
            self.run(lambda: self.service.set_handed_out(document.id, handed_out), "")

    def remove_selected(self, *, confirm: bool = True) -> None:
        document = self.selected()
        if document is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self,
                _("Delete the document"),
                _("Delete “{title}” from the book? Copies saved elsewhere are kept.").format(
                    title=document.title
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.run(lambda: self.service.remove(document.id), "")
