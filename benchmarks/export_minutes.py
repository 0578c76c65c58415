"""Documents benchmark: the minutes of a demo meeting built and printed to PDF,
against bare reportlab printing the same text and against LibreOffice
converting the Word copy, all measured side by side in one run.

    .venv/bin/python benchmarks/export_minutes.py [--rounds 15] [--json]
        [--libreoffice-runs 3] [--no-libreoffice]

The demo book (seed 1, until 2026-11-22) is generated in a temporary folder;
the meeting is its last adopted regular meeting. Ours, its build and render
steps and the bare reportlab baseline are timed in interleaved rounds (medians);
LibreOffice (`soffice --headless --convert-to pdf`, a private profile) once
cold, then warm. Targets: ours (build + render) at most 2× bare reportlab,
and at least 20× faster than a warm LibreOffice conversion.
Exits 1 when a target is not met.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

SEED = 1
UNTIL = date(2026, 11, 22)
TARGET_VS_BARE = 2.0  # ours at most 2× bare reportlab
TARGET_VS_LIBREOFFICE = 20.0  # ours at least 20× faster than LibreOffice (warm)
BARE_FONT = "BenchSerif"


# --- what is timed ---------------------------------------------------------------


def _demo_minutes(folder: Path) -> tuple[Any, Any]:
    """The demo book, open, and the planned minutes of its last adopted regular meeting."""
    from sqlalchemy import select

    from desktop.data.enums import MeetingKind, MeetingState
    from desktop.data.models import Meeting
    from desktop.demo import generate_demo_book
    from desktop.export.files import meeting_document

    book = generate_demo_book(folder / "demo.cellbook", seed=SEED, until=UNTIL)
    with book.reader() as session:
        meeting_id = session.scalars(
            select(Meeting.id)
            .where(Meeting.kind == MeetingKind.REGULAR, Meeting.state == MeetingState.ADOPTED)
            .order_by(Meeting.held_on.desc(), Meeting.scheduled_on.desc())
            .limit(1)
        ).one()
    return book, meeting_document(book, meeting_id, "minutes")


def _register_bare_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from desktop.paths import resources_dir

    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        font = resources_dir() / "fonts" / "LiberationSerif-Regular.ttf"
        pdfmetrics.registerFont(TTFont(BARE_FONT, str(font)))


def bare_pdf_bytes(document: Any) -> bytes:
    """The same text as plain reportlab flowables: a `SimpleDocTemplate` A4 with
    the document's margins and body size, one embedded TTF face (Liberation
    Serif regular), a paragraph per line and a grid of paragraphs per table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from desktop.export import model

    size, margins = document.body_pt, document.margins
    body = ParagraphStyle(
        "body", fontName=BARE_FONT, fontSize=size, leading=size * 1.2, spaceAfter=size * 0.3
    )
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margins.left * mm,
        rightMargin=margins.right * mm,
        topMargin=margins.top * mm,
        bottomMargin=margins.bottom * mm,
        initialFontName=BARE_FONT,
        initialFontSize=size,
    )
    head = document.header
    lines = [head.superior_body, head.issuing_body, head.number_symbol, head.place_date]
    lines += [document.title, *document.summary]
    story: list[Any] = [Paragraph(escape(line), body) for line in lines if line]
    for block in document.blocks:
        if isinstance(block, model.Table):
            share = sum(column.width for column in block.columns)
            widths = [template.width * column.width / share for column in block.columns]
            rows = [[column.title for column in block.columns], *block.rows]
            cell = ParagraphStyle(
                "cell", fontName=BARE_FONT, fontSize=block.font_pt, leading=block.font_pt * 1.15
            )
            grid = Table([[Paragraph(escape(text), cell) for text in row] for row in rows], widths)
            grid.setStyle(
                TableStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), BARE_FONT, block.font_pt),
                        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ]
                )
            )
            story.append(grid)
        else:
            story += [Paragraph(escape(line), body) for line in model.block_text(block) if line]
    template.build(story)
    return buffer.getvalue()


def _seconds(action: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action(*args, **kwargs)
    return time.perf_counter() - started, result


def _interleaved(book: Any, planned: Any, rounds: int) -> dict[str, list[float]]:
    from desktop.export.catalogue import build
    from desktop.export.pdf import pdf_bytes

    times: dict[str, list[float]] = {"build": [], "render": [], "ours": [], "bare": []}
    document = build(book, planned, issue=False)
    pdf_bytes(document)  # warm up both: imports, font registration, caches
    bare_pdf_bytes(document)
    for index in range(rounds):
        bare_first = index % 2 == 0  # alternate the order, so neither always goes first
        if bare_first:
            times["bare"].append(_seconds(bare_pdf_bytes, document)[0])
        build_s, document = _seconds(build, book, planned, issue=False)
        render_s, _ = _seconds(pdf_bytes, document)
        if not bare_first:
            times["bare"].append(_seconds(bare_pdf_bytes, document)[0])
        times["build"].append(build_s)
        times["render"].append(render_s)
        times["ours"].append(build_s + render_s)
    return times


def _libreoffice(soffice: str, book: Any, planned: Any, folder: Path, runs: int) -> dict:
    """Seconds per `soffice --convert-to pdf` of the Word copy: the first run
    (cold: a new profile is created) and `runs` warm ones."""
    from desktop.export.catalogue import build
    from desktop.export.docx import render_docx

    source = folder / "minutes.docx"
    render_docx(build(book, planned, issue=False), source)
    profile = (folder / "lo-profile").as_uri()
    out = folder / "lo-out"
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(source),
    ]

    def convert() -> float:
        shutil.rmtree(out, ignore_errors=True)
        elapsed, done = _seconds(
            subprocess.run, command, capture_output=True, text=True, timeout=180
        )
        if done.returncode != 0 or not (out / "minutes.pdf").is_file():
            raise RuntimeError(f"soffice failed ({done.returncode}): {done.stderr.strip()}")
        return elapsed

    cold = convert()
    return {"cold": cold, "warm": [convert() for _ in range(runs)]}


