"""The documents the app offers, and which of them a month has.

`KINDS` maps a document kind id to its label (English, translated on
screen), its number type (None when the document is not numbered) and how to
build it. `documents_for_month` lists what a month's meetings call for,
`documents_for_review` what a review campaign calls for; `build` makes one
of them, issuing its number when asked (final export or
print) and otherwise showing the number it already has, if any (preview).

The meeting-document builders are imported when first used, so this module
loads without them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.data.enums import DocumentType, MeetingKind, MeetingState
from desktop.data.models import DocumentRecord, Meeting, MeetingGuest
from desktop.export.documents.monthly_report import first_of_month, last_of_month, report_day
from desktop.export.model import Document
from desktop.export.numbering import issue_once, record_for
from desktop.i18n import N_, _
from desktop.services.book import Book


class Scope(StrEnum):
    MEETING = "meeting"  # one per meeting (or per guest of a meeting)
    MONTH = "month"  # one per month
    DAY = "day"  # as things stand on a day
    BLANK = "blank"  # a form to fill in by hand
    CAMPAIGN = "campaign"  # one per review campaign
    REVIEW = "review"  # one per member's review in a campaign


@dataclass(frozen=True)
class PlannedDocument:
    """One document to offer: its kind and what it is about."""

    kind: str
    meeting_id: str | None = None
    month: date | None = None  # first day of the month (monthly documents)
    day: date | None = None  # the meeting's day, or the day a list is drawn up
    guest_id: str | None = None  # invitations
    numbered: bool = True  # False for a committee meeting's short minutes
    about: str = ""  # the meeting's title, the month... (shown beside the label)
    campaign_id: str | None = None  # review documents of a review campaign
    review_id: str | None = None  # one member's personal review
    form_id: str | None = None  # a blank personal review form of this variant

    @property
    def doc_type(self) -> DocumentType | None:
        return KINDS[self.kind].doc_type if self.numbered else None

    @property
    def label(self) -> str:
        """What the document is, in the user's language ("Minutes")."""
        return _(KINDS[self.kind].label)


Builder = Callable[[Book, PlannedDocument, DocumentRecord | None, str], Document]


@dataclass(frozen=True)
class DocumentKind:
    id: str
    label: str  # English, marked with N_()
    doc_type: DocumentType | None
    scope: Scope
    build: Builder


# --- builders -------------------------------------------------------------------


def _meeting(planned: PlannedDocument) -> str:
    if planned.meeting_id is None:
        raise ValueError(f"{planned.kind} needs a meeting")
    return planned.meeting_id


def _notice(book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str) -> Document:
    from desktop.export.documents.notice import build_notice

    return build_notice(book, _meeting(p), record=record, language=lang)


