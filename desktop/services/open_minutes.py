"""Minutes left open when the app stopped (a crash, a power cut), so they
can be reopened where the secretary was.

Kept in a small file of its own beside the settings, one entry per book file:
the settings object is held in memory by the app and saved whole, which would
overwrite a place remembered in the meantime.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.paths import user_config_dir


@dataclass(frozen=True)
class OpenMinutes:
    meeting_id: str
    tab: int = 0  # the minutes window's tab
    part: int = 0  # the agenda part selected on the content tab


def _file() -> Path:
    return user_config_dir() / "open-minutes.json"


def _book_key(book_path: Path) -> str:
    return str(Path(book_path).resolve())


def _read() -> dict[str, Any]:
    try:
        raw = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _write(entries: dict[str, Any]) -> None:
    target = _file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(entries, ensure_ascii=False, indent=1), "utf-8")
        os.replace(partial, target)
    except OSError:
        pass  # a convenience: the minutes themselves are already in the book


def remember(book_path: Path, place: OpenMinutes) -> None:
    entries = _read()
    entries[_book_key(book_path)] = asdict(place)
    _write(entries)


def forget(book_path: Path) -> None:
    entries = _read()
    if entries.pop(_book_key(book_path), None) is not None:
        _write(entries)


def left_open(book_path: Path) -> OpenMinutes | None:
    """The minutes of this book that were open when the app stopped."""
    raw = _read().get(_book_key(book_path))
    if not isinstance(raw, dict) or not isinstance(raw.get("meeting_id"), str):
        return None
    tab, part = raw.get("tab", 0), raw.get("part", 0)
    return OpenMinutes(
        raw["meeting_id"], tab if isinstance(tab, int) else 0, part if isinstance(part, int) else 0
    )
