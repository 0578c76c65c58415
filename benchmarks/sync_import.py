"""Sync import benchmark: a commune book importing a year of monthly bundles
from its cells, against inserting the same rows straight into SQLite, both
measured in one run.

    .venv/bin/python benchmarks/sync_import.py [--cells 90] [--months 12]
        [--batch month|cell|all] [--rounds 1] [--profile] [--json]

Set-up (not timed): a commune book and small synthetic cell books (25 members
each; every month one adopted regular meeting with attendance, four agenda
items, three speeches, a resolution with three tasks, and now and then a
recommendation). Each month every cell makes its bundle for the commune
(`exchange.make_bundle`, which also prints the adopted minutes and resolution
to PDF), a set-up copy of the commune imports it and answers with a bundle
the cell imports, so that the cell's next bundle carries only that month's
changes. The PDFs dominate the set-up time.

Timed, on fresh copies of the commune book as it was before any import:

- ours: `exchange.import_bundles` for every bundle (by default one call per
  month with all cells' bundles of that month, as a commune takes in what came
  during the month; each call takes one backup copy first, part of the cost);
- baseline: the decoded payload rows of the same bundles (decrypted and parsed
  beforehand) inserted with plain `sqlite3` `executemany` (an upsert by id,
  the PDFs included), one transaction per bundle, in a copy of the same book
  with the same connection settings.

Prints both times and the ratio (target at most 3×); exits 1 when it is not
met. `--profile` then runs the import once more under cProfile and shows where
the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import sqlite3
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

TARGET_RATIO = 3.0
YEAR = 2026
MEMBERS = 25
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc", "Thu")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hạnh", "Hoa", "Hùng", "Lan", "Lộc", "Mai", "Nam", "Tâm")
AGENDA = (
    "Tình hình thời sự, chính sách mới",
    "Đánh giá kết quả thực hiện nghị quyết tháng trước",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Phương hướng, nhiệm vụ tháng tới",
)
SAID = (
    "Thống nhất với báo cáo của chi ủy; đề nghị tiếp tục vận động bà con nạo vét kênh nội đồng "
    "trước mùa mưa.",
    "Đề nghị chi bộ phân công đảng viên phụ trách từng tổ tự quản về an ninh trật tự.",
    "Tình hình giá lúa giảm, đề nghị xã hỗ trợ kết nối tiêu thụ cho bà con.",
)


# --- synthetic cell books -------------------------------------------------------------------


def _moment(day: date, at: clock) -> datetime:
    return datetime.combine(day, at, tzinfo=UTC) - timedelta(hours=7)


def _name(index: int, cell: int) -> str:
    return (
        f"{SURNAMES[(index + cell) % len(SURNAMES)]} {MIDDLE[index % len(MIDDLE)]} "
        f"{GIVEN[(index * 7 + cell) % len(GIVEN)]}"
    )


def _cell_book(folder: Path, index: int) -> Any:
    from desktop.data.enums import MemberStatus, Sex
    from desktop.data.models import Member
    from desktop.demo.commune_cells import village
    from desktop.services.book import Book, NewBookDetails

    book = Book.create(
        folder / f"cell-{index:03d}.cellbook",
        NewBookDetails(
            cell_name=f"Chi bộ thôn {village(index)}",
            commune_name="xã An Phú",
            term_start=date(2025, 1, 1),
        ),
        device_id=f"bench-cell-{index:03d}",
        backup_folder=folder / "backups",
    )
    with book.session() as session:
        for number in range(MEMBERS):
            session.add(
                Member(
                    full_name=_name(number, index),
                    sex=Sex.FEMALE if number % 3 == 1 else Sex.MALE,
                    date_of_birth=date(1950 + number, 1 + number % 12, 1 + number % 27),
                    address=f"Tổ {1 + number % 6}, thôn {village(index)}, xã An Phú",
                    admission_date=date(1980 + number, 5, 19),
                    official_date=date(1981 + number, 5, 19),
                    card_number=f"{index:03d}{number:05d}",
                    status=MemberStatus.PROBATIONARY
                    if number == MEMBERS - 1
                    else MemberStatus.FULL,
                )
            )
    return book


def _hold_month(book: Any, month: int, cell: int) -> None:
    """One adopted regular meeting on the 3rd, with its rows (and a recommendation
    every third month)."""
    from sqlalchemy import select

    from desktop.data.enums import AttendanceStatus, MeetingKind, MeetingState
    from desktop.data.models import (
        AgendaItem,
        Attendance,
        Meeting,
        Member,
        Recommendation,
        Resolution,
        ResolutionTask,
        Speech,
    )

    day = date(YEAR, month, 3)
    with book.session() as session:
        members = session.scalars(select(Member).order_by(Member.card_number)).all()
        meeting = Meeting(
            kind=MeetingKind.REGULAR,
            state=MeetingState.ADOPTED,
            title=f"Sinh hoạt chi bộ thường kỳ tháng {month:02d}/{YEAR}",
            scheduled_on=day,
            held_on=day,
            start_time=clock(19),
            end_time=clock(21),
            place=f"Nhà văn hóa thôn {book.organisation().name.removeprefix('Chi bộ thôn ')}",
            chair_id=members[0].id,
            minute_taker_id=members[1].id,
            score=85 + (month + cell) % 10,
            grade="Khá" if (month + cell) % 10 < 5 else "Tốt",
            adopted_at=_moment(day, clock(21)),
        )
        session.add(meeting)
        session.flush()
        items = [
            AgendaItem(meeting_id=meeting.id, position=i, title=t, presenter_id=members[i % 3].id)
            for i, t in enumerate(AGENDA)
        ]
        session.add_all(items)
        for number, member in enumerate(members):
            absent = (number + month + cell) % 11 == 0
            session.add(
                Attendance(
                    meeting_id=meeting.id,
                    member_id=member.id,
                    member_status=member.status,
                    status=AttendanceStatus.ABSENT_EXCUSED if absent else AttendanceStatus.PRESENT,
                    reason="Đi làm ăn xa" if absent else "",
                )
            )
        session.flush()
        speeches = [
            Speech(
                meeting_id=meeting.id,
                agenda_item_id=items[1 + i % 3].id,
                member_id=members[2 + i].id,
                position=i,
                content=SAID[i],
                is_recommendation=i == 2,
            )
            for i in range(3)
        ]
        session.add_all(speeches)
        resolution = Resolution(
            meeting_id=meeting.id,
            title=f"Nghị quyết chi bộ tháng {month:02d}/{YEAR}",
            evaluation="Chi bộ đã lãnh đạo hoàn thành các nhiệm vụ đề ra trong tháng.",
            directions="Tiếp tục vận động nhân dân giữ gìn an ninh trật tự, vệ sinh môi trường.",
            votes_for=len(members) - 3,
            votes_against=0,
            votes_abstain=0,
            voters_present=len(members) - 3,
            adopted_at=_moment(day, clock(21)),
        )
        session.add(resolution)
        session.flush()
        session.add_all(
            ResolutionTask(
                resolution_id=resolution.id,
                position=i,
                description=task,
                assignee_id=members[i].id,
                due_on=day + timedelta(days=25),
            )
            for i, task in enumerate(
                ("Vận động đóng góp quỹ an sinh", "Ra quân vệ sinh môi trường", "Thu đảng phí")
            )
        )
        if month % 3 == 0:
            session.flush()
            session.add(
                Recommendation(
                    meeting_id=meeting.id,
                    speech_id=speeches[2].id,
                    raised_by_id=members[4].id,
                    raised_on=day,
                    content=SAID[2],
                    addressee="Đảng ủy xã An Phú",
                )
            )


@dataclass
class Bundles:
    """Every cell's bundles, month by month, and what the set-up cost."""

    by_month: list[list[bytes]] = field(default_factory=list)
    setup_s: float = 0.0
    pdf_s: float = 0.0

    @property
    def all(self) -> list[bytes]:
        return [data for month in self.by_month for data in month]


