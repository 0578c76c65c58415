"""The baseline: a bare PySide6 QMainWindow, started and painted like CellBook's."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaint(QObject):
    def __init__(self, started: float) -> None:
        super().__init__()
        self.started = started
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.finish)
        return False

    def finish(self) -> None:
        print(f"{time.perf_counter() - self.started:.3f}", flush=True)
        QApplication.quit()


def main() -> int:
    started = time.perf_counter()
    app = QApplication(sys.argv)
    window = QMainWindow()
    label = QLabel("CellBook")
    window.setCentralWidget(label)
    watcher = _FirstPaint(started)
    label.installEventFilter(watcher)
    window.resize(1024, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
