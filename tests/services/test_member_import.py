"""Importing the lists secretaries have: messy layouts, exact reports, all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop import i18n
from desktop.data.enums import MemberEventKind, MemberStatus, Sex
from desktop.services.book import Book
from desktop.services.member_events import EventService
from desktop.services.member_import import (
    Action,
    ImportFileError,
    apply_import,
    applying,
    inspect_file,
    plan_import,
)
from desktop.services.member_import.columns import match_field
from desktop.services.member_import.values import (
    ValueProblem,
    clean_education,
    clean_name,
    clean_text,
    home_cell_from,
    is_mark,
    parse_citizen_id,
    parse_date,
    parse_phone,
    parse_sex,
    parse_status,
)
from desktop.services.members import MemberInput, MemberService
from desktop.services.validation import ValidationError
from tests.fixtures_members import (
    IGNORED_ROWS,
    TODAY,
    add_book_members,
    expected_report,
    write_messy_csv,
    write_messy_xlsx,
)


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


def report(plan) -> list[tuple[int, str, str, list[str]]]:
    return [(o.row, str(o.action), o.name, list(o.reasons)) for o in plan.rows]


def dump(book: Book) -> list[object]:
    """Every member and event row, and the change counter."""
    with book.reader() as session:
        members = [tuple(row) for row in session.execute(text("SELECT * FROM member ORDER BY id"))]
        events = [
            tuple(row) for row in session.execute(text("SELECT * FROM member_event ORDER BY id"))
        ]
        counter = session.execute(text("SELECT change_counter FROM book_state")).scalar()
    return [members, events, counter]


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    return path


MESSY_FILES = {
    "xlsx": lambda folder, **kw: write_messy_xlsx(folder / "danh-sach.xlsx", **kw),
    "csv-semicolon-bom": lambda folder, **kw: write_messy_csv(folder / "danh-sach.csv", **kw),
    "csv-cp1258-comma": lambda folder, **kw: write_messy_csv(
        folder / "danh-sach.csv", encoding="cp1258", delimiter=",", **kw
    ),
    "txt-utf16-tab": lambda folder, **kw: write_messy_csv(
        folder / "danh-sach.txt", encoding="utf-16", delimiter="\t", **kw
    ),
}


# --- the messy list ----------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(MESSY_FILES))
def test_a_messy_list_is_reported_row_by_row(book: Book, tmp_path: Path, kind: str):
    add_book_members(book)
    path = MESSY_FILES[kind](tmp_path)
    plan = plan_import(book, path, today=TODAY)
    assert report(plan) == expected_report()
    assert plan.ignored_rows == IGNORED_ROWS
    assert plan.mapping.header_rows == (7, 8)
    assert plan.mapping.fields == {
        "number": 0,
        "full_name": 1,
        "male": 2,
        "female": 3,
        "citizen_id": 4,
        "phone": 6,
        "address": 7,
        "admission_date": 8,
        "official_date": 9,
        "card_number": 10,
        "notes": 11,
    }
    assert plan.counts == {Action.ADD: 4, Action.UPDATE: 1, Action.SKIP: 2, Action.ERROR: 3}
    assert not plan.ok
    assert plan.errors == [
        "row 14: Date of birth: “không rõ” is not a date (write it as dd/mm/yyyy).",
        "row 17: Date of birth: there is no such day as 31/02/1970.",
        "row 18: Date of birth: cannot be in the future.",
    ]


def test_what_the_rows_become(book: Book, tmp_path: Path):
    add_book_members(book)
    plan = plan_import(book, write_messy_xlsx(tmp_path / "ds.xlsx"), today=TODAY)
    assert plan.sheet == "DS"  # the first sheet is empty
    an = plan.outcome(10).data
    assert an == MemberInput(
        full_name="Nguyễn Văn An",
        sex=Sex.MALE,
        date_of_birth=date(1958, 3, 12),
        citizen_id="087170001234",
        phone="0912345678",
        address="Thôn An Hòa",
        admission_date=date(1980, 5, 19),
        official_date=date(1981, 5, 19),
        card_number="93001",
    )
    binh = plan.outcome(11).data
    assert binh.full_name == "Trần Thị Bình"  # composed, single spaces
    assert (binh.sex, binh.date_of_birth) == (Sex.FEMALE, date(1962, 7, 5))
    assert (binh.admission_date, binh.official_date) == (date(1979, 5, 25), date(1980, 6, 28))
    assert (binh.citizen_id, binh.phone, binh.address) == (
        "087162000321",
        "0978111222",
        "Thôn An Hòa",
    )
    assert binh.status is MemberStatus.EXEMPT
    phuc = plan.outcome(16).data
    assert (phuc.date_of_birth, phuc.admission_date) == (date(1965, 1, 1), date(2025, 3, 2))
    assert phuc.status is MemberStatus.PROBATIONARY
    kim = plan.outcome(20).data
    assert (kim.status, kim.home_cell) == (MemberStatus.ATTACHED, "Chi bộ Trường THCS An Phú")
    em = plan.outcome(15)
    assert em.changes == ("phone",) and em.member_id is not None
    assert em.data.phone == "0905123456" and em.data.admission_date == date(2001, 5, 19)
    assert plan.outcome(13).data is None and plan.outcome(14).data is None


def test_inspecting_a_file_shows_the_columns_and_first_rows(tmp_path: Path):
    layout = inspect_file(write_messy_xlsx(tmp_path / "ds.xlsx"), rows=2)
    assert layout.sheets == ("Trống", "DS") and layout.sheet == "DS"
    headers = [(c.letter, c.header, c.field) for c in layout.mapping.columns]
    assert headers[2] == ("C", "Ngày sinh / Nam", "male")
    assert headers[5] == ("F", "", None)
    assert headers[8] == ("I", "Ngày tháng năm / Ngày vào Đảng", "admission_date")
    assert [number for number, _cells in layout.preview] == [10, 11]
    assert layout.preview[0][1][:3] == ("1", "NGUYỄN VĂN AN", "12/03/1958")


# --- all or nothing ----------------------------------------------------------


def test_a_list_with_errors_is_refused_and_changes_nothing(book: Book, tmp_path: Path):
    add_book_members(book)
    plan = plan_import(book, write_messy_xlsx(tmp_path / "ds.xlsx"), today=TODAY)
    before = dump(book)
    with pytest.raises(ValidationError) as raised:
        apply_import(book, plan)
    assert [error.message for error in raised.value.errors] == plan.errors
    assert dump(book) == before
    assert not (tmp_path / "backups").exists()  # no backup either: nothing was attempted


def test_a_clean_list_is_written_after_a_backup(book: Book, tmp_path: Path):
    add_book_members(book)
    plan = plan_import(book, write_messy_xlsx(tmp_path / "ds.xlsx", with_errors=False), today=TODAY)
    assert report(plan) == expected_report(with_errors=False) and plan.ok
    result = apply_import(book, plan)
    assert len(result.added) == 4 and len(result.updated) == 1 and result.skipped == 2
    assert result.backup.exists() and "before-import" in result.backup.name

    service = MemberService(book, today=TODAY)
    rows = {row.full_name: row for row in service.rows()}
    assert sorted(rows) == sorted(
        [
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Đỗ Văn Phúc",
            "Đinh Thị Kim",
            "Hoàng Thị Em",
            "Ngô Văn Ích",
        ]
    )
    assert rows["Nguyễn Văn An"].status is MemberStatus.FULL
    assert rows["Trần Thị Bình"].status is MemberStatus.EXEMPT
    assert rows["Đỗ Văn Phúc"].status is MemberStatus.PROBATIONARY
    assert rows["Đinh Thị Kim"].status is MemberStatus.ATTACHED
    assert rows["Hoàng Thị Em"].phone == "0905123456"
    assert rows["Hoàng Thị Em"].status is MemberStatus.FULL
    kinds = [e.kind for e in EventService(book).history(rows["Trần Thị Bình"].id)]
    assert kinds == [
        MemberEventKind.ADMISSION,
        MemberEventKind.RECOGNITION,
        MemberEventKind.EXEMPTION,
    ]

    again = plan_import(
        book, write_messy_xlsx(tmp_path / "ds2.xlsx", with_errors=False), today=TODAY
    )
    assert again.counts == {Action.ADD: 0, Action.UPDATE: 0, Action.SKIP: 7, Action.ERROR: 0}
    assert report(again)[0] == (10, "skip", "Nguyễn Văn An", ["already in the book, nothing new"])


def test_a_failure_in_the_middle_leaves_the_book_as_it_was(
    book: Book, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    add_book_members(book)
    plan = plan_import(book, write_messy_xlsx(tmp_path / "ds.xlsx", with_errors=False), today=TODAY)
    before = dump(book)
    calls = []
    real_add = applying._add_member

    def failing_add(session, data, today):
        calls.append(data.full_name)
        if len(calls) == 3:
            raise RuntimeError("disk trouble")
        return real_add(session, data, today)

    monkeypatch.setattr(applying, "_add_member", failing_add)
    with pytest.raises(RuntimeError):
        apply_import(book, plan)
    assert calls == ["Nguyễn Văn An", "Trần Thị Bình", "Đỗ Văn Phúc"]
    assert dump(book) == before


def test_a_plan_that_no_longer_fits_the_book_is_refused(book: Book, tmp_path: Path):
    plan = plan_import(book, write_messy_xlsx(tmp_path / "ds.xlsx", with_errors=False), today=TODAY)
    MemberService(book, today=TODAY).create(
        MemberInput(full_name="Lý Văn Mới", sex=Sex.MALE, card_number="93001")
    )
    before = dump(book)
    with pytest.raises(ValidationError) as raised:
        apply_import(book, plan)
    assert raised.value.errors[0].message == (
        "row 10: Party card number: 93001 already belongs to Lý Văn Mới."
    )
    assert dump(book) == before


# --- matching the book -------------------------------------------------------


def test_matching_by_card_number_and_the_status_is_never_changed(book: Book, tmp_path: Path):
    service = MemberService(book, today=TODAY)
    service.create(MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE, card_number="555"))
    service.create(
        MemberInput(
            full_name="Trịnh Thị Mai",
            sex=Sex.FEMALE,
            date_of_birth=date(1944, 4, 4),
            notes="Nhà gần chợ",
        )
    )
    path = write_csv(
        tmp_path / "ds.csv",
        [
            "Họ tên;Giới tính;Ngày sinh;Số thẻ;Tình trạng;Ghi chú",
            "Le Van Tam;Nam;01-02-1960;555;;",
            "Trịnh Thị Mai;Nữ;04/04/1944;;Miễn sinh hoạt;Con trai ở Hà Nội",
            "Lê Văn Chín;Nam;;555;;",
            "Hồ Văn Xa;Nam;;;Đã chuyển sinh hoạt;",
        ],
    )
    plan = plan_import(book, path, today=TODAY)
    assert report(plan) == [
        (
            2,
            "update",
            "Le Van Tam",
            ["already in the book (same card number): Full name, Date of birth will be updated"],
        ),
        (
            3,
            "update",
            "Trịnh Thị Mai",
            [
                "already in the book (same name and date of birth): Notes will be updated",
                "in the book this member is: Full member; an import does not change a status "
                "(record an event for that)",
            ],
        ),
        (4, "skip", "Lê Văn Chín", ["same card number as row 2"]),
        (
            5,
            "skip",
            "Hồ Văn Xa",
            ["the list says this person is no longer a member here (Transferred out)"],
        ),
    ]
    assert plan.outcome(3).data.notes == "Nhà gần chợ\nCon trai ở Hà Nội"
    apply_import(book, plan)
    statuses = {row.full_name: row.status for row in service.rows()}
    assert statuses == {"Le Van Tam": MemberStatus.FULL, "Trịnh Thị Mai": MemberStatus.FULL}


def test_a_card_number_of_someone_else_is_an_error(book: Book, tmp_path: Path):
    MemberService(book, today=TODAY).create(
        MemberInput(full_name="Lê Văn Tám", sex=Sex.MALE, card_number="555")
    )
    path = write_csv(tmp_path / "ds.csv", ["Họ và tên,Nam/Nữ,Số thẻ", "Lê Văn Chín,Nam,555"])
    plan = plan_import(book, path, today=TODAY)
    assert report(plan) == [
        (
            2,
            "error",
            "Lê Văn Chín",
            ["row 2: Party card number: 555 already belongs to Lê Văn Tám."],
        )
    ]


def test_a_book_member_without_date_of_birth_is_found_by_name(book: Book, tmp_path: Path):
    service = MemberService(book, today=TODAY)
    service.create(MemberInput(full_name="Phan Văn Nam", sex=Sex.MALE))
    service.create(MemberInput(full_name="Mai Văn Đức", sex=Sex.MALE))
    service.create(MemberInput(full_name="Mai Văn Đức", sex=Sex.MALE))
    path = write_csv(
        tmp_path / "ds.csv",
        ["Họ và tên\tNăm sinh", "Phan Văn Nam\t1961", "Mai Văn Đức\t1970", "Phan Văn Nam\t1961"],
    )
    plan = plan_import(book, path, today=TODAY)
    assert report(plan) == [
        (
            2,
            "update",
            "Phan Văn Nam",
            [
                "already in the book (same name; no date of birth to compare): "
                "Date of birth will be updated",
                "Date of birth: only the year was given, recorded as 01/01/1961.",
            ],
        ),
        (
            3,
            "error",
            "Mai Văn Đức",
            [
                "row 3: more than one member of the book is named Mai Văn Đức; give a card "
                "number or a date of birth to tell them apart.",
                "Date of birth: only the year was given, recorded as 01/01/1970.",
                "Sex: not given, taken as Male from the name.",
            ],
        ),
        (4, "skip", "Phan Văn Nam", ["same name and date of birth as row 2"]),
    ]


# --- layouts -----------------------------------------------------------------


def test_a_list_without_a_name_column_is_refused_by_name(book: Book, tmp_path: Path):
    path = write_csv(tmp_path / "ds.csv", ["STT;Ngày sinh;Điện thoại", "1;01/01/1960;0912345678"])
    with pytest.raises(ImportFileError) as raised:
        plan_import(book, path, today=TODAY)
    message = str(raised.value)
    assert "No column for the full name was found in “ds.csv”" in message
    assert "“Họ và tên”" in message


def test_a_mapping_can_be_given(book: Book, tmp_path: Path):
    path = write_csv(
        tmp_path / "ds.csv",
        ["Đồng chí;Sinh;Phái;Ghi chú", "Nguyễn Thị Lan;12/12/1966;Nữ;Bí thư chi bộ"],
    )
    with pytest.raises(ImportFileError):
        plan_import(book, path, today=TODAY)
    plan = plan_import(
        book,
        path,
        mapping={"full_name": "Đồng chí", "date_of_birth": 1, "notes": None},
        today=TODAY,
    )
    assert plan.mapping.fields == {"full_name": 0, "date_of_birth": 1, "sex": 2}
    assert plan.outcome(2).data == MemberInput(
        full_name="Nguyễn Thị Lan", sex=Sex.FEMALE, date_of_birth=date(1966, 12, 12)
    )
    with pytest.raises(ImportFileError, match="“age” is not a field"):
        plan_import(book, path, mapping={"age": 1})
    with pytest.raises(ImportFileError, match="no column headed “Tuổi”"):
        plan_import(book, path, mapping={"full_name": "Tuổi"})


def test_a_list_without_a_header_row_can_be_mapped_by_column(book: Book, tmp_path: Path):
    path = write_csv(tmp_path / "ds.csv", ["Nguyễn Thị Lan,Nữ", "Trần Văn Hùng,Nam"])
    plan = plan_import(book, path, mapping={"full_name": 0, "sex": 1}, today=TODAY)
    assert [(o.row, o.action, o.name) for o in plan.rows] == [
        (1, Action.ADD, "Nguyễn Thị Lan"),
        (2, Action.ADD, "Trần Văn Hùng"),
    ]


def test_split_name_columns_and_sex_from_the_name(book: Book, tmp_path: Path):
    path = write_csv(
        tmp_path / "ds.csv",
        [
            "TT,Họ và tên đệm,Tên,Ngày sinh,Dân tộc,Tôn giáo,Văn hóa,LLCT",
            "I,Đảng viên chính thức,,,,,,",
            ",Chi bộ thôn Đông,,,,,,",
            "1,Lò Thị,Hoa,1/5/70,Thái,Không,12/12,Trung cấp",
            "2,Nguyễn Ngọc,Hải,,,,,",
            ",Tổng cộng: 2 đồng chí,,,,,,",
            ",Nguyễn Văn Ký,,,,,,",
        ],
    )
    plan = plan_import(book, path, today=TODAY)
    assert plan.ignored_rows == [2, 3, 6, 7]
    assert report(plan) == [
        (4, "add", "Lò Thị Hoa", ["Sex: not given, taken as Female from the name."]),
        (5, "error", "Nguyễn Ngọc Hải", ["row 5: Sex: please fill this in."]),
    ]
    hoa = plan.outcome(4).data
    assert (hoa.date_of_birth, hoa.ethnicity, hoa.religion) == (date(1970, 5, 1), "Thái", "Không")
    assert (hoa.education_level, hoa.theory_level) == ("12/12", "Trung cấp")


def test_other_row_problems(book: Book, tmp_path: Path):
    path = write_csv(
        tmp_path / "ds.csv",
        [
            "Họ và tên;Nam;Nữ;Ngày vào Đảng;Ngày chính thức;Tình trạng;CMND;SĐT",
            "Cao Văn Một;x;x;;;;;",
            "Cao Văn Hai;x;;01/01/2020;01/01/2021;Dự bị;;",
            "Cao Văn Ba;x;;01/01/2020;;Đi làm ăn xa;123456789;0912345678 / 0987654321",
            "Cao Văn Bốn;không;;;;;;",
        ],
    )
    plan = plan_import(book, path, today=TODAY)
    assert report(plan) == [
        (2, "error", "Cao Văn Một", ["row 2: Sex: both Nam and Nữ are filled in."]),
        (
            3,
            "error",
            "Cao Văn Hai",
            ["row 3: Status: the list says probationary, but an official date is given."],
        ),
        (
            4,
            "add",
            "Cao Văn Ba",
            [
                "Phone: more than one number was given; only the first (0912345678) was kept.",
                "Citizen ID: 123456789 is an old identity card number (9 digits); "
                "it was put in the notes.",
                "Status: “Đi làm ăn xa” was not understood; it was kept in the notes.",
                "no official date is given, so the member is recorded as probationary until it "
                "is filled in",
            ],
        ),
        (
            5,
            "error",
            "Cao Văn Bốn",
            ["row 5: Date of birth: “không” is not a date (write it as dd/mm/yyyy)."],
        ),
    ]
    assert plan.outcome(4).data.notes == "CMND: 123456789; Đi làm ăn xa"


def test_sheets_and_files_that_cannot_be_read(book: Book, tmp_path: Path):
    path = write_messy_xlsx(tmp_path / "ds.xlsx")
    assert plan_import(book, path, sheet="DS", today=TODAY).sheet == "DS"
    with pytest.raises(
        ImportFileError, match="no sheet named “Tháng 5”. Its sheets are: Trống, DS"
    ):
        plan_import(book, path, sheet="Tháng 5")
    with pytest.raises(ImportFileError, match="No column for the full name"):
        plan_import(book, path, sheet="Trống")
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ImportFileError, match=r"old Excel file \(\.xls\)"):
        plan_import(book, old)
    with pytest.raises(ImportFileError, match="was not found"):
        plan_import(book, tmp_path / "missing.xlsx")
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFileError, match="could not be read as an Excel workbook"):
        plan_import(book, broken)


# --- header names and values -------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Họ và tên", "full_name"),
        ("Họ tên", "full_name"),
        ("Họ, tên", "full_name"),
        ("HỌ VÀ TÊN ĐẢNG VIÊN", "full_name"),
        ("Giới tính", "sex"),
        ("Nam/Nữ", "sex"),
        ("Nam", "male"),
        ("Nữ", "female"),
        ("Ngày sinh", "date_of_birth"),
        ("Năm sinh", "date_of_birth"),
        ("Ngày, tháng, năm sinh", "date_of_birth"),
        ("Số CCCD", "citizen_id"),
        ("CCCD", "citizen_id"),
        ("Căn cước", "citizen_id"),
        ("Số CMND/CCCD", "citizen_id"),
        ("Điện thoại", "phone"),
        ("SĐT", "phone"),
        ("Nơi ở", "address"),
        ("Địa chỉ", "address"),
        ("Nơi ở hiện nay", "address"),
        ("Ngày vào Đảng", "admission_date"),
        ("Ngày kết nạp", "admission_date"),
        ("Ngày chính thức", "official_date"),
        ("Ngày công nhận chính thức", "official_date"),
        ("Ngày vào Đảng chính thức", "official_date"),
        ("Số thẻ", "card_number"),
        ("Số thẻ đảng viên", "card_number"),
        ("Dân tộc", "ethnicity"),
        ("Tôn giáo", "religion"),
        ("Trình độ học vấn", "education_level"),
        ("Văn hóa", "education_level"),
        ("GDPT", "education_level"),
        ("Lý luận chính trị", "theory_level"),
        ("LLCT", "theory_level"),
        ("Tình trạng", "status"),
        ("Ghi chú", "notes"),
        ("STT", "number"),
        ("Ngày sinh (dd/mm/yyyy)", "date_of_birth"),
        ("Ngày tháng năm", None),
        ("Quê quán", None),
        ("DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN AN HÒA", None),
    ],
)
def test_header_names(header: str, field: str | None):
    assert match_field(header) == field


@pytest.mark.parametrize(
    ("value", "expected", "note"),
    [
        ("12/03/1960", date(1960, 3, 12), None),
        ("1/5/60", date(1960, 5, 1), None),
        ("1/5/15", date(2015, 5, 1), None),
        ("12-03-1960", date(1960, 3, 12), None),
        ("12.03.1960", date(1960, 3, 12), None),
        (" 12 / 03 / 1960 ", date(1960, 3, 12), None),
        ("1960-03-12", date(1960, 3, 12), None),
        ("12/03/1960 00:00:00", date(1960, 3, 12), None),
        ("ngày 12 tháng 3 năm 1960", date(1960, 3, 12), None),
        (35678, date(1997, 9, 5), None),
        (35678.0, date(1997, 9, 5), None),
        ("35678", date(1997, 9, 5), None),
        (1958, date(1958, 1, 1), "Date of birth: only the year was given, recorded as 01/01/1958."),
        (
            "1958",
            date(1958, 1, 1),
            "Date of birth: only the year was given, recorded as 01/01/1958.",
        ),
        (
            "3/1958",
            date(1958, 3, 1),
            "Date of birth: only the month and year were given, recorded as 01/03/1958.",
        ),
        (None, None, None),
        ("", None, None),
    ],
)
def test_dates(value: object, expected: date | None, note: str | None):
    assert parse_date(value, "date_of_birth", TODAY) == (expected, note)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/02/1970", "Date of birth: there is no such day as 31/02/1970."),
        ("12/13/1970", "Date of birth: there is no such day as 12/13/1970."),
        ("không rõ", "Date of birth: “không rõ” is not a date (write it as dd/mm/yyyy)."),
        ("12/03/0960", "Date of birth: “12/03/0960” is not a date (write it as dd/mm/yyyy)."),
        (12, "Date of birth: “12” is not a date (write it as dd/mm/yyyy)."),
    ],
)
def test_impossible_dates(value: object, message: str):
    with pytest.raises(ValueProblem) as raised:
        parse_date(value, "date_of_birth", TODAY)
    assert raised.value.message == message


def test_text_names_phones_and_ids():
    assert clean_text(" Thôn\u00a0 An\u200b  Hòa ") == "Thôn An Hòa"
    assert clean_text("Tra\u0302\u0300n") == "Trần"
    assert clean_text('="0912345678"') == "0912345678"
    assert clean_name("NGUYỄN VĂN AN") == "Nguyễn Văn An"
    assert clean_name("ĐẶNG THỊ ÁNH") == "Đặng Thị Ánh"
    assert clean_name("Nguyễn Văn AN") == "Nguyễn Văn AN"  # not all capitals: left alone
    assert parse_phone(912345678) == ("0912345678", None)
    assert parse_phone(912345678.0) == ("0912345678", None)
    assert parse_phone("0912.345.678") == ("0912345678", None)
    assert parse_phone("2363812345") == ("02363812345", None)
    assert parse_phone("+84 912 345 678") == ("+84912345678", None)
    assert parse_phone("") == ("", None)
    assert parse_citizen_id(87170001234.0) == ("087170001234", "")
    assert parse_citizen_id("8.7170001234e10") == ("087170001234", "")
    assert parse_citizen_id("8,7170001234E+10") == ("087170001234", "")
    assert parse_citizen_id("'087170001234") == ("087170001234", "")
    assert parse_citizen_id("087 170 001 234") == ("087170001234", "")
    assert parse_citizen_id(12345678) == ("", "012345678")
    assert parse_citizen_id("chưa có") == ("", "")
    assert clean_education(date(2026, 12, 9)) == "9/12"
    assert clean_education(date(2026, 9, 12)) == "9/12"
    assert clean_education("12/12") == "12/12"


def test_sex_and_status_words():
    assert parse_sex("Nam") is Sex.MALE and parse_sex("nữ") is Sex.FEMALE
    assert parse_sex("NỮ") is Sex.FEMALE and parse_sex("") is None
    assert parse_sex("Nữ giới") is Sex.FEMALE and parse_sex("Nam giới") is Sex.MALE
    with pytest.raises(ValueProblem, match="Sex: “Không rõ” is neither Nam nor Nữ."):
        parse_sex("Không rõ")
    assert is_mark("x") and is_mark("X") and is_mark("✓") and not is_mark("12/03/1960")
    words = {
        "Miễn sinh hoạt": MemberStatus.EXEMPT,
        "Miễn công tác và sinh hoạt": MemberStatus.EXEMPT,
        "Miễn công tác và sinh hoạt đảng": MemberStatus.EXEMPT,
        "Sinh hoạt tạm thời": MemberStatus.ATTACHED,
        "Chuyển sinh hoạt tạm thời đi": MemberStatus.AWAY,
        "Dự bị": MemberStatus.PROBATIONARY,
        "Đảng viên dự bị": MemberStatus.PROBATIONARY,
        "Chính thức": MemberStatus.FULL,
        "Đảng viên chính thức": MemberStatus.FULL,
        "Đã chuyển sinh hoạt chính thức": MemberStatus.TRANSFERRED,
        "Đã từ trần": MemberStatus.DECEASED,
        "Đã xóa tên": MemberStatus.REMOVED,
        "": None,
    }
    assert {word: parse_status(word) for word in words} == words
    assert parse_status("Vợ đã mất năm 2020", in_notes=True) is None
    assert home_cell_from("Sinh hoạt tạm thời (từ Chi bộ Trường THCS An Phú)") == (
        "Chi bộ Trường THCS An Phú"
    )
    assert home_cell_from("SH tạm thời từ Chi bộ Công ty Miền Trung.") == (
        "Chi bộ Công ty Miền Trung"
    )
    assert home_cell_from("Sinh hoạt tạm thời") == ""
    assert parse_status("Miễn SH từ 2024", in_notes=True) is MemberStatus.EXEMPT


def test_a_group_heading_over_two_header_rows_in_a_csv_file(book: Book, tmp_path: Path):
    path = write_csv(
        tmp_path / "ds.csv",
        [
            "DANH SÁCH ĐẢNG VIÊN",
            "STT,Họ và tên,Giới tính,Ngày tháng năm,,,Quê quán",
            ",,,Sinh,Vào Đảng,Chính thức,",
            "1,Hà Văn Tú,Nam,02/09/1945,03/02/1965,03/02/1966,Hà Tĩnh",
        ],
    )
    plan = plan_import(book, path, today=TODAY)
    assert plan.mapping.header_rows == (2, 3)
    assert plan.mapping.fields == {
        "number": 0,
        "full_name": 1,
        "sex": 2,
        "date_of_birth": 3,
        "admission_date": 4,
        "official_date": 5,
    }
    tu = plan.outcome(4).data
    assert (tu.date_of_birth, tu.admission_date, tu.official_date) == (
        date(1945, 9, 2),
        date(1965, 2, 3),
        date(1966, 2, 3),
    )