def build(folder: Path, cells: int, months: int) -> tuple[Path, Bundles]:
    """The commune book before any import (its file) and every bundle."""
    from desktop.data.enums import OrgKind
    from desktop.export.bundle import exchange, handover
    from desktop.services.book import Book, NewBookDetails
    from desktop.services.sync import identity

    started = time.perf_counter()
    pdf_seconds = 0.0
    original = handover.prepare_handover

    def timed_handover(*args: Any, **kwargs: Any) -> int:
        nonlocal pdf_seconds
        begun = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            pdf_seconds += time.perf_counter() - begun

    handover.prepare_handover = timed_handover  # type: ignore[assignment]
    commune = Book.create(
        folder / "commune-setup.cellbook",
        NewBookDetails(
            cell_name="Đảng ủy xã An Phú", commune_name="xã An Phú", kind=OrgKind.COMMUNE
        ),
        device_id="bench-commune",
        backup_folder=folder / "backups",
    )
    books = [_cell_book(folder, index) for index in range(cells)]
    for book in books:
        identity.enrol(commune, identity.card_file_bytes(book))
        identity.enrol(book, identity.card_file_bytes(commune))
    commune.close(backup=False)
    template = folder / "commune-template.cellbook"
    shutil.copy(commune.path, template)
    commune = Book.open(commune.path, device_id="bench-commune", backup_folder=folder / "backups")
    bundles = Bundles()
    try:
        for month in range(1, months + 1):
            sent = _moment(date(YEAR, month, 6), clock(10))
            answered = _moment(date(YEAR, month, 15), clock(16))
            this_month = []
            for index, book in enumerate(books):
                _hold_month(book, month, index)
                made = exchange.make_bundle(book, commune.book_id, now=sent)
                this_month.append(made.data)
                exchange.import_bundle(commune, made.data, backup=False)
                back = exchange.make_bundle(commune, book.book_id, now=answered)
                exchange.import_bundle(book, back.data, backup=False)
            bundles.by_month.append(this_month)
    finally:
        handover.prepare_handover = original  # type: ignore[assignment]
        commune.close(backup=False)
        for book in books:
            book.close(backup=False)
    bundles.setup_s = time.perf_counter() - started
    bundles.pdf_s = pdf_seconds
    return template, bundles


