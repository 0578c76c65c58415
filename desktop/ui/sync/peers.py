"""The books this one exchanges bundles with, and the bundle buttons for the
one selected."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.data.enums import OrgKind
from desktop.i18n import N_, _
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.widgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from desktop.ui.sync.records import PeerRow
from desktop.ui.sync.texts import moment_text, role_label
from desktop.ui.sync.widgets import button, fit_height
from desktop.ui.widgets import Column, DataTable, FlowLayout, RowsModel, label, primary_button

VISIBLE_ROWS = 8  # a commune with many cells scrolls the table, not the page
WAITING_COLUMN = 6


HEADER_TIPS = {
    3: N_("Bundles made for this book so far"),
    4: N_("Bundles this book says it has imported"),
    5: N_("When its last bundle was imported here"),
    6: N_("Bundles waiting to be sent through the hub"),
}


class PeersModel(RowsModel):
    """The enrolled books, with a tip on the headers of the counts."""

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS.get(section)
            return _(tip) if tip else None
        return super().headerData(section, orientation, role)


class PeersSection(QGroupBox):
    def __init__(
        self,
        on_enrol: Callable[[], object],
        on_usb: Callable[[str], object],
        on_save_as: Callable[[str], object],
        on_full: Callable[[str], object],
        on_again: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Enrolled books"), parent)
        self.own_kind = OrgKind.CELL
        layout = QVBoxLayout(self)
        self.intro = label("", "muted", wrap=True)
        layout.addWidget(self.intro)
        self.model = PeersModel(self._columns())
        self.table = DataTable(stretch=0)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setAccessibleName(_("Enrolled books"))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._selection_changed()
        )
        layout.addWidget(self.table)
        self.empty = label("", "big", wrap=True)
        layout.addWidget(self.empty)
        enrol_row = QHBoxLayout()
        self.enrol_button = button(
            _("Enrol a key card…"),
            on_enrol,
            _("Enrol another book from its key card file, after comparing its fingerprint"),
        )
        enrol_row.addWidget(self.enrol_button)
        enrol_row.addStretch(1)
        layout.addLayout(enrol_row)

        self.bundle_box = QWidget()
        box = QVBoxLayout(self.bundle_box)
        box.setContentsMargins(0, 8, 0, 0)
        self.bundle_heading = label("", "heading", wrap=True)
        box.addWidget(self.bundle_heading)
        flow_host = QWidget()
        flow = FlowLayout(flow_host)
        self.usb_button = primary_button(
            _("Save bundle to &USB"), lambda: self._with_selected(on_usb)
        )
        self.usb_button.setToolTip(
            _("Make the bundle of what changed and save it on the USB stick, in one click")
        )
        self.save_as_button = button(_("Save bundle &as…"), lambda: self._with_selected(on_save_as))
        self.full_button = button(
            _("&Full bundle…"),
            lambda: self._with_selected(on_full),
            _("A bundle with everything, when the other book asks for one"),
        )
        self.again_button = button(
            _("Save an earlier bundle again…"),
            lambda: self._with_selected(on_again),
            _("When a bundle was lost: save one made earlier again"),
        )
        self.bundle_buttons: list[QPushButton] = [
            self.usb_button,
            self.save_as_button,
            self.full_button,
            self.again_button,
        ]
        for widget in self.bundle_buttons:
            flow.addWidget(widget)
        box.addWidget(flow_host)
        layout.addWidget(self.bundle_box)

    def _columns(self) -> tuple[Column, ...]:
        def waiting(row: PeerRow) -> str:
            return "" if row.waiting is None else str(row.waiting)

        return (
            Column(N_("Book"), lambda r: r.peer.org_name),
            Column(N_("Role"), lambda r: role_label(r.peer.role, self.own_kind)),
            Column(N_("Fingerprint"), lambda r: r.fingerprint),
            Column(N_("Sent"), lambda r: str(r.peer.sent_seq), align_right=True),
            Column(N_("Confirmed"), lambda r: str(r.peer.acked_seq), align_right=True),
            Column(
                N_("Last received"),
                lambda r: moment_text(r.peer.last_received_at) or _("not yet"),
            ),
            Column(N_("Waiting"), waiting, align_right=True),
        )

    # --- rows ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[PeerRow], own_kind: OrgKind) -> None:
        keep = self.selected_id()
        self.own_kind = own_kind
        self.model.set_rows(rows)
        # Without a hub nothing waits to be sent: no column for it.
        self.table.setColumnHidden(WAITING_COLUMN, all(row.waiting is None for row in rows))
        self.table.fit_columns()
        has_rows = bool(rows)
        self.table.setVisible(has_rows)
        self.bundle_box.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if own_kind is OrgKind.COMMUNE:
            self.intro.setText(
                _(
                    "The books of the cells enrolled here. A bundle for a cell carries the "
                    "commune's documents, directives and answers to it."
                )
            )
            self.empty.setText(
                _(
                    "No cell is enrolled yet. Ask each cell for its key card file (made on "
                    "its Sync page), compare the fingerprint with its printed card, then "
                    "enrol it with “Enrol a key card…”. Give each cell this book's key card."
                )
            )
        else:
            self.intro.setText(
                _(
                    "The commune's book, once enrolled, receives the cell's adopted meetings, "
                    "recommendations and reviews through bundles, and sends back its answers."
                )
            )
            self.empty.setText(
                _(
                    "No book is enrolled yet. Ask the commune party committee for its key "
                    "card file, compare its fingerprint with the printed card, then enrol it "
                    "with “Enrol a key card…”. Give the commune this book's key card too."
                )
            )
        if has_rows:
            ids = [row.book_id for row in rows]
            self.select(ids.index(keep) if keep in ids else 0)
            fit_height(self.table, len(rows), VISIBLE_ROWS)
        self._selection_changed()

    def select(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)

    def select_book(self, book_id: str) -> None:
        ids = [row.book_id for row in self.model.rows()]
        if book_id in ids:
            self.select(ids.index(book_id))

    def selected(self) -> PeerRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: PeerRow = self.model.row_at(index.row())
        return row

    def selected_id(self) -> str | None:
        row = self.selected()
        return row.book_id if row is not None else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.bundle_heading.setText(
            _("Bundles for {name}").format(name=row.peer.org_name) if row is not None else ""
        )

    def _with_selected(self, action: Callable[[str], object]) -> None:
        book_id = self.selected_id()
        if book_id is not None:
            action(book_id)

    def set_busy(self, busy: bool) -> None:
        for widget in (*self.bundle_buttons, self.enrol_button):
            widget.setEnabled(not busy)

    def text_at(self, row: int, column: int) -> str:
        return str(self.model.index(row, column).data(Qt.ItemDataRole.DisplayRole))
