"""Searching a book, ignoring diacritics ("dang vien" finds "Đảng viên")."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.data import models
from desktop.data.search_index import search, snippet
from desktop.i18n import N_, _
from desktop.services.book import Book

_KINDS: dict[str, tuple[type, str]] = {
    "member": (models.Member, N_("Member")),
    "meeting": (models.Meeting, N_("Meeting")),
    "agenda_item": (models.AgendaItem, N_("Agenda item")),
    "speech": (models.Speech, N_("Speech")),
    "resolution": (models.Resolution, N_("Resolution")),
    "resolution_task": (models.ResolutionTask, N_("Resolution task")),
    "recommendation": (models.Recommendation, N_("Recommendation")),
}


@dataclass(frozen=True)
class SearchResult:
    kind: str
    kind_label: str
    record_id: str
    title: str
    snippet: str
    meeting_id: str | None  # the meeting to open, for things said or decided in one


def _meeting_of(obj: object) -> str | None:
    if isinstance(obj, models.Meeting):
        return obj.id
    if isinstance(obj, models.ResolutionTask):
        return obj.resolution.meeting_id if obj.resolution else None
    return getattr(obj, "meeting_id", None)


def _describe(session: Session, kind: str, record_id: str, query: str) -> SearchResult | None:
    model, label = _KINDS.get(kind, (None, ""))
    obj = session.get(model, record_id) if model else None
    if obj is None:
        return None
    return SearchResult(
        kind=kind,
        kind_label=_(label),
        record_id=record_id,
        title=obj.search_title(),
        snippet=snippet(obj.search_text(), query),
        meeting_id=_meeting_of(obj),
    )


def search_book(book: Book, query: str, limit: int = 50) -> list[SearchResult]:
    with book.reader() as session:
        hits = search(session.connection(), query, limit=limit)
        results = [_describe(session, hit.kind, hit.record_id, query) for hit in hits]
        return [result for result in results if result is not None]