# --- what is timed --------------------------------------------------------------------------


def _fresh(template: Path, folder: Path, name: str) -> Path:
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    return target


def _batches(bundles: Bundles, batch: str) -> list[list[bytes]]:
    if batch == "all":
        return [bundles.all]
    if batch == "month":
        return bundles.by_month
    cells = len(bundles.by_month[0])
    return [[month[cell] for month in bundles.by_month] for cell in range(cells)]


def import_ours(path: Path, folder: Path, batches: list[list[bytes]]) -> float:
    """Seconds for `import_bundles` over every batch; every bundle must be imported."""
    from desktop.export.bundle import exchange
    from desktop.services.book import Book

    book = Book.open(path, device_id="bench-commune", backup_folder=folder / "backups")
    try:
        started = time.perf_counter()
        for batch in batches:
            results = exchange.import_bundles(book, batch)
            refused = [r for r in results if not isinstance(r, exchange.ImportResult)]
            if refused or any(r.status is not exchange.ImportStatus.IMPORTED for r in results):
                raise RuntimeError(f"bundles not imported: {refused[:1] or results[:1]}")
        return time.perf_counter() - started
    finally:
        book.close(backup=False)


@dataclass
class Decoded:
    """One bundle's payload: (table, columns, rows) in insert order."""

    tables: list[tuple[str, list[str], list[tuple[Any, ...]]]]

    @property
    def rows(self) -> int:
        return sum(len(rows) for _t, _c, rows in self.tables)


