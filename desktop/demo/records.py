"""Deterministic ids and stamps for demo records.

Every record gets a UUID drawn from a seeded generator and `created_at` /
`updated_at` stamps derived from the story's dates, so the same seed gives
the same book down to the last id and timestamp.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any, TypeVar

from desktop.data.base import SyncedRecord

LOCAL_TIME = timezone(timedelta(hours=7))  # Vietnam has one time zone and no daylight saving

R = TypeVar("R", bound=SyncedRecord)


def local_moment(day: date, at: time) -> datetime:
    """`day` at local time `at`, as a UTC instant."""
    return datetime.combine(day, at, tzinfo=LOCAL_TIME).astimezone(UTC)


class RecordFactory:
    """Makes records with seeded ids and explicit stamps, and keeps them for `add_all`."""

    def __init__(self, seed: int, device_id: str) -> None:
        self._ids = random.Random(f"cellbook-demo-ids:{seed}")
        self.device_id = device_id
        self.pending: list[SyncedRecord] = []

    def new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def stamp(self, record: SyncedRecord, at: datetime, updated: datetime | None = None) -> None:
        record.created_at = at
        record.updated_at = updated or at
        record.updated_on = self.device_id

    def make(
        self, model: type[R], at: datetime, *, updated: datetime | None = None, **fields: Any
    ) -> R:
        record = model(**fields)
        record.id = self.new_id()
        self.stamp(record, at, updated)
        self.pending.append(record)
        return record

    def take(self) -> list[SyncedRecord]:
        """The records made since the last call, in the order they were made."""
        records, self.pending = self.pending, []
        return records
