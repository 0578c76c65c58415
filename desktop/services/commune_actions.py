"""What the commune committee does with its cells' records, in a commune book.

It answers a cell's recommendations, decides the level of a member's review
and of the cell's own review, and sends documents and directives down. Each
is a record the commune owns (`CommuneDecision`, `SharedDocument`) that goes
to the cell in the next bundle and is taken into the cell's own records there
(`desktop.services.sync.apply`). The cell's copies here stay read-only.

A decision not yet sent can be corrected: deciding again replaces it. Once
it has gone out in a bundle, deciding again makes a new decision, which the
cell takes after the first one; both are kept.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy import func, select

from desktop.data.enums import (
    DecisionKind,
    OrgKind,
    RecommendationStatus,
    ReviewState,
    SharedDocumentKind,
)
from desktop.data.models import (
    BundleLog,
    CommuneDecision,
    MemberReview,
    Recommendation,
    ReviewCampaign,
    SharedDocument,
    SyncPeer,
)
from desktop.data.stamping import BookSession
from desktop.i18n import N_, _, format_date
from desktop.services.book import Book
from desktop.services.commune_overview import enrolled_cells
from desktop.services.labels import field_label
from desktop.services.validation import FieldError, ValidationError, Validator

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
SENT_KINDS = (SharedDocumentKind.DIRECTIVE, SharedDocumentKind.DOCUMENT)

# Captions of the fields only these actions check (the dialogs use the same ones).
LABELS = {
    "answer": N_("Answer"),
    "level": N_("Level"),
    "decided_on": N_("Decided on"),
    "decision_ref": N_("Decision number"),
    "title": N_("Title"),
    "number": N_("Number"),
    "issued_on": N_("Issued on"),
    "kind": N_("Kind"),
    "addressed_to": N_("Sent to"),
    "file": N_("File"),
}


def label_of(name: str) -> str:
    return _(LABELS[name]) if name in LABELS else field_label(name)


def _missing(check: Validator, name: str) -> None:
    check.add(name, _("{field}: please fill this in.").format(field=label_of(name)))


def _refuse(message: str, name: str = "") -> ValidationError:
    return ValidationError([FieldError(name, message)])


def _require_commune(book: Book) -> None:
    if book.organisation().kind is not OrgKind.COMMUNE:
        raise _refuse(_("Only the commune committee's book can decide on a cell's records."))


def _enrolled(book: Book) -> dict[str, str]:
    """Org id -> name of the cells enrolled here."""
    return {cell.org_id: cell.name for cell in enrolled_cells(book)}


def _check_common(
    check: Validator, decided_on: date | None, decision_ref: str, today: date
) -> None:
    if decided_on is None:
        _missing(check, "decided_on")
    elif decided_on > today:
        check.add(
            "decided_on",
            _("{field}: cannot be in the future.").format(field=label_of("decided_on")),
        )
    if len(decision_ref.strip()) > 120:
        check.add(
            "decision_ref",
            _("{field}: at most {limit} characters.").format(
                field=label_of("decision_ref"), limit=120
            ),
        )


def _check_level(check: Validator, book: Book, level: str) -> None:
    if not level:
        _missing(check, "level")
    elif level not in {band.id for band in book.rules.rating_levels}:
        check.add(
            "level",
            _("{field}: choose one of the levels of the rules in force.").format(
                field=label_of("level")
            ),
        )


# --- what went out --------------------------------------------------------------------


class Delivery(StrEnum):
    """How far a decision or a document has gone."""

    NOT_SENT = "not_sent"  # not yet in a bundle
    SENT = "sent"  # in a bundle made for the cell
    RECEIVED = "received"  # the cell has said it imported that bundle


@dataclass(frozen=True)
class _PeerMarks:
    sent: int  # the highest change number a bundle to the cell covered
    received: int  # the highest one the cell acknowledged


def _marks(session: BookSession) -> dict[str, _PeerMarks]:
    """Per cell organisation: how far the bundles made for it reached."""
    peers = session.scalars(select(SyncPeer)).all()
    highs = dict(
        session.execute(
            select(BundleLog.peer_book_id, func.max(BundleLog.change_high))
            .where(BundleLog.direction == "out")
            .group_by(BundleLog.peer_book_id)
        ).all()
    )
    marks: dict[str, _PeerMarks] = {}
    for peer in peers:
        old = marks.get(peer.org_id, _PeerMarks(0, 0))
        marks[peer.org_id] = _PeerMarks(
            max(old.sent, int(highs.get(peer.book_id) or 0)),
            max(old.received, peer.acked_change),
        )
    return marks


def _delivery(marks: _PeerMarks | None, change_seq: int) -> Delivery:
    if marks is None or change_seq > marks.sent:
        return Delivery.NOT_SENT
    return Delivery.RECEIVED if change_seq <= marks.received else Delivery.SENT


def _gone_out(session: BookSession, cell_org_id: str, change_seq: int) -> bool:
    return _delivery(_marks(session).get(cell_org_id), change_seq) is not Delivery.NOT_SENT


# --- decisions ------------------------------------------------------------------------


def _decide(
    session: BookSession,
    *,
    kind: DecisionKind,
    cell_org_id: str,
    target_id: str,
    decided_on: date,
    level: str = "",
    text: str = "",
    decision_ref: str = "",
) -> str:
    """Write the decision: over the earlier one on the same record while that
    one has not gone out, else as a new one."""
    earlier = session.scalar(
        select(CommuneDecision)
        .where(
            CommuneDecision.kind == kind,
            CommuneDecision.target_id == target_id,
            CommuneDecision.org_id == session.info["org_id"],
        )
        .order_by(CommuneDecision.change_seq.desc())
        .limit(1)
    )
    if earlier is None or _gone_out(session, earlier.cell_org_id, earlier.change_seq):
        earlier = CommuneDecision(kind=kind, cell_org_id=cell_org_id, target_id=target_id)
        session.add(earlier)
    earlier.level = level
    earlier.text = text
    earlier.decided_on = decided_on
    earlier.decision_ref = decision_ref
    earlier.applied = False
    session.flush()
    return earlier.id


def _answered_here(session: BookSession, recommendation_id: str) -> bool:
    return (
        session.scalar(
            select(CommuneDecision.id).where(
                CommuneDecision.kind == DecisionKind.ANSWER,
                CommuneDecision.target_id == recommendation_id,
                CommuneDecision.org_id == session.info["org_id"],
            )
        )
        is not None
    )


def answer_recommendation(
    book: Book,
    recommendation_id: str,
    text: str,
    decided_on: date | None,
    *,
    today: date | None = None,
) -> str:
    """The commune's answer to a cell's recommendation; the decision's id."""
    _require_commune(book)
    today = today or date.today()
    cells = _enrolled(book)
    with book.session() as session:
        item = session.get(Recommendation, recommendation_id)
        if item is None or item.org_id not in cells:
            raise _refuse(_("This recommendation is not one of an enrolled cell's."))
        if item.status is RecommendationStatus.CLOSED:
            raise _refuse(_("The cell has closed this recommendation; it needs no answer."))
        if item.status is RecommendationStatus.ANSWERED and not _answered_here(session, item.id):
            raise _refuse(_("The cell has already recorded an answer to this recommendation."))
        check = Validator()
        if not text.strip():
            _missing(check, "answer")
        _check_common(check, decided_on, "", today)
        if decided_on is not None and decided_on < item.raised_on:
            check.add(
                "decided_on",
                _("{field}: cannot be before the day it was raised ({date}).").format(
                    field=label_of("decided_on"), date=format_date(item.raised_on)
                ),
            )
        check.raise_if_any()
        assert decided_on is not None
        return _decide(
            session,
            kind=DecisionKind.ANSWER,
            cell_org_id=item.org_id,
            target_id=item.id,
            decided_on=decided_on,
            text=text.strip(),
        )


