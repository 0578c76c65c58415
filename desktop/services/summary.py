"""Counts of what a book holds (for `cellbook info` and the home screen)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from desktop.data import models
from desktop.data.base import SyncedRecord
from desktop.data.models import BookState, Meeting, Member
from desktop.data.schema import SCHEMA_VERSION
from desktop.services.book import Book

RECORD_TYPES: dict[str, type[SyncedRecord]] = {
    "organisations": models.Organisation,
    "members": models.Member,
    "member_events": models.MemberEvent,
    "dues_payments": models.DuesPayment,
    "committee_terms": models.CommitteeTerm,
    "committee_posts": models.CommitteePost,
    "meetings": models.Meeting,
    "agenda_items": models.AgendaItem,
    "attendance": models.Attendance,
    "meeting_guests": models.MeetingGuest,
    "speeches": models.Speech,
    "resolutions": models.Resolution,
    "resolution_tasks": models.ResolutionTask,
    "recommendations": models.Recommendation,
    "documents": models.DocumentRecord,
}


def book_summary(book: Book) -> dict[str, Any]:
    """One JSON-ready object: counts by record type, members by status,
    meetings by type and state, and the schema version."""
    org = book.organisation()
    with book.reader() as session:
        counts = {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in RECORD_TYPES.items()
        }
        by_status = {
            str(status): count
            for status, count in session.execute(
                select(Member.status, func.count()).group_by(Member.status)
            )
        }
        by_kind_state: dict[str, dict[str, int]] = {}
        for kind, state, count in session.execute(
            select(Meeting.kind, Meeting.state, func.count()).group_by(Meeting.kind, Meeting.state)
        ):
            by_kind_state.setdefault(str(kind), {})[str(state)] = count
        state = session.get(BookState, 1)
        counter = state.change_counter if state else 0
    rules = book.rules
    return {
        "book_id": book.book_id,
        "organisation": {"name": org.name, "kind": str(org.kind), "commune": org.commune_name},
        "schema_version": SCHEMA_VERSION,
        "rule_set": {"id": rules.rule_set_id, "version": rules.version},
        "change_counter": counter,
        "counts": counts,
        "members_by_status": by_status,
        "meetings_by_type_and_state": by_kind_state,
    }
