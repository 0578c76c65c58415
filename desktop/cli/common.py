"""What several commands share: opening a book the way the app does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.services.book import Book


def device_id() -> str:
    from desktop.services.settings import load_settings

    return load_settings().device_id


@contextmanager
def open_book(path: str | Path, *, backup_on_close: bool = False) -> Iterator[Book]:
    """Open the book at `path` (migrating an older one after a backup) and close it after.

    Read-only commands close without a backup copy; commands that change the
    book keep one, as the app does.
    """
    from desktop.services.book import Book

    book = Book.open(Path(path), device_id=device_id())
    try:
        yield book
    finally:
        book.close(backup=backup_on_close)


def one_line(text: str) -> str:
    return " ".join(text.split())