def _invitation(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.notice import build_invitation

    return build_invitation(book, _meeting(p), p.guest_id, language=lang)


def _minutes(book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str) -> Document:
    from desktop.export.documents.minutes import build_minutes

    return build_minutes(book, _meeting(p), record=record, language=lang)


def _resolution(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.resolution import build_resolution

    return build_resolution(book, _meeting(p), record=record, language=lang)


def _attendance(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.attendance import build_attendance_sheet

    return build_attendance_sheet(book, _meeting(p), language=lang)


def _blank_minutes(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.blank_forms import build_blank_minutes

    return build_blank_minutes(book, language=lang)


def _blank_attendance(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.blank_forms import build_blank_attendance

    return build_blank_attendance(book, language=lang)


def _register_list(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.register_list import build_register_list

    return build_register_list(book, on=p.day, language=lang)


def _monthly_report(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.monthly_report import build_monthly_report

    return build_monthly_report(book, _month(p), record=record, language=lang, today=p.day)


def _recommendations(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.recommendations_list import build_recommendations_list

    return build_recommendations_list(book, p.month, language=lang, today=p.day)


def _campaign(planned: PlannedDocument) -> str:
    if planned.campaign_id is None:
        raise ValueError(f"{planned.kind} needs a review campaign")
    return planned.campaign_id


def _review_minutes(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.review_minutes import build_review_minutes

    return build_review_minutes(book, _campaign(p), record=record, language=lang)


def _rating_summary(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.rating_summary import build_rating_summary

    return build_rating_summary(book, _campaign(p), record=record, language=lang, today=p.day)


def _cell_review_report(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.cell_review_report import build_cell_review_report

    return build_cell_review_report(book, _campaign(p), record=record, language=lang, today=p.day)


def _review_form(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.review_form import build_review_form

    if p.review_id is None:
        raise ValueError("review_form needs a member's review")
    return build_review_form(book, p.review_id, language=lang)


def _blank_review_form(
    book: Book, p: PlannedDocument, record: DocumentRecord | None, lang: str
) -> Document:
    from desktop.export.documents.review_form import build_blank_review_form

    if p.form_id is None:
        raise ValueError("blank_review_form needs a form")
    return build_blank_review_form(book, p.form_id, language=lang)


def _month(planned: PlannedDocument) -> date:
    if planned.month is None:
        raise ValueError(f"{planned.kind} needs a month")
    return planned.month


KINDS: dict[str, DocumentKind] = {
    kind.id: kind
    for kind in (
        DocumentKind("notice", N_("Notice"), DocumentType.NOTICE, Scope.MEETING, _notice),
        DocumentKind("invitation", N_("Invitation"), None, Scope.MEETING, _invitation),
        DocumentKind("minutes", N_("Minutes"), DocumentType.MINUTES, Scope.MEETING, _minutes),
        DocumentKind(
            "resolution", N_("Resolution"), DocumentType.RESOLUTION, Scope.MEETING, _resolution
        ),
        DocumentKind("attendance", N_("Attendance sheet"), None, Scope.MEETING, _attendance),
        DocumentKind("blank_minutes", N_("Blank minutes"), None, Scope.BLANK, _blank_minutes),
        DocumentKind(
            "blank_attendance", N_("Blank attendance sheet"), None, Scope.BLANK, _blank_attendance
        ),
        DocumentKind("register_list", N_("List of members"), None, Scope.DAY, _register_list),
        DocumentKind(
            "monthly_report",
            N_("Monthly report"),
            DocumentType.REPORT,
            Scope.MONTH,
            _monthly_report,
        ),
        DocumentKind(
            "recommendations", N_("List of recommendations"), None, Scope.MONTH, _recommendations
        ),
        DocumentKind(
            "review_minutes",
            N_("Minutes of the review meeting"),
            DocumentType.MINUTES,
            Scope.CAMPAIGN,
            _review_minutes,
        ),
        DocumentKind(
            "rating_summary",
            N_("Rating results report"),
            DocumentType.REPORT,
            Scope.CAMPAIGN,
            _rating_summary,
        ),
        DocumentKind(
            "cell_review_report",
            N_("Cell's collective review"),
            DocumentType.REPORT,
            Scope.CAMPAIGN,
            _cell_review_report,
        ),
        DocumentKind("review_form", N_("Personal review"), None, Scope.REVIEW, _review_form),
        DocumentKind(
            "blank_review_form",
            N_("Blank personal review form"),
            None,
            Scope.BLANK,
            _blank_review_form,
        ),
    )
}

PREPARED = (MeetingState.PREPARED, MeetingState.HELD, MeetingState.ADOPTED)
HELD = (MeetingState.HELD, MeetingState.ADOPTED)
_KIND_ORDER = {
    MeetingKind.COMMITTEE: 0,
    MeetingKind.REGULAR: 1,
    MeetingKind.THEMATIC: 2,
    MeetingKind.EXTRAORDINARY: 3,
}


def documents_for_month(
    book: Book, month: date, *, today: date | None = None
) -> list[PlannedDocument]:
    """What the month calls for, meeting by meeting, then the month's own documents.

    A notice (and an invitation for each guest) for every cell meeting that is
    prepared or held; minutes and the attendance sheet for every meeting held,
    and the resolution of a regular meeting that has one. A committee meeting
    has only its short minutes, unnumbered. Then the monthly report, the list
    of recommendations and the list of members as of the report's day.
    """
    first, last = first_of_month(month), last_of_month(month)
    day = report_day(first, today)
    with book.reader() as session:
        meetings = session.scalars(
            select(Meeting)
            .where(Meeting.scheduled_on.between(first, last) | Meeting.held_on.between(first, last))
            .options(selectinload(Meeting.guests), selectinload(Meeting.resolution))
        ).all()
        ordered = sorted(
            (m for m in meetings if first <= (m.held_on or m.scheduled_on) <= last),
            key=lambda m: (m.held_on or m.scheduled_on, _KIND_ORDER[m.kind], m.created_at),
        )
        planned = [item for meeting in ordered for item in _meeting_documents(meeting)]
    about = f"{first.month:02d}/{first.year}"
    planned += [
        PlannedDocument("monthly_report", month=first, day=day, about=about),
        PlannedDocument("recommendations", month=first, day=day, about=about),
        PlannedDocument("register_list", day=day, about=about),
    ]
    return planned


def _meeting_documents(meeting: Meeting) -> list[PlannedDocument]:
    on = meeting.held_on or meeting.scheduled_on
    about = meeting.title or _(_KIND_LABELS[meeting.kind])

    def plan(
        kind: str, *, numbered: bool = True, guest: MeetingGuest | None = None
    ) -> PlannedDocument:
        return PlannedDocument(
            kind,
            meeting_id=meeting.id,
            day=on,
            guest_id=guest.id if guest is not None else None,
            numbered=numbered,
            about=f"{about} — {guest.name}" if guest is not None else about,
        )

    if meeting.kind is MeetingKind.COMMITTEE:
        return [plan("minutes", numbered=False)] if meeting.state in HELD else []
    planned = []
    if meeting.state in PREPARED:
        planned.append(plan("notice"))
        planned.extend(plan("invitation", guest=guest) for guest in meeting.guests)
    if meeting.state in HELD:
        planned += [plan("minutes"), plan("attendance")]
        if meeting.kind is MeetingKind.REGULAR and meeting.resolution is not None:
            planned.append(plan("resolution"))
    return planned


def blank_forms() -> list[PlannedDocument]:
    return [PlannedDocument("blank_minutes"), PlannedDocument("blank_attendance")]


def documents_for_review(
    book: Book, campaign_id: str, *, today: date | None = None
) -> list[PlannedDocument]:
    """What a review campaign calls for: the minutes of the review meeting,
    the rating results report, the cell's collective review, then each
    member's personal review in name order. The reports are dated `today`
    until they are issued."""
    from desktop.export.documents.review_minutes import minutes_day
    from desktop.services.reviews import ReviewService

    detail = ReviewService(book, today).campaign(campaign_id)
    day = today or date.today()

    def plan(kind: str, on: date | None) -> PlannedDocument:
        return PlannedDocument(kind, campaign_id=campaign_id, day=on, about=detail.title)

    planned = [
        plan("review_minutes", minutes_day(book, campaign_id, today)),
        plan("rating_summary", day),
        plan("cell_review_report", day),
    ]
    planned += [
        replace(plan("review_form", None), review_id=row.id, about=row.member_name)
        for row in detail.reviews
    ]
    return planned


def blank_review_forms(book: Book) -> list[PlannedDocument]:
    """One blank personal review form per form variant of the rule set."""
    return [
        PlannedDocument("blank_review_form", form_id=form.id, about=form.code or form.id)
        for form in book.rules.review_forms
    ]


def campaign_key(planned: PlannedDocument) -> str:
    """The register key of a review campaign's numbered document ("" for others)."""
    if KINDS[planned.kind].scope is not Scope.CAMPAIGN or planned.campaign_id is None:
        return ""
    return f"{planned.kind}-{planned.campaign_id}"


def issued_record(book: Book, planned: PlannedDocument) -> DocumentRecord | None:
    """The number already issued to a planned document (None: not yet, or never numbered)."""
    doc_type = planned.doc_type
    if doc_type is None:
        return None
    month = planned.month if KINDS[planned.kind].scope is Scope.MONTH else None
    return record_for(book, doc_type, planned.meeting_id, month, key=campaign_key(planned))


_KIND_LABELS = {
    MeetingKind.REGULAR: N_("Regular meeting"),
    MeetingKind.THEMATIC: N_("Thematic meeting"),
    MeetingKind.EXTRAORDINARY: N_("Extraordinary meeting"),
    MeetingKind.COMMITTEE: N_("Committee meeting"),
}


# --- building -------------------------------------------------------------------


def build(
    book: Book,
    planned: PlannedDocument,
    *,
    issue: bool,
    language: str = "vi",
    today: date | None = None,
) -> Document:
    """The document. With `issue` (final export, print) it gets its number,
    the one given before if it has one; without (preview) it shows that number
    if it was already issued and a blank one otherwise."""
    kind = KINDS[planned.kind]
    doc_type = planned.doc_type
    month = planned.month if kind.scope is Scope.MONTH else None
    key = campaign_key(planned)
    record = issued_record(book, planned)
    if doc_type is not None and record is None and issue:
        preview = kind.build(book, planned, None, language)
        record = issue_once(
            book,
            doc_type,
            _issue_day(book, planned, today),
            register_summary(preview),
            planned.meeting_id,
            month=month,
            key=key,
        )
    return kind.build(book, planned, record, language)


def register_summary(document: Document) -> str:
    """What the register says of a document: "Báo cáo kết quả sinh hoạt ... 12/2026"."""
    title = document.title.capitalize()
    about = " ".join(document.summary)
    if not about:
        return title
    return f"{title} {about[:1].lower()}{about[1:]}"


def _issue_day(book: Book, planned: PlannedDocument, today: date | None) -> date:
    """The date of issue: the meeting's day for its minutes and resolution,
    today (not after the meeting) for its notice, the report's day for a
    monthly document."""
    today = today or date.today()
    if KINDS[planned.kind].scope is Scope.CAMPAIGN:
        # The review minutes carry the meeting's day; the reports the day they are made.
        return planned.day or today
    if planned.kind == "monthly_report" and planned.month is not None:
        return report_day(planned.month, planned.day or today)
    if planned.meeting_id is not None:
        with book.reader() as session:
            meeting = session.get(Meeting, planned.meeting_id)
            if meeting is None:
                raise ValueError("the meeting is no longer in the book")
            on = meeting.held_on or meeting.scheduled_on
        return min(today, on) if planned.kind == "notice" else on
    return planned.day or today
