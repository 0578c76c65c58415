"""Qt's own words (dialog buttons, wizard buttons, edit menus, the file dialog)
in the user's language.

The PySide6 wheel ships no Vietnamese translation of Qt, so these strings are
kept in CellBook's own catalog with their Qt context as the gettext context
(`msgctxt "QPlatformTheme"`, `msgid "OK"`). `QT_N_` only marks them for
extraction (`pybabel extract -k QT_N_:1c,2`); `CatalogTranslator` hands them
to Qt at run time.
"""

from __future__ import annotations

from desktop import i18n
from desktop.ui.qt.core import QTranslator


def QT_N_(context: str, text: str) -> tuple[str, str]:
    return (context, text)


# Texts and contexts as Qt 6 asks for them (checked against Qt 6.12 at run time).
QT_STRINGS = [
    # Standard buttons of QDialogButtonBox and QMessageBox (qplatformtheme.cpp)
    QT_N_("QPlatformTheme", "OK"),
    QT_N_("QPlatformTheme", "Save"),
    QT_N_("QPlatformTheme", "Save All"),
    QT_N_("QPlatformTheme", "Open"),
    QT_N_("QPlatformTheme", "&Yes"),
    QT_N_("QPlatformTheme", "Yes to &All"),
    QT_N_("QPlatformTheme", "&No"),
    QT_N_("QPlatformTheme", "N&o to All"),
    QT_N_("QPlatformTheme", "Abort"),
    QT_N_("QPlatformTheme", "Retry"),
    QT_N_("QPlatformTheme", "Ignore"),
    QT_N_("QPlatformTheme", "Close"),
    QT_N_("QPlatformTheme", "Cancel"),
    QT_N_("QPlatformTheme", "Discard"),
    QT_N_("QPlatformTheme", "Help"),
    QT_N_("QPlatformTheme", "Apply"),
    QT_N_("QPlatformTheme", "Reset"),
    QT_N_("QPlatformTheme", "Restore Defaults"),
    # The same buttons under a GNOME desktop (qgnometheme.cpp)
    QT_N_("QGnomeTheme", "&OK"),
    QT_N_("QGnomeTheme", "&Save"),
    QT_N_("QGnomeTheme", "&Cancel"),
    QT_N_("QGnomeTheme", "&Close"),
    QT_N_("QGnomeTheme", "Close without Saving"),
    # QWizard (classic and modern styles; "&Next" in the Windows style)
    QT_N_("QWizard", "< &Back"),
    QT_N_("QWizard", "&Next >"),
    QT_N_("QWizard", "&Next"),
    QT_N_("QWizard", "&Finish"),
    QT_N_("QWizard", "Cancel"),
    QT_N_("QWizard", "&Help"),
    QT_N_("QWizard", "Commit"),
    QT_N_("QWizard", "Go Back"),
    QT_N_("QWizard", "Continue"),
    QT_N_("QWizard", "Done"),
    QT_N_("QWizard", "Help"),
    # Right-click menu of text boxes
    QT_N_("QLineEdit", "&Undo"),
    QT_N_("QLineEdit", "&Redo"),
    QT_N_("QLineEdit", "Cu&t"),
    QT_N_("QLineEdit", "&Copy"),
    QT_N_("QLineEdit", "&Paste"),
    QT_N_("QLineEdit", "Delete"),
    QT_N_("QLineEdit", "Select All"),
    QT_N_("QWidgetTextControl", "&Undo"),
    QT_N_("QWidgetTextControl", "&Redo"),
    QT_N_("QWidgetTextControl", "Cu&t"),
    QT_N_("QWidgetTextControl", "&Copy"),
    QT_N_("QWidgetTextControl", "Copy &Link Location"),
    QT_N_("QWidgetTextControl", "&Paste"),
    QT_N_("QWidgetTextControl", "Delete"),
    QT_N_("QWidgetTextControl", "Select All"),
    QT_N_("QAbstractSpinBox", "&Select All"),
    QT_N_("QAbstractSpinBox", "&Step up"),
    QT_N_("QAbstractSpinBox", "Step &down"),
    # Message boxes
    QT_N_("QMessageBox", "Show Details..."),
    QT_N_("QMessageBox", "Hide Details..."),
    QT_N_("QMessageBox", "About Qt"),
    # The file dialog (when Qt draws it itself)
    QT_N_("QFileDialog", "&Look in:"),
    QT_N_("QFileDialog", "File &name:"),
    QT_N_("QFileDialog", "Files of &type:"),
    QT_N_("QFileDialog", "&Open"),
    QT_N_("QFileDialog", "&Save"),
    QT_N_("QFileDialog", "&Choose"),
    QT_N_("QFileDialog", "Open"),
    QT_N_("QFileDialog", "Save As"),
    QT_N_("QFileDialog", "Find Directory"),
    QT_N_("QFileDialog", "All Files (*)"),
    QT_N_("QFileDialog", "Back"),
    QT_N_("QFileDialog", "Forward"),
    QT_N_("QFileDialog", "Go back"),
    QT_N_("QFileDialog", "Go forward"),
    QT_N_("QFileDialog", "Parent Directory"),
    QT_N_("QFileDialog", "Go to the parent directory"),
    QT_N_("QFileDialog", "Create New Folder"),
    QT_N_("QFileDialog", "Create a New Folder"),
    QT_N_("QFileDialog", "List View"),
    QT_N_("QFileDialog", "Change to list view mode"),
    QT_N_("QFileDialog", "Detail View"),
    QT_N_("QFileDialog", "Change to detail view mode"),
    QT_N_("QFileDialog", "Sidebar"),
    QT_N_("QFileDialog", "List of places and bookmarks"),
    QT_N_("QFileDialog", "Files"),
    QT_N_("QFileDialog", "&Rename"),
    QT_N_("QFileDialog", "&Delete"),
    QT_N_("QFileDialog", "Show &hidden files"),
    QT_N_("QFileDialog", "&New Folder"),
    QT_N_("QFileDialog", "New Folder"),
    QT_N_("QFileDialog", "Recent Places"),
    QT_N_("QFileDialog", "Are you sure you want to delete '%1'?"),
    QT_N_("QFileDialog", "%1 already exists.\nDo you want to replace it?"),
    QT_N_(
        "QFileDialog",
        "%1\nFile not found.\nPlease verify the correct file name was given.",
    ),
    QT_N_("QFileSystemModel", "Name"),
    QT_N_("QFileSystemModel", "Size"),
    QT_N_("QFileSystemModel", "Type"),
    QT_N_("QFileSystemModel", "Date Modified"),
    QT_N_("QFileSystemModel", "Computer"),
    QT_N_("QFileSystemModel", "My Computer"),
    QT_N_("QAbstractFileIconProvider", "Drive"),
    QT_N_("QAbstractFileIconProvider", "Folder"),
    QT_N_("QAbstractFileIconProvider", "File"),
]


class CatalogTranslator(QTranslator):
    """Answers Qt's translation requests from CellBook's gettext catalog.

    Returns None when the catalog has nothing (or the language is English,
    the source language), so Qt keeps its own text. It must be None, not "":
    Qt only falls back on a *null* string, and "" would blank the button.
    """

    def translate(  # type: ignore[override]
        self,
        context: str,
        sourceText: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if not context or not sourceText or i18n.current_language() == "en":
            return None
        translated = i18n.pgettext(context, sourceText)
        return translated if translated and translated != sourceText else None

    def isEmpty(self) -> bool:
        return False
