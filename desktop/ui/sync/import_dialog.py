"""After bundles are imported: each bundle, what became of it and what it
brought in (or why it was refused, and that nothing was changed)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.export.bundle.exchange import ImportStatus
from desktop.i18n import _, ngettext
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.sync.jobs import ImportOutcome
from desktop.ui.sync.texts import applied_lines
from desktop.ui.theme import set_role
from desktop.ui.widgets import fit_to_screen, label


def outcome_heading(outcome: ImportOutcome) -> str:
    result = outcome.result
    if result is None:
        return _("Refused")
    if result.status is ImportStatus.ALREADY:
        return _("Already imported")
    return _("Imported: bundle {number} from {name}").format(
        number=result.sequence, name=result.sender
    )


def outcome_lines(outcome: ImportOutcome) -> list[str]:
    result = outcome.result
    if result is None:
        return [outcome.refused]
    if result.status is ImportStatus.ALREADY or result.applied is None:
        return [result.message]
    return applied_lines(result.applied)


def summary_text(outcomes: Sequence[ImportOutcome]) -> str:
    imported = sum(
        1 for o in outcomes if o.result is not None and o.result.status is ImportStatus.IMPORTED
    )
    already = sum(
        1 for o in outcomes if o.result is not None and o.result.status is ImportStatus.ALREADY
    )
    refused = sum(1 for o in outcomes if o.result is None)
    parts = []
    if imported:
        parts.append(
            ngettext("{count} bundle imported", "{count} bundles imported", imported).format(
                count=imported
            )
        )
    if already:
        parts.append(
            ngettext("{count} imported before", "{count} imported before", already).format(
                count=already
            )
        )
    if refused:
        parts.append(ngettext("{count} refused", "{count} refused", refused).format(count=refused))
    return _("{parts}.").format(parts=", ".join(parts)) if parts else ""


class ImportResultDialog(QDialog):
    def __init__(self, outcomes: Sequence[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Bundles imported"))
        self.outcomes = list(outcomes)
        layout = QVBoxLayout(self)
        self.summary = label(summary_text(outcomes), "heading", wrap=True)
        layout.addWidget(self.summary)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        self.cards: list[QFrame] = []
        for outcome in outcomes:
            column.addWidget(self._card(outcome))
        column.addStretch(1)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        if any(o.result is None for o in outcomes):
            layout.addWidget(
                label(
                    _("A refused bundle changes nothing in the book."),
                    "muted",
                    wrap=True,
                )
            )
        backup = next(
            (o.result.backup for o in outcomes if o.result is not None and o.result.backup), None
        )
        if backup is not None:
            layout.addWidget(
                label(
                    _("A copy of the book was saved before the import: {path}").format(path=backup),
                    "muted",
                    wrap=True,
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 480)

    def _card(self, outcome: ImportOutcome) -> QFrame:
        card = QFrame()
        set_role(card, "card")
        column = QVBoxLayout(card)
        heading = label(outcome_heading(outcome), "heading", wrap=True)
        if outcome.result is None:
            set_role(heading, "error")
        column.addWidget(heading)
        column.addWidget(label(outcome.file_name, "muted", wrap=True))
        for line in outcome_lines(outcome):
            text = label(line, wrap=True)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            column.addWidget(text)
        self.cards.append(card)
        return card

    def text(self) -> str:
        """Every word shown, for tests and screen readers."""
        lines = [self.summary.text()]
        for outcome in self.outcomes:
            lines += [outcome_heading(outcome), outcome.file_name, *outcome_lines(outcome)]
        return "\n".join(lines)
