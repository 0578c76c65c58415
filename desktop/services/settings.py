"""Per-user application settings (language, text size, recent books) and this
computer's device id, kept as a small JSON file in the user config folder."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop.paths import user_config_dir

MIN_TEXT_SIZE = 9
MAX_TEXT_SIZE = 24
DEFAULT_TEXT_SIZE = 12


@dataclass
class AppSettings:
    language: str = "vi"
    text_size: int = DEFAULT_TEXT_SIZE
    device_id: str = ""
    recent_books: list[str] = field(default_factory=list)

    def clamp(self) -> None:
        self.text_size = max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, int(self.text_size)))


def settings_path() -> Path:
    return user_config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> AppSettings:
    """Settings from disk; a missing or unreadable file gives the defaults."""
    target = path or settings_path()
    settings = AppSettings()
    try:
        raw = json.loads(target.read_text(encoding="utf-8"))
        for key, value in raw.items():
            if hasattr(settings, key):
                setattr(settings, key, value)
    except (OSError, ValueError, TypeError):
        pass
    settings.clamp()
    if not settings.device_id:
        settings.device_id = str(uuid.uuid4())
        save_settings(settings, target)
    return settings


def save_settings(settings: AppSettings, path: Path | None = None) -> None:
    """Write atomically, so a power cut never leaves half a file."""
    target = path or settings_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1), "utf-8")
        os.replace(partial, target)
    except OSError:
        pass  # settings are a convenience; never fail the app over them
