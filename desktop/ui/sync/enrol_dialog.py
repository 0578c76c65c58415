"""Before another book is enrolled: its name and fingerprint in large
letters, to compare group by group with its printed card (or over the
phone), and "Enrol" only once the person says they are the same."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.data.enums import OrgKind, PeerRole
from desktop.i18n import _
from desktop.ui.qt.widgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.sync.texts import role_label
from desktop.ui.sync.widgets import FingerprintView
from desktop.ui.theme import set_role
from desktop.ui.widgets import label

if TYPE_CHECKING:
    from desktop.services.sync.keys import KeyCard


class EnrolDialog(QDialog):
    def __init__(
        self, card: KeyCard, role: PeerRole, own_kind: OrgKind, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Enrol a key card"))
        self.card = card
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Key card of"), "muted"))
        self.name = label(card.org_name, "title", wrap=True)
        layout.addWidget(self.name)
        about = role_label(role, own_kind)
        if card.commune_name:
            about = f"{about} — {card.commune_name}"
        layout.addWidget(label(about, "big", wrap=True))
        layout.addSpacing(8)
        layout.addWidget(
            label(
                _(
                    "Compare this fingerprint, group by group, with the one printed on the "
                    "key card of {name}, or over the phone while they read it from their "
                    "screen. Enrol it only if every character is the same."
                ).format(name=card.org_name),
                wrap=True,
            )
        )
        box = QFrame()
        set_role(box, "card")
        inner = QVBoxLayout(box)
        self.fingerprint = FingerprintView()
        self.fingerprint.set_fingerprint(card.fingerprint)
        inner.addWidget(self.fingerprint)
        layout.addWidget(box)
        layout.addWidget(
            label(
                _(
                    "If a single character differs, do not enrol: the file may not come "
                    "from {name}. Ask them for their key card again."
                ).format(name=card.org_name),
                "muted",
                wrap=True,
            )
        )
        self.same = QCheckBox(_("The &fingerprints are the same"))
        self.same.toggled.connect(self._checked)
        layout.addSpacing(6)
        layout.addWidget(self.same)
        buttons = QDialogButtonBox()
        self.enrol_button = QPushButton(_("&Enrol"))
        set_role(self.enrol_button, "primary")
        self.enrol_button.setEnabled(False)
        self.enrol_button.setDefault(False)
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.same.setFocus()

    def _checked(self, checked: bool) -> None:
        self.enrol_button.setEnabled(checked)

    def accept(self) -> None:
        if self.same.isChecked():  # never by Enter alone
            super().accept()