def decode(template: Path, bundles: list[bytes]) -> list[Decoded]:
    """Decrypt and parse every bundle as the commune's book would (not timed)."""
    from desktop.data.base import Base
    from desktop.data.schema import SCHEMA_VERSION
    from desktop.export.bundle.format import open_bundle
    from desktop.services.book import Book
    from desktop.services.sync.identity import book_keys, peers
    from desktop.services.sync.tables import binary_columns, table_named

    book = Book.open(template, device_id="bench-commune")
    try:
        keys = book_keys(book)
        signers = {peer.key_id: peer.signing_public for peer in peers(book)}
        order = {table.name: i for i, table in enumerate(Base.metadata.sorted_tables)}
        decoded = []
        for data in bundles:
            opened = open_bundle(
                data,
                find_signer=signers.get,
                my_book_id=book.book_id,
                my_encryption_private=keys.encryption_private,
                schema_version=SCHEMA_VERSION,
            )
            records = json.loads(opened.records)
            files: dict[tuple[str, str], list[tuple[str, bytes]]] = {}
            for table, record_id, column, index in records["files"]:
                files.setdefault((table, record_id), []).append((column, opened.files[index]))
            tables = []
            for name in sorted(records["tables"], key=order.__getitem__):
                block = records["tables"][name]
                if not block["rows"]:
                    continue
                extra = list(binary_columns(table_named(name)))  # type: ignore[arg-type]
                rows = []
                for row in block["rows"]:
                    binaries = dict(files.get((name, row[0]), []))
                    rows.append((*row, *(binaries.get(column, b"") for column in extra)))
                tables.append((name, [*block["columns"], *extra], rows))
            decoded.append(Decoded(tables))
        return decoded
    finally:
        book.close(backup=False)


