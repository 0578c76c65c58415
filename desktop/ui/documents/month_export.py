"""Everything for a month, written into a folder: PDF and Word copies of each
document of the month and the blank forms, on the worker thread, with a
progress window; at the end, how many files went where and a button to open
the folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.data.errors import BookFileError
from desktop.i18n import _, ngettext
from desktop.services.book import Book
from desktop.ui.documents.worker import Cancelled, Worker
from desktop.ui.qt.core import QObject, Qt, QUrl
from desktop.ui.qt.gui import QDesktopServices
from desktop.ui.qt.widgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
from desktop.ui.widgets import show_book_error


def folder_name(month: date) -> str:
    """The folder made inside the one chosen: "tai-lieu-2026-11"."""
    return f"tai-lieu-{month.year:04d}-{month.month:02d}"


class MonthExport(QObject):
    """One run of "Everything for this month…"."""

    def __init__(
        self,
        parent: QWidget,
        worker: Worker,
        book: Book,
        month: date,
        start_folder: Path,
        on_end: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.worker = worker
        self.book = book
        self.month = month
        self.start_folder = start_folder
        self.on_end = on_end
        self.target: Path | None = None
        self.ticket = 0
        self.done = 0
        self.cancelled = False
        self.running = False
        self.files: list[Path] = []
        self.progress_dialog: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.open_button = None
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        worker.progress.connect(self._progress)

    def start(self) -> bool:
        """Ask for the folder and start writing; False if the user cancelled."""
        chosen = QFileDialog.getExistingDirectory(
            self.parent_widget,
            _("Choose the folder for this month's documents"),
            str(self.start_folder),
        )
        if not chosen:
            return False
        folder = Path(chosen)
        name = folder_name(self.month)
        self.target = folder if folder.name == name else folder / name
        dialog = QProgressDialog(
            _("Preparing the documents…"), _("&Stop"), 0, 0, self.parent_widget
        )
        dialog.setWindowTitle(_("Everything for this month"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._cancel)
        dialog.setMinimumWidth(min(640, self.parent_widget.window().width()))
        dialog.show()
        self.progress_dialog = dialog
        book, month, target = self.book, self.month, self.target

        def job(report: Callable[[int, int, str], None]) -> list[Path]:
            from desktop.export.files import export_month

            def progress(done: int, total: int, label: str) -> None:
                if self.cancelled:
                    raise Cancelled
                report(done, total, label)

            written = export_month(book, month, target, include_blank_forms=True, progress=progress)
            return [item.path for item in written]

        self.running = True
        self.ticket = self.worker.start(job, with_progress=True)
        return True

    # --- from the worker ------------------------------------------------------------

    def _cancel(self) -> None:
        self.cancelled = True
        if self.progress_dialog is not None:
            self.progress_dialog.setLabelText(_("Stopping after this document…"))

    def _progress(self, ticket: int, done: int, total: int, label: str) -> None:
        if ticket != self.ticket or self.progress_dialog is None or self.cancelled:
            return
        self.done = done
        self.progress_dialog.setMaximum(max(total, 1))
        self.progress_dialog.setValue(done)
        if label:
            self.progress_dialog.setLabelText(
                _("Writing {document}… ({done} of {total} files)").format(
                    document=label, done=done, total=total
                )
            )

    def _finished(self, ticket: int, result: object) -> None:
        if ticket != self.ticket:
            return
        self.files = list(result)  # type: ignore[call-overload]
        self._end()
        count = len(self.files)
        text = ngettext(
            "{count} file was written to this folder:",
            "{count} files were written to this folder:",
            count,
        ).format(count=count)
        self._tell(text, QMessageBox.Icon.Information)

    def _failed(self, ticket: int, error: object) -> None:
        if ticket != self.ticket:
            return
        self._end()
        if isinstance(error, Cancelled):
            text = ngettext(
                "Stopped. {count} file had been written to this folder:",
                "Stopped. {count} files had been written to this folder:",
                self.done,
            ).format(count=self.done)
            self._tell(text, QMessageBox.Icon.Information)
        elif isinstance(error, BookFileError):
            show_book_error(self.parent_widget, error)
        elif isinstance(error, OSError):
            reason = error.strerror or str(error)
            text = _(
                "Could not write the files ({reason}). Choose another folder and try "
                "again: documents that already have a number keep it. The folder was:"
            ).format(reason=reason)
            self._tell(text, QMessageBox.Icon.Warning, open_folder=False)
        else:
            text = ngettext(
                "CellBook could not make all of this month's documents. Print the others "
                "one by one from the list. {count} file had been written to this folder:",
                "CellBook could not make all of this month's documents. Print the others "
                "one by one from the list. {count} files had been written to this folder:",
                self.done,
            ).format(count=self.done)
            self._tell(text, QMessageBox.Icon.Warning)

    def _end(self) -> None:
        self.running = False
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect(self._cancel)
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.on_end()

    def _tell(self, text: str, icon: QMessageBox.Icon, *, open_folder: bool = True) -> None:
        box = QMessageBox(icon, _("Everything for this month"), text, parent=self.parent_widget)
        box.setInformativeText(str(self.target))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        if open_folder and self.target is not None and self.target.is_dir():
            self.open_button = box.addButton(
                _("&Open the folder"), QMessageBox.ButtonRole.ActionRole
            )
            self.open_button.clicked.connect(lambda _checked=False: self.open_folder())
            box.setDefaultButton(self.open_button)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.result_box = box

    def open_folder(self) -> bool:
        if self.target is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.target))))