# --- report ----------------------------------------------------------------------


def _row(what: str, ms: float, ratio: str = "", target: str = "", met: bool | None = None):
    return {"what": what, "median_ms": round(ms, 2), "ratio": ratio, "target": target, "met": met}


def _print_table(rows: list[dict], header: str) -> None:
    print(header)
    width = max(len(row["what"]) for row in rows)
    print(f"{'what':<{width}}  {'median ms':>10}  {'ratio':>8}  {'target':>8}  met")
    for row in rows:
        met = {None: "", True: "met", False: "NOT MET"}[row["met"]]
        line = f"{row['what']:<{width}}  {row['median_ms']:>10.1f}  {row['ratio']:>8}  "
        print(f"{line}{row['target']:>8}  {met}".rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds (15)")
    parser.add_argument("--libreoffice-runs", type=int, default=3, help="warm soffice runs (3)")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip LibreOffice")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.libreoffice_runs < 1:
        parser.error("--rounds and --libreoffice-runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="cellbook-bench-") as scratch:
        folder = Path(scratch)
        previous_home = os.environ.get("CELLBOOK_HOME")
        os.environ["CELLBOOK_HOME"] = str(folder / "home")  # before any desktop import
        try:
            book, planned = _demo_minutes(folder)
            try:
                _register_bare_font()
                times = _interleaved(book, planned, args.rounds)
                soffice = None if args.no_libreoffice else shutil.which("soffice")
                office = None
                if soffice is not None:
                    office = _libreoffice(soffice, book, planned, folder, args.libreoffice_runs)
            finally:
                book.close(backup=False)
        finally:
            if previous_home is None:
                os.environ.pop("CELLBOOK_HOME", None)
            else:
                os.environ["CELLBOOK_HOME"] = previous_home

    med = {name: statistics.median(values) * 1000 for name, values in times.items()}
    render_ratio = med["render"] / med["bare"]
    ours_ratio = med["ours"] / med["bare"]
    rows = [
        _row("bare reportlab, same text", med["bare"]),
        _row("ours: build", med["build"]),
        _row("ours: render", med["render"], f"{render_ratio:.2f}×", f"≤ {TARGET_VS_BARE:g}×"),
        _row("ours: build + render", med["ours"], f"{ours_ratio:.2f}×", f"≤ {TARGET_VS_BARE:g}×"),
    ]
    rows[2]["met"] = render_ratio <= TARGET_VS_BARE
    rows[3]["met"] = ours_ratio <= TARGET_VS_BARE
    met = bool(rows[3]["met"])
    if office is not None:
        cold_ms, warm_ms = office["cold"] * 1000, statistics.median(office["warm"]) * 1000
        speedup = warm_ms / med["ours"]
        rows.append(_row("LibreOffice, cold (first run)", cold_ms, f"{cold_ms / med['ours']:.0f}×"))
        rows.append(
            _row("LibreOffice, warm", warm_ms, f"{speedup:.0f}×", f"≥ {TARGET_VS_LIBREOFFICE:g}×")
        )
        rows[-1]["met"] = speedup >= TARGET_VS_LIBREOFFICE
        met = met and speedup >= TARGET_VS_LIBREOFFICE
    skipped = None
    if office is None:
        skipped = "disabled (--no-libreoffice)" if args.no_libreoffice else "soffice not found"

    if args.json:
        result = {
            "rounds": args.rounds,
            "libreoffice_runs": 0 if office is None else args.libreoffice_runs,
            "medians_ms": {name: round(value, 2) for name, value in med.items()},
            "ratios": {
                "render_vs_bare": round(render_ratio, 3),
                "ours_vs_bare": round(ours_ratio, 3),
            },
            "rows": rows,
            "targets_met": met,
        }
        if office is not None:
            result["ratios"]["libreoffice_warm_vs_ours"] = round(speedup, 1)
            result["libreoffice_s"] = office
        else:
            result["libreoffice_skipped"] = skipped
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        header = (
            f"Minutes of the demo's last adopted regular meeting to PDF "
            f"(median of {args.rounds} interleaved rounds; ratios against "
            f"bare reportlab, LibreOffice as times slower than ours):"
        )
        _print_table(rows, header)
        if office is None:
            print(f"LibreOffice comparison skipped: {skipped}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