def decide_member_level(
    book: Book,
    member_review_id: str,
    level: str,
    decided_on: date | None,
    decision_ref: str = "",
    *,
    today: date | None = None,
) -> str:
    """The level the commune decides for a member's review; the decision's id."""
    _require_commune(book)
    today = today or date.today()
    cells = _enrolled(book)
    with book.session() as session:
        review = session.get(MemberReview, member_review_id)
        if review is None or review.org_id not in cells:
            raise _refuse(_("This review is not one of an enrolled cell's."))
        if review.state not in (ReviewState.VOTED, ReviewState.DECIDED):
            raise _refuse(
                _(
                    "The cell has not voted a proposed level for this member yet. The level "
                    "is decided after the cell's vote."
                )
            )
        check = Validator()
        _check_level(check, book, level)
        _check_common(check, decided_on, decision_ref, today)
        check.raise_if_any()
        assert decided_on is not None
        return _decide(
            session,
            kind=DecisionKind.MEMBER_RATING,
            cell_org_id=review.org_id,
            target_id=review.id,
            decided_on=decided_on,
            level=level,
            decision_ref=decision_ref.strip(),
        )


def decide_cell_level(
    book: Book,
    campaign_id: str,
    level: str,
    decided_on: date | None,
    decision_ref: str = "",
    *,
    today: date | None = None,
) -> str:
    """The level the commune decides for the cell's own review; the decision's id."""
    _require_commune(book)
    today = today or date.today()
    cells = _enrolled(book)
    with book.session() as session:
        campaign = session.get(ReviewCampaign, campaign_id)
        if campaign is None or campaign.org_id not in cells:
            raise _refuse(_("This review is not one of an enrolled cell's."))
        if not campaign.cell_proposed_level:
            raise _refuse(
                _(
                    "The cell has not voted a proposed level for its own review yet. The "
                    "level is decided after the cell's vote."
                )
            )
        check = Validator()
        _check_level(check, book, level)
        _check_common(check, decided_on, decision_ref, today)
        check.raise_if_any()
        assert decided_on is not None
        return _decide(
            session,
            kind=DecisionKind.CELL_RATING,
            cell_org_id=campaign.org_id,
            target_id=campaign.id,
            decided_on=decided_on,
            level=level,
            decision_ref=decision_ref.strip(),
        )


