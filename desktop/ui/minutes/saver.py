"""Saving text edits a moment after the typing stops.

Each keystroke restarts a short single-shot timer; when it fires, every edit
waiting is written through the service. `flush()` writes them at once (before
a tick or a button acts, and when the window closes)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from desktop.ui.qt.core import QObject, QTimer, Signal

DELAY_MS = 800

Action = Callable[[], object]


class DebouncedSaver(QObject):
    """Edits waiting to be saved, keyed so a later edit of the same field
    replaces the earlier one. `run(action)` performs one save and returns
    whether it worked (it shows any error itself)."""

    saving = Signal()
    saved = Signal(bool)  # True when every waiting edit was saved

    def __init__(
        self, run: Callable[[Action], bool], delay_ms: int = DELAY_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._pending: dict[Hashable, Action] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)

    def schedule(self, key: Hashable, action: Action) -> None:
        self._pending[key] = action
        self.timer.start()  # restarts the wait on every keystroke
        self.saving.emit()

    def cancel(self, key: Hashable) -> None:
        self._pending.pop(key, None)

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        self.timer.stop()
        if not self._pending:
            return True
        actions = list(self._pending.values())
        self._pending.clear()
        ok = True
        for action in actions:
            ok = self._run(action) and ok
        self.saved.emit(ok)
        return ok
