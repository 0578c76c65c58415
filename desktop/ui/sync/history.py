"""The latest bundles made here and received here, with what each carried."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.i18n import N_, _, format_date
from desktop.ui.qt.widgets import QGroupBox, QVBoxLayout, QWidget
from desktop.ui.sync.records import BundleEntry
from desktop.ui.sync.texts import counts_text, moment_text
from desktop.ui.sync.widgets import fit_height
from desktop.ui.widgets import Column, DataTable, RowsModel, label

VISIBLE_ROWS = 6


def direction_text(entry: BundleEntry) -> str:
    if entry.direction == "out":
        return _("Made for {name}").format(name=entry.peer_name)
    return _("Received from {name}").format(name=entry.peer_name)


def number_text(entry: BundleEntry) -> str:
    return _("{number} (full)").format(number=entry.sequence) if entry.full else str(entry.sequence)


def carried(entry: BundleEntry) -> str:
    summary = entry.summary
    if entry.direction == "out":
        return counts_text({k: v for k, v in summary.items() if isinstance(v, int)})
    parts = []
    added = summary.get("added")
    changed = summary.get("changed")
    if isinstance(added, dict) and counts_text(added):
        parts.append(_("New: {counts}").format(counts=counts_text(added)))
    if isinstance(changed, dict) and counts_text(changed):
        parts.append(_("Changed: {counts}").format(counts=counts_text(changed)))
    return "; ".join(parts) or _("Nothing new")


def confirmed(entry: BundleEntry) -> str:
    if entry.direction != "out":
        return ""
    if entry.acknowledged_at is None:
        return _("Not yet")
    return _("Yes, {date}").format(date=format_date(entry.acknowledged_at.astimezone().date()))


class HistorySection(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Bundles made and received"), parent)
        layout = QVBoxLayout(self)
        self.model = RowsModel(
            (
                Column(N_("When"), lambda r: moment_text(r.at), lambda r: r.at.isoformat()),
                Column(N_("Bundle"), direction_text),
                Column(N_("Number"), number_text, lambda r: r.sequence, True),
                Column(N_("Confirmed"), confirmed),
                Column(N_("What it carried"), carried),
            )
        )
        self.table = DataTable()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setAccessibleName(_("Bundles made and received"))
        layout.addWidget(self.table)
        self.empty = label(_("No bundle has been made or received yet."), "muted", wrap=True)
        layout.addWidget(self.empty)

    def set_rows(self, rows: Sequence[BundleEntry]) -> None:
        self.model.set_rows(rows)
        self.table.fit_columns()
        fit_height(self.table, len(rows), VISIBLE_ROWS)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
