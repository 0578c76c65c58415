"""Fixtures for the widget tests: a private CellBook home, small real books,
and an app controller whose windows are closed after each test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import date, time, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.data.enums import (  # noqa: E402
    AttendanceStatus,
    DocumentType,
    MeetingKind,
    MeetingState,
    MemberStatus,
    Sex,
)
from desktop.data.models import (  # noqa: E402
    AgendaItem,
    Attendance,
    Meeting,
    MeetingGuest,
    Resolution,
    ResolutionTask,
    Speech,
)
from desktop.services.book import Book, NewBookDetails, suggested_file_name  # noqa: E402
from desktop.services.members import MemberInput, MemberService  # noqa: E402
from desktop.services.recommendations import RecommendationService  # noqa: E402
from desktop.services.register import RegisterService  # noqa: E402
from desktop.services.settings import (  # noqa: E402
    DEFAULT_TEXT_SIZE,
    AppSettings,
    load_settings,
    save_settings,
)

TODAY = date.today()
SPEECH = "Đề nghị chi bộ vận động bà con làm đường bê tông liên xóm"


@pytest.fixture(autouse=True)
def cellbook_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CELLBOOK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def ui_defaults(qapp: object) -> Iterator[None]:
    """Tests read the English source texts (the catalog may change); the app
    is left in Vietnamese, the default, at the normal text size."""
    from desktop.ui import theme

    i18n.set_language("en")
    yield
    i18n.set_language("vi")
    theme.apply_text_size(DEFAULT_TEXT_SIZE)


@pytest.fixture
def settings(cellbook_home: Path) -> AppSettings:
    """This computer's settings, in English (see `ui_defaults`)."""
    chosen = load_settings()
    chosen.language = "en"
    save_settings(chosen)
    return chosen


@pytest.fixture
def controller(qapp: object, settings: AppSettings) -> Iterator[object]:
    from desktop.ui.controller import AppController

    app_controller = AppController(qapp, settings, maximize=False)  # type: ignore[arg-type]
    yield app_controller
    if app_controller.wizard is not None:
        app_controller.wizard.reject()
    if app_controller.main_window is not None:
        app_controller.main_window.close()
    if app_controller.start_screen is not None:
        app_controller.start_screen.close()


def create_book(folder: Path, cell: str = "Thôn An Hòa", commune: str = "Xã An Phú") -> Path:
    path = folder / "books" / suggested_file_name(cell)
    Book.create(path, NewBookDetails(cell, commune)).close()
    return path


def fill_book(path: Path) -> dict[str, str]:
    """Three members, a scored meeting with a speech and a resolution, a
    meeting still in draft, an overdue recommendation and a numbered document."""
    book = Book.open(path)
    try:
        members = MemberService(book)
        an = members.create(
            MemberInput(
                "Nguyễn Văn An",
                Sex.MALE,
                date_of_birth=date(1958, 3, 12),
                card_number="12345678",
                phone="0912 345 678",
            )
        )
        binh = members.create(
            MemberInput("Trần Thị Bình", Sex.FEMALE, status=MemberStatus.PROBATIONARY)
        )
        cuong = members.create(MemberInput("Lê Văn Cường", Sex.MALE, status=MemberStatus.EXEMPT))
        held_on = TODAY.replace(day=3) if TODAY.day > 3 else TODAY - timedelta(days=28)
        with book.session() as session:
            meeting = Meeting(
                kind=MeetingKind.REGULAR,
                state=MeetingState.ADOPTED,
                scheduled_on=held_on,
                held_on=held_on,
                start_time=time(8, 0),
                end_time=time(10, 0),
                title="Sinh hoạt chi bộ định kỳ",
                place="Nhà văn hóa thôn",
                chair_id=an,
                minute_taker_id=binh,
                score=92,
                grade="good",
            )
            session.add(meeting)
            session.flush()
            item = AgendaItem(
                meeting_id=meeting.id,
                position=1,
                title="Đánh giá kết quả tháng trước",
                presenter_id=an,
                conclusion="Hoàn thành tốt nhiệm vụ",
            )
            session.add(item)
            session.flush()
            session.add_all(
                [
                    Attendance(
                        meeting_id=meeting.id,
                        member_id=an,
                        member_status=MemberStatus.FULL,
                        status=AttendanceStatus.PRESENT,
                    ),
                    Attendance(
                        meeting_id=meeting.id,
                        member_id=binh,
                        member_status=MemberStatus.PROBATIONARY,
                        status=AttendanceStatus.ABSENT_EXCUSED,
                        reason="ốm",
                    ),
                    MeetingGuest(
                        meeting_id=meeting.id,
                        name="Phạm Văn Dũng",
                        title="Đảng ủy viên",
                        is_superior=True,
                    ),
                    Speech(
                        meeting_id=meeting.id,
                        agenda_item_id=item.id,
                        member_id=an,
                        position=1,
                        content=SPEECH,
                    ),
                ]
            )
            resolution = Resolution(
                meeting_id=meeting.id,
                title="Nghị quyết tháng",
                votes_for=1,
                votes_against=0,
                votes_abstain=0,
                voters_present=1,
            )
            resolution.tasks.append(
                ResolutionTask(description="Sửa đường liên xóm", assignee_id=cuong, position=1)
            )
            session.add(resolution)
            draft = Meeting(
                kind=MeetingKind.THEMATIC,
                scheduled_on=TODAY + timedelta(days=10),
                title="Chuyên đề chuyển đổi số",
                topic="Chuyển đổi số",
            )
            session.add(draft)
            session.flush()
            ids = {
                "an": an,
                "binh": binh,
                "cuong": cuong,
                "meeting": meeting.id,
                "held_on": held_on.isoformat(),
            }
        RecommendationService(book).create(
            "Đề nghị xã sửa đèn đường",
            TODAY - timedelta(days=60),
            raised_by_id=an,
            addressee="Đảng ủy xã",
        )
        RegisterService(book).issue(DocumentType.RESOLUTION, held_on, "Nghị quyết tháng")
        return ids
    finally:
        book.close()


