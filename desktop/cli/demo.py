"""`cellbook demo`: write the demo book of "Chi bộ thôn An Hòa", or with
`--commune` a commune's book and N cell books that have exchanged a year of
bundles."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from desktop.i18n import _

MAX_CELLS = 90


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date (write it as YYYY-MM-DD): {value}").format(value=value)
        ) from None


def _cells(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_CELLS:
        raise argparse.ArgumentTypeError(
            _("give a number of cells from 1 to {limit}: {value}").format(
                limit=MAX_CELLS, value=value
            )
        )
    return count


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        help=_("write a demo book with two years of a village cell's meetings"),
        description=_(
            "Write a realistic demo book: the village cell “Chi bộ thôn An Hòa” with its "
            "members, committee and two years of meetings. The same seed and end date always "
            "give the same book."
        ),
    )
    parser.add_argument("--out", required=True, metavar="FILE", help=_("the book file to write"))
    parser.add_argument(
        "--commune",
        action="store_true",
        help=_(
            "write a commune committee's book and N cell books (each with its own village "
            "and seed) that have enrolled each other and exchanged a year of monthly "
            "bundles; --out is then the folder to write them in"
        ),
    )
    parser.add_argument(
        "--cells",
        type=_cells,
        default=None,
        metavar="N",
        help=_("with --commune: how many cell books (default 3)"),
    )
    parser.add_argument("--seed", type=int, default=1, help=_("seed of the story (default 1)"))
    parser.add_argument(
        "--until",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=_("the book ends with the last regular meeting before this day (default today)"),
    )
    parser.add_argument(
        "--force", action="store_true", help=_("replace the file if it already exists")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.commune:
        return run_commune(args)
    if args.cells is not None:
        print(_("--cells goes with --commune."), file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.is_dir():
        print(
            _("“{path}” is a folder. Give the name of a book file.").format(path=out),
            file=sys.stderr,
        )
        return 2
    if out.exists():
        if not args.force:
            print(
                _("“{path}” already exists and was not changed. Add --force to replace it.").format(
                    path=out
                ),
                file=sys.stderr,
            )
            return 2
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)

    from desktop.demo import generate_demo_book
    from desktop.services.summary import book_summary

    started = time.perf_counter()
    book = generate_demo_book(out, seed=args.seed, until=args.until)
    try:
        summary = book_summary(book)
    finally:
        book.close(backup=False)
    seconds = time.perf_counter() - started
    counts = summary["counts"]
    until = args.until or date.today()
    print(
        _("Made the demo book {path} (seed {seed}, up to {until}) in {seconds:.1f} s.").format(
            path=out, seed=args.seed, until=until.isoformat(), seconds=seconds
        )
    )
    print(
        _(
            "{organisation}: {members} members, {meetings} meetings, {resolutions} resolutions, "
            "{documents} numbered documents, {recommendations} recommendations."
        ).format(
            organisation=summary["organisation"]["name"],
            members=counts["members"],
            meetings=counts["meetings"],
            resolutions=counts["resolutions"],
            documents=counts["documents"],
            recommendations=counts["recommendations"],
        )
    )
    return 0


def run_commune(args: argparse.Namespace) -> int:
    from desktop.demo.commune import book_files, generate_commune_demo

    folder = Path(args.out)
    cells = args.cells or 3
    if folder.exists() and not folder.is_dir():
        print(
            _("“{path}” is a file. Give the folder to write the books in.").format(path=folder),
            file=sys.stderr,
        )
        return 2
    existing = [path for path in book_files(folder, cells) if path.exists()]
    if existing and not args.force:
        print(
            _(
                "“{path}” already exists and was not changed. Add --force to replace the "
                "demo's books."
            ).format(path=existing[0]),
            file=sys.stderr,
        )
        return 2
    for path in existing:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    started = time.perf_counter()
    demo = generate_commune_demo(folder, cells=cells, seed=args.seed, until=args.until)
    seconds = time.perf_counter() - started
    print(
        _(
            "Made the commune demo in {folder} (seed {seed}, up to {until}) in {seconds:.1f} s."
        ).format(
            folder=folder,
            seed=args.seed,
            until=(args.until or date.today()).isoformat(),
            seconds=seconds,
        )
    )
    print(_("Commune committee: {path}").format(path=demo.commune))
    for path in demo.cells:
        print(_("Cell: {path}").format(path=path))
    print(
        _(
            "{rounds} monthly rounds: {up} bundles handed up, {down} handed down, "
            "{decisions} decisions and {directives} directives sent."
        ).format(
            rounds=demo.rounds,
            up=demo.bundles_up,
            down=demo.bundles_down,
            decisions=demo.decisions,
            directives=demo.directives,
        )
    )
    return 0
