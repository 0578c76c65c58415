"""Qt's own words come from CellBook's catalog."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.ui.qt.widgets import QDialogButtonBox, QWizard
from desktop.ui.qt_translation import QT_STRINGS, CatalogTranslator

pytestmark = pytest.mark.gui

FAKE = {
    ("QPlatformTheme", "OK"): "Đồng ý",
    ("QPlatformTheme", "Cancel"): "Hủy",
    ("QWizard", "&Next >"): "&Tiếp >",
}


@pytest.fixture
def fake_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "pgettext", lambda context, text: FAKE.get((context, text), text))


@pytest.fixture
def translator(qapp, fake_catalog):
    installed = CatalogTranslator()
    qapp.installTranslator(installed)
    yield installed
    qapp.removeTranslator(installed)


def _texts(box: QDialogButtonBox) -> set[str]:
    return {button.text() for button in box.buttons()}


def test_dialog_buttons_show_the_catalog_text(qtbot, translator):
    i18n.set_language("vi")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert _texts(box) == {"Đồng ý", "Hủy"}


def test_wizard_buttons_show_the_catalog_text(qtbot, translator):
    i18n.set_language("vi")
    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Tiếp >"


def test_untranslated_buttons_keep_qt_text(qtbot, translator):
    i18n.set_language("vi")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Retry | QDialogButtonBox.StandardButton.Ignore
    )
    qtbot.addWidget(box)
    assert _texts(box) == {"Retry", "Ignore"}


def test_english_keeps_qt_text(qtbot, translator):
    i18n.set_language("en")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert _texts(box) == {"OK", "Cancel"}


def test_untranslated_text_falls_back_to_qt(translator):
    i18n.set_language("vi")
    assert translator.translate("QPlatformTheme", "Retry") is None
    assert translator.translate("QPlatformTheme", "OK") == "Đồng ý"
    assert not translator.isEmpty()


def test_markers_name_real_qt_texts():
    pairs = set(QT_STRINGS)
    assert ("QPlatformTheme", "OK") in pairs
    assert ("QWizard", "< &Back") in pairs
    assert ("QLineEdit", "Select All") in pairs
    assert ("QMessageBox", "Show Details...") in pairs
    assert len(pairs) == len(QT_STRINGS)  # no duplicates