def insert_plain(path: Path, decoded: list[Decoded]) -> float:
    """Seconds to upsert every decoded row with `executemany`, one transaction per bundle."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("busy_timeout = 5000", "journal_mode = WAL", "synchronous = FULL"):
            connection.execute(f"PRAGMA {pragma}")
        connection.execute("PRAGMA foreign_keys = ON")
        statements: dict[tuple[str, tuple[str, ...]], str] = {}
        started = time.perf_counter()
        for bundle in decoded:
            connection.execute("BEGIN")
            for name, columns, rows in bundle.tables:
                key = (name, tuple(columns))
                if key not in statements:
                    quoted = ", ".join(f'"{c}"' for c in columns)
                    marks = ", ".join("?" for _ in columns)
                    changes = ", ".join(f'"{c}" = excluded."{c}"' for c in columns[1:])
                    statements[key] = (
                        f'INSERT INTO "{name}" ({quoted}) VALUES ({marks}) '
                        f"ON CONFLICT(id) DO UPDATE SET {changes}"
                    )
                connection.executemany(statements[key], rows)
            connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


# --- profile --------------------------------------------------------------------------------

# Where the import's time goes: (label, file suffix, function).
STEPS = (
    ("backup copies (one per call)", "services/book.py", "backup"),
    ("verify + decrypt (open_bundle)", "bundle/format.py", "open_bundle"),
    ("records JSON parsed", "json/__init__.py", "loads"),
    ("payload checked (check_payload)", "sync/apply.py", "check_payload"),
    ("records applied (apply_payload)", "sync/apply.py", "apply_payload"),
    ("  rows written (_Applier.table)", "sync/apply.py", "table"),
    ("  search index (_Applier.reindex)", "sync/apply.py", "reindex"),
    ("  decisions taken in (_apply_decisions)", "sync/apply.py", "_apply_decisions"),
    ("import logged (_record_import)", "bundle/exchange.py", "_record_import"),
    ("transaction commit", "orm/session.py", "commit"),
    ("peers and keys looked up", "sync/identity.py", "peers"),
)


def profile(template: Path, folder: Path, batches: list[list[bytes]]) -> list[dict[str, Any]]:
    path = _fresh(template, folder, "commune-profiled.cellbook")
    profiler = cProfile.Profile()
    profiler.enable()
    total = import_ours(path, folder, batches)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for label, suffix, function in STEPS:
        seconds = sum(
            entry[3]
            for (file, _line, name), entry in stats.items()
            if name == function and file.replace("\\", "/").endswith(suffix)
        )
        rows.append({"step": label, "s": round(seconds, 3), "share": round(seconds / total, 3)})
    rows.append({"step": "total (profiled)", "s": round(total, 3), "share": 1.0})
    return rows


# --- report ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=90, help="cell books (90)")
    parser.add_argument("--months", type=int, default=12, help="monthly bundles per cell (12)")
    parser.add_argument(
        "--batch",
        choices=("month", "cell", "all"),
        default="month",
        help="bundles per import_bundles call: a month of all cells (default), a cell's "
        "year, or everything at once",
    )
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds, medians (1)")
    parser.add_argument("--profile", action="store_true", help="show where the import's time goes")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    if args.cells < 1 or not 1 <= args.months <= 12 or args.rounds < 1:
        parser.error("--cells and --rounds must be at least 1, --months from 1 to 12")

    with tempfile.TemporaryDirectory(prefix="cellbook-bench-") as scratch:
        folder = Path(scratch)
        previous_home = os.environ.get("CELLBOOK_HOME")
        os.environ["CELLBOOK_HOME"] = str(folder / "home")  # before any desktop import
        try:
            template, bundles = build(folder, args.cells, args.months)
            decoded = decode(template, bundles.all)
            batches = _batches(bundles, args.batch)
            ours: list[float] = []
            plain: list[float] = []
            for index in range(args.rounds):
                plain_first = index % 2 == 1
                if plain_first:
                    plain.append(insert_plain(_fresh(template, folder, "plain.cellbook"), decoded))
                ours.append(import_ours(_fresh(template, folder, "ours.cellbook"), folder, batches))
                if not plain_first:
                    plain.append(insert_plain(_fresh(template, folder, "plain.cellbook"), decoded))
            profiled = profile(template, folder, batches) if args.profile else None
        finally:
            if previous_home is None:
                os.environ.pop("CELLBOOK_HOME", None)
            else:
                os.environ["CELLBOOK_HOME"] = previous_home

    ours_s, plain_s = statistics.median(ours), statistics.median(plain)
    ratio = ours_s / plain_s
    met = ratio <= TARGET_RATIO
    count = len(bundles.all)
    result = {
        "cells": args.cells,
        "months": args.months,
        "bundles": count,
        "batch": args.batch,
        "import_calls": len(batches),
        "rows": sum(item.rows for item in decoded),
        "bundle_mb": round(sum(len(data) for data in bundles.all) / 1e6, 2),
        "setup_s": round(bundles.setup_s, 1),
        "setup_pdf_s": round(bundles.pdf_s, 1),
        "rounds": args.rounds,
        "median_s": {"ours": round(ours_s, 3), "plain_sqlite": round(plain_s, 3)},
        "ratio": round(ratio, 3),
        "target": TARGET_RATIO,
        "target_met": met,
    }
    if profiled is not None:
        result["profile"] = profiled
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _print(result)
    return 0 if met else 1


def _print(result: dict[str, Any]) -> None:
    print(
        f"{result['cells']} cells × {result['months']} monthly bundles = {result['bundles']} "
        f"bundles, {result['rows']} rows, {result['bundle_mb']} MB "
        f"(set-up {result['setup_s']} s, of which making PDFs {result['setup_pdf_s']} s)"
    )
    print(
        f"Imported in {result['import_calls']} import_bundles calls (one per {result['batch']}); "
        f"median of {result['rounds']} round(s):"
    )
    ours, plain = result["median_s"]["ours"], result["median_s"]["plain_sqlite"]
    print(f"  plain sqlite3 executemany, same rows  {plain:9.2f} s")
    met = "met" if result["target_met"] else "NOT MET"
    print(
        f"  import_bundles                        {ours:9.2f} s  "
        f"{result['ratio']:.2f}×  (target ≤ {result['target']:g}×: {met})"
    )
    for row in result.get("profile", []):
        print(f"    {row['step']:<42} {row['s']:8.2f} s  {row['share'] * 100:5.1f}%")


if __name__ == "__main__":
    raise SystemExit(main())
