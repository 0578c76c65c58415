"""What the hub keeps: the registered books and the messages waiting for them.

SQLAlchemy Core over any database URL: a SQLite file by default, PostgreSQL
for a whole province (`postgresql+psycopg://user:password@host/hub`, which
needs `pip install psycopg`). Tables are made when the store opens.

Only the SHA-256 of a book's token is kept. Statements are created with
`hide_parameters`, so neither a database error nor SQLAlchemy's statement log
carries a bundle's bytes, and its row log (at DEBUG) is dropped.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

metadata = MetaData()

books = Table(
    "hub_book",
    metadata,
    Column("book_id", String(36), primary_key=True),
    Column("org_name", String(200), nullable=False),
    Column("key_id", String(64), nullable=False),  # hex SHA-256 of signing_public
    Column("signing_public", LargeBinary, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("token_issued_at", DateTime(timezone=True), nullable=False),
)

messages = Table(
    "hub_message",
    metadata,
    # The order messages came in; SQLite needs INTEGER for its row id.
    Column("number", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("sender_book_id", String(36), nullable=False),
    Column("recipient_book_id", String(36), nullable=False, index=True),
    Column("size", Integer, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("data", LargeBinary, nullable=False),
)


used_proofs = Table(
    "hub_used_proof",
    metadata,
    # A registration proof is good once: a copy seen on the wire cannot be replayed.
    Column("proof_hash", String(64), primary_key=True),
    Column("used_at", DateTime(timezone=True), nullable=False),
)


class Registration(StrEnum):
    NEW = "new"  # a book seen for the first time
    RENEWED = "renewed"  # the same book and key: a new token replaces the old one
    KEY_MISMATCH = "key_mismatch"  # the same book id with another key: refused


@dataclass(frozen=True)
class MessageInfo:
    id: str
    sender_book_id: str
    size: int
    received_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sender_book_id": self.sender_book_id,
            "size": self.size,
            "received_at": self.received_at.isoformat(),
        }


def utcnow() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _no_row_values(record: logging.LogRecord) -> bool:
    return record.msg != "Row %r"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def make_engine(db_url: str) -> Engine:
    """An engine for `db_url`; a SQLite file's folder is made if missing."""
    url = make_url(db_url)
    options: dict[str, Any] = {"hide_parameters": True}
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:"):
            options["poolclass"] = StaticPool
            options["connect_args"] = {"check_same_thread": False}
        elif not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **options)
    engine_log = logging.getLogger("sqlalchemy.engine.Engine")
    if _no_row_values not in engine_log.filters:
        engine_log.addFilter(_no_row_values)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class HubStore:
    """The hub's tables behind a few plain methods (safe to call from threads)."""

    def __init__(self, db_url: str) -> None:
        self.engine = make_engine(db_url)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- books ---------------------------------------------------------------------------

    def register(
        self,
        *,
        book_id: str,
        org_name: str,
        key_id: str,
        signing_public: bytes,
        token_hash: str,
        now: datetime | None = None,
    ) -> Registration:
        """Record a book (or give it a new token); a known book with another key is refused."""
        at = now or utcnow()
        for _attempt in range(2):  # a second try if another request registered it meanwhile
            with self.engine.begin() as connection:
                known = connection.execute(
                    select(books.c.signing_public).where(books.c.book_id == book_id)
                ).first()
                if known is not None:
                    if bytes(known.signing_public) != signing_public:
                        return Registration.KEY_MISMATCH
                    connection.execute(
                        update(books)
                        .where(books.c.book_id == book_id)
                        .values(org_name=org_name, token_hash=token_hash, token_issued_at=at)
                    )
                    return Registration.RENEWED
                try:
                    connection.execute(
                        insert(books).values(
                            book_id=book_id,
                            org_name=org_name,
                            key_id=key_id,
                            signing_public=signing_public,
                            token_hash=token_hash,
                            registered_at=at,
                            token_issued_at=at,
                        )
                    )
                except IntegrityError:
                    continue
                return Registration.NEW
        raise RuntimeError("registration kept colliding")

    def use_proof(self, proof_hash: str, now: datetime | None = None) -> bool:
        """Mark a registration proof used; False if it was used before."""
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    insert(used_proofs).values(proof_hash=proof_hash, used_at=now or utcnow())
                )
        except IntegrityError:
            return False
        return True

    def book_for_token(self, token_hash: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(
                select(books.c.book_id).where(books.c.token_hash == token_hash)
            ).scalar()

    def is_registered(self, book_id: str) -> bool:
        with self.engine.connect() as connection:
            found = connection.execute(
                select(books.c.book_id).where(books.c.book_id == book_id)
            ).first()
            return found is not None

    # --- messages ------------------------------------------------------------------------

    def add_message(
        self, sender_book_id: str, recipient_book_id: str, data: bytes, now: datetime | None = None
    ) -> str:
        message_id = str(uuid.uuid4())
        with self.engine.begin() as connection:
            connection.execute(
                insert(messages).values(
                    id=message_id,
                    sender_book_id=sender_book_id,
                    recipient_book_id=recipient_book_id,
                    size=len(data),
                    received_at=now or utcnow(),
                    data=data,
                )
            )
        return message_id

    def messages_for(self, book_id: str) -> list[MessageInfo]:
        """Messages waiting for a book, oldest first (without their bytes)."""
        query = (
            select(
                messages.c.id,
                messages.c.sender_book_id,
                messages.c.size,
                messages.c.received_at,
            )
            .where(messages.c.recipient_book_id == book_id)
            .order_by(messages.c.number)
        )
        with self.engine.connect() as connection:
            return [
                MessageInfo(row.id, row.sender_book_id, row.size, _utc(row.received_at))
                for row in connection.execute(query)
            ]

    def message_data(self, book_id: str, message_id: str) -> bytes | None:
        """A message's bytes, only for its recipient."""
        with self.engine.connect() as connection:
            data = connection.execute(
                select(messages.c.data).where(
                    messages.c.id == message_id, messages.c.recipient_book_id == book_id
                )
            ).scalar()
            return None if data is None else bytes(data)

    def delete_message(self, book_id: str, message_id: str) -> bool:
        """Remove a message its recipient has taken; False if there is none."""
        with self.engine.begin() as connection:
            result = connection.execute(
                delete(messages).where(
                    messages.c.id == message_id, messages.c.recipient_book_id == book_id
                )
            )
            return bool(result.rowcount)

    def message_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(messages)).scalar_one())
