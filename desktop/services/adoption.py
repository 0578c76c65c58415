"""Adopting a meeting's minutes, checking them, and correcting them on the record.

Once adopted, minutes do not change silently. `adopt` stores a SHA-256
fingerprint of everything the minutes say; `verify` recomputes it; `amend`
is the only way to change them afterwards and keeps who, when, why and each
field's value before and after as a `MeetingAmendment`. Direct edits are
refused by the session guard in `desktop.data.stamping`.

A task's result and result note stay editable after adoption (the next
month's meeting evaluates last month's tasks) and are therefore not part of
the fingerprint. Neither is the preparation (guests' invitations, the
documents handed out): it is locked with the minutes but is not what they say.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from desktop.data.enums import GuestRole, MeetingState
from desktop.data.models import (
    AgendaItem,
    Attendance,
    Meeting,
    MeetingAmendment,
    MeetingGuest,
    Resolution,
    ResolutionTask,
    Speech,
)
from desktop.data.types import utcnow
from desktop.i18n import N_, _
from desktop.services.book import Book
from desktop.services.validation import FieldError, ValidationError, Validator

# What the minutes say, table by table: these fields make the fingerprint and
# are the ones an amendment may change.
MEETING_FIELDS = (
    "kind",
    "title",
    "topic",
    "scheduled_on",
    "held_on",
    "start_time",
    "end_time",
    "place",
    "chair_id",
    "minute_taker_id",
    "score",
    "grade",
    "superior_remarks",
    "notes",
)
# Fields added later, with the value every row had before they existed: a
# field at that value is left out of the fingerprint, so minutes adopted
# before it existed still verify. A callable gives the value from the row.
MEETING_LATER_FIELDS: dict[str, Any] = {"score_confirmed_by": "", "score_confirmed_on": None}
ATTENDANCE_FIELDS = ("member_id", "member_status", "status", "reason")
GUEST_FIELDS = ("position", "name", "title", "is_superior")
GUEST_LATER_FIELDS: dict[str, Any] = {
    "role": lambda guest: GuestRole.SUPERIOR_IN_CHARGE if guest.is_superior else GuestRole.GUEST,
    "attended": True,
}
AGENDA_FIELDS = ("position", "title", "presenter_id", "conclusion")
SPEECH_FIELDS = (
    "position",
    "agenda_item_id",
    "member_id",
    "speaker_name",
    "content",
    "is_recommendation",
)
RESOLUTION_FIELDS = (
    "title",
    "evaluation",
    "directions",
    "votes_for",
    "votes_against",
    "votes_abstain",
    "voters_present",
)
TASK_FIELDS = ("position", "description", "assignee_id", "assignee_text", "due_on")

AMENDABLE: dict[str, tuple[type, tuple[str, ...]]] = {
    "meeting": (Meeting, MEETING_FIELDS + tuple(MEETING_LATER_FIELDS)),
    "attendance": (Attendance, ATTENDANCE_FIELDS[1:]),
    "meeting_guest": (MeetingGuest, GUEST_FIELDS + tuple(GUEST_LATER_FIELDS)),
    "agenda_item": (AgendaItem, AGENDA_FIELDS),
    "speech": (Speech, SPEECH_FIELDS),
    "resolution": (Resolution, RESOLUTION_FIELDS),
    "resolution_task": (ResolutionTask, TASK_FIELDS),
}

TABLE_LABELS = {
    "meeting": N_("Meeting"),
    "attendance": N_("Attendance"),
    "meeting_guest": N_("Guest"),
    "agenda_item": N_("Agenda item"),
    "speech": N_("Opinion"),
    "resolution": N_("Resolution"),
    "resolution_task": N_("Task"),
}

CHANGE_FIELD_LABELS = {
    "kind": N_("Type"),
    "title": N_("Title"),
    "topic": N_("Topic"),
    "scheduled_on": N_("Date"),
    "held_on": N_("Held on"),
    "start_time": N_("Start time"),
    "end_time": N_("End time"),
    "place": N_("Place"),
    "chair_id": N_("Chair"),
    "minute_taker_id": N_("Minute-taker"),
    "score": N_("Quality score"),
    "grade": N_("Grade"),
    "superior_remarks": N_("Remarks of the superior committee"),
    "score_confirmed_by": N_("Score confirmed by"),
    "score_confirmed_on": N_("Score confirmed on"),
    "notes": N_("Notes"),
    "member_status": N_("Status on the day"),
    "status": N_("Attendance"),
    "reason": N_("Reason"),
    "position": N_("Order"),
    "name": N_("Name"),
    "is_superior": N_("Superior delegate"),
    "role": N_("Invited as"),
    "attended": N_("Attended"),
    "presenter_id": N_("Presenter"),
    "conclusion": N_("Conclusion"),
    "agenda_item_id": N_("Agenda item"),
    "member_id": N_("Speaker"),
    "speaker_name": N_("Speaker"),
    "content": N_("Content"),
    "is_recommendation": N_("Recommendation"),
    "evaluation": N_("Last month"),
    "directions": N_("Next month"),
    "votes_for": N_("Votes for"),
    "votes_against": N_("Votes against"),
    "votes_abstain": N_("Abstentions"),
    "voters_present": N_("Voting members present"),
    "description": N_("Task"),
    "assignee_id": N_("Who"),
    "assignee_text": N_("Who"),
    "due_on": N_("Due"),
}


def change_label(table: str, field: str) -> str:
    """ "Opinion — Content": where a recorded change was made, in the user's language."""
    return _(TABLE_LABELS.get(table, table)) + " — " + _(CHANGE_FIELD_LABELS.get(field, field))


