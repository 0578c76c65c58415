"""Review and criticism texts stay in the book: never in the search index, in
a database error, in a crash report or in a log."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop import __version__, crash
from desktop.data.enums import Sex, ShortcomingStatus, WorkGroup
from desktop.data.models import MemberReview
from desktop.data.text import fold
from desktop.services.book import Book
from desktop.services.criticism import CriticismService
from desktop.services.emulation import EmulationService
from desktop.services.members import MemberInput, MemberService
from desktop.services.reviews import ReviewService, ReviewTexts, Votes
from desktop.services.search import search_book

TODAY = date(2026, 12, 28)
DAY = date(2026, 12, 15)

# One made-up word in each text, so that any trace of it can be looked for.
SECRETS = {
    "strengths": "Gương mẫu vận động bà con, được khen zalvorin.",
    "shortcomings": "Còn nóng nảy khi góp ý quexotl với hộ bên cạnh.",
    "earlier_fixes": "Đã bỏ thói quen brimwick từ giữa năm.",
    "responsibility": "Chịu trách nhiệm về việc chậm tundravex của tổ.",
    "remedies": "Từ tháng 1 sẽ kiềm chế morlocia, lắng nghe bà con.",
    "criticism": "Đồng chí còn nể nang pyxadrin với người thân.",
    "self_criticism": "Tôi nhận khuyết điểm velmorak trước chi bộ.",
    "shortcoming": "Ngại va chạm ostravin trong phê bình.",
    "remedy": "Mỗi buổi sinh hoạt phát biểu một ý kiến grelwhist.",
    "follow_up": "Đã phát biểu đầy đủ ở các buổi sinh hoạt flumbrect.",
    "cell_strengths": "Chi bộ lãnh đạo tốt việc làm đường quarnivel.",
    "cell_shortcomings": "Sinh hoạt có lúc chưa đúng giờ droskavin.",
}
WORDS = [
    "zalvorin",
    "quexotl",
    "brimwick",
    "tundravex",
    "morlocia",
    "pyxadrin",
    "velmorak",
    "ostravin",
    "grelwhist",
    "flumbrect",
    "quarnivel",
    "droskavin",
]
assert all(word in " ".join(SECRETS.values()) for word in WORDS)


def _people(book: Book) -> dict[str, str]:
    service = MemberService(book, date(2026, 1, 5))
    full = {"admission_date": date(2000, 1, 1), "official_date": date(2001, 1, 1)}
    return {
        "an": service.create(
            MemberInput("Nguyễn Văn An", Sex.MALE, work_group=WorkGroup.LEADER, **full)
        ),
        "binh": service.create(MemberInput("Trần Văn Bình", Sex.MALE, **full)),
    }


def _campaign(book: Book) -> dict[str, str]:
    """A whole review, through the services: written, discussed with criticism,
    voted, decided; the cell's own review; criticism and a shortcoming followed up."""
    people = _people(book)
    reviews = ReviewService(book, TODAY)
    campaign = reviews.start(2026, started_on=date(2026, 12, 10))
    review_id = next(
        r.id for r in reviews.campaign(campaign).reviews if r.member_id == people["an"]
    )
    reviews.write(
        review_id,
        ReviewTexts(
            strengths=SECRETS["strengths"],
            shortcomings=SECRETS["shortcomings"],
            earlier_fixes=SECRETS["earlier_fixes"],
            responsibility=SECRETS["responsibility"],
            remedies=SECRETS["remedies"],
            self_level="good",
        ),
        date(2026, 12, 12),
    )
    reviews.discuss(
        review_id,
        DAY,
        [
            (people["binh"], "", SECRETS["criticism"]),
            (people["an"], "", SECRETS["self_criticism"]),
        ],
    )
    reviews.vote(
        review_id,
        points=82,
        conditions_met=["all_tasks_on_time"],
        proposed_level="good",
        votes=Votes(2),
        voted_on=DAY,
    )
    reviews.decide(review_id, "good", date(2026, 12, 26), "Quyết định số 40-QĐ/ĐU")
    reviews.write_cell_review(
        campaign,
        ReviewTexts(
            strengths=SECRETS["cell_strengths"],
            shortcomings=SECRETS["cell_shortcomings"],
            remedies=SECRETS["remedies"],
            self_level="good",
        ),
    )
    reviews.vote_cell(campaign, "good", Votes(2))
    reviews.decide_cell(campaign, "good", date(2026, 12, 26))
    criticism = CriticismService(book, TODAY)
    said = criticism.record(
        SECRETS["criticism"],
        given_on=DAY,
        about_member_id=people["an"],
        by_member_id=people["binh"],
    )
    shortcoming = criticism.add_shortcoming(
        SECRETS["shortcoming"],
        member_id=people["an"],
        raised_on=DAY,
        remedy=SECRETS["remedy"],
        criticism_id=said,
        review_id=review_id,
    )
    criticism.follow_up(shortcoming, ShortcomingStatus.FIXED, SECRETS["follow_up"], TODAY)
    EmulationService(book, TODAY).pledge(2026, "Hoàn thành tốt nhiệm vụ.", member_id=None)
    # Everything read back, as the screens do.
    reviews.review(review_id)
    reviews.campaign(campaign)
    reviews.history(people["an"])
    criticism.rows()
    criticism.shortcomings()
    return {"campaign": campaign, "review": review_id, **people}


