"""`cellbook demo --commune`: a commune's book and cell books, enrolled both ways,
that have exchanged a year of monthly bundles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli.main import main
from desktop.data.enums import (
    DecisionKind,
    MeetingKind,
    MeetingState,
    OrgKind,
    PeerRole,
    RecommendationStatus,
    ReviewState,
    SharedDocumentKind,
)
from desktop.data.models import (
    BundleLog,
    CommuneDecision,
    Meeting,
    Member,
    MemberReview,
    Organisation,
    Recommendation,
    ReviewCampaign,
    SharedDocument,
)
from desktop.i18n import current_language, set_language
from desktop.services.book import Book
from desktop.services.sync.identity import peers
from desktop.services.sync.tables import tables_sent_to
from tests.cli_support import cli_home, run  # noqa: F401 (cli_home: autouse)

UNTIL = "2026-06-02"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`cellbook demo --commune --cells 2`, run once: the folder and what it printed."""
    folder = tmp_path_factory.mktemp("commune-demo")
    language = current_language()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CELLBOOK_HOME", str(folder / "home"))
        printed: list[str] = []
        patch.setattr("builtins.print", lambda *args, **_kw: printed.append(" ".join(args)))
        argv = ["--lang", "en", "demo", "--commune", "--cells", "2"]
        code = main([*argv, "--out", str(folder / "books"), "--until", UNTIL])
    set_language(language)
    assert code == 0
    return folder / "books", "\n".join(printed)


@pytest.fixture
def opened(demo: tuple[Path, str]) -> Iterator[dict[str, Book]]:
    folder = demo[0]
    books = {
        path.stem: Book.open(path, device_id="test") for path in sorted(folder.glob("*.cellbook"))
    }
    yield books
    for book in books.values():
        book.close(backup=False)


def _count(book: Book, model: type, *where: object) -> int:
    with book.reader() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_the_command_says_what_it_made(demo: tuple[Path, str]) -> None:
    folder, out = demo
    assert sorted(path.name for path in folder.glob("*.cellbook")) == [
        "chi-bo-thon-an-hoa.cellbook",
        "chi-bo-thon-phu-loc.cellbook",
        "dang-uy-xa-an-phu.cellbook",
    ]
    assert "Commune committee:" in out and "dang-uy-xa-an-phu.cellbook" in out
    assert "12 monthly rounds: 24 bundles handed up, 24 handed down" in out


def test_the_books_are_enrolled_both_ways(opened: dict[str, Book]) -> None:
    commune = opened["dang-uy-xa-an-phu"]
    assert commune.organisation().kind is OrgKind.COMMUNE
    assert commune.organisation().name == "Đảng ủy xã An Phú"
    cells = {peer.org_name: peer for peer in peers(commune)}
    assert set(cells) == {"Chi bộ thôn An Hòa", "Chi bộ thôn Phú Lộc"}
    assert all(peer.role is PeerRole.CELL for peer in cells.values())
    for stem in ("chi-bo-thon-an-hoa", "chi-bo-thon-phu-loc"):
        [superior] = peers(opened[stem])
        assert superior.role is PeerRole.SUPERIOR and superior.book_id == commune.book_id


def test_the_commune_holds_both_cells_records(opened: dict[str, Book]) -> None:
    commune = opened["dang-uy-xa-an-phu"]
    with commune.reader() as session:
        names = set(session.scalars(select(Organisation.name)))
        assert {"Chi bộ thôn An Hòa", "Chi bộ thôn Phú Lộc"} <= names
    for stem in ("chi-bo-thon-an-hoa", "chi-bo-thon-phu-loc"):
        cell = opened[stem]
        org = cell.owner_org_id
        peer = next(p for p in peers(commune) if p.org_id == org)
        assert (
            _count(
                commune,
                BundleLog,
                BundleLog.direction == "in",
                BundleLog.peer_book_id == peer.book_id,
            )
            == 12
        )
        assert peer.imported_seq == 12
        assert _count(commune, Member, Member.org_id == org) > 20
        assert _count(commune, Meeting, Meeting.org_id == org) > 30
        adopted = _count(
            commune,
            Meeting,
            Meeting.org_id == org,
            Meeting.state == MeetingState.ADOPTED,
            Meeting.kind != MeetingKind.COMMITTEE,
        )
        minutes = _count(
            commune,
            SharedDocument,
            SharedDocument.org_id == org,
            SharedDocument.kind == SharedDocumentKind.MINUTES,
        )
        assert minutes == adopted


