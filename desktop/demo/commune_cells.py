"""The cell books of the commune demo, made ready for a year of monthly bundles.

Each cell is the demo village's story (`desktop.demo.generator`) with its own
seed and its own village name. The generator writes the cell's whole history
at once, so before the year of bundles:

- what the commune decided during that year (answers to recommendations, the
  levels of last year's review) is taken back out of the cell's records and
  kept in a `CellPlan`: in the demo it comes from the commune, through
  bundles, as it would have;
- the minutes' PDFs are made, and every record the cell hands up is held back
  from its change log (change number 0), to be released month by month as the
  story's time passes (`release`): the bundle of each month then carries what
  was written or adopted since the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import Connection, select

from desktop.data.base import Base, SyncedRecord
from desktop.data.enums import MeetingState, PeerRole, RecommendationStatus, ReviewState
from desktop.data.models import Meeting, MemberReview, Recommendation, ReviewCampaign
from desktop.data.types import NfcString, NfcText
from desktop.demo.records import local_moment
from desktop.services.book import Book
from desktop.services.sync.tables import tables_sent_to

STORY_VILLAGE = "An Hòa"
VILLAGES = (
    "An Hòa",
    "Phú Lộc",
    "Tân Thành",
    "Bình Minh",
    "Long Hưng",
    "Mỹ Phước",
    "Hòa Bình",
    "Thạnh Lợi",
    "Phú Hữu",
    "Tân Lập",
    "Mỹ Điền",
    "An Thạnh",
    "Bình Thành",
    "Long Thới",
    "Phước Hòa",
    "Tân Hội",
    "Hưng Thạnh",
    "Mỹ An",
    "Tân Phú",
    "An Lạc",
)
ANSWER_PREFIX = "Đảng ủy xã An Phú trả lời: "
_HELD_BACK = ("organisation", "shared_document")  # sent in every bundle / with their meeting


def village(index: int) -> str:
    """ "An Hòa", "Phú Lộc", … then "An Hòa 2", "Phú Lộc 2", … for large communes."""
    name = VILLAGES[index % len(VILLAGES)]
    round_ = index // len(VILLAGES)
    return name if round_ == 0 else f"{name} {round_ + 1}"


@dataclass
class CellPlan:
    """What the story has the commune decide for one cell during the year."""

    answers: dict[str, tuple[date, str]] = field(default_factory=dict)  # recommendation id
    member_levels: dict[str, tuple[str, str]] = field(default_factory=dict)  # review id
    cell_levels: dict[str, tuple[str, str]] = field(default_factory=dict)  # campaign id


def rename_village(book: Book, name: str) -> None:
    """Tell the story in village `name` instead of An Hòa: every text of the book,
    the adopted minutes' fingerprints recomputed (their content is the story's)."""
    if name == STORY_VILLAGE:
        return
    from desktop.services.adoption import content_hash

    pairs = ((STORY_VILLAGE, name), (STORY_VILLAGE.upper(), name.upper()))
    with book.session() as session:
        session.info["preserve_stamps"] = True
        session.info["amending"] = True
        for mapper in Base.registry.mappers:
            model = mapper.class_
            if not issubclass(model, SyncedRecord):
                continue
            texts = [
                attr.key
                for attr in mapper.column_attrs
                if isinstance(attr.columns[0].type, NfcString | NfcText)
            ]
            for record in session.scalars(select(model)):
                for key in texts:
                    value = getattr(record, key)
                    if isinstance(value, str) and STORY_VILLAGE.upper() in value.upper():
                        for old, new in pairs:
                            value = value.replace(old, new)
                        setattr(record, key, value)
        session.flush()
        adopted = session.scalars(select(Meeting).where(Meeting.state == MeetingState.ADOPTED))
        for meeting in adopted:
            meeting.content_hash = content_hash(session, meeting)


def take_back_decisions(book: Book, after: date) -> CellPlan:
    """Undo, in the cell's records, what the commune decided after `after`
    (answers, review levels), and return it for the commune to decide."""
    plan = CellPlan()
    with book.session() as session:
        session.info["preserve_stamps"] = True
        answered = session.scalars(
            select(Recommendation).where(
                Recommendation.status == RecommendationStatus.ANSWERED,
                Recommendation.answered_on > after,
            )
        )
        for item in answered:
            assert item.answered_on is not None and item.forwarded_on is not None
            plan.answers[item.id] = (item.answered_on, item.answer.removeprefix(ANSWER_PREFIX))
            item.status = RecommendationStatus.FORWARDED
            item.answer = ""
            item.answered_on = None
            item.updated_at = local_moment(item.forwarded_on, time(10))
        decided = session.scalars(
            select(MemberReview).where(
                MemberReview.state == ReviewState.DECIDED, MemberReview.decided_on > after
            )
        )
        for review in decided:
            plan.member_levels[review.id] = (review.decided_level, review.decision_ref)
            review.state = ReviewState.VOTED
            review.decided_level = ""
            review.decided_on = None
            review.decision_ref = ""
            review.updated_at = local_moment(review.voted_on or after, time(11))
        campaigns = session.scalars(
            select(ReviewCampaign).where(ReviewCampaign.cell_decided_on > after)
        )
        for campaign in campaigns:
            plan.cell_levels[campaign.id] = (
                campaign.cell_decided_level,
                campaign.cell_decision_ref,
            )
            voted = session.scalar(
                select(MemberReview.voted_on)
                .where(MemberReview.campaign_id == campaign.id)
                .order_by(MemberReview.voted_on.desc())
                .limit(1)
            )
            campaign.cell_decided_level = ""
            campaign.cell_decided_on = None
            campaign.cell_decision_ref = ""
            campaign.updated_at = local_moment(voted or campaign.started_on, time(11, 30))
    return plan


def _held_tables() -> list[str]:
    return [t.name for t in tables_sent_to(PeerRole.SUPERIOR) if t.name not in _HELD_BACK]


def hold_back(book: Book) -> None:
    """Make the minutes' PDFs now, then take every record the cell hands up out of
    its change log until `release` lets it in."""
    from desktop.export.bundle.handover import prepare_handover

    prepare_handover(book)
    with book.session() as session:
        conn = session.connection()
        for name in _held_tables():
            conn.exec_driver_sql(
                f'UPDATE "{name}" SET change_seq = 0 WHERE org_id = ?', (book.owner_org_id,)
            )
        conn.exec_driver_sql(
            "UPDATE shared_document SET change_seq = 0 WHERE org_id = ? AND meeting_id IS NOT NULL",
            (book.owner_org_id,),
        )


def release(book: Book, until: datetime) -> int:
    """Put back in the change log, in the story's order, the records last changed
    by `until`, the records they refer to and the PDFs of the meetings among them;
    how many. A record in the change log never refers to one held back, so the
    cell's bundles always carry what their records need."""
    cut = until.astimezone(UTC).isoformat(timespec="microseconds")
    with book.session() as session:
        conn = session.connection()
        due: dict[str, dict[str, str]] = {}  # table -> id -> updated_at
        for name in _held_tables():
            due[name] = dict(
                conn.exec_driver_sql(
                    f'SELECT id, updated_at FROM "{name}" WHERE change_seq = 0 AND org_id = ? '
                    "AND updated_at <= ?",
                    (book.owner_org_id, cut),
                ).fetchall()
            )
        _add_referred(conn, due)
        due["shared_document"] = {
            row[0]: row[1]
            for row in conn.exec_driver_sql(
                "SELECT d.id, m.updated_at FROM shared_document d JOIN meeting m "
                "ON m.id = d.meeting_id WHERE d.change_seq = 0 AND m.change_seq > 0"
            )
        }
        for meeting_id, stamp in due["meeting"].items():
            due["shared_document"].update(
                (row[0], stamp)
                for row in conn.exec_driver_sql(
                    "SELECT id FROM shared_document WHERE change_seq = 0 AND meeting_id = ?",
                    (meeting_id,),
                )
            )
        order = {name: index for index, name in enumerate(due)}
        rows = sorted(
            (
                (stamp, order[name], name, record_id)
                for name in due
                for record_id, stamp in due[name].items()
            ),
        )
        if not rows:
            return 0
        last = conn.exec_driver_sql(
            "UPDATE book_state SET change_counter = change_counter + ? WHERE id = 1 "
            "RETURNING change_counter",
            (len(rows),),
        ).scalar_one()
        first = int(last) - len(rows) + 1
        by_table: dict[str, list[tuple[int, str]]] = {}
        for offset, (_stamp, _order, name, record_id) in enumerate(rows):
            by_table.setdefault(name, []).append((first + offset, record_id))
        for name, numbers in by_table.items():
            conn.exec_driver_sql(f'UPDATE "{name}" SET change_seq = ? WHERE id = ?', numbers)
        return len(rows)