def _contains_secret(value: str) -> list[str]:
    folded = fold(value)
    return [word for word in WORDS if word in value or fold(word) in folded]


# --- the search index -------------------------------------------------------------


def test_review_and_criticism_texts_are_not_searchable(book: Book):
    _campaign(book)
    assert any(r.kind == "member" for r in search_book(book, "Nguyen Van An"))  # index works
    for word in WORDS:
        assert search_book(book, word) == [], word
    with book.reader() as session:
        bodies = session.execute(text("SELECT body FROM search_index")).scalars().all()
        kinds = set(session.execute(text("SELECT kind FROM search_doc")).scalars())
        for word in WORDS:
            hits = session.execute(
                text("SELECT count(*) FROM search_index WHERE search_index MATCH :q"),
                {"q": f'"{fold(word)}"'},
            ).scalar_one()
            assert hits == 0, word
    assert bodies and not [body for body in bodies if _contains_secret(body)]
    assert kinds <= {
        "member",
        "meeting",
        "agenda_item",
        "speech",
        "resolution",
        "resolution_task",
        "recommendation",
    }


# --- database errors -----------------------------------------------------------------


def _save_duplicate(book: Book, campaign_id: str, member_id: str, secret_text: str) -> None:
    """A second review of the same member in the same campaign (the database refuses)."""
    with book.session() as session:
        session.add(
            MemberReview(
                campaign_id=campaign_id,
                member_id=member_id,
                form_id="2A",
                strengths=secret_text,
                shortcomings=secret_text,
            )
        )


def test_a_database_error_carries_no_review_text(book: Book):
    ids = _campaign(book)
    with pytest.raises(IntegrityError) as raised:
        _save_duplicate(book, ids["campaign"], ids["an"], SECRETS["strengths"])
    message = str(raised.value)
    assert "UNIQUE constraint failed: member_review" in message
    assert "parameters hidden" in message
    assert not _contains_secret(message)
    assert not _contains_secret("".join(traceback.format_exception(raised.value)))


# --- crash reports -----------------------------------------------------------------------


def _fail_while_holding(secret_text: str) -> None:
    words = secret_text.split()  # noqa: F841 (a local the report must not show)
    raise RuntimeError("Saving the review failed")


def _exception_info(
    call: object, *args: object
) -> tuple[type[BaseException], BaseException, TracebackType]:
    try:
        call(*args)  # type: ignore[operator]
    except BaseException as error:  # noqa: BLE001
        assert error.__traceback__ is not None
        return type(error), error, error.__traceback__
    raise AssertionError("expected an exception")


