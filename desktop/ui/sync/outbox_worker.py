"""Sending and receiving bundles through the hub, in the background.

A round (`OutboxRunner(book).run_once()`: send what waits in the outbox,
fetch and import what the hub holds) runs on its own thread; the next round
is set with a timer from the round's `next_delay` (the runner backs off
while the hub cannot be reached). Two rounds never run at once, the UI is
never blocked, and nothing runs unless the book has a hub address and token.

The main window starts one worker per open book with `start_for`; the Sync
page finds it with `worker_for` (or starts it itself, when the window did
not). The worker stops, waiting for a round under way, when its window closes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.i18n import _
from desktop.ui.qt.core import QEvent, QObject, QThreadPool, QTimer, Signal
from desktop.ui.qt.widgets import QWidget
from desktop.ui.sync.jobs import sync_lock

if TYPE_CHECKING:
    from desktop.services.book import Book

FIRST_ROUND_DELAY = 5.0  # seconds after the book opens: let the window settle first
RETRY_AFTER_PROBLEM = 300.0  # seconds, when a round stopped on an unexpected error
STOP_WAIT_MS = 15000  # how long closing waits for a round under way

BookGetter = Callable[[], "Book | None"]
RunnerFactory = Callable[["Book"], Any]


@dataclass(frozen=True)
class RoundProblem:
    """Stands in for the runner's report when a round stopped on an error."""

    error: str
    next_delay: float = RETRY_AFTER_PROBLEM
    sent: int = 0
    imported: list[Any] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def outbox_module() -> Any | None:
    """`desktop.export.bundle.outbox`, or None in a version without the hub."""
    try:
        from desktop.export.bundle import outbox
    except ImportError:
        return None
    return outbox


def hub_ready(book: Book) -> bool:
    """Whether the book has a hub address and a token to use it."""
    outbox = outbox_module()
    if outbox is None:
        return False
    settings = outbox.hub_settings(book)
    return bool(settings.url and settings.token)


def _default_runner(book: Book) -> Any:
    outbox = outbox_module()
    assert outbox is not None
    return outbox.OutboxRunner(book)


class OutboxWorker(QObject):
    """Rounds of the outbox for one book, one at a time, off the UI thread."""

    round_started = Signal()
    round_finished = Signal(object)  # the RunReport, or a RoundProblem
    _done = Signal(object)

    def __init__(
        self,
        book: BookGetter,
        *,
        runner: RunnerFactory | None = None,
        configured: Callable[[Book], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._make_runner = runner or _default_runner
        self._runner: Any = None  # kept between rounds: it counts failures for the back-off
        self._runner_book: Book | None = None
        self._configured = configured or hub_ready
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run_now)
        self.running = False
        self.stopped = False
        self.last_report: Any = None
        self.last_round_at: datetime | None = None
        self._next_at: float | None = None  # time.monotonic() of the next round
        self._watched: QWidget | None = None
        self._done.connect(self._finished)

    # --- starting and stopping -------------------------------------------------------

    def ready(self) -> bool:
        book = self._book()
        if book is None:
            return False
        try:
            return bool(self._configured(book))
        except Exception:  # noqa: BLE001 (a book that cannot be read has no hub to use)
            return False

    def start(self, delay: float = 0.0) -> bool:
        """Run rounds from `delay` seconds on, if the book has a hub; False if not."""
        self.stopped = False
        self._watch_window()
        if self.running:
            return True
        if not self.ready():
            self._cancel_timer()
            return False
        self._schedule(delay)
        return True

    def stop(self, wait_ms: int = STOP_WAIT_MS) -> bool:
        """No more rounds; wait up to `wait_ms` for one under way. True if none is left."""
        self.stopped = True
        self._cancel_timer()
        return bool(self.pool.waitForDone(wait_ms))

    def _watch_window(self) -> None:
        """Stop before the window that owns the book closes it."""
        parent = self.parent()
        window = parent.window() if isinstance(parent, QWidget) else None
        if window is not None and window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._watched and event.type() == QEvent.Type.Close:
            self.stop()
            for key in [key for key, worker in _workers.items() if worker is self]:
                del _workers[key]  # a book opened again gets a worker of its own
        return False

    # --- rounds ------------------------------------------------------------------------

    @property
    def seconds_to_next(self) -> float | None:
        """Seconds until the next round; None when none is planned."""
        if self._next_at is None or self.running:
            return None
        return max(0.0, self._next_at - time.monotonic())

    def _schedule(self, delay: float) -> None:
        delay = max(0.0, float(delay))
        self._next_at = time.monotonic() + delay
        self.timer.start(int(delay * 1000))

    def _cancel_timer(self) -> None:
        self.timer.stop()
        self._next_at = None

    def run_now(self) -> bool:
        """Start a round now; False if one is under way, or there is no hub."""
        if self.running or self.stopped:
            return False
        book = self._book()
        if book is None or not self.ready():
            self._cancel_timer()
            return False
        self._cancel_timer()
        self.running = True
        runner = self._runner_for(book)

        def job() -> None:
            try:
                with sync_lock(book):
                    report = runner.run_once()
            except Exception as error:  # noqa: BLE001 (shown, and tried again later)
                report = RoundProblem(_problem_text(error))
            _emit(self._done, report)

        self.round_started.emit()
        self.pool.start(job)
        return True

    def _runner_for(self, book: Book) -> Any:
        if self._runner is None or self._runner_book is not book:
            self._runner = self._make_runner(book)
            self._runner_book = book
        return self._runner

    def _finished(self, report: Any) -> None:
        self.running = False
        self.last_report = report
        self.last_round_at = datetime.now()
        if not self.stopped and self.ready():
            self._schedule(getattr(report, "next_delay", RETRY_AFTER_PROBLEM))
        self.round_finished.emit(report)


def _problem_text(error: Exception) -> str:
    from desktop.data.errors import BookFileError

    if isinstance(error, BookFileError):
        return error.message
    return _(
        "Sending and receiving stopped on an unexpected problem. Nothing was lost; it will "
        "be tried again later."
    )


def _emit(signal: Any, *args: Any) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the worker was deleted meanwhile (its window closed)
        pass


# --- one worker per open book -------------------------------------------------------------

_workers: dict[str, OutboxWorker] = {}


def _key(path: Path | str) -> str:
    return str(Path(path).resolve())


def worker_for(path: Path | str) -> OutboxWorker | None:
    """The worker started for the book at `path`, if any."""
    return _workers.get(_key(path))


def register(path: Path | str, worker: OutboxWorker) -> OutboxWorker:
    key = _key(path)
    _workers[key] = worker
    worker.destroyed.connect(lambda _object=None, key=key: _forget(key, worker))
    return worker


def _forget(key: str, worker: OutboxWorker) -> None:
    if _workers.get(key) is worker:
        del _workers[key]


def getter_for(book: Any) -> BookGetter:
    """How a worker reaches the book: a `BookHandle` only while it is open (never
    opening it again after its window closed it), or a `Book`."""
    if hasattr(book, "is_open"):

        def from_handle() -> Book | None:
            return book.book if book.is_open else None  # type: ignore[no-any-return]

        return from_handle
    return lambda: book  # type: ignore[no-any-return]


def start_for(book: Any, parent: QObject, delay: float = FIRST_ROUND_DELAY) -> OutboxWorker:
    """Start (or find) the worker of an open book: a `BookHandle` (used once it
    is open) or a `Book`. It runs rounds only while the book has a hub."""
    worker = worker_for(book.path)
    if worker is None:
        worker = register(book.path, OutboxWorker(getter_for(book), parent=parent))
    worker.start(delay)
    return worker
