"""The Sync page's jobs off the UI thread, one at a time: while one runs the
page says what it is doing and its bundle buttons wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.ui.documents.worker import Worker
from desktop.ui.qt.core import QEvent, QObject, Signal
from desktop.ui.qt.widgets import QWidget

CLOSE_WAIT_MS = 60000  # a bundle being made or imported is finished before the book closes


class Tasks(QObject):
    """Runs a job on the worker thread and hands its result (or error) back."""

    changed = Signal(bool, str)  # busy, what is being done

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = Worker(self)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self._ticket = 0
        self._on_done: Callable[[Any], None] | None = None
        self._on_failed: Callable[[Exception], None] | None = None
        self.doing = ""
        self._watched: QWidget | None = None

    def watch(self, window: QWidget) -> None:
        """Let a job under way finish before `window` closes the book."""
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._watched and event.type() == QEvent.Type.Close and self.busy:
            self.worker.wait(CLOSE_WAIT_MS)
            # The book closes now: what the job hands back is not shown any more.
            self._ticket = 0
            self._on_done = self._on_failed = None
        return False

    @property
    def busy(self) -> bool:
        return self._on_done is not None

    def run(
        self,
        doing: str,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
    ) -> bool:
        """Start `job`; False (and nothing started) if another job still runs."""
        if self.busy:
            return False
        self._on_done, self._on_failed, self.doing = on_done, on_failed, doing
        self._ticket = self.worker.start(job)
        self.changed.emit(True, doing)
        return True

    def wait(self, msecs: int = -1) -> bool:
        return self.worker.wait(msecs)

    def _end(self) -> tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]:
        handlers = (self._on_done, self._on_failed)
        self._on_done = self._on_failed = None
        self.doing = ""
        self.changed.emit(False, "")
        return handlers

    def _finished(self, ticket: int, result: object) -> None:
        if ticket != self._ticket:
            return
        on_done, _on_failed = self._end()
        if on_done is not None:
            on_done(result)

    def _failed(self, ticket: int, error: object) -> None:
        if ticket != self._ticket:
            return
        _on_done, on_failed = self._end()
        if on_failed is not None:
            on_failed(error if isinstance(error, Exception) else RuntimeError(str(error)))
