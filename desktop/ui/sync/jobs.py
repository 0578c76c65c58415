"""The Sync page's slow work, as plain functions run on a worker thread:
making a bundle and writing it out, importing bundle files.

Everything that makes or imports bundles for a book takes the book's
`sync_lock` first, so a bundle saved to a USB stick, an import and a round
of the hub's outbox never run into each other (two bundles numbered alike,
one bundle imported twice at once).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _

if TYPE_CHECKING:
    from desktop.export.bundle.exchange import ImportResult, MadeBundle
    from desktop.services.book import Book

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _key(book: Book) -> str:
    return str(Path(book.path).resolve())


@contextmanager
def sync_lock(book: Book) -> Iterator[None]:
    """Held while bundles are made or imported for `book` (on any thread)."""
    with _locks_guard:
        lock = _locks.setdefault(_key(book), threading.Lock())
    with lock:
        yield


def is_busy(book: Book) -> bool:
    """Whether bundles are being made or imported for `book` right now."""
    with _locks_guard:
        lock = _locks.get(_key(book))
    return lock is not None and lock.locked()


# --- saving a bundle ----------------------------------------------------------------------


@dataclass(frozen=True)
class SavedBundle:
    """A bundle made (or taken again from the book) and where it went."""

    made: MadeBundle
    path: Path | None  # None: the file could not be written
    problem: str = ""  # why it could not, in plain words
    drive: str = ""  # the removable drive's label, when saved on one


def make_and_save(
    book: Book, peer_book_id: str, target: Path, *, full: bool = False, drive: str = ""
) -> SavedBundle:
    """Make the next bundle for `peer_book_id` and write it to `target` (a
    folder, where it takes its own name, or a file path)."""
    from desktop.export.bundle.exchange import make_bundle

    with sync_lock(book):
        made = make_bundle(book, peer_book_id, full=full)
    return write(made, target, drive)


def save_again(book: Book, peer_book_id: str, sequence: int, target: Path) -> SavedBundle | None:
    """A bundle made earlier, written again; None if the book does not have it."""
    from desktop.export.bundle.exchange import saved_bundle

    made = saved_bundle(book, peer_book_id, sequence)
    return None if made is None else write(made, target)


def write(made: MadeBundle, target: Path, drive: str = "") -> SavedBundle:
    """Write the bundle, and make sure it is on the drive, not only in memory:
    people take the USB stick out as soon as they are told it is saved."""
    try:
        path = made.save(target)
        with path.open("rb+") as stream:
            os.fsync(stream.fileno())
    except OSError as error:
        return SavedBundle(made, None, error.strerror or str(error), drive)
    return SavedBundle(made, path, "", drive)


# --- importing bundle files ---------------------------------------------------------------


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one bundle file: imported or already (`result`), or refused."""

    file_name: str
    result: ImportResult | None
    refused: str = ""


def import_files(book: Book, paths: Sequence[Path]) -> list[ImportOutcome]:
    """Read and import bundle files, with one backup before the first change;
    results in the order of `paths`."""
    from desktop.export.bundle.exchange import ImportRefused, import_bundles
    from desktop.export.bundle.format import BundleError, read_bundle_file

    outcomes: list[ImportOutcome | None] = [None] * len(paths)
    readable: list[tuple[int, bytes]] = []
    for index, path in enumerate(paths):
        try:
            readable.append((index, read_bundle_file(path)))
        except BundleError as error:
            outcomes[index] = ImportOutcome(
                path.name, None, f"{error} " + _("Nothing was changed.")
            )
        except OSError as error:
            outcomes[index] = ImportOutcome(
                path.name,
                None,
                _("The file could not be read ({reason}). Nothing was changed.").format(
                    reason=error.strerror or error
                ),
            )
    if readable:
        with sync_lock(book):
            results = import_bundles(book, [data for _index, data in readable])
        for (index, _data), result in zip(readable, results, strict=True):
            name = paths[index].name
            if isinstance(result, ImportRefused):
                outcomes[index] = ImportOutcome(name, None, str(result))
            else:
                outcomes[index] = ImportOutcome(name, result)
    return [outcome for outcome in outcomes if outcome is not None]
