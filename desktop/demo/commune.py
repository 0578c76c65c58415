"""The commune demo: a commune party committee's book and N cell books that have
exchanged a year of bundles, for screenshots, trying the commune screens and
the sync benchmark.

`generate_commune_demo` writes "Đảng ủy xã An Phú" (a commune book) and N
cells ("Chi bộ thôn An Hòa", "Chi bộ thôn Phú Lộc", …), each the demo
village's story with its own seed, so their members and figures differ. Every
book has its own device id. The books enrol each other's key cards, then
exchange 12 monthly rounds, the 12 months that end with the demo's last
regular meeting:

- around the 6th, each cell makes a bundle for the commune, which imports it.
  The first carries the cell's register and everything it wrote before that
  month (the year before included, as when a cell starts handing up with
  CellBook); each later one carries what the month added: the minutes and
  resolution of the meetings adopted since (with their PDFs), attendance and
  scores, new recommendations, life events, the review once voted, and the
  records changed by the commune's decisions of the round before;
- around the 15th, the commune answers the recommendations whose answer the
  story dates by then, decides the levels of last year's review once the
  cell's vote has come in, and sends every cell one directive (a real PDF:
  the guidance for next month's meetings); then it makes a bundle for each
  cell, which the cell imports. That bundle also acknowledges the cell's,
  so the cell's next bundle carries only what is new.

The cells' records are written by the generator all at once; see
`desktop.demo.commune_cells` for how they are released month by month. What
is still held back after the last round (records of the days after it) is put
back in the cell's change log, so it goes up with the cell's next bundle.
The demo books take no backup copies: they are new.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import select

from desktop.data.enums import OrgKind, ReviewState, SharedDocumentKind
from desktop.data.models import CommuneDecision, MemberReview, Recommendation, ReviewCampaign
from desktop.demo import places
from desktop.demo.commune_cells import (
    CellPlan,
    hold_back,
    release,
    release_all,
    rename_village,
    take_back_decisions,
    village,
)
from desktop.demo.directives import directive_file, directive_number, directive_title
from desktop.demo.generator import MEETING_DAY, generate_demo_book
from desktop.demo.records import local_moment
from desktop.demo.schedule import regular_months
from desktop.export.bundle import exchange
from desktop.services.book import Book, NewBookDetails, suggested_file_name
from desktop.services.sync import identity

COMMUNE_NAME = "Đảng ủy xã An Phú"
COMMUNE_SUPERIOR_LINE = "ĐẢNG BỘ TỈNH ĐỒNG THÁP"
ROUNDS = 12
UP_DAY = 6  # the cells hand up a few days after the regular meeting
DOWN_DAY = 15  # the commune answers mid-month


class DemoExchangeError(RuntimeError):
    """A bundle of the demo was refused: a fault in the demo or in the exchange."""


@dataclass
class Cell:
    book: Book
    village: str
    plan: CellPlan


@dataclass
class CommuneDemo:
    """What was written, for the command's report."""

    commune: Path
    cells: list[Path]
    rounds: int = 0
    bundles_up: int = 0
    bundles_down: int = 0
    decisions: int = 0
    directives: int = 0
    up_records: list[int] = field(default_factory=list)  # records carried up, per round


def round_days(until: date, rounds: int = ROUNDS) -> list[tuple[datetime, datetime]]:
    """(cells hand up, commune answers) of each monthly round, never after `until`."""
    days = []
    for month in regular_months(until, rounds, MEETING_DAY):
        up = min(month.replace(day=UP_DAY), until)
        down = min(month.replace(day=DOWN_DAY), until)
        days.append((local_moment(up, time(10)), local_moment(down, time(16))))
    return days


def _commune_book(path: Path, seed: int) -> Book:
    ids = random.Random(f"cellbook-commune-demo:{seed}")
    details = NewBookDetails(
        cell_name=COMMUNE_NAME,
        commune_name=places.COMMUNE_NAME,
        place_name=places.PLACE_NAME,
        province=places.PROVINCE,
        kind=OrgKind.COMMUNE,
        superior_line=COMMUNE_SUPERIOR_LINE,
        meeting_day=MEETING_DAY,
    )
    return Book.create(
        path,
        details,
        device_id="demo-commune",
        book_id=str(uuid.UUID(int=ids.getrandbits(128), version=4)),
        org_id=str(uuid.UUID(int=ids.getrandbits(128), version=4)),
    )


def book_files(folder: Path, cells: int) -> list[Path]:
    """The books the demo writes in `folder`: the commune's, then the cells'."""
    return [folder / suggested_file_name(COMMUNE_NAME)] + [
        _cell_path(folder, index) for index in range(cells)
    ]


def _cell_path(folder: Path, index: int) -> Path:
    return folder / suggested_file_name(f"Chi bộ thôn {village(index)}")


def _cell_book(folder: Path, index: int, seed: int, until: date, first_up: date) -> Cell:
    name = village(index)
    path = _cell_path(folder, index)
    book = generate_demo_book(
        path, seed=seed + index, until=until, device_id=f"demo-cell-{index + 1:02d}"
    )
    rename_village(book, name)
    plan = take_back_decisions(book, first_up)
    hold_back(book)
    return Cell(book, name, plan)


