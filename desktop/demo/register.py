"""The document register: minutes (BB) and resolutions (NQ), numbered from 01
within each committee term and type, in the order they were issued."""

from __future__ import annotations

from collections import Counter

from desktop.data.enums import DocumentType, MeetingKind, MeetingState
from desktop.data.models import DocumentRecord
from desktop.demo.committee import Committee
from desktop.demo.records import RecordFactory
from desktop.demo.story import HeldMeeting

ISSUER_CODE = "CB"


def minutes_summary(held: HeldMeeting) -> str:
    meeting = held.record
    if meeting.kind is MeetingKind.REGULAR:
        return meeting.title.replace("Sinh hoạt chi bộ thường kỳ", "Biên bản sinh hoạt chi bộ")
    return f"Biên bản {meeting.title[0].lower()}{meeting.title[1:]}"


def number_documents(
    factory: RecordFactory, committee: Committee, meetings: list[HeldMeeting]
) -> list[DocumentRecord]:
    """Issue the minutes and resolution of every adopted meeting, oldest first.

    Committee meetings keep their short minutes unnumbered; a meeting whose
    minutes are not adopted yet has no numbers yet.
    """
    issued: Counter[tuple[str, DocumentType]] = Counter()
    records = []
    ordered = sorted(meetings, key=lambda h: (h.day, h.record.start_time))
    for held in ordered:
        meeting = held.record
        if meeting.kind is MeetingKind.COMMITTEE or meeting.state is not MeetingState.ADOPTED:
            continue
        term = committee.term_on(held.day)
        if term is None:
            continue
        documents = [(DocumentType.MINUTES, minutes_summary(held))]
        if held.resolution is not None:
            documents.append((DocumentType.RESOLUTION, held.resolution.title))
        for doc_type, summary in documents:
            issued[(term.record.id, doc_type)] += 1
            record = factory.make(
                DocumentRecord,
                held.ends,
                term_id=term.record.id,
                doc_type=doc_type,
                number=issued[(term.record.id, doc_type)],
                issuer_code=ISSUER_CODE,
                issued_on=held.day,
                summary=summary,
                meeting_id=meeting.id,
            )
            if doc_type is DocumentType.RESOLUTION and held.resolution is not None:
                held.resolution.document_id = record.id
            records.append(record)
    return records
