"""Sync: this book's identity, and the rules in force."""

from __future__ import annotations

from pathlib import Path

from desktop.data.errors import BookFileError
from desktop.data.schema import SCHEMA_VERSION
from desktop.i18n import _, format_number
from desktop.rules import RuleSetError
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.widgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import label, show_book_error


class SyncPage(Page):
    key = "sync"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Sync"))
        self.add_action(_("Install rule file…"), self.install_rule_file)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            label(
                _(
                    "When the commune is enrolled, the updates it needs from this book are "
                    "made here and carried to the commune on a USB stick. Until then, "
                    "nothing leaves this computer."
                ),
                "big",
                wrap=True,
            )
        )
        identity = QGroupBox(_("This book"))
        form = QFormLayout(identity)
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("organisation", _("Organisation")),
            ("book_id", _("Book number")),
            ("changes", _("Changes recorded")),
            ("schema", _("File format version")),
            ("file", _("File")),
        ):
            value = label("", wrap=True)
            form.addRow(text, value)
            self.values[key] = value
        layout.addWidget(identity)
        rules_box = QGroupBox(_("Rules in force"))
        rules_form = QFormLayout(rules_box)
        for key, text in (
            ("rules_title", _("Name of the rules")),
            ("rules_id", _("Rule set and version")),
        ):
            value = label("", wrap=True)
            rules_form.addRow(text, value)
            self.values[key] = value
        rules_form.addRow(
            label(
                _(
                    "The commune hands out a new rule file when scoring, dues or document "
                    "rules change. Install it here; if the file is not right, the rules in "
                    "force stay."
                ),
                "muted",
                wrap=True,
            )
        )
        layout.addWidget(rules_box)
        layout.addStretch(1)
        self.set_content(content)

    def _set(self, key: str, text: str) -> None:
        self.values[key].setText(text)

    def text_of(self, key: str) -> str:
        return self.values[key].text()

    def load(self) -> None:
        org = self.book.organisation()
        rules = self.book.rules
        self._set("organisation", f"{org.name} — {org.commune_name}")
        self._set("book_id", self.book.book_id)
        self._set("changes", format_number(self.book.change_counter()))
        self._set("schema", str(SCHEMA_VERSION))
        self._set("file", str(self.book.path))
        self._set("rules_title", rules.title)
        self._set(
            "rules_id",
            _("{id}, version {version}").format(id=rules.rule_set_id, version=rules.version),
        )
        self.show_empty(False)

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
