"""The meeting a change is about, refused in the same plain words by every
service once its minutes are adopted."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.data.enums import MeetingState
from desktop.data.models import Meeting
from desktop.i18n import _
from desktop.services.validation import FieldError, ValidationError


def refusal(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, message)])


def adopted_message() -> str:
    return _(
        "These minutes have been adopted and can no longer be changed here. "
        "To correct them, record an amendment with its reason."
    )


def existing_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise refusal("meeting", _("This meeting is no longer in the book."))
    return meeting


def editable_meeting(session: Session, meeting_id: str) -> Meeting:
    """The meeting, if its minutes may still be changed."""
    meeting = existing_meeting(session, meeting_id)
    if meeting.state is MeetingState.ADOPTED:
        raise refusal("meeting", adopted_message())
    return meeting
