"""Members' opinions and recommendations, where each went, and how long it has waited.

A recommendation moves forward only: open → forwarded → answered → closed
(it may skip a step, e.g. be answered at the meeting itself). `reopen` is the
one way back, for an answer that did not settle the matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.data.enums import RecommendationStatus
from desktop.data.models import Meeting, Recommendation, Speech
from desktop.i18n import N_, _, format_date
from desktop.services.book import LOCAL_UNIT_PREFIXES, Book
from desktop.services.labels import field_label
from desktop.services.validation import FieldError, ValidationError, Validator

WAITING = (RecommendationStatus.OPEN, RecommendationStatus.FORWARDED)

# Captions of the fields only this service checks (the dialogs use the same ones).
LABELS = {
    "forwarded_on": N_("Sent on"),
    "answer": N_("Answer"),
    "answered_on": N_("Answered on"),
    "note": N_("Why it is closed"),
}


def label_of(field: str) -> str:
    return _(LABELS[field]) if field in LABELS else field_label(field)


class RecommendationFilter(StrEnum):
    WAITING = "waiting"  # open or forwarded
    OVERDUE = "overdue"  # waiting longer than the rule set allows
    ANSWERED = "answered"
    CLOSED = "closed"
    ALL = "all"


@dataclass(frozen=True)
class RecommendationRow:
    id: str
    raised_on: date
    raised_by: str
    content: str
    addressee: str
    status: RecommendationStatus
    answer: str
    days_waiting: int | None  # None once closed without an answer
    overdue: bool
    forwarded_on: date | None = None
    answered_on: date | None = None
    raised_by_id: str | None = None
    meeting_id: str | None = None
    speech_id: str | None = None

    @property
    def waiting(self) -> bool:
        return self.status in WAITING


@dataclass(frozen=True)
class RecommendationSummary:
    waiting: int
    overdue: int
    answered_this_year: int
    total: int


def commune_committee(commune_name: str) -> str:
    """ "An Phú" or "Xã An Phú" -> "Đảng ủy xã An Phú";
    "Phường Hòa Bình" -> "Đảng ủy phường Hòa Bình"."""
    name = " ".join(commune_name.split())
    if not name:
        return "Đảng ủy xã"
    for prefix in LOCAL_UNIT_PREFIXES:
        if name.lower().startswith(prefix):
            return f"Đảng ủy {prefix}{name[len(prefix) :]}"
    return f"Đảng ủy xã {name}"


def _refuse(message: str) -> ValidationError:
    """A refusal that belongs to no one field (shown above the form's buttons)."""
    return ValidationError([FieldError("status", message)])


class RecommendationService:
    def __init__(self, book: Book, today: date | None = None) -> None:
        self.book = book
        self.today = today or date.today()

    # --- reading --------------------------------------------------------------

    def _row(self, item: Recommendation, limit: int) -> RecommendationRow:
        closed_unanswered = item.status is RecommendationStatus.CLOSED and item.answered_on is None
        waiting = None if closed_unanswered else item.days_waiting(self.today)
        return RecommendationRow(
            id=item.id,
            raised_on=item.raised_on,
            raised_by=item.raised_by.full_name if item.raised_by else "",
            content=item.content,
            addressee=item.addressee,
            status=item.status,
            answer=item.answer,
            days_waiting=waiting,
            overdue=item.status in WAITING and (waiting or 0) > limit,
            forwarded_on=item.forwarded_on,
            answered_on=item.answered_on,
            raised_by_id=item.raised_by_id,
            meeting_id=item.meeting_id,
            speech_id=item.speech_id,
        )

    def rows(
        self, filter: RecommendationFilter | str = RecommendationFilter.ALL
    ) -> list[RecommendationRow]:
        """The recommendations, newest first, narrowed by `filter`."""
        chosen = RecommendationFilter(filter)
        limit = self.book.rules.recommendation_limit_days
        query = (
            select(Recommendation)
            .options(selectinload(Recommendation.raised_by))
            .order_by(Recommendation.raised_on.desc(), Recommendation.created_at.desc())
        )
        if chosen in (RecommendationFilter.WAITING, RecommendationFilter.OVERDUE):
            query = query.where(Recommendation.status.in_(WAITING))
        elif chosen is RecommendationFilter.ANSWERED:
            query = query.where(Recommendation.status == RecommendationStatus.ANSWERED)
        elif chosen is RecommendationFilter.CLOSED:
            query = query.where(Recommendation.status == RecommendationStatus.CLOSED)
        with self.book.reader() as session:
            rows = [self._row(item, limit) for item in session.scalars(query).all()]
        if chosen is RecommendationFilter.OVERDUE:
            rows = [row for row in rows if row.overdue]
        return rows

    def get(self, recommendation_id: str) -> RecommendationRow:
        limit = self.book.rules.recommendation_limit_days
        with self.book.reader() as session:
            return self._row(self._find(session, recommendation_id), limit)

    def summary(self) -> RecommendationSummary:
        rows = self.rows()
        return RecommendationSummary(
            waiting=sum(row.waiting for row in rows),
            overdue=sum(row.overdue for row in rows),
            answered_this_year=sum(
                row.answered_on is not None and row.answered_on.year == self.today.year
                for row in rows
            ),
            total=len(rows),
        )

    def default_addressee(self) -> str:
        """The commune party committee, where a cell's recommendations go."""
        return commune_committee(self.book.organisation().commune_name)

    # --- recording --------------------------------------------------------------

    def create(
        self,
        content: str,
        raised_on: date,
        *,
        raised_by_id: str | None = None,
        addressee: str = "",
        meeting_id: str | None = None,
    ) -> str:
        check = Validator()
        check.required("content", content)
        check.not_future("raised_on", raised_on, self.today)
        check.max_length("addressee", addressee, 200)
        check.raise_if_any()
        with self.book.session() as session:
            item = Recommendation(
                content=content.strip(),
                raised_on=raised_on,
                raised_by_id=raised_by_id,
                addressee=addressee.strip(),
                meeting_id=meeting_id,
            )
            session.add(item)
            session.flush()
            return item.id

    def from_speech(self, speech_id: str, addressee: str = "") -> str:
        """Follow up what a speaker raised in a meeting: the recommendation
        takes the speech's words, speaker and meeting date, and the speech is
        marked as a recommendation in the minutes."""
        check = Validator()
        check.max_length("addressee", addressee, 200)
        check.raise_if_any()
        with self.book.session() as session:
            speech = session.get(Speech, speech_id)
            if speech is None:
                raise _refuse(_("This speech is no longer in the book."))
            taken = session.scalar(
                select(Recommendation.id).where(Recommendation.speech_id == speech_id).limit(1)
            )
            if taken is not None:
                raise _refuse(_("A recommendation has already been made from this speech."))
            if not (speech.content or "").strip():
                raise _refuse(_("This speech has no text to send up."))
            meeting = session.get(Meeting, speech.meeting_id)
            assert meeting is not None
            item = Recommendation(
                content=speech.content.strip(),
                raised_on=meeting.held_on or meeting.scheduled_on,
                raised_by_id=speech.member_id,
                addressee=addressee.strip(),
                meeting_id=meeting.id,
                speech_id=speech.id,
            )
            session.add(item)
            speech.is_recommendation = True
            session.flush()
            return item.id

    def forward(self, recommendation_id: str, addressee: str, forwarded_on: date | None) -> None:
        """Record where it was sent and when (again, to correct it, while it waits)."""
        with self.book.session() as session:
            item = self._find(session, recommendation_id)
            if item.status is RecommendationStatus.CLOSED:
                raise _refuse(_("A closed recommendation cannot be forwarded. Reopen it first."))
            if item.status is RecommendationStatus.ANSWERED:
                raise _refuse(
                    _("This recommendation has already been answered. Reopen it to send it again.")
                )
            check = Validator()
            check.required("addressee", addressee)
            check.max_length("addressee", addressee, 200)
            self._check_date(check, "forwarded_on", forwarded_on, item.raised_on)
            check.raise_if_any()
            item.addressee = addressee.strip()
            item.forwarded_on = forwarded_on
            item.status = RecommendationStatus.FORWARDED

    def answer(self, recommendation_id: str, answer_text: str, answered_on: date | None) -> None:
        """Record the answer that came back (or correct it)."""
        with self.book.session() as session:
            item = self._find(session, recommendation_id)
            if item.status is RecommendationStatus.CLOSED:
                raise _refuse(_("A closed recommendation cannot be answered. Reopen it first."))
            check = Validator()
            if not answer_text.strip():
                check.add(
                    "answer",
                    _("{field}: please fill this in.").format(field=label_of("answer")),
                )
            self._check_date(check, "answered_on", answered_on, item.raised_on)
            sent = item.forwarded_on
            if answered_on is not None and sent and item.raised_on <= answered_on < sent:
                check.add(
                    "answered_on",
                    _("{field}: cannot be before the day it was sent ({date}).").format(
                        field=label_of("answered_on"), date=format_date(sent)
                    ),
                )
            check.raise_if_any()
            item.answer = answer_text.strip()
            item.answered_on = answered_on
            item.status = RecommendationStatus.ANSWERED

    def close(self, recommendation_id: str, note: str = "") -> None:
        """Close it: after an answer, or, without one, with a note saying why.

        Without an answer the note is kept where the answer goes (the answer
        date stays empty); after an answer a note is added below it."""
        with self.book.session() as session:
            item = self._find(session, recommendation_id)
            if item.status is RecommendationStatus.CLOSED:
                raise _refuse(_("This recommendation is already closed."))
            note = note.strip()
            if item.status is RecommendationStatus.ANSWERED:
                if note:
                    item.answer = f"{item.answer}\n\n{note}" if item.answer else note
            else:
                if not note:
                    raise ValidationError(
                        [
                            FieldError(
                                "note",
                                _(
                                    "{field}: it has no answer yet, so please say why it is closed."
                                ).format(field=label_of("note")),
                            )
                        ]
                    )
                item.answer = note
                item.answered_on = None
            item.status = RecommendationStatus.CLOSED

    def reopen(self, recommendation_id: str) -> None:
        """Take an answered or closed recommendation back to waiting: forwarded
        if it had been sent, open otherwise. Its text so far is kept."""
        with self.book.session() as session:
            item = self._find(session, recommendation_id)
            if item.status in WAITING:
                raise _refuse(
                    _("This recommendation is still waiting; there is nothing to reopen.")
                )
            item.answered_on = None
            item.status = (
                RecommendationStatus.FORWARDED if item.forwarded_on else RecommendationStatus.OPEN
            )

    # --- helpers ------------------------------------------------------------------

    @staticmethod
    def _find(session: Session, recommendation_id: str) -> Recommendation:
        item = session.get(Recommendation, recommendation_id)
        if item is None:
            raise _refuse(_("This recommendation is no longer in the book."))
        return item

    def _check_date(
        self, check: Validator, field: str, value: date | None, raised_on: date
    ) -> None:
        name = label_of(field)
        if value is None:
            check.add(field, _("{field}: please fill this in.").format(field=name))
        elif value > self.today:
            check.add(field, _("{field}: cannot be in the future.").format(field=name))
        elif value < raised_on:
            check.add(
                field,
                _("{field}: cannot be before the day it was raised ({date}).").format(
                    field=name, date=format_date(raised_on)
                ),
            )
