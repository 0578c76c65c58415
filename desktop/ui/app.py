"""Starting the desktop app: `run_gui` is what the command line calls."""

from __future__ import annotations

import time

_IMPORT_STAMP = time.perf_counter()  # fallback start stamp where /proc is missing

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from desktop import __version__  # noqa: E402
from desktop.data.errors import BookFileError  # noqa: E402
from desktop.i18n import _  # noqa: E402
from desktop.paths import APP_NAME  # noqa: E402
from desktop.services.book_handle import BookHandle  # noqa: E402
from desktop.services.settings import load_settings  # noqa: E402
from desktop.ui import theme  # noqa: E402
from desktop.ui.controller import AppController  # noqa: E402
from desktop.ui.qt.core import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from desktop.ui.qt.widgets import QApplication, QWidget  # noqa: E402

SMOKE_TIMEOUT_MS = 60_000


def seconds_since_start() -> float:
    """Seconds since this process started (from /proc on Linux, otherwise
    since this module was imported)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time in ticks
        if hasattr(time, "CLOCK_BOOTTIME"):
            now = time.clock_gettime(time.CLOCK_BOOTTIME)
        else:
            now = float(Path("/proc/uptime").read_text().split()[0])
        if now >= started:
            return now - started
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return time.perf_counter() - _IMPORT_STAMP


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    return app


def run_gui(
    book_path: Path | None = None, *, smoke: bool = False, language: str | None = None
) -> int:
    """Run the app: on `book_path` if given, else from the start screen.

    `smoke=True` opens the main window on the book, waits until its page has
    been painted with the book's data, prints the seconds since the process
    started, closes everything and returns 0 (2 if the book cannot be opened).
    """
    app = _application()
    settings = load_settings()
    theme.load_fonts()
    controller = AppController(app, settings, language=language, maximize=not smoke)
    if smoke:
        return _smoke(controller, book_path)
    if book_path is None or not controller.open_path(book_path):
        controller.show_start_screen()
    return app.exec()


class _FirstPaint(QObject):
    """Calls `done` once, just after the watched page first paints its data."""

    def __init__(self, done: object) -> None:
        super().__init__()
        self._done = done
        self.painted = False
        self.watched: QWidget | None = None

    def watch(self, page: QWidget) -> None:
        self.watched = page
        page.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and watched is self.watched
            and event.type() == QEvent.Type.Paint
            and getattr(watched, "loaded", False)
        ):
            self.painted = True
            QTimer.singleShot(0, self._done)  # type: ignore[arg-type]
        return False


def _smoke(controller: AppController, book_path: Path | None) -> int:
    from desktop.ui.main_window import MainWindow

    if book_path is None:
        print(_("Smoke test: give the book to open."), file=sys.stderr)
        return 2
    try:
        handle = BookHandle.for_path(Path(book_path), controller.settings.device_id)
    except BookFileError as error:
        print(error.message, file=sys.stderr)
        return 2
    loop = QEventLoop()
    elapsed: list[float] = []

    def done() -> None:
        elapsed.append(seconds_since_start())
        loop.quit()

    watcher = _FirstPaint(done)
    window = MainWindow(controller, handle)
    controller.main_window = window
    page = window.current_page()
    assert page is not None
    watcher.watch(page)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, loop.quit)
    window.show()
    if not elapsed:
        loop.exec()
    page.removeEventFilter(watcher)
    window.close()
    if not elapsed:
        print(_("Smoke test: the main window was not shown in time."), file=sys.stderr)
        return 1
    print(f"{elapsed[0]:.3f}")
    sys.stdout.flush()
    return 0
