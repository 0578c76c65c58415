"""The SQLite engine of a book, with durable settings on every connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

from desktop.data import search_index  # noqa: F401  (registers index maintenance)
from desktop.data.stamping import BookSession

BUSY_TIMEOUT_MS = 5000


def _configure(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")  # power cuts are common
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _configure)
    return engine


def make_sessionmaker(engine: Engine, **info: Any) -> sessionmaker[BookSession]:
    return sessionmaker(bind=engine, class_=BookSession, expire_on_commit=False, info=info)
