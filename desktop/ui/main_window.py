"""The main window: navigation on the left, one page at a time on the right,
a search box in the toolbar, and the menus."""

from __future__ import annotations

import importlib
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.data.errors import BookFileError
from desktop.i18n import LANGUAGES, N_, _, current_language
from desktop.services.book_handle import BookHandle
from desktop.services.overview import read_overview
from desktop.ui.pages import PAGES, PageSpec
from desktop.ui.pages.base import Page
from desktop.ui.qt.core import QEvent, QObject, QSize, Qt, QTimer, Signal
from desktop.ui.qt.gui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from desktop.ui.qt.widgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)
from desktop.ui.search_results import SearchResultsView
from desktop.ui.widgets import show_book_error

if TYPE_CHECKING:
    from desktop.services.book import Book
    from desktop.services.search import SearchResult
    from desktop.ui.controller import AppController
    from desktop.ui.meeting_view import MeetingViewDialog


WARM_UP_DELAY_MS = 150

# A commune book holds every cell's records side by side, read-only: it shows
# its cells at a glance instead of one cell's members, meetings and dues.
CELLS_PAGE = PageSpec("cells", N_("Cells"), "desktop.ui.pages.cells", "CellsPage")
COMMUNE_PAGES: tuple[PageSpec, ...] = (
    CELLS_PAGE,
    *(spec for spec in PAGES if spec.key == "sync"),
)


def is_commune_book(path: Path) -> bool:
    """Whether the book is a commune committee's, read straight from the file
    (before the ORM is loaded, like the home page)."""
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as db:
            row = db.execute(
                "SELECT o.kind FROM organisation AS o "
                "JOIN book_state AS s ON s.owner_org_id = o.id WHERE s.id = 1"
            ).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == "commune"


