"""Where CellBook finds its shipped resources and keeps the user's books."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

APP_NAME = "CellBook"
BOOK_SUFFIX = ".cellbook"


@cache
def resources_dir() -> Path:
    """The shipped `resources/` folder, from a source checkout or a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def _platformdirs():  # imported lazily: start-up time matters on old machines
    import platformdirs

    return platformdirs


def user_data_dir() -> Path:
    """Per-user data folder; `CELLBOOK_HOME` overrides it (tests, portable installs)."""
    override = os.environ.get("CELLBOOK_HOME")
    if override:
        return Path(override)
    return Path(_platformdirs().user_data_dir(APP_NAME, appauthor=False))


def user_config_dir() -> Path:
    override = os.environ.get("CELLBOOK_HOME")
    if override:
        return Path(override) / "config"
    return Path(_platformdirs().user_config_dir(APP_NAME, appauthor=False))


def books_dir() -> Path:
    return user_data_dir() / "books"


def backups_dir() -> Path:
    return user_data_dir() / "backups"


def user_rules_dir() -> Path:
    """Rule files a commune hands out are dropped here."""
    return user_data_dir() / "rules"