@pytest.fixture
def empty_book(cellbook_home: Path) -> Path:
    return create_book(cellbook_home)


@pytest.fixture
def sample_book(cellbook_home: Path) -> tuple[Path, dict[str, str]]:
    path = create_book(cellbook_home)
    return path, fill_book(path)


@pytest.fixture
def open_main(controller: object, qtbot: object) -> Callable[[Path], object]:
    """Open the main window on a book, as the start screen does."""

    def opener(path: Path) -> object:
        assert controller.open_path(path)  # type: ignore[attr-defined]
        window = controller.main_window  # type: ignore[attr-defined]
        qtbot.waitExposed(window)  # type: ignore[attr-defined]
        return window

    return opener


def born(age: int) -> date:
    """A date of birth giving `age` years today."""
    return date(TODAY.year - age, 1, 1)


def fill_register(path: Path) -> dict[str, str]:
    """Six members of every kind for the register's filters: a secretary (68),
    a probationary member (25), an exempt member (56), a deputy secretary (40),
    an attached member without a date of birth, and a member transferred out."""
    from desktop.data.enums import CommitteePostKind, MemberEventKind
    from desktop.services.committee import CommitteeService
    from desktop.services.member_events import EventInput, EventService

    book = Book.open(path)
    try:
        members = MemberService(book)
        admitted, official = date(2000, 5, 19), date(2001, 5, 19)
        ids = {
            "an": members.create(
                MemberInput(
                    "Nguyễn Văn An",
                    Sex.MALE,
                    date_of_birth=born(68),
                    admission_date=admitted,
                    official_date=official,
                    card_number="11111111",
                )
            ),
            "binh": members.create(
                MemberInput(
                    "Trần Thị Bình",
                    Sex.FEMALE,
                    date_of_birth=born(25),
                    admission_date=TODAY - timedelta(days=100),
                )
            ),
            "cuong": members.create(
                MemberInput(
                    "Lê Văn Cường",
                    Sex.MALE,
                    date_of_birth=born(56),
                    admission_date=admitted,
                    official_date=official,
                    status=MemberStatus.EXEMPT,
                )
            ),
            "dung": members.create(
                MemberInput(
                    "Phạm Thị Dung",
                    Sex.FEMALE,
                    date_of_birth=born(40),
                    admission_date=admitted,
                    official_date=official,
                )
            ),
            "em": members.create(
                MemberInput(
                    "Hoàng Văn Em",
                    Sex.MALE,
                    admission_date=admitted,
                    official_date=official,
                    status=MemberStatus.ATTACHED,
                    home_cell="Chi bộ thôn Bình Minh",
                )
            ),
            "phuc": members.create(
                MemberInput(
                    "Đỗ Văn Phúc",
                    Sex.MALE,
                    date_of_birth=born(35),
                    admission_date=admitted,
                    official_date=official,
                )
            ),
        }
        EventService(book).record(
            ids["phuc"],
            EventInput(
                MemberEventKind.OFFICIAL_TRANSFER,
                TODAY - timedelta(days=10),
                counterpart="Đảng ủy xã Tân Phú",
            ),
        )
        committee = CommitteeService(book)
        start = committee.current_term().starts_on
        committee.assign(ids["an"], CommitteePostKind.SECRETARY, start)
        committee.assign(ids["dung"], CommitteePostKind.DEPUTY_SECRETARY, start)
        return ids
    finally:
        book.close()


