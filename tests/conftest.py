"""Shared fixtures: every test gets its own CellBook home folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def cellbook_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CELLBOOK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def vietnamese() -> Iterator[None]:
    """Tests start in the default language and leave it that way."""
    from desktop import i18n

    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def book(tmp_path: Path) -> Iterator[object]:
    from desktop.services.book import Book, NewBookDetails

    opened = Book.create(
        tmp_path / "an-hoa.cellbook",
        NewBookDetails(
            cell_name="Thôn An Hòa",
            commune_name="An Phú",
            term_start=date(2025, 1, 1),
        ),
        device_id="test-device",
        backup_folder=tmp_path / "backups",
    )
    yield opened
    opened.close(backup=False)