class MainWindow(QMainWindow):
    """One open book. Closing the window closes the book (with a backup if it
    changed), unless the window is only being rebuilt (`release_book=False`)."""

    page_shown = Signal(str)

    def __init__(
        self, controller: AppController, book: BookHandle | Book, page_key: str = "home"
    ) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.controller = controller
        self.handle = book if isinstance(book, BookHandle) else BookHandle(book.path, "", book)
        self.release_book = True
        self.book_closed = False
        self.pages: dict[str, Page] = {}
        self.search_view: SearchResultsView | None = None
        self.meeting_dialog: MeetingViewDialog | None = None
        self.commune = is_commune_book(self.handle.path)
        self.specs = COMMUNE_PAGES if self.commune else PAGES
        self.page_keys = tuple(spec.key for spec in self.specs)
        self.setWindowTitle(f"{read_overview(self.handle.path, self.today()).name} — CellBook")
        self._build_toolbar()
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self.go_to(page_key if page_key in self.page_keys else self.page_keys[0])
        self.navigation.setFocus()

    @property
    def book(self) -> Book:
        """The full book, opened on first use (the home page needs only the file)."""
        return self.handle.book

    @property
    def book_path(self) -> Path:
        return self.handle.path

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self.handle.is_open:
            # Open the full book just after the first paint, while the person reads.
            QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)

    def _warm_up(self) -> None:
        if self.book_closed:
            return
        if not self.handle.is_open:
            try:
                self.handle.book  # noqa: B018 (opening is the point)
            except BookFileError as error:
                show_book_error(self, error)
                return
        from desktop.ui.sync.outbox_worker import start_for

        self.outbox = start_for(self.handle, self)
        home = self.pages.get("home")
        if home is not None:
            home.book_opened()  # type: ignore[attr-defined]  # now it can show reminders
        self.resume_minutes()

    def resume_minutes(self) -> None:
        """Reopen minutes that were still open when the app stopped (a crash,
        a power cut), where the secretary was; every edit is already in the book."""
        from desktop.data.enums import MeetingState
        from desktop.services.meetings import MeetingService
        from desktop.services.open_minutes import forget, left_open

        place = left_open(self.book_path)
        if place is None:
            return
        try:
            meeting = MeetingService(self.book).get(place.meeting_id)
        except BookFileError as error:
            show_book_error(self, error)
            return
        if meeting is None or meeting.state is MeetingState.ADOPTED:
            forget(self.book_path)
            return
        self.go_to("meetings")
        self.open_meeting(place.meeting_id)
        window = self.meeting_dialog.take_minutes() if self.meeting_dialog is not None else None
        if window is not None:
            window.go_to_place(place)  # type: ignore[attr-defined]
        self.show_status(
            _("The minutes you were taking were reopened where you left them; nothing was lost.")
        )

    # --- building -------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(_("Search"))
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        self.addToolBar(toolbar)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        search_label = QLabel(_("Search:"))
        toolbar.addWidget(search_label)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(_("names, words said, tasks… (Ctrl+F)"))
        self.search_box.setAccessibleName(_("Search the book"))
        self.search_box.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)
        self.search_box.returnPressed.connect(self.run_search)
        search_label.setBuddy(self.search_box)
        toolbar.addWidget(self.search_box)
        # Search finds one cell's members and meetings; a commune book has many cells.
        toolbar.setVisible(not self.commune)

    def _build_body(self) -> None:
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(_("Pages"))
        self.navigation.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, spec in enumerate(self.specs, start=1):
            item = QListWidgetItem(_(spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"{_(spec.title)} (Ctrl+{number})")
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._navigation_changed)
        self.navigation.installEventFilter(self)
        self._fit_navigation()
        layout.addWidget(self.navigation)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.setTabOrder(self.navigation, self.stack)
        self.setTabOrder(self.stack, self.search_box)

    def _fit_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(_(spec.title)) for spec in self.specs)
        self.navigation.setFixedWidth(int(widest * 1.1) + metrics.height() * 3)

    def _action(
        self, text: str, slot: object, shortcuts: tuple[str | QKeySequence, ...] = ()
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        self.open_action = self._action(
            _("&Open book…"), self.open_other_book, (QKeySequence.StandardKey.Open,)
        )
        file_menu.addAction(self.open_action)
        self.backup_action = self._action(_("&Back up now"), self.back_up_now)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        self.quit_action = self._action(_("&Quit"), self.close, ("Ctrl+Q",))
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu(_("&View"))
        self.page_actions: dict[str, QAction] = {}
        for number, spec in enumerate(self.specs, start=1):
            action = self._action(
                _(spec.title), lambda key=spec.key: self.go_to(key), (f"Ctrl+{number}",)
            )
            view_menu.addAction(action)
            self.page_actions[spec.key] = action
        self.find_action = self._action(_("&Search…"), self.focus_search, ("Ctrl+F",))
        self.find_action.setEnabled(not self.commune)
        if not self.commune:
            view_menu.addAction(self.find_action)
        view_menu.addSeparator()
        self.larger_action = self._action(
            _("&Larger text"), self.controller.larger_text, ("Ctrl++", "Ctrl+=")
        )
        self.smaller_action = self._action(
            _("S&maller text"), self.controller.smaller_text, ("Ctrl+-",)
        )
        self.normal_action = self._action(
            _("&Normal text size"), self.controller.normal_text, ("Ctrl+0",)
        )
        for action in (self.larger_action, self.smaller_action, self.normal_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(_("L&anguage"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(
                lambda _checked=False, code=code: self.controller.switch_language(code)
            )
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(_("&Help"))
        self.about_action = self._action(_("&About CellBook"), self.show_about)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(str(self.handle.path))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.path_label)

    # --- pages ------------------------------------------------------------------

    def today(self) -> date:
        return date.today()

    def page(self, key: str) -> Page:
        """The page, built on first use."""
        if key not in self.pages:
            spec = next(spec for spec in self.specs if spec.key == key)
            page_class = getattr(importlib.import_module(spec.module), spec.class_name)
            page: Page = page_class(self)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def go_to(self, key: str) -> Page:
        if key not in self.page_keys:
            key = self.page_keys[0]  # a page a commune book does not have
        row = self.page_keys.index(key)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)  # shows the page through _navigation_changed
        else:
            self._show_page(key)
        return self.pages[key]

    def current_key(self) -> str:
        widget = self.stack.currentWidget()
        for key, page in self.pages.items():
            if page is widget:
                return key
        return self.page_keys[0]

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _navigation_changed(self, row: int) -> None:
        if 0 <= row < len(self.page_keys):
            self._show_page(self.page_keys[row])

    def _show_page(self, key: str) -> None:
        try:
            page = self.page(key)
            page.refresh()
        except BookFileError as error:
            show_book_error(self, error)
            return
        self.stack.setCurrentWidget(page)
        self.page_shown.emit(key)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.navigation and event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
        ):
            self._fit_navigation()
        return super().eventFilter(watched, event)

    # --- what pages ask for --------------------------------------------------

    def open_meeting(self, meeting_id: str) -> None:
        from desktop.ui.meeting_view import MeetingViewDialog

        try:
            dialog = MeetingViewDialog(self.book, meeting_id, self)
        except BookFileError as error:
            show_book_error(self, error)
            return
        self.meeting_dialog = dialog
        dialog.open()

    def show_member(self, member_id: str) -> None:
        page = self.go_to("members")
        page.select_member(member_id)  # type: ignore[attr-defined]

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # --- search -----------------------------------------------------------------

    def focus_search(self) -> None:
        if self.commune:
            return
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def run_search(self) -> None:
        query = self.search_box.text().strip()
        if not query:
            return
        try:
            from desktop.services.meetings import MeetingService
            from desktop.services.search import search_book

            results = search_book(self.book, query)
            dates = {row.id: row.scheduled_on for row in MeetingService(self.book).rows()}
        except BookFileError as error:
            show_book_error(self, error)
            return
        if self.search_view is None:
            self.search_view = SearchResultsView(self.open_result)
            self.stack.addWidget(self.search_view)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(-1)
        self.navigation.clearSelection()
        self.navigation.blockSignals(False)
        self.stack.setCurrentWidget(self.search_view)
        self.search_view.show_results(query, results, dates)

    def open_result(self, result: SearchResult) -> None:
        if result.meeting_id:
            self.open_meeting(result.meeting_id)
        elif result.kind == "member":
            self.show_member(result.record_id)
        elif result.kind == "recommendation":
            self.go_to("recommendations")

    # --- menu commands ----------------------------------------------------------

    def open_other_book(self) -> None:
        self.controller.back_to_start(self)

    def back_up_now(self) -> None:
        try:
            copy = self.book.backup("manual")
        except BookFileError as error:
            show_book_error(self, error)
            return
        QMessageBox.information(
            self,
            _("Backup made"),
            _("A copy of the book was saved in:\n{folder}").format(folder=copy.parent),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About CellBook"),
            "<h3>CellBook (Sổ Chi bộ) {version}</h3><p>{text}</p>".format(
                version=__version__,
                text=_(
                    "The offline desk of a party cell secretary: members, meetings, "
                    "minutes, evaluations and recommendations, kept on this computer."
                ),
            ),
        )

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.release_book and not self.book_closed:
            self.book_closed = True
            try:
                self.handle.close()
            except BookFileError as error:
                show_book_error(self, error)
        self.controller.window_closed(self)
        super().closeEvent(event)
