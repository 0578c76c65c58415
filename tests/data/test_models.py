"""Every model survives a save and a fresh read from the file."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, select

from desktop.data import models
from desktop.data.base import SyncedRecord
from desktop.data.enums import (
    AttendanceStatus,
    CommitteePostKind,
    CriticismKind,
    DecisionKind,
    DocumentType,
    MeetingKind,
    MeetingState,
    MemberEventKind,
    MemberStatus,
    RecommendationStatus,
    ReviewPeriod,
    ReviewState,
    Sex,
    SharedDocumentKind,
    ShortcomingStatus,
    TaskResult,
)
from desktop.services.book import Book


def _columns(obj: object) -> dict[str, object]:
    mapper = inspect(type(obj))
    return {column.key: getattr(obj, column.key) for column in mapper.column_attrs}


def _one_of_each(book: Book) -> list[object]:
    with book.reader() as session:
        term = session.scalars(select(models.CommitteeTerm)).one()
    member = models.Member(
        full_name="Nguyễn Thị Ánh",
        sex=Sex.FEMALE,
        date_of_birth=date(1970, 5, 2),
        citizen_id="087170001234",
        phone="0912 345 678",
        address="Tổ 3, thôn An Hòa",
        admission_date=date(1995, 3, 3),
        official_date=date(1996, 3, 3),
        card_number="123456",
        status=MemberStatus.FULL,
        ethnicity="Kinh",
        religion="Không",
        education_level="12/12",
        theory_level="Sơ cấp",
        notes="Đảng viên gương mẫu",
    )
    meeting = models.Meeting(
        kind=MeetingKind.REGULAR,
        state=MeetingState.HELD,
        title="Sinh hoạt chi bộ tháng 12/2026",
        scheduled_on=date(2026, 12, 3),
        held_on=date(2026, 12, 3),
        start_time=time(8, 0),
        end_time=time(10, 0),
        place="Nhà văn hóa thôn",
        score=91.5,
        grade="Tốt",
        score_answers='{"attendance": "ge90", "time.duration": true}',
        superior_remarks="Chuẩn bị chu đáo",
        committee_met=True,
        notice_sent=True,
        documents_sent=False,
        draft_ready=True,
        topic_id="ho-chi-minh-yearly",
        prepared_note="Gửi tài liệu qua Zalo",
    )
    meeting.chair = member
    agenda = models.AgendaItem(
        position=1, title="Thông tin thời sự", ready=True, conclusion="Đã nắm"
    )
    agenda.meeting = meeting
    agenda.presenter = member
    attendance = models.Attendance(
        member=member,
        member_status=MemberStatus.FULL,
        status=AttendanceStatus.ABSENT_EXCUSED,
        reason="Ốm",
    )
    attendance.meeting = meeting
    guest = models.MeetingGuest(name="Trần Văn Thành", title="Đảng ủy viên", is_superior=True)
    guest.meeting = meeting
    speech = models.Speech(position=1, content="Đề nghị làm đường", is_recommendation=True)
    speech.meeting = meeting
    speech.member = member
    resolution = models.Resolution(
        title="Nghị quyết tháng 12/2026",
        evaluation="Hoàn thành",
        directions="Tiếp tục",
        votes_for=20,
        votes_against=0,
        votes_abstain=1,
        voters_present=21,
        adopted_at=datetime(2026, 12, 3, 3, 0, tzinfo=UTC),
    )
    resolution.meeting = meeting
    task = models.ResolutionTask(
        position=1,
        description="Thu đảng phí",
        due_on=date(2026, 12, 31),
        result=TaskResult.PARTLY,
        result_note="Còn 2 đồng chí",
    )
    task.resolution = resolution
    task.assignee = member
    recommendation = models.Recommendation(
        raised_on=date(2026, 12, 3),
        content="Sửa đường liên thôn",
        addressee="Đảng ủy xã",
        status=RecommendationStatus.FORWARDED,
        forwarded_on=date(2026, 12, 4),
    )
    recommendation.raised_by = member
    recommendation.meeting = meeting
    post = models.CommitteePost(
        term_id=term.id, post=CommitteePostKind.SECRETARY, starts_on=date(2025, 1, 1)
    )
    post.member = member
    document = models.DocumentRecord(
        term_id=term.id,
        doc_type=DocumentType.MINUTES,
        number=5,
        issuer_code="CB",
        issued_on=date(2026, 12, 3),
        summary="Biên bản",
    )
    event = models.MemberEvent(
        kind=MemberEventKind.TEMPORARY_TRANSFER,
        occurs_on=date(2026, 2, 1),
        decision_ref="Số 12-QĐ/ĐU",
        counterpart="Chi bộ thôn Phú Lợi",
        ends_on=date(2026, 8, 1),
        note="Đi làm ăn xa",
        recorded_by="Nguyễn Văn Bí",
    )
    event.member = member
    dues = models.DuesPayment(
        month=date(2026, 11, 1),
        amount_due=6000,
        amount_paid=6000,
        paid_on=date(2026, 11, 3),
        rate_id="farmer",
        note="Nộp tại buổi sinh hoạt",
    )
    dues.member = member
    amendment = models.MeetingAmendment(
        made_at=datetime(2026, 12, 10, 2, 0, tzinfo=UTC),
        author="Nguyễn Văn Bí",
        reason="Ghi nhầm tên người phát biểu",
        changes='[{"after":"Lê Văn Tám","before":"Lê Văn Tâm","field":"speaker_name"}]',
        hash_before="a" * 64,
        hash_after="b" * 64,
    )
    amendment.meeting = meeting
    handout = models.MeetingDocument(
        position=1,
        title="Dự thảo nghị quyết tháng 12",
        file_name="du-thao-nghi-quyet.pdf",
        media_type="application/pdf",
        size=9,
        sha256="c" * 64,
        data=b"%PDF-1.4\n",
        note="Gửi qua Zalo",
        handed_out=True,
    )
    handout.meeting = meeting
    campaign = models.ReviewCampaign(
        year=2026,
        period=ReviewPeriod.ANNUAL,
        title="Kiểm điểm, đánh giá, xếp loại năm 2026",
        started_on=date(2026, 12, 1),
        cell_strengths="Duy trì sinh hoạt đều đặn",
        cell_self_level="good",
        cell_votes_for=9,
    )
    campaign.meeting = meeting
    review = models.MemberReview(
        form_id="2C",
        state=ReviewState.VOTED,
        strengths="Gương mẫu",
        shortcomings="Đôi lúc chậm",
        remedies="Quý I năm 2027",
        self_level="good",
        written_on=date(2026, 12, 5),
        points=82,
        conditions_met=["all_tasks_on_time"],
        proposed_level="good",
        votes_for=9,
        votes_against=0,
        votes_abstain=1,
    )
    review.campaign = campaign
    review.member = member
    criticism = models.Criticism(
        given_on=date(2026, 12, 10),
        kind=CriticismKind.CRITICISM,
        by_name="Đồng chí phụ trách",
        content="Cần đi họp đúng giờ",
    )
    criticism.about_member = member
    criticism.by_member = member
    criticism.meeting = meeting
    shortcoming = models.Shortcoming(
        raised_on=date(2026, 12, 10),
        content="Đi họp muộn",
        remedy="Đặt lịch nhắc",
        deadline=date(2027, 3, 31),
        status=ShortcomingStatus.FIXING,
    )
    shortcoming.member = member
    pledge = models.EmulationPledge(
        year=2026, pledged_on=date(2026, 1, 15), content="Hoàn thành tốt nhiệm vụ", achieved=True
    )
    pledge.member = member
    commendation = models.Commendation(
        given_on=date(2026, 9, 2),
        title="Giấy khen",
        given_by="Đảng ủy xã An Phú",
        reason="Có thành tích trong xây dựng nông thôn mới",
        decision_ref="Số 45-QĐ/ĐU",
    )
    commendation.member = member
    shared = models.SharedDocument(
        kind=SharedDocumentKind.DIRECTIVE,
        title="Hướng dẫn kiểm điểm cuối năm",
        number="12-HD/ĐU",
        issued_on=date(2026, 11, 20),
        file_name="huong-dan.pdf",
        size=4,
        sha256="0" * 64,
        data=b"%PDF",
    )
    decision = models.CommuneDecision(
        kind=DecisionKind.ANSWER,
        cell_org_id=book.owner_org_id,
        target_id="00000000-0000-0000-0000-000000000001",
        text="Đã chuyển Ủy ban nhân dân xã giải quyết",
        decided_on=date(2026, 11, 21),
    )
    return [
        shared,
        decision,
        campaign,
        review,
        criticism,
        shortcoming,
        pledge,
        commendation,
        event,
        dues,
        member,
        meeting,
        agenda,
        attendance,
        guest,
        speech,
        resolution,
        task,
        amendment,
        recommendation,
        post,
        document,
        handout,
    ]


def test_every_model_round_trips_through_the_file(book: Book):
    objects = _one_of_each(book)
    with book.session() as session:
        session.add_all(objects)
    saved = {(type(obj), obj.id): _columns(obj) for obj in objects}
    book.close(backup=False)

    reopened = Book.open(book.path, device_id="other")
    try:
        with reopened.reader() as session:
            for (model, record_id), columns in saved.items():
                loaded = session.get(model, record_id)
                assert loaded is not None, model
                assert _columns(loaded) == columns, model
    finally:
        reopened.close(backup=False)
    synced = {
        m for m in vars(models).values() if isinstance(m, type) and issubclass(m, SyncedRecord)
    }
    assert {type(obj) for obj in objects} | {models.Organisation, models.CommitteeTerm} == synced


def test_records_are_stamped_for_sync(book: Book):
    with book.session() as session:
        member = models.Member(full_name="Lê Văn Tám", sex=Sex.MALE)
        session.add(member)
    first_seq = member.change_seq
    assert member.org_id == book.owner_org_id
    assert member.updated_on == "test-device"
    assert member.created_at.tzinfo is not None
    assert len(member.id) == 36

    with book.session() as session:
        session.get(models.Member, member.id).phone = "0912345678"
    with book.reader() as session:
        changed = session.get(models.Member, member.id)
        assert changed.change_seq > first_seq
        assert changed.updated_at >= changed.created_at
    assert book.change_counter() == changed.change_seq


def test_deleting_leaves_a_tombstone(book: Book):
    with book.session() as session:
        member = models.Member(full_name="Lê Văn Tám", sex=Sex.MALE)
        session.add(member)
    with book.session() as session:
        session.delete(session.get(models.Member, member.id))
    with book.reader() as session:
        stone = session.scalars(select(models.Tombstone)).one()
    assert stone.record_id == member.id
    assert stone.table_name == "member"
    assert stone.org_id == book.owner_org_id
    assert stone.change_seq == book.change_counter()


def test_deleting_a_meeting_tombstones_its_children(book: Book):
    with book.session() as session:
        meeting = models.Meeting(kind=MeetingKind.REGULAR, scheduled_on=date(2026, 1, 3))
        meeting.agenda_items.append(models.AgendaItem(title="Khai mạc"))
        session.add(meeting)
    with book.session() as session:
        session.delete(session.get(models.Meeting, meeting.id))
    with book.reader() as session:
        tables = sorted(stone.table_name for stone in session.scalars(select(models.Tombstone)))
    assert tables == ["agenda_item", "meeting"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=60), notes=st.text(max_size=200))
def test_text_is_stored_composed(book: Book, name: str, notes: str):
    with book.session() as session:
        member = models.Member(full_name=name, sex=Sex.MALE, notes=notes)
        session.add(member)
    with book.reader() as session:
        loaded = session.get(models.Member, member.id)
    assert loaded.full_name == unicodedata.normalize("NFC", name)
    assert loaded.notes == unicodedata.normalize("NFC", notes)


def test_decomposed_vietnamese_is_composed_on_the_way_in(book: Book):
    decomposed = unicodedata.normalize("NFD", "Phạm Thị Hường")
    assert decomposed != "Phạm Thị Hường"
    with book.session() as session:
        member = models.Member(full_name=decomposed, sex=Sex.FEMALE)
        session.add(member)
    with book.reader() as session:
        raw = (
            session.connection()
            .exec_driver_sql("SELECT full_name FROM member WHERE id = ?", (member.id,))
            .scalar_one()
        )
    assert raw == "Phạm Thị Hường"
