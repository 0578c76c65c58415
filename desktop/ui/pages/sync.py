"""Sync: this book's key card, the books it exchanges bundles with, saving
and importing bundles, what came in, versions kept after a conflict, what
the commune handed down, the hub, and the rules in force."""

from __future__ import annotations

from pathlib import Path

from desktop.data.enums import OrgKind
from desktop.data.errors import BookFileError
from desktop.data.schema import SCHEMA_VERSION
from desktop.i18n import _, format_number, ngettext
from desktop.rules import RuleSetError
from desktop.services.labels import rating_label
from desktop.services.sync import identity
from desktop.services.sync.identity import EnrolmentError
from desktop.services.sync.keys import MAX_CARD_BYTES
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.widgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.sync import jobs, outbox_worker, records
from desktop.ui.sync.bundles import BUNDLE_FILTER, BundleSaving
from desktop.ui.sync.enrol_dialog import EnrolDialog
from desktop.ui.sync.from_commune import FromCommuneSection
from desktop.ui.sync.history import HistorySection
from desktop.ui.sync.hub import HubSection
from desktop.ui.sync.hub_control import HubControl, waiting_by_peer
from desktop.ui.sync.import_dialog import ImportResultDialog, summary_text
from desktop.ui.sync.kept import KeptSection
from desktop.ui.sync.key_card import CARD_FILTER, KeyCardDialog, save_key_card, start_folder
from desktop.ui.sync.peers import PeersSection
from desktop.ui.sync.tasks import Tasks
from desktop.ui.sync.widgets import BusyBar, FingerprintView, ResultBanner, button
from desktop.ui.widgets import label, show_book_error