def _enrol(commune: Book, cell: Book) -> None:
    identity.enrol(commune, identity.card_file_bytes(cell))
    identity.enrol(cell, identity.card_file_bytes(commune))


def _import(book: Book, data: bytes) -> int:
    try:
        result = exchange.import_bundle(book, data, backup=False)
    except exchange.ImportRefused as refused:
        raise DemoExchangeError(str(refused)) from refused
    return 0 if result.applied is None else result.applied.records


# --- the commune's side ---------------------------------------------------------------------


def _decided_targets(commune: Book) -> set[str]:
    with commune.reader() as session:
        return set(session.scalars(select(CommuneDecision.target_id)))


def _decide(commune: Book, cell: Cell, day: date) -> int:
    """The answers and levels the story has the commune give by `day`, for what
    has come in from the cell; how many decisions."""
    from desktop.services import commune_actions as act

    org = cell.book.owner_org_id
    done = _decided_targets(commune)
    with commune.reader() as session:
        answers = [
            (item.id, cell.plan.answers[item.id][1])
            for item in session.scalars(
                select(Recommendation).where(
                    Recommendation.org_id == org, Recommendation.id.in_(cell.plan.answers)
                )
            )
            if item.id not in done and cell.plan.answers[item.id][0] <= day
        ]
        reviews = [
            review.id
            for review in session.scalars(
                select(MemberReview).where(
                    MemberReview.org_id == org,
                    MemberReview.state == ReviewState.VOTED,
                    MemberReview.id.in_(cell.plan.member_levels),
                )
            )
            if review.id not in done
        ]
        campaigns = [
            campaign.id
            for campaign in session.scalars(
                select(ReviewCampaign).where(
                    ReviewCampaign.org_id == org,
                    ReviewCampaign.id.in_(cell.plan.cell_levels),
                    ReviewCampaign.cell_proposed_level != "",
                )
            )
            if campaign.id not in done
        ]
    for recommendation_id, text in answers:
        act.answer_recommendation(commune, recommendation_id, text, day, today=day)
    for review_id in reviews:
        level, ref = cell.plan.member_levels[review_id]
        act.decide_member_level(commune, review_id, level, day, ref, today=day)
    for campaign_id in campaigns:
        level, ref = cell.plan.cell_levels[campaign_id]
        act.decide_cell_level(commune, campaign_id, level, day, ref, today=day)
    return len(answers) + len(reviews) + len(campaigns)


def _send_directive(commune: Book, index: int, day: date) -> None:
    from desktop.services import commune_actions as act

    file_name, data = directive_file(commune.organisation(), index, day)
    act.send_document(
        commune,
        data,
        title=directive_title(day),
        issued_on=day,
        kind=SharedDocumentKind.DIRECTIVE,
        number=directive_number(index),
        file_name=file_name,
    )


# --- the year -------------------------------------------------------------------------------


def generate_commune_demo(
    folder: Path, *, cells: int = 3, seed: int = 1, until: date | None = None
) -> CommuneDemo:
    """Write the commune's book and `cells` cell books into `folder` (whose book
    files must not exist yet) and exchange a year of bundles between them."""
    end = until or date.today()
    rounds = round_days(end)
    existing = [path for path in book_files(folder, cells) if path.exists()]
    if existing:
        raise FileExistsError(str(existing[0]))
    folder.mkdir(parents=True, exist_ok=True)
    commune = _commune_book(book_files(folder, 0)[0], seed)
    members: list[Cell] = []
    try:
        for index in range(cells):
            members.append(_cell_book(folder, index, seed, end, rounds[0][0].date()))
            _enrol(commune, members[-1].book)
        demo = CommuneDemo(commune.path, [cell.book.path for cell in members])
        for index, (up, down) in enumerate(rounds):
            _round(commune, members, index, up, down, demo)
        for cell in members:
            release_all(cell.book)
    except BaseException:
        _close(commune, members)
        for path in book_files(folder, cells):  # half a demo is no use to anyone
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    _close(commune, members)
    return demo


def _close(commune: Book, cells: list[Cell]) -> None:
    commune.close(backup=False)
    for cell in cells:
        cell.book.close(backup=False)


def _round(
    commune: Book, cells: list[Cell], index: int, up: datetime, down: datetime, demo: CommuneDemo
) -> None:
    carried = 0
    for cell in cells:
        release(cell.book, up)
        made = exchange.make_bundle(cell.book, commune.book_id, now=up)
        carried += _import(commune, made.data)
        demo.bundles_up += 1
    for cell in cells:
        demo.decisions += _decide(commune, cell, down.date())
    _send_directive(commune, index, down.date())
    demo.directives += 1
    for cell in cells:
        made = exchange.make_bundle(commune, cell.book.book_id, now=down)
        _import(cell.book, made.data)
        demo.bundles_down += 1
    demo.rounds += 1
    demo.up_records.append(carried)
