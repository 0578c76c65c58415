"""Session events that keep every record sync-ready.

On each flush, new and changed records get the book's next change numbers,
fresh `updated_at` stamps and the writing device; deleted records leave a
`Tombstone`. A sync import sets `session.info["preserve_stamps"]` to keep the
stamps that came with the records.

The same flush refuses changes to the minutes of an adopted meeting (see
`_refuse_changes_to_adopted_minutes`) unless `session.info["amending"]` is
set, as `desktop.services.adoption` does when it adopts or amends.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session, UOWTransaction

from desktop.data.base import SyncedRecord
from desktop.data.enums import MeetingState
from desktop.data.models.book_state import Tombstone
from desktop.data.models.meeting import AgendaItem, Attendance, Meeting, MeetingGuest, Speech
from desktop.data.models.meeting_document import MeetingDocument
from desktop.data.models.resolution import Resolution, ResolutionTask
from desktop.data.types import new_id, utcnow
from desktop.i18n import _


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


class LockedRecordError(ValueError):
    """A change to the minutes of an adopted meeting made outside an amendment."""

    def __init__(self, table: str) -> None:
        self.table = table
        super().__init__(
            _(
                "These minutes have been adopted and cannot be changed directly. "
                "Nothing was saved. To correct them, record an amendment with its reason."
            )
        )


# Columns every record carries for sync; writing them never changes what the minutes say.
_STAMP_COLUMNS = frozenset({"created_at", "updated_at", "updated_on", "change_seq", "org_id"})
# Still open after adoption: the next month's meeting evaluates last month's tasks.
_FOLLOW_UP_COLUMNS: dict[type, frozenset[str]] = {
    ResolutionTask: frozenset({"result", "result_note"})
}
# Rows that belong to a meeting and are locked with its minutes; the documents
# handed out are kept as they were at the meeting.
_MINUTES_ROWS = (
    Meeting,
    AgendaItem,
    Attendance,
    MeetingGuest,
    Speech,
    Resolution,
    ResolutionTask,
    MeetingDocument,
)
_WRITTEN_KEY = "_meetings_written_in_transaction"


def _meetings_written_here(session: Session) -> set[str]:
    """Ids of meetings inserted during the session's current transaction: their
    rows may still be added (a sync import or the demo writes them in steps)."""
    root = session.get_transaction()
    entry = session.info.get(_WRITTEN_KEY)
    if entry is None or entry[0] is not root:
        entry = (root, set())
        session.info[_WRITTEN_KEY] = entry
    written: set[str] = entry[1]
    return written


def _meeting_ids(session: Session, obj: object) -> set[str]:
    """The meeting(s) a minutes row belongs to, before and after its pending change."""
    state = inspect(obj)
    if isinstance(obj, Meeting):
        return {obj.id} if obj.id else set()
    if isinstance(obj, ResolutionTask):
        ids: set[str] = set()
        resolution_ids = set(state.attrs.resolution_id.history.deleted or ())
        resolution_ids.add(obj.resolution_id)
        if "resolution" in state.dict and obj.resolution is not None:
            resolution_ids.add(obj.resolution.id)
            if obj.resolution.meeting_id:
                ids.add(obj.resolution.meeting_id)
        for resolution_id in resolution_ids - {None}:
            resolution = session.get(Resolution, resolution_id)
            if resolution is not None:
                ids.add(resolution.meeting_id)
        return ids - {None}  # type: ignore[arg-type]
    ids = set(state.attrs.meeting_id.history.deleted or ())
    ids.add(obj.meeting_id)  # type: ignore[attr-defined]
    if "meeting" in state.dict and obj.meeting is not None:  # type: ignore[attr-defined]
        ids.add(obj.meeting.id)  # type: ignore[attr-defined]
    return ids - {None}  # type: ignore[arg-type]


def _adopted_before_this_flush(session: Session, meeting_id: str) -> bool:
    """True if the meeting's stored state (not a pending change) is ADOPTED."""
    if meeting_id in _meetings_written_here(session):
        return False
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting in session.new:
        return False
    history = inspect(meeting).attrs.state.load_history()
    if history.deleted:
        return history.deleted[0] is MeetingState.ADOPTED
    return meeting.state is MeetingState.ADOPTED


def _changed_columns(obj: object) -> set[str]:
    state = inspect(obj)
    return {
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in _STAMP_COLUMNS and state.attrs[attr.key].history.has_changes()
    }


def _refuse_changes_to_adopted_minutes(session: Session) -> None:
    """Adopted minutes change only through `desktop.services.adoption`.

    Refused: changing or deleting a meeting whose stored state is ADOPTED, or
    any of its agenda items, attendance, guests, speeches, resolution and tasks,
    documents handed out, and adding rows to it. Allowed: a task's `result` and `result_note` (the
    next month's meeting evaluates last month's tasks), and rows of a meeting
    inserted in the same transaction (it is being written, not changed).
    """
    if session.info.get("amending"):
        return
    with session.no_autoflush:
        for obj in list(session.new) + list(session.deleted):
            if isinstance(obj, _MINUTES_ROWS) and any(
                _adopted_before_this_flush(session, meeting_id)
                for meeting_id in _meeting_ids(session, obj)
            ):
                raise LockedRecordError(type(obj).__tablename__)
        for obj in list(session.dirty):
            if not isinstance(obj, _MINUTES_ROWS) or obj in session.deleted:
                continue
            changed = _changed_columns(obj) - _FOLLOW_UP_COLUMNS.get(type(obj), frozenset())
            if changed and any(
                _adopted_before_this_flush(session, meeting_id)
                for meeting_id in _meeting_ids(session, obj)
            ):
                raise LockedRecordError(type(obj).__tablename__)


class ForeignRecordError(ValueError):
    """A change to a record another book owns (a read-only copy received in a bundle)."""

    def __init__(self, table: str) -> None:
        self.table = table
        super().__init__(
            _(
                "This record was received from another book and belongs to it; it can only "
                "be changed there. Nothing was saved."
            )
        )


def _refuse_changes_to_foreign_records(session: Session) -> None:
    """Records owned by another organisation are copies taken from its bundles:
    only an import changes or deletes them, and it writes them without the ORM
    (`desktop.services.sync.apply`)."""
    owner = session.info.get("org_id")
    if not owner:
        return
    for obj in list(session.dirty) + list(session.deleted):
        if (
            isinstance(obj, SyncedRecord)
            and obj.org_id not in (None, owner)
            and (obj in session.deleted or session.is_modified(obj, include_collections=False))
        ):
            raise ForeignRecordError(type(obj).__tablename__)  # type: ignore[attr-defined]


@event.listens_for(BookSession, "before_flush")
def _stamp_records(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    _refuse_changes_to_adopted_minutes(session)
    _refuse_changes_to_foreign_records(session)
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
        if isinstance(obj, Meeting):
            _meetings_written_here(session).add(obj.id)
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