class SyncPage(Page):
    key = "sync"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Sync"))
        self.add_action(_("Import bundles…"), self.import_bundles)
        self.tasks = Tasks(self)
        self.tasks.changed.connect(self._busy_changed)
        self.enrol_dialog: EnrolDialog | None = None
        self.import_dialog: ImportResultDialog | None = None
        self.key_card_dialog: KeyCardDialog | None = None
        self.values: dict[str, QLabel] = {}

        self.busy_bar = BusyBar()
        self.banner = ResultBanner()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        self.sections = layout
        self.identity_box = self._build_identity()
        layout.addWidget(self.identity_box)
        self.peers = PeersSection(
            self.enrol_card,
            self.save_to_usb,
            lambda book_id: self.bundles.save_as(book_id),
            lambda book_id: self.bundles.full(book_id),
            lambda book_id: self.bundles.again(book_id),
        )
        layout.addWidget(self.peers)
        self.kept = KeptSection(lambda: self.book.device_id, self.mark_seen)
        layout.addWidget(self.kept)
        self.from_commune = FromCommuneSection(
            lambda document_id: records.document_file(self.book, document_id),
            lambda level: rating_label(self.book.rules, level),
        )
        layout.addWidget(self.from_commune)
        self.history = HistorySection()
        layout.addWidget(self.history)
        self.hub = HubSection(self.connect_hub, self.send_and_receive)
        layout.addWidget(self.hub)
        self.hub_control = HubControl(
            self,
            self.hub,
            lambda: self.book,
            lambda: getattr(host, "handle", None) or self.book,
            self.tasks,
            host.show_status,
            self.load,
        )
        layout.addWidget(self._build_rules())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll

        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.busy_bar)
        outer.addWidget(self.banner)
        outer.addWidget(scroll, 1)
        self.set_content(page)

        self.bundles = BundleSaving(
            self, lambda: self.book, self.tasks, self.banner, host.show_status, self._bundle_done
        )

    # --- building ------------------------------------------------------------------------

    def _build_identity(self) -> QGroupBox:
        box = QGroupBox(_("This book"))
        form = QFormLayout(box)
        for key, text in (("organisation", _("Organisation")), ("book_id", _("Book number"))):
            value = label("", wrap=True)
            form.addRow(text, value)
            self.values[key] = value
        self.fingerprint = FingerprintView()
        form.addRow(_("Fingerprint"), self.fingerprint)
        form.addRow(
            label(
                _(
                    "Another book enrols this one from its key card file, after comparing "
                    "this fingerprint with the printed key card, group by group, or over "
                    "the phone."
                ),
                "muted",
                wrap=True,
            )
        )
        row = QHBoxLayout()
        self.save_card_button = button(
            _("Save &key card…"),
            self.save_key_card,
            _("Save this book's key card file, to give to the commune or a cell"),
        )
        self.print_card_button = button(
            _("&Print key card…"),
            self.print_key_card,
            _("Print the page with this book's fingerprint, to compare and sign"),
        )
        self.copy_button = button(
            _("Copy for a second computer…"),
            self.copy_for_second_computer,
            _("Make this book's copy for another computer of the same organisation"),
        )
        row.addWidget(self.save_card_button)
        row.addWidget(self.print_card_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        form.addRow(row)
        for key, text in (
            ("changes", _("Changes recorded")),
            ("schema", _("File format version")),
            ("file", _("File")),
        ):
            value = label("", "muted", wrap=True)
            form.addRow(text, value)
            self.values[key] = value
        return box

    def _build_rules(self) -> QGroupBox:
        box = QGroupBox(_("Rules in force"))
        form = QFormLayout(box)
        for key, text in (
            ("rules_title", _("Name of the rules")),
            ("rules_id", _("Rule set and version")),
        ):
            value = label("", wrap=True)
            form.addRow(text, value)
            self.values[key] = value
        form.addRow(
            label(
                _(
                    "The commune hands out a new rule file when scoring, dues or document "
                    "rules change (its bundles can carry it too). Install it here; if the "
                    "file is not right, the rules in force stay."
                ),
                "muted",
                wrap=True,
            )
        )
        row = QHBoxLayout()
        self.rules_button = button(_("Install rule file…"), self.install_rule_file)
        row.addWidget(self.rules_button)
        row.addStretch(1)
        form.addRow(row)
        return box

    # --- reading the book ----------------------------------------------------------------

    def _set(self, key: str, text: str) -> None:
        self.values[key].setText(text)

    def text_of(self, key: str) -> str:
        return self.values[key].text()

    def load(self) -> None:
        book = self.book
        org = book.organisation()
        rules = book.rules
        self._set("organisation", f"{org.name} — {org.commune_name}")
        self._set("book_id", book.book_id)
        self.fingerprint.set_fingerprint(identity.own_card(book).fingerprint)
        self._set("changes", format_number(book.change_counter()))
        self._set("schema", str(SCHEMA_VERSION))
        self._set("file", str(book.path))
        self._set("rules_title", rules.title)
        self._set(
            "rules_id",
            _("{id}, version {version}").format(id=rules.rule_set_id, version=rules.version),
        )
        outbox, connected = self.hub_control.state()
        waiting = self.hub_control.waiting(outbox) if connected else None
        self.peers.set_rows(
            records.peer_rows(book, waiting_by_peer(waiting) if waiting is not None else None),
            org.kind,
        )
        self.kept.set_rows(records.kept_versions(book))
        in_cell = org.kind is OrgKind.CELL and records.is_cell_with_commune(book)
        self.from_commune.setVisible(in_cell)
        if in_cell:
            self.from_commune.set_rows(
                records.commune_documents(book), records.commune_decisions(book)
            )
        self.history.set_rows(records.history(book))
        self.hub_control.load(outbox, connected, waiting or [])
        self._arrange(enrolled=bool(self.peers.model.rowCount()))
        self.tasks.watch(self.window())
        self.show_empty(False)

    def _arrange(self, *, enrolled: bool) -> None:
        """Before any book is enrolled the key card comes first (it is the first
        step); after, the bundles do, and the key card waits above the hub."""
        self.sections.removeWidget(self.identity_box)
        at = self.sections.indexOf(self.hub) if enrolled else 0
        self.sections.insertWidget(at, self.identity_box)

    # --- this book's key card ------------------------------------------------------------

    def save_key_card(self) -> Path | None:
        try:
            return save_key_card(self, self.book, self.host.show_status)
        except BookFileError as error:
            show_book_error(self, error)
            return None

    def print_key_card(self) -> KeyCardDialog | None:
        try:
            dialog = KeyCardDialog(self.book, self.host.today(), self.host.show_status, self)
        except BookFileError as error:
            show_book_error(self, error)
            return None
        _replace(self.key_card_dialog, dialog)
        self.key_card_dialog = dialog
        dialog.open()
        return dialog

    def copy_for_second_computer(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Copy for a second computer"),
            _(
                "The copy becomes this organisation's book on another computer, with its "
                "own key card. The two books exchange bundles, like with the commune; when "
                "both change the same record, the later change is kept and the other is "
                "shown here under kept versions. The commune enrols the copy's key card "
                "too. Make the copy now?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the copy for a second computer"),
            str(start_folder() / f"{self.book.path.stem}-2.cellbook"),
            _("CellBook books (*.cellbook)"),
        )
        if name:
            self.copy_to(Path(name))

    def copy_to(self, target: Path) -> bool:
        from desktop.services.sync.second_computer import copy_for_second_computer

        try:
            copy = copy_for_second_computer(self.book, target)
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.host.show_status(
            _("The copy for a second computer is saved: {path}").format(path=target)
        )
        self.load()
        return copy is not None

    # --- enrolling another book ----------------------------------------------------------

    def enrol_card(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Enrol a key card"), str(start_folder()), CARD_FILTER
        )
        if name:
            self.enrol_from(Path(name))

    def _refuse_card(self, text: str) -> None:
        QMessageBox.warning(
            self, _("Key card not enrolled"), text + "\n\n" + _("Nothing was changed.")
        )

    def enrol_from(self, path: Path) -> EnrolDialog | None:
        """Read a card file and ask for the fingerprints to be compared."""
        try:
            if path.stat().st_size > MAX_CARD_BYTES:
                self._refuse_card(_("This file is too large to be a key card."))
                return None
            data = path.read_bytes()
        except OSError as error:
            self._refuse_card(
                _("The file could not be read ({reason}).").format(reason=error.strerror or error)
            )
            return None
        try:
            card, role = identity.read_card_for_enrolment(self.book, data)
        except EnrolmentError as error:
            self._refuse_card(str(error))
            return None
        known = identity.peer(self.book, card.book_id)
        if known is not None and known.signing_public == card.signing_public:
            QMessageBox.information(
                self,
                _("Enrol a key card"),
                _("{name} is already enrolled in this book.").format(name=known.org_name),
            )
            return None
        dialog = EnrolDialog(card, role, self.book.organisation().kind, self)
        dialog.accepted.connect(lambda: self._enrol(data))
        _replace(self.enrol_dialog, dialog)
        self.enrol_dialog = dialog
        dialog.open()
        return dialog

    def _enrol(self, data: bytes) -> None:
        try:
            enrolled = identity.enrol(self.book, data)
        except EnrolmentError as error:
            self._refuse_card(str(error))
            return
        except BookFileError as error:
            show_book_error(self, error)
            return
        self.load()
        self.peers.select_book(enrolled.book_id)
        self.host.show_status(
            _("{name} is enrolled: bundles can be exchanged with it now.").format(
                name=enrolled.org_name
            )
        )

    # --- bundles -------------------------------------------------------------------------

    def save_to_usb(self, book_id: str | None = None) -> bool:
        """Make the bundle for the selected book and save it on the USB stick."""
        chosen = book_id or self.peers.selected_id()
        return chosen is not None and self.bundles.to_usb(chosen)

    def _bundle_done(self) -> None:
        """After a bundle is made: show it, and with a hub send it at once."""
        self.load()
        self.hub_control.bundle_made()

    def import_bundles(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Import bundles"), str(start_folder()), BUNDLE_FILTER
        )
        if names:
            self.import_files([Path(name) for name in names])

    def import_files(self, paths: list[Path]) -> bool:
        """Import bundle files on the worker thread; the result dialog follows."""
        book = self.book
        count = len(paths)
        return self.tasks.run(
            ngettext("Importing {count} bundle…", "Importing {count} bundles…", count).format(
                count=count
            ),
            lambda: jobs.import_files(book, paths),
            self._imported,
            self._import_failed,
        )

    def _imported(self, outcomes: object) -> None:
        assert isinstance(outcomes, list)
        self.load()
        dialog = ImportResultDialog(outcomes, self)
        _replace(self.import_dialog, dialog)
        self.import_dialog = dialog
        dialog.open()
        self.host.show_status(summary_text(outcomes))

    def _import_failed(self, error: Exception) -> None:
        self.load()
        if isinstance(error, BookFileError):
            show_book_error(self, error)
            return
        QMessageBox.warning(
            self,
            _("CellBook"),
            _("The bundles could not be imported. Nothing was changed in the book."),
        )

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def _busy_changed(self, busy: bool, doing: str) -> None:
        if busy:
            self.busy_bar.show_busy(doing)
        else:
            self.busy_bar.done()
        self.peers.set_busy(busy)
        if self.action is not None:
            self.action.setEnabled(not busy)
        self.hub.connect_button.setEnabled(not busy and outbox_worker.outbox_module() is not None)

    # --- kept versions -------------------------------------------------------------------

    def mark_seen(self, conflict_id: int) -> None:
        try:
            records.mark_seen(self.book, conflict_id)
        except BookFileError as error:
            show_book_error(self, error)
            return
        self.load()

    # --- the hub -------------------------------------------------------------------------

    @property
    def outbox(self) -> outbox_worker.OutboxWorker | None:
        """The book's outbox worker, once the page has found or started it."""
        return self.hub_control.worker

    def connect_hub(self, url: str) -> bool:
        return self.hub_control.connect_hub(url)

    def send_and_receive(self) -> bool:
        return self.hub_control.run_now()

    # --- rules ---------------------------------------------------------------------------

    def install_rule_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Install rule file"), str(Path.home()), _("Rule files (*.json)")
        )
        if name:
            self.install_from(Path(name))

    def install_from(self, path: Path) -> bool:
        try:
            rules = self.book.install_rule_file(path)
        except RuleSetError as error:
            QMessageBox.warning(
                self,
                _("Rule file not installed"),
                str(error) + "\n\n" + _("The rules in force were kept."),
            )
            return False
        except BookFileError as error:
            show_book_error(self, error)
            return False
        self.refresh()
        self.host.show_status(
            _("Rules installed: {title}, version {version}.").format(
                title=rules.title, version=rules.version
            )
        )
        return True


def _replace(old: QWidget | None, new: QWidget) -> None:
    """A dialog shown again replaces the one shown before (which is deleted)."""
    if old is not None and old is not new:
        old.deleteLater()