def _add_referred(conn: Connection, due: dict[str, dict[str, str]]) -> None:
    """Add to `due` the held-back records that records in `due` refer to, until none is left."""
    tables = {table.name: table for table in tables_sent_to(PeerRole.SUPERIOR)}
    pending = {name: set(ids) for name, ids in due.items()}
    while any(pending.values()):
        found: dict[str, dict[str, str]] = {}
        for name, ids in pending.items():
            for fk in tables[name].foreign_keys:
                parent = fk.column.table.name
                if fk.parent.name == "org_id" or parent not in due:
                    continue
                for chunk in _chunks(sorted(ids)):
                    marks = ", ".join("?" for _ in chunk)
                    found.setdefault(parent, {}).update(
                        conn.exec_driver_sql(
                            f'SELECT p.id, p.updated_at FROM "{parent}" p JOIN "{name}" c '
                            f'ON c."{fk.parent.name}" = p.id WHERE p.change_seq = 0 '
                            f"AND c.id IN ({marks})",
                            tuple(chunk),
                        ).fetchall()
                    )
        pending = {name: set(ids) - set(due[name]) for name, ids in found.items()}
        for name, ids in pending.items():
            due[name].update((record_id, found[name][record_id]) for record_id in ids)


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[start : start + size] for start in range(0, len(values), size)]


def release_all(book: Book) -> int:
    """Everything still held back goes in the change log (for the next real bundle)."""
    return release(book, datetime.max.replace(tzinfo=UTC))
