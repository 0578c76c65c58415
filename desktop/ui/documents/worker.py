"""Work off the UI thread: building a document, writing a month's files.

A `Worker` runs plain functions one at a time on its own thread and hands
their result (or the error they raised) back to the UI thread through a
queued signal, with the ticket the caller was given. Callers drop results
whose ticket is no longer the one they wait for (the user moved on).

The book is safe to read here: every `book.reader()` / `book.session()` makes
its own SQLAlchemy session on the thread that asks for it, and the SQLite
engine's pool hands each its own connection.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from desktop.ui.qt.core import QObject, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a job (from its progress callback) when the user stopped it."""


class Worker(QObject):
    """One background thread for the page's jobs, and the signals back."""

    # ticket, result / ticket, exception / ticket, done, total, label
    finished = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Jobs run one after another: a month's export never overlaps a preview.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._tickets = itertools.count(1)

    def start(self, job: Callable[..., Any], *, with_progress: bool = False) -> int:
        """Run `job()` on the worker thread and return its ticket.

        With `with_progress`, the job is called with a `progress(done, total,
        label)` function that reports through the `progress` signal.
        """
        ticket = next(self._tickets)

        def report(done: int, total: int, label: str) -> None:
            _emit(self.progress, ticket, done, total, label)

        def run() -> None:
            try:
                result = job(report) if with_progress else job()
            except Exception as error:  # noqa: BLE001 (shown to the user, never raised here)
                _emit(self.failed, ticket, error)
            else:
                _emit(self.finished, ticket, result)

        self.pool.start(run)
        return ticket

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the jobs started so far (tests, closing)."""
        return bool(self.pool.waitForDone(msecs))


def _emit(signal: Any, *args: Any) -> None:
    """Hand a result back, unless the page that asked has been closed meanwhile
    (its worker deleted): then nobody waits for it."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass
