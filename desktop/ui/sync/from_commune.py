"""In a cell's book: the documents and directives the commune handed down,
to open or save, and its answers and decisions about the cell."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.data.enums import DecisionKind
from desktop.i18n import N_, _, format_date
from desktop.ui.documents.handing_out import default_folder
from desktop.ui.qt.core import QUrl
from desktop.ui.qt.gui import QDesktopServices
from desktop.ui.qt.widgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.sync.records import ReceivedDecision, ReceivedDocument
from desktop.ui.sync.texts import DECISION_LABELS, DOCUMENT_KIND_LABELS
from desktop.ui.sync.widgets import button, fit_height
from desktop.ui.widgets import Column, DataTable, RowsModel, label

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
VISIBLE_ROWS = 6
ABOUT_COLUMN = 3
ABOUT_WIDTH_CHARS = 32


def safe_file_name(name: str, fallback: str = "tai-lieu.pdf") -> str:
    """The name a received file is written under: no folders, nothing Windows refuses."""
    cleaned = _UNSAFE.sub("-", Path(name.replace("\\", "/")).name).strip(" .")
    return cleaned or fallback


def _date(value: object) -> str:
    return format_date(value) if value is not None else ""  # type: ignore[arg-type]


class FromCommuneSection(QGroupBox):
    def __init__(
        self,
        read_file: Callable[[str], tuple[str, bytes] | None],
        level_text: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("From the commune"), parent)
        self._read_file = read_file
        self._level_text = level_text
        self.opened: list[Path] = []
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Documents and directives"), "heading"))
        self.documents = RowsModel(
            (
                Column(N_("Title"), lambda r: r.title),
                Column(N_("Number"), lambda r: r.number),
                Column(
                    N_("Date"),
                    lambda r: _date(r.issued_on),
                    lambda r: r.issued_on.isoformat() if r.issued_on else "",
                ),
                Column(N_("Type"), lambda r: _(DOCUMENT_KIND_LABELS[r.kind])),
            )
        )
        self.document_table = DataTable(stretch=0)
        self.document_table.setModel(self.documents)
        self.document_table.setSortingEnabled(False)
        self.document_table.setAccessibleName(_("Documents from the commune"))
        self.document_table.activated.connect(lambda _index: self.open_selected())
        layout.addWidget(self.document_table)
        self.no_documents = label(
            _("No documents from the commune yet. They come with its bundles."), "muted", wrap=True
        )
        layout.addWidget(self.no_documents)
        row = QHBoxLayout()
        self.open_button = button(_("&Open"), self.open_selected)
        self.save_button = button(_("Save a &copy…"), self.save_selected)
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addSpacing(8)
        layout.addWidget(label(_("Answers and decisions"), "heading"))
        self.decisions = RowsModel(
            (
                Column(
                    N_("Decided on"),
                    lambda r: _date(r.decided_on),
                    lambda r: r.decided_on.isoformat(),
                ),
                Column(N_("Decision"), lambda r: _(DECISION_LABELS[r.kind])),
                Column(N_("Taken in"), self._applied_text),
                Column(N_("About"), lambda r: r.about),
                Column(N_("Answer or level"), self._decision_text),
            )
        )
        self.decision_table = DataTable(stretch=4)
        self.decision_table.setModel(self.decisions)
        self.decision_table.setSortingEnabled(False)
        self.decision_table.setAccessibleName(_("Answers and decisions of the commune"))
        layout.addWidget(self.decision_table)
        self.no_decisions = label(
            _("No answers or decisions from the commune yet."), "muted", wrap=True
        )
        layout.addWidget(self.no_decisions)

    def _decision_text(self, row: ReceivedDecision) -> str:
        if row.kind is DecisionKind.ANSWER:
            return " ".join(row.text.split())
        level = self._level_text(row.level)
        return f"{level} ({row.decision_ref})" if row.decision_ref else level

    @staticmethod
    def _applied_text(row: ReceivedDecision) -> str:
        return _("Yes") if row.applied else _("Not yet")

    def set_rows(
        self, documents: Sequence[ReceivedDocument], decisions: Sequence[ReceivedDecision]
    ) -> None:
        self.documents.set_rows(documents)
        self.document_table.fit_columns()
        fit_height(self.document_table, len(documents), VISIBLE_ROWS)
        self.document_table.setVisible(bool(documents))
        self.no_documents.setVisible(not documents)
        self.open_button.setEnabled(bool(documents))
        self.save_button.setEnabled(bool(documents))
        if documents and not self.document_table.currentIndex().isValid():
            self.document_table.selectRow(0)
        self.decisions.set_rows(decisions)
        self.decision_table.fit_columns()
        self._narrow(self.decision_table, ABOUT_COLUMN)
        fit_height(self.decision_table, len(decisions), VISIBLE_ROWS)
        self.decision_table.setVisible(bool(decisions))
        self.no_decisions.setVisible(not decisions)

    @staticmethod
    def _narrow(table: DataTable, column: int) -> None:
        """What a decision is about is cut short (whole in its tooltip): the answer matters."""
        most = table.fontMetrics().averageCharWidth() * ABOUT_WIDTH_CHARS
        if table.columnWidth(column) > most:
            table.setColumnWidth(column, most)

    def selected(self) -> ReceivedDocument | None:
        index = self.document_table.currentIndex()
        if not index.isValid() or index.row() >= self.documents.rowCount():
            return None
        row: ReceivedDocument = self.documents.row_at(index.row())
        return row

    def _file(self) -> tuple[str, bytes] | None:
        document = self.selected()
        if document is None:
            return None
        found = self._read_file(document.id)
        if found is None or not found[1]:
            QMessageBox.warning(
                self,
                _("CellBook"),
                _("The file of this document is not in the book."),
            )
            return None
        return safe_file_name(found[0]), found[1]

    def open_selected(self) -> Path | None:
        """Write the file to a temporary folder and open it with the computer's viewer."""
        found = self._file()
        if found is None:
            return None
        name, data = found
        folder = Path(tempfile.mkdtemp(prefix="cellbook-"))
        path = folder / name
        try:
            path.write_bytes(data)
        except OSError as error:
            QMessageBox.warning(
                self,
                _("CellBook"),
                _("The document could not be opened ({reason}).").format(
                    reason=error.strerror or error
                ),
            )
            return None
        self.opened.append(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def save_selected(self) -> Path | None:
        found = self._file()
        if found is None:
            return None
        name, data = found
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Save a copy"), str(default_folder() / name)
        )
        if not chosen:
            return None
        path = Path(chosen)
        try:
            path.write_bytes(data)
        except OSError as error:
            QMessageBox.warning(
                self,
                _("CellBook"),
                _("Could not write the file {path} ({reason}). Choose another folder.").format(
                    path=path, reason=error.strerror or error
                ),
            )
            return None
        return path
