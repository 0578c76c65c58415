"""Versions kept after a conflict: a record changed on two computers before
bundles were exchanged keeps the newer version; the other is shown here,
field by field, until the secretary marks it as seen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.i18n import N_, _
from desktop.services.labels import FIELD_LABELS, field_label
from desktop.ui.qt.core import QItemSelectionModel, Qt
from desktop.ui.qt.widgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.sync.records import KeptVersion
from desktop.ui.sync.texts import device_text, moment_text, record_label
from desktop.ui.sync.widgets import button, fit_height
from desktop.ui.theme import set_role
from desktop.ui.widgets import Column, DataTable, RowsModel, label

_HIDDEN = {"id", "org_id", "created_at", "updated_at", "updated_on", "change_seq"}
_NAMING = ("full_name", "title", "name", "description", "content", "summary")
SHOWN_CHARS = 80
VISIBLE_ROWS = 5


def record_name(version: KeptVersion) -> str:
    """What the record is called: a member's name, a meeting's title…"""
    for key in _NAMING:
        value = version.lost.get(key)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    return ""


def field_name(name: str) -> str:
    if name in FIELD_LABELS:
        return field_label(name)
    return name.replace("_", " ").capitalize()


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


def shown_fields(version: KeptVersion) -> list[tuple[str, str]]:
    """The kept version's fields people can read (no ids or stamps), labelled."""
    fields = []
    for name, value in version.lost.items():
        if name in _HIDDEN or name.endswith("_id") or value is None or value == "":
            continue
        fields.append((field_name(name), value_text(value)))
    return fields


class KeptSection(QGroupBox):
    def __init__(
        self,
        this_device: Callable[[], str],
        on_seen: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._device = this_device
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "These records were changed on two computers before bundles were "
                    "exchanged. The newer version is in the book; the other is kept here so "
                    "that nothing is lost. Copy into the record what is still needed, then "
                    "mark the kept version as seen."
                ),
                "muted",
                wrap=True,
            )
        )
        self.model = RowsModel(
            (
                Column(N_("Record"), lambda r: record_label(r.table_name)),
                Column(N_("Title or name"), record_name),
                Column(N_("Kept version written"), lambda r: self._written(r, lost=True)),
                Column(N_("Version in the book written"), lambda r: self._written(r, lost=False)),
                Column(N_("Came with a bundle from"), lambda r: r.source),
            )
        )
        self.table = DataTable(stretch=1)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setAccessibleName(_("Kept versions"))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_selected()
        )
        layout.addWidget(self.table)
        detail = QFrame()
        set_role(detail, "card")
        detail_layout = QVBoxLayout(detail)
        self.detail_title = label("", "heading", wrap=True)
        detail_layout.addWidget(self.detail_title)
        self.fields = QFormLayout()
        self.fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        detail_layout.addLayout(self.fields)
        row = QHBoxLayout()
        self.seen_button = button(
            _("&Mark as seen"),
            lambda: self._seen(on_seen),
            _("The kept version is no longer listed; the record keeps its newer version"),
        )
        row.addWidget(self.seen_button)
        row.addStretch(1)
        detail_layout.addLayout(row)
        layout.addWidget(detail)

    def _written(self, version: KeptVersion, *, lost: bool) -> str:
        moment = version.lost_updated_at if lost else version.won_updated_at
        device = version.lost_on if lost else version.won_on
        return _("{moment}, on {computer}").format(
            moment=moment_text(moment), computer=device_text(device, self._device())
        )

    def set_rows(self, rows: Sequence[KeptVersion]) -> None:
        self.setTitle(_("Kept versions ({count})").format(count=len(rows)))
        keep = self.selected()
        self.model.set_rows(rows)
        self.table.fit_columns()
        fit_height(self.table, len(rows), VISIBLE_ROWS)
        self.setVisible(bool(rows))
        if rows:
            ids = [row.id for row in rows]
            index = ids.index(keep.id) if keep is not None and keep.id in ids else 0
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.model.index(index, 0), flags)
        self._show_selected()

    def selected(self) -> KeptVersion | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        row: KeptVersion = self.model.row_at(index.row())
        return row

    def _show_selected(self) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        version = self.selected()
        self.seen_button.setEnabled(version is not None)
        if version is None:
            self.detail_title.setText("")
            return
        what = " — ".join(p for p in (record_label(version.table_name), record_name(version)) if p)
        self.detail_title.setText(_("Kept version: {what}").format(what=what))
        for name, value in shown_fields(version):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(name, text)

    def _seen(self, on_seen: Callable[[int], object]) -> None:
        version = self.selected()
        if version is not None:
            on_seen(version.id)
