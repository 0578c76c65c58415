"""Session events that keep every record sync-ready.

On each flush, new and changed records get the book's next change numbers,
fresh `updated_at` stamps and the writing device; deleted records leave a
`Tombstone`. A sync import sets `session.info["preserve_stamps"]` to keep the
stamps that came with the records.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session, UOWTransaction

from desktop.data.base import SyncedRecord
from desktop.data.models.book_state import Tombstone
from desktop.data.types import new_id, utcnow


class BookSession(Session):
    """A session on one book. `info` carries `org_id` (owner of new records)
    and `device_id` (who is writing)."""


def _reserve_change_numbers(session: Session, count: int) -> int:
    """Advance the book's change counter by `count`; return the first number."""
    last = (
        session.connection()
        .execute(
            text(
                "UPDATE book_state SET change_counter = change_counter + :n "
                "WHERE id = 1 RETURNING change_counter"
            ),
            {"n": count},
        )
        .scalar_one()
    )
    return int(last) - count + 1


@event.listens_for(BookSession, "before_flush")
def _stamp_records(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    new = [obj for obj in session.new if isinstance(obj, SyncedRecord)]
    dirty = [
        obj
        for obj in session.dirty
        if isinstance(obj, SyncedRecord) and session.is_modified(obj, include_collections=False)
    ]
    deleted = [obj for obj in session.deleted if isinstance(obj, SyncedRecord)]
    if not (new or dirty or deleted):
        return
    preserve = bool(session.info.get("preserve_stamps"))
    device = str(session.info.get("device_id", ""))
    owner = session.info.get("org_id")
    now = utcnow()
    seq = _reserve_change_numbers(session, len(new) + len(dirty) + len(deleted))
    for obj in new:
        if obj.id is None:
            obj.id = new_id()
        if obj.org_id is None:
            # An organisation owns itself; everything else belongs to the book's owner.
            obj.org_id = obj.id if type(obj).__tablename__ == "organisation" else owner
        if not preserve or obj.created_at is None:
            obj.created_at = obj.created_at or now
            obj.updated_at = now if not preserve else (obj.updated_at or now)
            obj.updated_on = device if not preserve else (obj.updated_on or device)
        obj.change_seq = seq
        seq += 1
    for obj in dirty:
        if not preserve:
            obj.updated_at = now
            obj.updated_on = device
        obj.change_seq = seq
        seq += 1
    for obj in deleted:
        session.add(
            Tombstone(
                record_id=obj.id,
                table_name=type(obj).__tablename__,
                org_id=obj.org_id,
                deleted_at=now,
                deleted_on=device,
                change_seq=seq,
            )
        )
        seq += 1
