"""A book that is opened with the ORM on first use.

The main window is drawn from `desktop.services.overview` (plain sqlite3);
everything else needs the full `Book`, which this handle opens the first
time it is asked for, or right after the first paint. Nothing here imports
SQLAlchemy until then.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.data import schema

if TYPE_CHECKING:
    from desktop.services.book import Book


class BookHandle:
    def __init__(self, path: Path, device_id: str = "", book: Book | None = None) -> None:
        self.path = Path(path)
        self.device_id = device_id
        self._book = book

    @classmethod
    def for_path(cls, path: Path | str, device_id: str = "") -> BookHandle:
        """Check the file is a book we can read (fast); open it at once only if it
        must first be migrated. Raises `BookFileError` like `Book.open`."""
        book_path = Path(path)
        if schema.probe(book_path) < schema.SCHEMA_VERSION:
            from desktop.services.book import Book

            return cls(book_path, device_id, Book.open(book_path, device_id=device_id))
        return cls(book_path, device_id)

    @property
    def is_open(self) -> bool:
        return self._book is not None

    @property
    def book(self) -> Book:
        if self._book is None:
            from desktop.services.book import Book

            self._book = Book.open(self.path, device_id=self.device_id)
        return self._book

    def close(self) -> Path | None:
        """Close the book if it was opened (backing it up if it changed)."""
        if self._book is None:
            return None
        book, self._book = self._book, None
        return book.close()