def test_the_cells_took_in_the_communes_decisions(opened: dict[str, Book]) -> None:
    commune = opened["dang-uy-xa-an-phu"]
    assert (
        _count(commune, SharedDocument, SharedDocument.kind == SharedDocumentKind.DIRECTIVE) == 12
    )
    for stem in ("chi-bo-thon-an-hoa", "chi-bo-thon-phu-loc"):
        cell = opened[stem]
        assert _count(cell, BundleLog, BundleLog.direction == "in") == 12
        assert _count(cell, BundleLog, BundleLog.direction == "out") == 12
        assert (
            _count(cell, SharedDocument, SharedDocument.kind == SharedDocumentKind.DIRECTIVE) == 12
        )
        decisions = _count(cell, CommuneDecision)
        assert decisions > 20
        assert _count(cell, CommuneDecision, CommuneDecision.applied.is_(True)) == decisions
        with cell.reader() as session:
            ratings = session.scalars(
                select(CommuneDecision).where(CommuneDecision.kind == DecisionKind.MEMBER_RATING)
            ).all()
            assert ratings
            for rating in ratings:
                review = session.get(MemberReview, rating.target_id)
                assert review is not None and review.state is ReviewState.DECIDED
                assert review.decided_level == rating.level
                assert review.decided_on == rating.decided_on
            campaign_rating = session.scalar(
                select(CommuneDecision).where(CommuneDecision.kind == DecisionKind.CELL_RATING)
            )
            assert campaign_rating is not None
            campaign = session.get(ReviewCampaign, campaign_rating.target_id)
            assert campaign is not None and campaign.cell_decided_level == campaign_rating.level
            answers = session.scalars(
                select(CommuneDecision).where(CommuneDecision.kind == DecisionKind.ANSWER)
            ).all()
            assert answers
            for answer in answers:
                item = session.get(Recommendation, answer.target_id)
                assert item is not None and item.status is RecommendationStatus.ANSWERED
                assert item.answer == answer.text


def test_each_cell_has_its_own_village_figures_and_device(opened: dict[str, Book]) -> None:
    an_hoa, phu_loc = opened["chi-bo-thon-an-hoa"], opened["chi-bo-thon-phu-loc"]
    assert an_hoa.organisation().issuer_line == "CHI BỘ THÔN AN HÒA"
    assert phu_loc.organisation().issuer_line == "CHI BỘ THÔN PHÚ LỘC"
    with an_hoa.reader() as a, phu_loc.reader() as b:
        assert set(a.scalars(select(Member.full_name))) != set(b.scalars(select(Member.full_name)))
        assert not any("An Hòa" in place for place in b.scalars(select(Meeting.place)))
        devices = [
            set(s.scalars(select(Member.updated_on).where(Member.org_id == book.owner_org_id)))
            for s, book in ((a, an_hoa), (b, phu_loc))
        ]
    assert devices[0].isdisjoint(devices[1])


def test_the_books_are_sound_and_nothing_is_held_back(opened: dict[str, Book]) -> None:
    for book in opened.values():
        assert book.integrity_problems() == []
    for stem in ("chi-bo-thon-an-hoa", "chi-bo-thon-phu-loc"):
        cell = opened[stem]
        with cell.reader() as session:
            conn = session.connection()
            for table in tables_sent_to(PeerRole.SUPERIOR):
                held = conn.exec_driver_sql(
                    f'SELECT count(*) FROM "{table.name}" WHERE change_seq = 0'
                ).scalar_one()
                assert held == 0, table.name


def test_the_commune_demo_refuses_to_overwrite(
    demo: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = demo[0]
    before = (folder / "dang-uy-xa-an-phu.cellbook").stat().st_mtime_ns
    code, _out, err = run(capsys, "demo", "--commune", "--cells", "2", "--out", str(folder))
    assert code == 2 and "already exists" in err and "--force" in err
    assert (folder / "dang-uy-xa-an-phu.cellbook").stat().st_mtime_ns == before
    code, _out, err = run(capsys, "demo", "--cells", "2", "--out", str(folder / "x.cellbook"))
    assert code == 2 and "--cells goes with --commune" in err