# --- documents ------------------------------------------------------------------------


def _read_source(source: Path | bytes, file_name: str, check: Validator) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        data, name = source, file_name
    else:
        path = Path(source)
        name = file_name or path.name
        try:
            if path.stat().st_size > MAX_DOCUMENT_BYTES:
                data = b""
                check.add("file", _too_big())
                return data, name
            data = path.read_bytes()
        except OSError:
            check.add(
                "file",
                _("{field}: the file cannot be read. Check that it is still there.").format(
                    field=label_of("file")
                ),
            )
            return b"", name
    if not data:
        check.add("file", _("{field}: the file is empty.").format(field=label_of("file")))
    elif len(data) > MAX_DOCUMENT_BYTES:
        check.add("file", _too_big())
    if not name.strip():
        _missing(check, "file")
    return data, name.strip()


def _too_big() -> str:
    return _("{field}: the file is larger than {size} MB, too large to send.").format(
        field=label_of("file"), size=MAX_DOCUMENT_BYTES // (1024 * 1024)
    )


def send_document(
    book: Book,
    source: Path | bytes,
    *,
    title: str,
    issued_on: date | None,
    kind: SharedDocumentKind = SharedDocumentKind.DOCUMENT,
    number: str = "",
    addressed_to: str = "",
    file_name: str = "",
    note: str = "",
) -> str:
    """A document or directive for one cell (`addressed_to`, its org id) or
    for every cell (""), kept in the book and sent in the next bundles; its id.

    `source` is a file's path, or its bytes with `file_name`."""
    _require_commune(book)
    check = Validator()
    data, name = _read_source(source, file_name, check)
    if not title.strip():
        _missing(check, "title")
    check.max_length("title", title, 300)
    if len(number.strip()) > 60:
        check.add(
            "number",
            _("{field}: at most {limit} characters.").format(field=label_of("number"), limit=60),
        )
    if issued_on is None:
        _missing(check, "issued_on")
    if kind not in SENT_KINDS:
        check.add(
            "kind",
            _("{field}: a directive or a document.").format(field=label_of("kind")),
        )
    if addressed_to and addressed_to not in _enrolled(book):
        check.add(
            "addressed_to",
            _("{field}: the cell is not enrolled in this book.").format(
                field=label_of("addressed_to")
            ),
        )
    check.raise_if_any()
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    with book.session() as session:
        record = SharedDocument(
            kind=kind,
            title=title.strip(),
            number=number.strip(),
            issued_on=issued_on,
            addressed_to=addressed_to,
            file_name=name,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            note=note.strip(),
        )
        session.add(record)
        session.flush()
        return record.id


