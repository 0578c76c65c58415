"""The commune's answers, levels and documents: checked, kept in the commune
book, sent down in real bundles and taken into the cell's own records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from desktop.data.enums import DecisionKind, RecommendationStatus, ReviewState, SharedDocumentKind
from desktop.data.models import (
    CommuneDecision,
    MemberReview,
    Recommendation,
    ReviewCampaign,
    SharedDocument,
)
from desktop.data.stamping import ForeignRecordError
from desktop.services import commune_actions
from desktop.services.commune_actions import (
    MAX_DOCUMENT_BYTES,
    Delivery,
    answer_recommendation,
    decide_cell_level,
    decide_member_level,
    decisions_not_sent,
    document_data,
    send_document,
    sent_items,
)
from desktop.services.commune_overview import cell_detail, commune_overview
from desktop.services.validation import ValidationError
from tests.services.commune_books import MARCH, TODAY, Books, hand_down, hand_up, make_books

PDF = b"%PDF-1.4\n% a directive\n"


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Books]:
    made = make_books(tmp_path_factory.mktemp("commune"))
    yield made
    made.close()


def fields(error: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {item.field for item in error.value.errors}


def decisions(book) -> list[CommuneDecision]:
    with book.reader() as session:
        return list(session.scalars(select(CommuneDecision).order_by(CommuneDecision.change_seq)))


# --- checks ---------------------------------------------------------------------------


def test_an_answer_needs_its_text_and_a_date_not_to_come(books):
    with pytest.raises(ValidationError) as error:
        answer_recommendation(books.commune, books.ids["rec_open"], "  ", None, today=TODAY)
    assert fields(error) == {"answer", "decided_on"}
    with pytest.raises(ValidationError) as error:
        answer_recommendation(
            books.commune, books.ids["rec_open"], "Đã sửa", date(2026, 3, 21), today=TODAY
        )
    assert fields(error) == {"decided_on"}
    with pytest.raises(ValidationError) as error:
        answer_recommendation(
            books.commune, books.ids["rec_open"], "Đã sửa", date(2026, 1, 9), today=TODAY
        )
    assert fields(error) == {"decided_on"}
    assert decisions(books.commune) == []


def test_the_target_must_be_an_enrolled_cells(books):
    with pytest.raises(ValidationError):
        answer_recommendation(books.commune, "no-such-id", "Đã sửa", TODAY, today=TODAY)
    with pytest.raises(ValidationError):
        decide_member_level(books.commune, "no-such-id", "good", TODAY, today=TODAY)
    with pytest.raises(ValidationError):
        decide_cell_level(books.commune, "no-such-id", "good", TODAY, today=TODAY)
    # The commune's copy of an answered recommendation is not waiting any more.
    with pytest.raises(ValidationError):
        answer_recommendation(books.commune, books.ids["rec_answered"], "Lại", TODAY, today=TODAY)
    assert decisions(books.commune) == []


def test_a_level_is_one_of_the_rules_and_comes_after_the_cells_vote(books):
    with pytest.raises(ValidationError) as error:
        decide_member_level(
            books.commune, books.ids["review_binh"], "heroic", TODAY, "x" * 121, today=TODAY
        )
    assert fields(error) == {"level", "decision_ref"}
    with pytest.raises(ValidationError) as error:
        decide_member_level(books.commune, books.ids["review_binh"], "", None, today=TODAY)
    assert fields(error) == {"level", "decided_on"}
    with pytest.raises(ValidationError) as error:
        decide_member_level(books.commune, books.ids["review_em"], "good", TODAY, today=TODAY)
    assert fields(error) == {""}
    assert decisions(books.commune) == []


def test_only_a_commune_book_decides(books):
    with pytest.raises(ValidationError):
        answer_recommendation(books.an_hoa, books.ids["rec_open"], "Đã sửa", TODAY, today=TODAY)
    with pytest.raises(ValidationError):
        send_document(books.an_hoa, PDF, file_name="a.pdf", title="Chỉ thị", issued_on=TODAY)


def test_a_document_is_checked_before_it_is_kept(books, tmp_path):
    with pytest.raises(ValidationError) as error:
        send_document(
            books.commune,
            b"",
            file_name="",
            title=" ",
            issued_on=None,
            kind=SharedDocumentKind.MINUTES,
            number="9" * 61,
            addressed_to="not-a-cell",
        )
    assert fields(error) == {"file", "title", "issued_on", "kind", "number", "addressed_to"}
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(ValidationError) as error:
        send_document(books.commune, big, title="Quá lớn", issued_on=TODAY)
    assert fields(error) == {"file"}
    assert "50 MB" in str(error.value)
    with pytest.raises(ValidationError) as error:
        send_document(books.commune, tmp_path / "missing.pdf", title="Mất", issued_on=TODAY)
    assert fields(error) == {"file"}
    with books.commune.reader() as session:
        assert (
            session.scalars(
                select(SharedDocument).where(SharedDocument.org_id == books.commune.owner_org_id)
            ).all()
            == []
        )


def test_the_cells_copies_stay_read_only(books):
    with pytest.raises(ForeignRecordError), books.commune.session() as session:
        session.get(Recommendation, books.ids["rec_open"]).answer = "Sửa thẳng"


# --- decisions travel down --------------------------------------------------------------


def test_decisions_and_documents_reach_the_cell(books, tmp_path):
    commune, cell = books.commune, books.an_hoa
    answer_id = answer_recommendation(
        commune, books.ids["rec_open"], "  Xã đã lắp đèn mới.  ", date(2026, 3, 18), today=TODAY
    )
    binh_id = decide_member_level(
        commune, books.ids["review_binh"], "good", date(2026, 3, 19), "15-QĐ/ĐU", today=TODAY
    )
    cell_id = decide_cell_level(
        commune, books.ids["campaign"], "excellent", date(2026, 3, 19), "16-QĐ/ĐU", today=TODAY
    )
    directive = tmp_path / "chi-thi-05.pdf"
    directive.write_bytes(PDF)
    to_an_hoa = send_document(
        commune,
        directive,
        title="Chỉ thị về phòng chống bão",
        number="05-CT/ĐU",
        issued_on=date(2026, 3, 10),
        kind=SharedDocumentKind.DIRECTIVE,
        addressed_to=cell.owner_org_id,
    )
    to_all = send_document(
        commune,
        b"%PDF-1.4 plan",
        file_name="ke-hoach.pdf",
        title="Kế hoạch kiểm tra",
        issued_on=date(2026, 3, 12),
    )
    kept = {d.id: d for d in decisions(commune)}
    assert kept[answer_id].text == "Xã đã lắp đèn mới."
    assert (kept[answer_id].kind, kept[answer_id].cell_org_id) == (
        DecisionKind.ANSWER,
        cell.owner_org_id,
    )
    assert kept[answer_id].org_id == commune.owner_org_id
    assert (kept[binh_id].level, kept[binh_id].decision_ref) == ("good", "15-QĐ/ĐU")
    assert kept[cell_id].kind is DecisionKind.CELL_RATING
    assert document_data(commune, to_an_hoa) == ("chi-thi-05.pdf", PDF)
    with commune.reader() as session:
        record = session.get(SharedDocument, to_an_hoa)
        assert record.size == len(PDF)
        assert record.media_type == "application/pdf"
        assert len(record.sha256) == 64
    assert decisions_not_sent(commune)[cell.owner_org_id] == 5
    assert decisions_not_sent(commune)[books.binh_minh.owner_org_id] == 1
    # Answered here: the recommendation is no longer counted as waiting.
    figures = commune_overview(commune, MARCH, TODAY).cells[0]
    assert (figures.waiting_recommendations, figures.oldest_waiting_days) == (1, 15)
    detail = cell_detail(commune, cell.owner_org_id, 2026, TODAY)
    assert detail.recommendations[0].answer.text == "Xã đã lắp đèn mới."
    assert detail.ratings[1].decision.level == "good"
    assert detail.campaign.decision.level == "excellent"

    result = hand_down(commune, cell)
    assert result.applied.decisions_applied == 3
    with cell.reader() as session:
        item = session.get(Recommendation, books.ids["rec_open"])
        assert (item.status, item.answer, item.answered_on) == (
            RecommendationStatus.ANSWERED,
            "Xã đã lắp đèn mới.",
            date(2026, 3, 18),
        )
        review = session.get(MemberReview, books.ids["review_binh"])
        assert (review.state, review.decided_level, review.decision_ref) == (
            ReviewState.DECIDED,
            "good",
            "15-QĐ/ĐU",
        )
        campaign = session.get(ReviewCampaign, books.ids["campaign"])
        assert (campaign.cell_decided_level, campaign.cell_decision_ref) == (
            "excellent",
            "16-QĐ/ĐU",
        )
        titles = set(
            session.scalars(
                select(SharedDocument.title).where(SharedDocument.org_id == commune.owner_org_id)
            )
        )
        assert titles == {"Chỉ thị về phòng chống bão", "Kế hoạch kiểm tra"}
    # Bình Minh receives only the document for every cell.
    hand_down(commune, books.binh_minh)
    with books.binh_minh.reader() as session:
        assert set(
            session.scalars(
                select(SharedDocument.id).where(SharedDocument.org_id == commune.owner_org_id)
            )
        ) == {to_all}
    items = {item.id: item for item in sent_items(commune)}
    assert items[answer_id].delivery is Delivery.SENT
    assert items[to_all].cells == ("Thôn An Hòa", "Thôn Bình Minh", "Thôn Cầu Đá")
    assert (items[to_all].sent_to, items[to_all].delivery) == (2, Delivery.SENT)
    # The cell's next bundle says it imported the commune's: now received.
    hand_up(cell, commune)
    items = {item.id: item for item in sent_items(commune)}
    assert items[answer_id].delivery is Delivery.RECEIVED
    assert items[binh_id].delivery is Delivery.RECEIVED
    assert items[to_all].received_by == 1
    assert items[to_all].delivery is Delivery.SENT
    with commune.reader() as session:
        # The answered recommendation came back up as the cell now has it.
        assert session.get(Recommendation, books.ids["rec_open"]).status is (
            RecommendationStatus.ANSWERED
        )


def test_deciding_again_replaces_a_decision_until_it_has_gone_out(books):
    commune, cell = books.commune, books.an_hoa
    target = books.ids["rec_forwarded"]
    first = answer_recommendation(commune, target, "Đang xem xét.", TODAY, today=TODAY)
    again = answer_recommendation(commune, target, "Sẽ nạo vét trong tháng 4.", TODAY, today=TODAY)
    assert again == first
    assert [d.text for d in decisions(commune) if d.target_id == target] == [
        "Sẽ nạo vét trong tháng 4."
    ]
    assert {i.id: i for i in sent_items(commune)}[first].delivery is Delivery.NOT_SENT
    hand_down(commune, cell)
    assert {i.id: i for i in sent_items(commune)}[first].delivery is Delivery.SENT
    later = answer_recommendation(commune, target, "Đã nạo vét xong.", TODAY, today=TODAY)
    assert later != first
    assert [d.text for d in decisions(commune) if d.target_id == target] == [
        "Sẽ nạo vét trong tháng 4.",
        "Đã nạo vét xong.",
    ]
    hand_down(commune, cell)
    with cell.reader() as session:
        assert session.get(Recommendation, target).answer == "Đã nạo vét xong."


def test_sent_items_are_newest_first(books):
    items = sent_items(books.commune)
    assert [item.change_seq for item in items] == sorted(
        (item.change_seq for item in items), reverse=True
    )
    assert commune_actions.label_of("decision_ref")


def test_a_recommendation_the_cell_reopens_waits_again(books):
    from desktop.services.recommendations import RecommendationService

    commune, cell = books.commune, books.an_hoa
    target = books.ids["rec_open"]  # answered by the commune in an earlier test
    with cell.reader() as session:
        assert session.get(Recommendation, target).status is RecommendationStatus.ANSWERED
    RecommendationService(cell, TODAY).reopen(target)
    hand_up(cell, commune)
    waiting = [r.id for r in cell_detail(commune, cell.owner_org_id, 2026, TODAY).recommendations]
    assert target in waiting
    assert commune_overview(commune, MARCH, TODAY).cells[0].oldest_waiting_days == 69
