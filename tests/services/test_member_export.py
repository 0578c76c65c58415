"""The members' list as an Excel workbook, and back again."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.data.enums import MemberStatus, Sex
from desktop.services.book import Book, NewBookDetails
from desktop.services.member_export import export_members, list_title
from desktop.services.member_import import Action, apply_import, plan_import
from desktop.services.members import MemberInput, MemberService

TODAY = date(2026, 11, 22)
HEADERS = [
    "STT",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Điện thoại",
    "Nơi ở",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Tình trạng",
    "Dân tộc",
    "Tôn giáo",
    "Trình độ học vấn",
    "Lý luận chính trị",
    "Ghi chú",
]


def _fill(book: Book) -> None:
    service = MemberService(book, today=TODAY)
    service.create(
        MemberInput(
            full_name="Trần Văn Bình",
            sex=Sex.MALE,
            date_of_birth=date(1958, 3, 12),
            citizen_id="087170001234",
            phone="0912345678",
            address="Thôn An Hòa",
            admission_date=date(1980, 5, 19),
            official_date=date(1981, 5, 19),
            card_number="00093001",
            ethnicity="Kinh",
            education_level="10/10",
            theory_level="Sơ cấp",
            notes="Bí thư chi bộ",
        )
    )
    service.create(
        MemberInput(
            full_name="Nguyễn Thị An",
            sex=Sex.FEMALE,
            date_of_birth=date(1990, 1, 2),
            admission_date=date(2026, 3, 2),
        )
    )
    service.create(
        MemberInput(full_name="Lê Văn Cũ", sex=Sex.MALE, status=MemberStatus.TRANSFERRED)
    )
    service.create(
        MemberInput(
            full_name="Võ Thị Giang",
            sex=Sex.FEMALE,
            admission_date=date(2010, 1, 1),
            official_date=date(2011, 1, 1),
            status=MemberStatus.ATTACHED,
            home_cell="Chi bộ Công ty Miền Trung",
        )
    )
    service.create(
        MemberInput(
            full_name="Phạm Thị Dung",
            sex=Sex.FEMALE,
            admission_date=date(1970, 1, 1),
            official_date=date(1971, 1, 1),
            status=MemberStatus.EXEMPT,
        )
    )


def test_the_workbook_opens_as_a_document_for_the_commune(book: Book, tmp_path: Path):
    _fill(book)
    path = export_members(book, tmp_path / "danh-sach", today=TODAY)
    assert path == tmp_path / "danh-sach.xlsx"
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN AN HÒA" == list_title(book)
    assert sheet["A1"].font.b
    assert sheet["A2"].value == "(Tính đến ngày 22/11/2026)"
    assert [cell.value for cell in sheet[4]] == HEADERS
    assert all(cell.font.b for cell in sheet[4])
    assert sheet.freeze_panes == "C5"
    assert sheet.auto_filter.ref == "A4:P8"
    assert sheet.max_row == 8  # four current members; the transferred one is left out

    names = [sheet.cell(row=row, column=2).value for row in range(5, 9)]
    assert names == ["Nguyễn Thị An", "Trần Văn Bình", "Phạm Thị Dung", "Võ Thị Giang"]
    binh = {header: cell for header, cell in zip(HEADERS, sheet[6], strict=True)}
    assert binh["STT"].value == 2
    assert binh["Giới tính"].value == "Nam"
    assert binh["Ngày sinh"].value == datetime(1958, 3, 12)
    assert binh["Ngày sinh"].is_date and binh["Ngày sinh"].number_format == "DD/MM/YYYY"
    for header, value in [
        ("Số CCCD", "087170001234"),
        ("Điện thoại", "0912345678"),
        ("Số thẻ đảng viên", "00093001"),
    ]:
        assert binh[header].value == value and binh[header].data_type == "s"
        assert binh[header].number_format == "@"
    assert binh["Tình trạng"].value == "Đảng viên chính thức"
    assert sheet["K5"].value == "Đảng viên dự bị"
    assert sheet["K7"].value == "Miễn công tác và sinh hoạt đảng"
    assert sheet["K8"].value == "Sinh hoạt tạm thời (từ Chi bộ Công ty Miền Trung)"
    assert binh["Ghi chú"].value == "Bí thư chi bộ"
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABDGP"}
    assert widths["A"] < widths["D"] < widths["B"] and 20 <= widths["G"] <= 45

    everyone = openpyxl.load_workbook(
        export_members(book, tmp_path / "all.xlsx", include_past=True)
    ).active
    assert everyone.max_row == 9
    cu = [row for row in everyone.iter_rows(min_row=5, values_only=True) if row[1] == "Lê Văn Cũ"]
    assert cu[0][10] == "Đã chuyển sinh hoạt chính thức"


def test_an_export_imports_into_an_empty_book_as_the_same_members(book: Book, tmp_path: Path):
    _fill(book)
    path = export_members(book, tmp_path / "ds.xlsx", include_past=True, today=TODAY)
    other = Book.create(
        tmp_path / "other.cellbook",
        NewBookDetails(cell_name="Thôn Mới", commune_name="An Phú"),
        backup_folder=tmp_path / "other-backups",
    )
    try:
        plan = plan_import(other, path, today=TODAY)
        assert [(o.row, o.action, o.name) for o in plan.rows] == [
            (5, Action.ADD, "Nguyễn Thị An"),
            (6, Action.ADD, "Trần Văn Bình"),
            (7, Action.SKIP, "Lê Văn Cũ"),
            (8, Action.ADD, "Phạm Thị Dung"),
            (9, Action.ADD, "Võ Thị Giang"),
        ]
        assert all(o.reasons == () for o in plan.rows if o.action is Action.ADD)
        apply_import(other, plan)
        assert _profiles(other) == [p for p in _profiles(book) if p[0] != "Lê Văn Cũ"]
    finally:
        other.close(backup=False)


def _profiles(book: Book) -> list[tuple[object, ...]]:
    service = MemberService(book)
    rows = []
    for row in service.rows(include_past=True):
        m = service.get(row.id)
        rows.append(
            (
                m.full_name, m.sex, m.date_of_birth, m.citizen_id, m.phone, m.address,
                m.admission_date, m.official_date, m.card_number, m.status, m.ethnicity,
                m.religion, m.education_level, m.theory_level, m.notes, m.home_cell,
            )
        )  # fmt: skip
    return rows


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Thanh", "Minh", "Quốc", "Xuân", "Thùy"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hằng", "Hưng", "Khánh", "Lệ", "Nguyệt", "Phượng", "Ứng"]

member_inputs = st.builds(
    MemberInput,
    full_name=st.tuples(
        st.sampled_from(FAMILY),
        st.lists(st.sampled_from(MIDDLE), min_size=1, max_size=2),
        st.sampled_from(GIVEN),
    ).map(lambda parts: " ".join([parts[0], *parts[1], parts[2]])),
    sex=st.sampled_from(Sex),
    date_of_birth=st.dates(date(1930, 1, 1), date(2000, 12, 31)),
    citizen_id=st.from_regex(r"0[0-9]{11}", fullmatch=True),
    phone=st.from_regex(r"0[35789][0-9]{8}", fullmatch=True),
    address=st.sampled_from(["Thôn An Hòa", "Xóm Đông, thôn An Hòa", "Tổ 3 – khu phố Ⅱ"]),
    admission_date=st.dates(date(2001, 1, 1), date(2024, 12, 31)),
)
# Some are full members (recognised a year after admission), some probationary.
member_inputs = st.tuples(member_inputs, st.booleans()).map(
    lambda pair: replace(
        pair[0],
        official_date=pair[0].admission_date.replace(year=pair[0].admission_date.year + 1)
        if pair[1] and pair[0].admission_date.month * 100 + pair[0].admission_date.day != 229
        else None,
    )
)


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(member_inputs, min_size=1, max_size=6, unique_by=lambda m: m.full_name))
def test_round_trip_of_generated_members(members: list[MemberInput]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        details = NewBookDetails(cell_name="Thôn An Hòa", commune_name="An Phú")
        source = Book.create(work / "a.cellbook", details, backup_folder=work / "b")
        target = Book.create(work / "c.cellbook", details, backup_folder=work / "d")
        try:
            service = MemberService(source, today=TODAY)
            for member in members:
                service.create(member)
            path = export_members(source, work / "ds.xlsx", today=TODAY)
            plan = plan_import(target, path, today=TODAY)
            assert plan.counts[Action.ADD] == len(members), [o.reasons for o in plan.rows]
            apply_import(target, plan)
            assert _profiles(target) == _profiles(source)
        finally:
            source.close(backup=False)
            target.close(backup=False)