def document_data(book: Book, document_id: str) -> tuple[str, bytes]:
    """A shared document's file name and bytes (a cell's or the commune's)."""
    with book.reader() as session:
        record = session.get(SharedDocument, document_id)
        if record is None:
            raise _refuse(_("This document is no longer in the book."))
        return record.file_name, bytes(record.data)


# --- what the commune has decided and sent -------------------------------------------


@dataclass(frozen=True)
class SentItem:
    """A decision or a document of the commune, and how far it has gone."""

    id: str
    what: str  # DecisionKind or SharedDocumentKind value
    day: date | None  # decided on / issued on
    cells: tuple[str, ...]  # names of the cells it is for
    summary: str  # the answer, the level, the document's title
    reference: str  # decision_ref, the document's number
    sent_to: int  # cells it has gone out to
    received_by: int  # cells that have said they imported it
    change_seq: int

    @property
    def delivery(self) -> Delivery:
        if self.received_by >= len(self.cells) and self.cells:
            return Delivery.RECEIVED
        return Delivery.SENT if self.sent_to else Delivery.NOT_SENT


def sent_items(book: Book) -> list[SentItem]:
    """Everything the commune has decided or sent, newest first."""
    cells = _enrolled(book)
    owner = book.owner_org_id
    items: list[SentItem] = []
    with book.reader() as session:
        marks = _marks(session)

        def reach(org_ids: list[str], change_seq: int) -> tuple[int, int]:
            states = [_delivery(marks.get(org_id), change_seq) for org_id in org_ids]
            sent = sum(1 for state in states if state is not Delivery.NOT_SENT)
            return sent, sum(1 for state in states if state is Delivery.RECEIVED)

        for decision in session.scalars(
            select(CommuneDecision).where(CommuneDecision.org_id == owner)
        ):
            sent, received = reach([decision.cell_org_id], decision.change_seq)
            items.append(
                SentItem(
                    id=decision.id,
                    what=decision.kind.value,
                    day=decision.decided_on,
                    cells=(cells.get(decision.cell_org_id, ""),),
                    summary=decision.text or decision.level,
                    reference=decision.decision_ref,
                    sent_to=sent,
                    received_by=received,
                    change_seq=decision.change_seq,
                )
            )
        for document in session.scalars(
            select(SharedDocument).where(SharedDocument.org_id == owner)
        ):
            org_ids = [document.addressed_to] if document.addressed_to else list(cells)
            sent, received = reach(org_ids, document.change_seq)
            items.append(
                SentItem(
                    id=document.id,
                    what=document.kind.value,
                    day=document.issued_on,
                    cells=tuple(cells.get(org_id, "") for org_id in org_ids),
                    summary=document.title,
                    reference=document.number,
                    sent_to=sent,
                    received_by=received,
                    change_seq=document.change_seq,
                )
            )
    return sorted(items, key=lambda item: -item.change_seq)


def decisions_not_sent(book: Book) -> dict[str, int]:
    """Per cell org id, how many decisions and documents wait for its next bundle."""
    counts: dict[str, int] = defaultdict(int)
    cells = _enrolled(book)
    with book.reader() as session:
        marks = _marks(session)
        for org_id, change_seq in session.execute(
            select(CommuneDecision.cell_org_id, CommuneDecision.change_seq).where(
                CommuneDecision.org_id == book.owner_org_id
            )
        ):
            if _delivery(marks.get(org_id), change_seq) is Delivery.NOT_SENT:
                counts[org_id] += 1
        for addressed_to, change_seq in session.execute(
            select(SharedDocument.addressed_to, SharedDocument.change_seq).where(
                SharedDocument.org_id == book.owner_org_id
            )
        ):
            for org_id in [addressed_to] if addressed_to else list(cells):
                if _delivery(marks.get(org_id), change_seq) is Delivery.NOT_SENT:
                    counts[org_id] += 1
    return dict(counts)