@pytest.fixture
def register_book(cellbook_home: Path) -> tuple[Path, dict[str, str]]:
    path = create_book(cellbook_home)
    return path, fill_register(path)


# --- dues and reminders --------------------------------------------------------

# The day the dues and reminder tests take as today (the main window is told so).
DUES_TODAY = date(2026, 6, 15)


@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """The main window (and so its pages and dialogs) takes `DUES_TODAY` as today."""
    from desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "today", lambda self: DUES_TODAY)
    return DUES_TODAY


def fill_dues(path: Path) -> dict[str, str]:
    """Five members on 15/06/2026 and the dues of January to May 2026: An
    has paid every month, Bình not February, March or May, Cường (probationary,
    admitted in January) every month; Dũng (party age over 50) is exempt;
    Em (temporarily attached) pays at his home cell."""
    from desktop.services.dues import DuesService

    book = Book.open(path)
    try:
        members = MemberService(book, DUES_TODAY)

        def add(name: str, admitted: date, official: date | None, **extra: object) -> str:
            return members.create(
                MemberInput(
                    name,
                    Sex.MALE,
                    admission_date=admitted,
                    official_date=official,
                    **extra,  # type: ignore[arg-type]
                )
            )

        ids = {
            "an": add("Nguyễn Văn An", date(2000, 5, 19), date(2001, 5, 19)),
            "binh": add("Trần Thị Bình", date(2010, 4, 2), date(2011, 4, 20)),
            "cuong": add("Lê Văn Cường", date(2026, 1, 10), None),
            "dung": add("Phạm Văn Dũng", date(1970, 3, 1), date(1971, 3, 1)),
            "em": add(
                "Hoàng Văn Em",
                date(2005, 1, 1),
                date(2006, 1, 1),
                status=MemberStatus.ATTACHED,
                home_cell="Chi bộ thôn Bình Minh",
            ),
        }
        dues = DuesService(book, DUES_TODAY)
        for number in range(1, 6):
            month = date(2026, number, 1)
            dues.open_month(month)
            paid_on = date(2026, number, 3)
            dues.record_payment(ids["an"], month, 6000, paid_on)
            dues.record_payment(ids["cuong"], month, 6000, paid_on)
            if number not in (2, 3, 5):
                dues.record_payment(ids["binh"], month, 6000, paid_on)
        return ids
    finally:
        book.close()


@pytest.fixture
def dues_book(cellbook_home: Path, fixed_today: date) -> tuple[Path, dict[str, str]]:
    path = create_book(cellbook_home)
    return path, fill_dues(path)


def fill_reminders(path: Path) -> dict[str, str]:
    """On 15/06/2026: Bình's probation ends in 20 days; An is away on a
    temporary transfer until in 10 days; Cường's temporary transfer ended 5
    days ago and his return is not recorded (urgent)."""
    from desktop.data.enums import MemberEventKind
    from desktop.services.member_events import EventInput, EventService
    from desktop.services.party_calendar import add_months

    book = Book.open(path)
    try:
        members = MemberService(book, DUES_TODAY)
        events = EventService(book, DUES_TODAY)
        admitted = add_months(DUES_TODAY + timedelta(days=20), -12)
        ids = {
            "an": members.create(
                MemberInput(
                    "Nguyễn Văn An",
                    Sex.MALE,
                    admission_date=date(2012, 3, 1),
                    official_date=date(2013, 3, 1),
                )
            ),
            "binh": members.create(
                MemberInput("Trần Thị Bình", Sex.FEMALE, admission_date=admitted)
            ),
            "cuong": members.create(
                MemberInput(
                    "Lê Văn Cường",
                    Sex.MALE,
                    admission_date=date(2014, 9, 2),
                    official_date=date(2015, 9, 2),
                )
            ),
        }
        for who, ends in (("an", 10), ("cuong", -5)):
            events.record(
                ids[who],
                EventInput(
                    MemberEventKind.TEMPORARY_TRANSFER,
                    DUES_TODAY - timedelta(days=120),
                    counterpart="Chi bộ Trường Chính trị tỉnh",
                    ends_on=DUES_TODAY + timedelta(days=ends),
                ),
            )
        return ids
    finally:
        book.close()


@pytest.fixture
def reminders_book(cellbook_home: Path, fixed_today: date) -> tuple[Path, dict[str, str]]:
    path = create_book(cellbook_home)
    return path, fill_reminders(path)