def test_a_crash_report_has_the_facts_and_no_local_values(tmp_path: Path):
    info = _exception_info(_fail_while_holding, SECRETS["shortcomings"])
    path = crash.write_report(*info, folder=tmp_path)
    assert path is not None and path.parent == tmp_path
    report = path.read_text(encoding="utf-8")
    assert f"CellBook {__version__}" in report
    assert f"Python {sys.version_info.major}.{sys.version_info.minor}" in report
    assert "Platform " in report
    assert "Exception builtins.RuntimeError" in report
    assert "RuntimeError: Saving the review failed" in report  # the message is kept
    assert "_fail_while_holding" in report and "Traceback" in report
    assert not _contains_secret(report)


def test_a_crash_report_of_a_database_error_has_no_review_text(book: Book, tmp_path: Path):
    ids = _campaign(book)
    info = _exception_info(_save_duplicate, book, ids["campaign"], ids["an"], SECRETS["remedies"])
    assert isinstance(info[1], IntegrityError)
    path = crash.write_report(*info, folder=tmp_path)
    assert path is not None
    report = path.read_text(encoding="utf-8")
    assert "IntegrityError" in report and "member_review" in report
    assert not _contains_secret(report)


def test_the_installed_hooks_write_a_report_then_hand_over(
    monkeypatch: pytest.MonkeyPatch, cellbook_home: Path
):
    seen: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: seen.append(args[0]))
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_type))
    crash.install()
    crash.install()  # once is enough: no second report
    assert crash.crash_dir() == cellbook_home / "logs"

    sys.excepthook(*_exception_info(_fail_while_holding, SECRETS["remedies"]))
    assert seen == [RuntimeError]
    assert len(crash.reports()) == 1

    worker = threading.Thread(
        target=_fail_while_holding, args=(SECRETS["criticism"],), name="luu-kiem-diem"
    )
    worker.start()
    worker.join()
    assert seen == [RuntimeError, RuntimeError]
    reports = crash.reports()
    assert len(reports) == 2
    thread_report = reports[-1].read_text(encoding="utf-8")
    assert "Thread luu-kiem-diem" in thread_report
    for path in reports:
        assert not _contains_secret(path.read_text(encoding="utf-8"))


def test_only_the_newest_reports_are_kept(tmp_path: Path):
    info = _exception_info(_fail_while_holding, "")
    start = datetime(2026, 12, 1, 8, 0)
    written = [
        crash.write_report(*info, folder=tmp_path, now=start + timedelta(minutes=n))
        for n in range(crash.KEEP + 5)
    ]
    kept = crash.reports(tmp_path)
    assert kept == written[-crash.KEEP :]
    twice = crash.write_report(*info, folder=tmp_path, now=start + timedelta(minutes=99))
    again = crash.write_report(*info, folder=tmp_path, now=start + timedelta(minutes=99))
    assert twice != again and crash.reports(tmp_path)[-2:] == [twice, again]
    assert len(crash.reports(tmp_path)) == crash.KEEP


def test_a_report_that_cannot_be_written_does_not_raise(tmp_path: Path):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    info = _exception_info(_fail_while_holding, "")
    assert crash.write_report(*info, folder=blocked) is None


# --- logs ---------------------------------------------------------------------------------


def test_no_log_record_carries_review_or_criticism_texts(
    book: Book, caplog: pytest.LogCaptureFixture
):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    _campaign(book)
    records = caplog.records
    statements = [r.getMessage() for r in records if r.name.startswith("sqlalchemy.engine")]
    # The database's own log was on: the reviews' statements were logged...
    assert any("INSERT INTO member_review" in m for m in statements)
    assert any("UPDATE member_review" in m for m in statements)
    assert any("SELECT" in m and "member_review" in m for m in statements)
    # ...but no record carries a text, in its message, its arguments or its error.
    for record in records:
        shown = record.getMessage() + repr(record.args) + (record.exc_text or "")
        assert not _contains_secret(shown), (record.name, shown[:200])
    assert not _contains_secret(caplog.text)
