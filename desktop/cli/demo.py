"""`cellbook demo`: write the demo book of "Chi bộ thôn An Hòa"."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from desktop.i18n import _


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date (write it as YYYY-MM-DD): {value}").format(value=value)
        ) from None


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
