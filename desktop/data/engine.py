"""The SQLite engine of a book, with durable settings on every connection.

What a book holds (reviews, criticism, members' details) never leaves it
through an error or a log: statements are created with `hide_parameters`, so
a database error names the statement but not its values, and SQLAlchemy's
row logging (emitted when its loggers are turned up to DEBUG) is dropped.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

from desktop.data import search_index  # noqa: F401  (registers index maintenance)
from desktop.data.stamping import BookSession

BUSY_TIMEOUT_MS = 5000
ENGINE_LOGGER = "sqlalchemy.engine.Engine"


def _no_row_values(record: logging.LogRecord) -> bool:
    """Keep SQLAlchemy's statement log, drop the rows it read (their values)."""
    return record.msg != "Row %r"


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
    engine = create_engine(f"sqlite:///{path}", future=True, hide_parameters=True)
    logger = logging.getLogger(ENGINE_LOGGER)
    if _no_row_values not in logger.filters:
        logger.addFilter(_no_row_values)
    event.listen(engine, "connect", _configure)
    return engine


def make_sessionmaker(engine: Engine, **info: Any) -> sessionmaker[BookSession]:
    return sessionmaker(bind=engine, class_=BookSession, expire_on_commit=False, info=info)
