"""Saving bundles for an enrolled book: to the USB stick in one click, to a
file chosen by hand, a full bundle, or one made earlier again. The bundle is
made and written on the worker thread; the page shows where it went and
what it carries."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.data.errors import BookFileError
from desktop.export.bundle.exchange import bundle_file_name
from desktop.export.bundle.format import BUNDLE_SUFFIX
from desktop.i18n import _, format_datetime
from desktop.services import removable_drives
from desktop.services.book import Book
from desktop.services.sync.identity import Peer, peer
from desktop.ui.qt.widgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from desktop.ui.sync import jobs, records
from desktop.ui.sync.key_card import start_folder
from desktop.ui.sync.tasks import Tasks
from desktop.ui.sync.texts import carried_text
from desktop.ui.sync.widgets import ResultBanner
from desktop.ui.widgets import show_book_error

BUNDLE_FILTER = "CellBook (*.cellbook-bundle)"


class BundleSaving:
    """The bundle buttons of the Sync page."""

    def __init__(
        self,
        parent: QWidget,
        book: Callable[[], Book],
        tasks: Tasks,
        banner: ResultBanner,
        status: Callable[[str], None],
        changed: Callable[[], None],
    ) -> None:
        self.parent = parent
        self._book = book
        self.tasks = tasks
        self.banner = banner
        self._status = status
        self._changed = changed
        self.last: jobs.SavedBundle | None = None

    # --- where to -----------------------------------------------------------------------

    def _fresh(self, book_id: str) -> Peer | None:
        return peer(self._book(), book_id)

    def _next_name(self, target: Peer, full: bool) -> str:
        own = self._book().organisation().name
        return bundle_file_name(own, target.org_name, target.sent_seq + 1, full)

    def _ask_file(self, title: str, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self.parent, title, str(start_folder() / name), BUNDLE_FILTER
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.name.endswith(BUNDLE_SUFFIX):
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        return path

    def _choose_drive(self) -> removable_drives.Drive | None:
        """The USB stick to save on: the only one, or the one chosen; None if none."""
        drives = removable_drives.find_drives()
        if len(drives) <= 1:
            return drives[0] if drives else None
        items = [f"{drive.label} — {drive.path}" for drive in drives]
        item, ok = QInputDialog.getItem(
            self.parent,
            _("Save bundle to USB"),
            _("Several USB sticks or memory cards are plugged in. Save the bundle on:"),
            items,
            0,
            False,
        )
        if not ok or item not in items:
            return None
        return drives[items.index(item)]

    # --- the four ways --------------------------------------------------------------------

    def to_usb(self, book_id: str) -> bool:
        """Make the next bundle and save it on the USB stick (a file dialog if none)."""
        target = self._fresh(book_id)
        if target is None or self.tasks.busy:
            return False
        found = removable_drives.find_drives()
        if found:
            drive = self._choose_drive()
            if drive is None:
                return False
            return self._make(target, drive.path, full=False, drive=drive.label)
        path = self._ask_file(
            _("No USB stick found: save the bundle as"), self._next_name(target, False)
        )
        return path is not None and self._make(target, path, full=False)

    def save_as(self, book_id: str) -> bool:
        target = self._fresh(book_id)
        if target is None or self.tasks.busy:
            return False
        path = self._ask_file(_("Save bundle as"), self._next_name(target, False))
        return path is not None and self._make(target, path, full=False)

    def full(self, book_id: str) -> bool:
        target = self._fresh(book_id)
        if target is None or self.tasks.busy:
            return False
        answer = QMessageBox.question(
            self.parent,
            _("Full bundle"),
            _(
                "A full bundle carries everything {name} is to have from this book, not "
                "only what changed since the last bundle. Make one when {name} asks for it: "
                "when a bundle was lost, or their book was restored from a copy. It can be "
                "large and take a while.\n\nMake a full bundle for {name}?"
            ).format(name=target.org_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        path = self._ask_file(_("Save full bundle as"), self._next_name(target, True))
        return path is not None and self._make(target, path, full=True)

    def again(self, book_id: str) -> bool:
        """Save a bundle made earlier again (a stick was lost, a file deleted)."""
        target = self._fresh(book_id)
        if target is None or self.tasks.busy:
            return False
        made = records.sent_sequences(self._book(), book_id)
        if not made:
            QMessageBox.information(
                self.parent,
                _("Save an earlier bundle again"),
                _("No bundle has been made for {name} yet.").format(name=target.org_name),
            )
            return False
        items = [
            (
                _("Bundle {number}, full, made {moment}")
                if full
                else _("Bundle {number}, made {moment}")
            ).format(number=number, moment=format_datetime(at.astimezone()))
            for number, at, full in made
        ]
        item, ok = QInputDialog.getItem(
            self.parent,
            _("Save an earlier bundle again"),
            _("Which bundle for {name}?").format(name=target.org_name),
            items,
            0,
            False,
        )
        if not ok or item not in items:
            return False
        number, _at, full = made[items.index(item)]
        own = self._book().organisation().name
        path = self._ask_file(
            _("Save bundle as"), bundle_file_name(own, target.org_name, number, full)
        )
        if path is None:
            return False
        book = self._book()
        return self.tasks.run(
            _("Saving bundle {number} for {name}…").format(number=number, name=target.org_name),
            lambda: jobs.save_again(book, book_id, number, path),
            self._saved,
            self._failed,
        )

    # --- making it on the worker ----------------------------------------------------------

    def _make(self, target: Peer, where: Path, *, full: bool, drive: str = "") -> bool:
        book = self._book()
        doing = (
            _("Making a full bundle for {name}…") if full else _("Making the bundle for {name}…")
        )
        return self.tasks.run(
            doing.format(name=target.org_name),
            lambda: jobs.make_and_save(book, target.book_id, where, full=full, drive=drive),
            self._saved,
            self._failed,
        )

    def _saved(self, result: object) -> None:
        if result is None:
            QMessageBox.warning(
                self.parent, _("CellBook"), _("The book no longer has this bundle.")
            )
            return
        assert isinstance(result, jobs.SavedBundle)
        self.last = result
        made = result.made
        name = made.peer.org_name
        self._changed()
        if result.path is None:
            text = _(
                "It could not be written to the file ({reason}). Nothing is lost: the book "
                "keeps it. Check the USB stick or choose another folder, then use “Save an "
                "earlier bundle again…” and choose bundle {number}."
            ).format(reason=result.problem, number=made.sequence)
            heading = _("Bundle {number} for {name} was made but not saved").format(
                number=made.sequence, name=name
            )
            self.banner.show_result(heading, text)
            QMessageBox.warning(self.parent, heading, text)
            return
        where = (
            _("On the USB stick {drive}: {path}").format(drive=result.drive, path=result.path)
            if result.drive
            else _("In {path}").format(path=result.path)
        )
        kind = _("Full bundle") if made.full else _("Bundle")
        heading = _("{kind} {number} for {name} is saved").format(
            kind=kind, number=made.sequence, name=name
        )
        text = "\n".join(
            [
                where,
                _("It carries: {what}.").format(what=carried_text(made.summary)),
                _("Hand it to {name}; they import it on their Sync page.").format(name=name),
            ]
        )
        self.banner.show_result(heading, text, result.path.parent)
        self._status(heading)

    def _failed(self, error: Exception) -> None:
        self._changed()
        if isinstance(error, BookFileError):
            show_book_error(self.parent, error)
            return
        QMessageBox.warning(
            self.parent,
            _("CellBook"),
            _("The bundle could not be made. Nothing was changed in the book."),
        )