@dataclass(frozen=True)
class FieldChange:
    """One field of one minutes row to set to `after` (table names as in the book)."""

    table: str
    record_id: str
    field: str
    after: Any


# --- the fingerprint ------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A value as canonical JSON holds it: enums by value, dates and times in ISO."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def _row(
    obj: object, fields: tuple[str, ...], later: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The fields of a row; `later` fields only where they differ from the
    value rows had before the field existed."""
    row = {field: _plain(getattr(obj, field)) for field in fields}
    for field, before in (later or {}).items():
        value = getattr(obj, field)
        if callable(before):
            before = before(obj)
        if _plain(value) != _plain(before):
            row[field] = _plain(value)
    return row


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _ordered(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows by position, ties broken by content, so insertion order never matters."""
    return sorted(rows, key=lambda row: (row.get("position") or 0, _canonical(row)))


def minutes_content(session: Session, meeting: Meeting) -> dict[str, Any]:
    """Everything the minutes say, as plain data (no ids of the rows, no sync stamps)."""
    meeting_id = meeting.id
    agenda = session.scalars(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
    agenda_rows = sorted(
        ((_row(item, AGENDA_FIELDS), item.id) for item in agenda),
        key=lambda pair: (pair[0]["position"] or 0, _canonical(pair[0])),
    )
    agenda_index = {item_id: index for index, (_data, item_id) in enumerate(agenda_rows)}
    speeches = []
    for speech in session.scalars(select(Speech).where(Speech.meeting_id == meeting_id)):
        row = _row(speech, SPEECH_FIELDS)
        row["agenda_item_id"] = agenda_index.get(speech.agenda_item_id or "")
        speeches.append(row)
    attendance = sorted(
        (
            _row(row, ATTENDANCE_FIELDS)
            for row in session.scalars(
                select(Attendance).where(Attendance.meeting_id == meeting_id)
            )
        ),
        key=lambda row: (row["member_id"], _canonical(row)),
    )
    guests = [
        _row(guest, GUEST_FIELDS, GUEST_LATER_FIELDS)
        for guest in session.scalars(
            select(MeetingGuest).where(MeetingGuest.meeting_id == meeting_id)
        )
    ]
    content: dict[str, Any] = {
        "meeting": _row(meeting, MEETING_FIELDS, MEETING_LATER_FIELDS),
        "attendance": attendance,
        "guests": _ordered(guests),
        "agenda": [data for data, _item_id in agenda_rows],
        "speeches": _ordered(speeches),
        "resolution": None,
    }
    resolution = session.scalars(
        select(Resolution).where(Resolution.meeting_id == meeting_id)
    ).first()
    if resolution is not None:
        tasks = session.scalars(
            select(ResolutionTask).where(ResolutionTask.resolution_id == resolution.id)
        )
        content["resolution"] = {
            **_row(resolution, RESOLUTION_FIELDS),
            "tasks": _ordered([_row(task, TASK_FIELDS) for task in tasks]),
        }
    return content


def content_hash(session: Session, meeting: Meeting) -> str:
    """SHA-256 (hex) of the canonical JSON of what the minutes say."""
    text = _canonical(minutes_content(session, meeting))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint_text(digest: str) -> str:
    """The first 8 hex digits, grouped for reading aloud: "ABCD-EF12"."""
    head = digest[:8].upper()
    return f"{head[:4]}-{head[4:]}" if head else ""


# --- adopting, checking, amending -------------------------------------------------


class AdoptionService:
    def __init__(self, book: Book) -> None:
        self.book = book

    def adopt(self, meeting_id: str, *, at: datetime | None = None) -> str:
        """Adopt a held meeting's minutes; returns their fingerprint.

        Raises `ValidationError`, saving nothing, if the meeting is not held
        or its resolution has no vote recorded.
        """
        moment = at or utcnow()
        with self.book.session() as session:
            session.info["amending"] = True
            meeting = _meeting(session, meeting_id)
            check = Validator()
            if meeting.state is MeetingState.ADOPTED:
                check.add("state", _("These minutes have already been adopted."))
            elif meeting.state is not MeetingState.HELD:
                check.add(
                    "state",
                    _(
                        "Only the minutes of a meeting that has been held can be adopted. "
                        "Record the meeting as held first."
                    ),
                )
            resolution = meeting.resolution
            if resolution is not None and (
                resolution.votes_for is None or resolution.voters_present is None
            ):
                check.add(
                    "votes_for",
                    _("Record the vote on the resolution before adopting the minutes."),
                )
            check.raise_if_any()
            digest = content_hash(session, meeting)
            meeting.state = MeetingState.ADOPTED
            meeting.adopted_at = moment
            meeting.content_hash = digest
            if resolution is not None:
                resolution.adopted_at = moment
            return digest

    def verify(self, meeting_id: str) -> bool:
        """True if the adopted minutes still say what they said (an empty
        fingerprint, as in books from before adoption was recorded, is False)."""
        with self.book.reader() as session:
            meeting = session.get(Meeting, meeting_id)
            if meeting is None or not meeting.content_hash:
                return False
            return content_hash(session, meeting) == meeting.content_hash

    def amend(
        self,
        meeting_id: str,
        changes: list[FieldChange],
        *,
        reason: str,
        author: str,
        at: datetime | None = None,
    ) -> str:
        """Correct adopted minutes on the record; returns the amendment's id.

        Every change, the amendment and the new fingerprint are written in one
        transaction; a `ValidationError` saves nothing.
        """
        check = Validator()
        if not reason or not reason.strip():
            check.add("reason", _("Reason for the correction: please fill this in."))
        if not author or not author.strip():
            check.add("author", _("Who makes the correction: please fill this in."))
        check.raise_if_any()
        with self.book.session() as session:
            session.info["amending"] = True
            meeting = _meeting(session, meeting_id)
            if meeting.state is not MeetingState.ADOPTED:
                check.add(
                    "state",
                    _("Only adopted minutes are amended; edit this meeting directly."),
                )
                check.raise_if_any()
            hash_before = content_hash(session, meeting)
            recorded = []
            for change in changes:
                obj = _target(session, meeting, change, check)
                if obj is None:
                    continue
                before = getattr(obj, change.field)
                after = _coerce(obj, change.field, change.after)
                if after == before:
                    continue
                setattr(obj, change.field, after)
                recorded.append(
                    {
                        "table": change.table,
                        "record_id": change.record_id,
                        "field": change.field,
                        "before": _plain(before),
                        "after": _plain(after),
                    }
                )
            if not recorded and not check.errors:
                check.add("changes", _("The correction changes nothing."))
            check.raise_if_any()
            session.flush()
            hash_after = content_hash(session, meeting)
            meeting.content_hash = hash_after
            amendment = MeetingAmendment(
                meeting_id=meeting.id,
                made_at=at or utcnow(),
                author=author.strip(),
                reason=reason.strip(),
                changes=_canonical(recorded),
                hash_before=hash_before,
                hash_after=hash_after,
            )
            session.add(amendment)
            session.flush()
            return amendment.id

    def amendments(self, meeting_id: str) -> list[MeetingAmendment]:
        with self.book.reader() as session:
            return list(
                session.scalars(
                    select(MeetingAmendment)
                    .where(MeetingAmendment.meeting_id == meeting_id)
                    .order_by(MeetingAmendment.made_at)
                )
            )


def amendment_changes(amendment: MeetingAmendment) -> list[dict[str, Any]]:
    """The recorded changes of an amendment (an unreadable record reads as none)."""
    try:
        changes = json.loads(amendment.changes or "[]")
    except ValueError:
        return []
    return [change for change in changes if isinstance(change, dict)]


def _meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise ValidationError([FieldError("meeting", _("This meeting is no longer in the book."))])
    return meeting


def _target(session: Session, meeting: Meeting, change: FieldChange, check: Validator) -> Any:
    """The row a change is for, if it is part of this meeting's minutes."""
    table = AMENDABLE.get(change.table)
    if table is None or change.field not in table[1]:
        check.add("changes", _("This part of the minutes cannot be amended."))
        return None
    obj = session.get(table[0], change.record_id)
    owner = None
    if isinstance(obj, Meeting):
        owner = obj.id
    elif isinstance(obj, ResolutionTask):
        owner = obj.resolution.meeting_id if obj.resolution is not None else None
    elif obj is not None:
        owner = obj.meeting_id
    if owner != meeting.id:
        check.add("changes", _("The correction names a record that is not in these minutes."))
        return None
    return obj


def _coerce(obj: object, field: str, value: Any) -> Any:
    """A value from a form or a file in the column's own type."""
    column = inspect(type(obj)).columns[field]
    python_type = column.type.python_type
    if value is None or (value == "" and column.nullable and python_type is not str):
        return None
    enum_class = getattr(column.type, "enum_class", None)
    if enum_class is not None:
        return enum_class(value)
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    if python_type is time and isinstance(value, str):
        return time.fromisoformat(value)
    if python_type in (int, float) and isinstance(value, str):
        return python_type(value)
    return value
