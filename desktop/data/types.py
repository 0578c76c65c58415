"""Column types that enforce CellBook's storage conventions on the way in."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def nfc(value: str) -> str:
    """Compose decomposed (NFD) Vietnamese: decomposed input misplaces accents in PDFs."""
    return unicodedata.normalize("NFC", value)


class NfcText(TypeDecorator[str]):
    """Unbounded text, stored in Unicode NFC."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else nfc(str(value))


class NfcString(TypeDecorator[str]):
    """Short text, stored in Unicode NFC."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else nfc(str(value))


class UtcDateTime(TypeDecorator[datetime]):
    """An instant stored as ISO-8601 UTC text and read back timezone-aware.

    SQLite has no time zone type; naive values are taken to be UTC.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
