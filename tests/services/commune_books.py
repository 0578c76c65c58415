"""Small real books for the commune's screen: cells that hand their records up
to a commune book in real bundles.

On 20/03/2026 (`TODAY`) the commune "Đảng ủy xã An Phú" has three cells:

- Thôn An Hòa (one computer): five members (An, Bình, Em full; Cường
  probationary; Dung exempt). Adopted: the regular meetings of 03/02 (all
  four expected present, 90 points, good) and 03/03 (3 of 4 expected present:
  Em absent with reason; 92 points, good), a thematic meeting on 20/02, an
  extraordinary one on 15/03 (not scored) and a committee meeting on 01/03.
  A draft regular meeting of 03/04 stays in the cell. Recommendations: one
  open since 10/01 (69 days), one forwarded since 05/03 (15 days), one
  answered. The 2025 review: An decided excellent by the commune, Bình
  voted good, Cường voted completed, Em has only written; the cell voted
  itself good.
- Thôn Bình Minh (two computers of one cell): its first computer hands up a
  regular meeting of 04/03 with both members present (85 points, fair) and
  no thematic meeting; the second computer hands up its own bundle too.
- Thôn Cầu Đá: enrolled, nothing received yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.data.enums import (
    AttendanceStatus,
    MeetingKind,
    MeetingState,
    MemberStatus,
    OrgKind,
    ReviewPeriod,
    ReviewState,
    Sex,
)
from desktop.data.models import Attendance, Meeting, MemberReview, ReviewCampaign
from desktop.export.bundle import exchange
from desktop.services.book import Book, NewBookDetails
from desktop.services.members import MemberInput, MemberService
from desktop.services.recommendations import RecommendationService
from desktop.services.sync import identity

TODAY = date(2026, 3, 20)
MARCH = date(2026, 3, 1)
FEBRUARY = date(2026, 2, 1)

P = AttendanceStatus.PRESENT
EXCUSED = AttendanceStatus.ABSENT_EXCUSED


@dataclass
class Books:
    folder: Path
    commune: Book
    an_hoa: Book
    binh_minh: Book
    binh_minh_2: Book
    cau_da: Book
    ids: dict[str, str] = field(default_factory=dict)

    def all(self) -> list[Book]:
        return [self.commune, self.an_hoa, self.binh_minh, self.binh_minh_2, self.cau_da]

    def close(self) -> None:
        for book in self.all():
            book.close(backup=False)


def new_book(
    folder: Path, stem: str, name: str, *, kind: OrgKind = OrgKind.CELL, org_id: str | None = None
) -> Book:
    return Book.create(
        folder / f"{stem}.cellbook",
        NewBookDetails(
            cell_name=name, commune_name="An Phú", kind=kind, term_start=date(2025, 1, 1)
        ),
        device_id=f"device-{stem}",
        backup_folder=folder / "backups" / stem,
        org_id=org_id,
    )


def enrol(commune: Book, cell: Book) -> None:
    identity.enrol(commune, identity.card_file_bytes(cell))
    identity.enrol(cell, identity.card_file_bytes(commune))


def hand_up(cell: Book, commune: Book) -> None:
    made = exchange.make_bundle(cell, commune.book_id)
    exchange.import_bundle(commune, made.data, backup=False)


def hand_down(commune: Book, cell: Book) -> exchange.ImportResult:
    made = exchange.make_bundle(commune, cell.book_id)
    return exchange.import_bundle(cell, made.data, backup=False)


def meeting(
    session: object,
    kind: MeetingKind,
    day: date,
    attendance: dict[str, tuple[MemberStatus, AttendanceStatus]],
    *,
    score: float | None = None,
    grade: str = "",
    state: MeetingState = MeetingState.ADOPTED,
    topic: str = "",
) -> str:
    record = Meeting(
        kind=kind,
        state=state,
        scheduled_on=day,
        held_on=day if state is MeetingState.ADOPTED else None,
        title=f"Sinh hoạt {day:%d/%m/%Y}",
        topic=topic,
        score=score,
        grade=grade,
    )
    for member_id, (member_status, status) in attendance.items():
        record.attendance.append(
            Attendance(member_id=member_id, member_status=member_status, status=status)
        )
    session.add(record)  # type: ignore[attr-defined]
    session.flush()  # type: ignore[attr-defined]
    return record.id


def fill_an_hoa(book: Book) -> dict[str, str]:
    members = MemberService(book, TODAY)

    def add(name: str, status: MemberStatus = MemberStatus.FULL) -> str:
        return members.create(MemberInput(name, Sex.MALE, status=status))

    ids = {
        "an": add("Nguyễn Văn An"),
        "binh": add("Trần Văn Bình"),
        "cuong": add("Lê Văn Cường", MemberStatus.PROBATIONARY),
        "dung": add("Phạm Thị Dung", MemberStatus.EXEMPT),
        "em": add("Hoàng Văn Em"),
    }
    full, probationary, exempt = MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.EXEMPT
    everyone_present = {
        ids["an"]: (full, P),
        ids["binh"]: (full, P),
        ids["cuong"]: (probationary, P),
        ids["em"]: (full, P),
    }
    with book.session() as session:
        ids["feb"] = meeting(
            session, MeetingKind.REGULAR, date(2026, 2, 3), everyone_present, score=90, grade="good"
        )
        ids["thematic"] = meeting(
            session,
            MeetingKind.THEMATIC,
            date(2026, 2, 20),
            everyone_present,
            topic="Chuyển đổi số",
            score=88,
            grade="fair",
        )
        ids["committee"] = meeting(session, MeetingKind.COMMITTEE, date(2026, 3, 1), {})
        ids["march"] = meeting(
            session,
            MeetingKind.REGULAR,
            date(2026, 3, 3),
            {
                ids["an"]: (full, P),
                ids["binh"]: (full, P),
                ids["cuong"]: (probationary, P),
                ids["dung"]: (exempt, P),
                ids["em"]: (full, EXCUSED),
            },
            score=92,
            grade="good",
        )
        ids["extraordinary"] = meeting(
            session, MeetingKind.EXTRAORDINARY, date(2026, 3, 15), everyone_present
        )
        ids["april"] = meeting(
            session, MeetingKind.REGULAR, date(2026, 4, 3), {}, state=MeetingState.DRAFT
        )
        campaign = ReviewCampaign(
            year=2025,
            period=ReviewPeriod.ANNUAL,
            title="Kiểm điểm năm 2025",
            started_on=date(2025, 12, 1),
            cell_strengths="Đoàn kết",
            cell_self_level="good",
            cell_proposed_level="good",
        )
        session.add(campaign)
        for who, state, proposed, decided in (
            ("an", ReviewState.DECIDED, "good", "excellent"),
            ("binh", ReviewState.VOTED, "good", ""),
            ("cuong", ReviewState.VOTED, "completed", ""),
            ("em", ReviewState.WRITTEN, "", ""),
        ):
            review = MemberReview(
                member_id=ids[who],
                form_id="2C",
                state=state,
                proposed_level=proposed,
                decided_level=decided,
            )
            campaign.reviews.append(review)
            session.flush()
            ids[f"review_{who}"] = review.id
        ids["campaign"] = campaign.id
    recommendations = RecommendationService(book, TODAY)
    ids["rec_open"] = recommendations.create(
        "Đề nghị xã sửa đèn đường", date(2026, 1, 10), raised_by_id=ids["an"]
    )
    ids["rec_forwarded"] = recommendations.create(
        "Đề nghị nạo vét kênh", date(2026, 3, 5), raised_by_id=ids["binh"]
    )
    recommendations.forward(ids["rec_forwarded"], "Đảng ủy xã", date(2026, 3, 6))
    ids["rec_answered"] = recommendations.create("Đề nghị cấp sách", date(2026, 2, 1))
    recommendations.answer(ids["rec_answered"], "Đã cấp", date(2026, 2, 10))
    return ids


def fill_binh_minh(book: Book) -> dict[str, str]:
    members = MemberService(book, TODAY)
    one = members.create(MemberInput("Đỗ Văn Hải", Sex.MALE))
    two = members.create(MemberInput("Vũ Thị Hoa", Sex.FEMALE))
    with book.session() as session:
        march = meeting(
            session,
            MeetingKind.REGULAR,
            date(2026, 3, 4),
            {one: (MemberStatus.FULL, P), two: (MemberStatus.FULL, P)},
            score=85,
            grade="fair",
        )
    return {"bm_march": march}


def make_books(folder: Path) -> Books:
    commune = new_book(folder, "commune", "Đảng ủy xã An Phú", kind=OrgKind.COMMUNE)
    an_hoa = new_book(folder, "an-hoa", "Thôn An Hòa")
    binh_minh = new_book(folder, "binh-minh", "Thôn Bình Minh")
    binh_minh_2 = new_book(folder, "binh-minh-2", "Thôn Bình Minh", org_id=binh_minh.owner_org_id)
    cau_da = new_book(folder, "cau-da", "Thôn Cầu Đá")
    books = Books(folder, commune, an_hoa, binh_minh, binh_minh_2, cau_da)
    for cell in (an_hoa, binh_minh, binh_minh_2, cau_da):
        enrol(commune, cell)
    books.ids.update(fill_an_hoa(an_hoa))
    books.ids.update(fill_binh_minh(binh_minh))
    hand_up(an_hoa, commune)
    hand_up(binh_minh, commune)
    hand_up(binh_minh_2, commune)
    return books
