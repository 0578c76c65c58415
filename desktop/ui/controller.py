"""What the windows share: settings, language, text size, and which window
is showing (the start screen or the main window on one book)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.data.errors import BookFileError
from desktop.i18n import set_language
from desktop.services.book_handle import BookHandle
from desktop.services.library import remember_recent
from desktop.services.settings import AppSettings, save_settings
from desktop.ui import theme
from desktop.ui.qt.core import QLocale, QObject
from desktop.ui.qt.widgets import QApplication, QWidget
from desktop.ui.qt_translation import CatalogTranslator
from desktop.ui.widgets import show_book_error

if TYPE_CHECKING:
    from desktop.services.book import Book
    from desktop.ui.main_window import MainWindow
    from desktop.ui.new_book_wizard import NewBookWizard
    from desktop.ui.start_screen import StartScreen


class AppController(QObject):
    def __init__(
        self,
        app: QApplication,
        settings: AppSettings,
        *,
        language: str | None = None,
        maximize: bool = True,
    ) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.maximize = maximize
        self.translator = CatalogTranslator(self)
        self.main_window: MainWindow | None = None
        self.start_screen: StartScreen | None = None
        self.wizard: NewBookWizard | None = None
        self.language = self.apply_language(language or settings.language)
        self.text_size = theme.apply_text_size(settings.text_size, app)

    # --- language ---------------------------------------------------------------

    def apply_language(self, language: str | None) -> str:
        """Switch the text of new widgets, Qt's own words and date formats."""
        chosen = set_language(language)
        if chosen == "vi":
            QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.app.removeTranslator(self.translator)
        self.app.installTranslator(self.translator)
        self.language = chosen
        return chosen

    def switch_language(self, language: str) -> None:
        """Change the language, remember it, and rebuild the open window in it."""
        chosen = self.apply_language(language)
        self.settings.language = chosen
        save_settings(self.settings)
        old = self.main_window
        if old is not None:
            from desktop.ui.main_window import MainWindow

            old.release_book = False
            window = MainWindow(self, old.handle, old.current_key())
            self.main_window = window
            window.setGeometry(old.geometry())
            if old.isMaximized():
                window.showMaximized()
            else:
                window.show()
            old.close()
        elif self.start_screen is not None:
            self.show_start_screen()

    # --- text size ---------------------------------------------------------------

    def set_text_size(self, size: int) -> None:
        self.text_size = theme.apply_text_size(size, self.app)
        self.settings.text_size = self.text_size
        save_settings(self.settings)

    def larger_text(self) -> None:
        self.set_text_size(theme.larger(self.text_size))

    def smaller_text(self) -> None:
        self.set_text_size(theme.smaller(self.text_size))

    def normal_text(self) -> None:
        self.set_text_size(theme.normal_size())

    # --- windows -----------------------------------------------------------------

    def _show(self, window: QWidget) -> None:
        if self.maximize:
            window.showMaximized()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def show_start_screen(self) -> StartScreen:
        from desktop.ui.start_screen import StartScreen

        old = self.start_screen
        screen = StartScreen(self)
        self.start_screen = screen
        if old is not None:
            screen.setGeometry(old.geometry())
        screen.show()
        screen.raise_()
        screen.activateWindow()
        if old is not None:
            old.close()
        return screen

    def open_path(self, path: Path | str, parent: QWidget | None = None) -> bool:
        """Open the book at `path` in the main window; a problem is shown, not raised."""
        try:
            handle = BookHandle.for_path(Path(path), self.settings.device_id)
        except BookFileError as error:
            show_book_error(parent, error)
            return False
        remember_recent(self.settings, handle.path)
        self.show_main(handle)
        return True

    def show_main(self, book: BookHandle | Book, page_key: str = "home") -> MainWindow:
        from desktop.ui.main_window import MainWindow

        window = MainWindow(self, book, page_key)
        self.main_window = window
        self._show(window)
        if self.start_screen is not None:
            screen, self.start_screen = self.start_screen, None
            screen.close()
        return window

    def new_book(self, parent: QWidget | None = None) -> NewBookWizard:
        from desktop.ui.new_book_wizard import NewBookWizard

        wizard = NewBookWizard(self.settings, parent)
        wizard.book_created.connect(self._book_created)
        wizard.finished.connect(lambda _result: self._wizard_finished(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_finished(self, wizard: NewBookWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None

    def _book_created(self, book: Book) -> None:
        remember_recent(self.settings, book.path)
        self.show_main(book)

    def back_to_start(self, window: MainWindow) -> None:
        self.show_start_screen()
        window.close()

    def window_closed(self, window: QWidget) -> None:
        if window is self.main_window:
            self.main_window = None
        if window is self.start_screen:
            self.start_screen = None
