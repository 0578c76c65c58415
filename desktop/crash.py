"""Crash reports: an exception nobody caught is written to a small text file.

A report holds the time, the CellBook version, Python and the platform, the
exception's type and message and the traceback, and nothing else: no local
variables (a review being typed must never end up in a file lying on the
desk), and database errors carry no statement values (see
`desktop.data.engine`). Reports go to the user's log folder
(`<CELLBOOK_HOME>/logs` when that is set); the newest `KEEP` are kept. The
hook then hands over to the one it replaced, so the usual message is still
printed.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from desktop import __version__
from desktop.paths import APP_NAME

KEEP = 20
PREFIX = "crash-"
SUFFIX = ".txt"
_MARK = "_cellbook_crash_report"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
ThreadHook = Callable[[threading.ExceptHookArgs], object]


def crash_dir() -> Path:
    """Where reports are written: the user's log folder, or `CELLBOOK_HOME/logs`."""
    override = os.environ.get("CELLBOOK_HOME")
    if override:
        return Path(override) / "logs"
    import platformdirs  # imported lazily, as in desktop.paths

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def report_text(
    error_type: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    *,
    now: datetime,
    thread: str = "",
) -> str:
    """The report: facts about the program, then the traceback without locals."""
    import platform
    import traceback

    lines = [
        f"CellBook crash report, {now.isoformat(timespec='seconds')}",
        f"CellBook {__version__}",
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"Platform {platform.platform()}",
    ]
    if getattr(sys, "frozen", False):
        lines.append("Frozen build")
    if thread:
        lines.append(f"Thread {thread}")
    lines.append(f"Exception {error_type.__module__}.{error_type.__qualname__}")
    lines.append("")
    # format_exception never shows locals (capture_locals is off unless asked for).
    lines.extend(traceback.format_exception(error_type, error, trace))
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_report(
    error_type: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    *,
    thread: str = "",
    now: datetime | None = None,
    folder: Path | None = None,
) -> Path | None:
    """Write one report and thin the folder to the newest `KEEP`; the path,
    or None when it could not be written (a crash report never raises)."""
    moment = now or datetime.now().astimezone()
    target = folder or crash_dir()
    try:
        target.mkdir(parents=True, exist_ok=True)
        text = report_text(error_type, error, trace, now=moment, thread=thread)
        path = _free_name(target, moment)
        path.write_text(text, encoding="utf-8")
        _thin(target)
    except Exception:  # noqa: BLE001 (never let the report hide the crash itself)
        return None
    return path


def reports(folder: Path | None = None) -> list[Path]:
    """The reports kept, oldest first."""
    target = folder or crash_dir()
    if not target.is_dir():
        return []
    return sorted(p for p in target.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


def install() -> None:
    """Report uncaught exceptions of the program and of its threads (once)."""
    if not getattr(sys.excepthook, _MARK, False):
        sys.excepthook = _process_hook(sys.excepthook)
    if not getattr(threading.excepthook, _MARK, False):
        threading.excepthook = _thread_hook(threading.excepthook)


def _process_hook(previous: ExceptHook) -> ExceptHook:
    def hook(
        error_type: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if not issubclass(error_type, KeyboardInterrupt):
            write_report(error_type, error, trace)
        previous(error_type, error, trace)

    setattr(hook, _MARK, True)
    return hook


def _thread_hook(previous: ThreadHook) -> ThreadHook:
    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None and not issubclass(args.exc_type, SystemExit):
            name = args.thread.name if args.thread is not None else ""
            write_report(args.exc_type, args.exc_value, args.exc_traceback, thread=name)
        previous(args)

    setattr(hook, _MARK, True)
    return hook


def _free_name(folder: Path, moment: datetime) -> Path:
    """`crash-YYYYMMDD-HHMMSS-ffffff-NN.txt`: names sort by time."""
    stem = f"{PREFIX}{moment:%Y%m%d-%H%M%S-%f}"
    number = 0
    while (path := folder / f"{stem}-{number:02d}{SUFFIX}").exists():
        number += 1
    return path


def _thin(folder: Path) -> None:
    for old in reports(folder)[:-KEEP]:
        old.unlink(missing_ok=True)
