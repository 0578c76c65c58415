"""The commune's view of its cells, read from records that came in real bundles
(see `tests/services/commune_books.py` for what each cell handed up)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from desktop.data.enums import MeetingKind, RecommendationStatus, ReviewPeriod
from desktop.services.commune_overview import (
    Attention,
    CommuneOverview,
    cell_detail,
    commune_overview,
    enrolled_cells,
    month_bounds,
    quarter_bounds,
)
from desktop.services.sync import identity
from tests.services.commune_books import FEBRUARY, MARCH, TODAY, Books, make_books


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Books]:
    made = make_books(tmp_path_factory.mktemp("commune"))
    yield made
    made.close()


def by_name(overview: CommuneOverview) -> dict[str, Any]:
    return {cell.name: cell for cell in overview.cells}


def test_quarters_and_months():
    assert month_bounds(date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert quarter_bounds(date(2026, 5, 20)) == (date(2026, 4, 1), date(2026, 6, 30))
    assert quarter_bounds(date(2026, 12, 1)) == (date(2026, 10, 1), date(2026, 12, 31))


def test_one_row_per_enrolled_cell_by_name(books):
    overview = commune_overview(books.commune, MARCH, TODAY)
    assert [cell.name for cell in overview.cells] == [
        "Thôn An Hòa",
        "Thôn Bình Minh",
        "Thôn Cầu Đá",
    ]
    assert overview.month == MARCH
    assert overview.quarter == 1
    assert overview.rating_levels == ("excellent", "good", "completed", "not_completed")


def test_the_figures_of_march(books):
    cell = by_name(commune_overview(books.commune, date(2026, 3, 17), TODAY))["Thôn An Hòa"]
    assert cell.org_id == books.an_hoa.owner_org_id
    assert cell.book_ids == (books.an_hoa.book_id,)
    assert cell.bundles_received == 1
    assert cell.last_received_at is not None
    # The committee's meeting of 01/03 is not counted; the draft of April never came.
    assert [(m.kind, m.day) for m in cell.meetings] == [
        (MeetingKind.REGULAR, date(2026, 3, 3)),
        (MeetingKind.EXTRAORDINARY, date(2026, 3, 15)),
    ]
    assert (cell.regular, cell.thematic, cell.extraordinary) == (1, 0, 1)
    # Expected: three full members and one probationary; the exempt member who came is not.
    assert (cell.present, cell.expected) == (3, 4)
    assert cell.attendance_rate == 0.75
    regular = cell.regular_meeting
    assert (regular.score, regular.grade) == (92, "good")
    assert cell.meetings[1].score is None
    assert (cell.thematic_in_quarter, cell.thematic_required) == (1, 1)
    assert cell.waiting_recommendations == 2
    assert cell.oldest_waiting_days == 69
    assert cell.overdue_recommendations == 1
    review = cell.review
    assert (review.year, review.period, review.reviewed) == (2025, ReviewPeriod.ANNUAL, 4)
    assert review.levels == {"excellent": 1, "good": 1, "completed": 1}
    assert review.count("not_completed") == 0
    assert (review.rated, review.decided, review.not_decided) == (3, 1, 3)
    assert (review.cell_level, review.cell_level_decided) == ("good", False)
    assert cell.attention == (Attention.LOW_ATTENDANCE, Attention.OVERDUE_RECOMMENDATIONS)


def test_a_cell_on_two_computers_is_one_row(books):
    cell = by_name(commune_overview(books.commune, MARCH, TODAY))["Thôn Bình Minh"]
    peers = {p.book_id: p for p in identity.peers(books.commune)}
    own = (books.binh_minh.book_id, books.binh_minh_2.book_id)
    assert cell.book_ids == tuple(sorted(own))
    assert cell.bundles_received == 2
    assert cell.last_received_at == max(peers[book_id].last_received_at for book_id in own)
    assert [(m.kind, m.score, m.grade) for m in cell.meetings] == [
        (MeetingKind.REGULAR, 85, "fair")
    ]
    assert (cell.present, cell.expected) == (2, 2)
    assert cell.thematic_in_quarter == 0
    assert cell.waiting_recommendations == 0
    assert cell.oldest_waiting_days is None
    assert cell.review is None
    # March ends the quarter: no thematic meeting in it yet.
    assert cell.attention == (Attention.NO_THEMATIC,)
    assert len(enrolled_cells(books.commune)) == 3


def test_a_cell_not_heard_from_has_empty_figures(books):
    cell = by_name(commune_overview(books.commune, MARCH, TODAY))["Thôn Cầu Đá"]
    assert not cell.has_bundle
    assert cell.last_received_at is None
    assert cell.bundles_received == 0
    assert cell.meetings == ()
    assert cell.attendance_rate is None
    assert cell.review is None
    assert cell.attention == (Attention.NO_BUNDLE,)


def test_the_totals(books):
    totals = commune_overview(books.commune, MARCH, TODAY).totals
    assert (totals.cells, totals.cells_heard_from) == (3, 2)
    assert (totals.regular, totals.thematic, totals.extraordinary) == (2, 0, 1)
    assert totals.meetings == 3
    assert (totals.present, totals.expected) == (5, 6)
    assert totals.cells_with_thematic == 1
    assert (totals.waiting_recommendations, totals.oldest_waiting_days) == (2, 69)
    assert totals.overdue_recommendations == 1
    assert totals.levels == {"excellent": 1, "good": 1, "completed": 1}
    assert (totals.reviewed, totals.not_decided) == (4, 3)
    assert totals.cells_needing_attention == 3


def test_another_month_has_its_own_figures(books):
    overview = commune_overview(books.commune, FEBRUARY, TODAY)
    an_hoa, binh_minh, _cau_da = overview.cells
    assert (an_hoa.regular, an_hoa.thematic, an_hoa.extraordinary) == (1, 1, 0)
    assert (an_hoa.present, an_hoa.expected) == (4, 4)
    assert (an_hoa.regular_meeting.score, an_hoa.regular_meeting.grade) == (90, "good")
    assert an_hoa.thematic_in_quarter == 1
    assert an_hoa.attention == (Attention.OVERDUE_RECOMMENDATIONS,)
    assert binh_minh.meetings == ()
    assert binh_minh.attendance_rate is None
    # February is over and had no regular meeting; the quarter is not over yet.
    assert binh_minh.attention == (Attention.NO_MEETING,)
    assert overview.totals.attendance_rate == 1.0


@pytest.mark.parametrize(
    ("today", "flagged"),
    [(date(2026, 4, 2), False), (date(2026, 4, 10), True), (date(2026, 5, 2), True)],
)
def test_the_regular_meeting_is_missed_once_its_day_has_passed(books, today, flagged):
    overview = commune_overview(books.commune, date(2026, 4, 1), today)
    binh_minh = by_name(overview)["Thôn Bình Minh"]
    assert (Attention.NO_MEETING in binh_minh.attention) is flagged
    # The second quarter has just begun: thematic meetings are not asked for yet.
    assert Attention.NO_THEMATIC not in binh_minh.attention


def test_a_month_to_come_flags_nothing_but_late_answers(books):
    overview = commune_overview(books.commune, date(2026, 6, 1), TODAY)
    assert by_name(overview)["Thôn Bình Minh"].attention == ()
    assert by_name(overview)["Thôn An Hòa"].attention == (Attention.OVERDUE_RECOMMENDATIONS,)


def test_the_review_is_the_latest_up_to_the_months_year(books):
    assert (
        by_name(commune_overview(books.commune, date(2025, 12, 1), TODAY))[
            "Thôn An Hòa"
        ].review.year
        == 2025
    )
    assert (
        by_name(commune_overview(books.commune, date(2024, 12, 1), TODAY))["Thôn An Hòa"].review
        is None
    )


def test_a_cell_in_detail(books):
    detail = cell_detail(books.commune, books.an_hoa.owner_org_id, 2026, TODAY)
    assert detail.name == "Thôn An Hòa"
    assert [(r.content, r.status, r.days_waiting, r.overdue) for r in detail.recommendations] == [
        ("Đề nghị xã sửa đèn đường", RecommendationStatus.OPEN, 69, True),
        ("Đề nghị nạo vét kênh", RecommendationStatus.FORWARDED, 15, False),
    ]
    assert detail.recommendations[0].raised_by == "Nguyễn Văn An"
    assert detail.campaign.year == 2025
    assert detail.campaign.proposed_level == "good"
    assert [(r.member_name, r.proposed_level, r.decided_level) for r in detail.ratings] == [
        ("Nguyễn Văn An", "good", "excellent"),
        ("Trần Văn Bình", "good", ""),
        ("Lê Văn Cường", "completed", ""),
        ("Hoàng Văn Em", "", ""),
    ]
    assert [r.can_decide for r in detail.ratings] == [True, True, True, False]
    # The minutes of each adopted meeting (not the committee's) came up as PDFs, newest first.
    assert [(d.kind, d.issued_on) for d in detail.documents] == [
        ("minutes", date(2026, 3, 15)),
        ("minutes", date(2026, 3, 3)),
        ("minutes", date(2026, 2, 20)),
        ("minutes", date(2026, 2, 3)),
    ]
    assert all(d.size > 0 and d.file_name.endswith(".pdf") for d in detail.documents)


def test_a_cell_book_has_no_cells(tmp_path):
    from tests.services.commune_books import new_book

    cell = new_book(tmp_path, "lone", "Thôn Lẻ")
    try:
        overview = commune_overview(cell, MARCH, TODAY)
        assert overview.cells == ()
        assert overview.totals.cells == 0
        assert overview.totals.attendance_rate is None
    finally:
        cell.close(backup=False)
