"""`cellbook export`: write a month's documents, a year's annual review, or
one document of a meeting."""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _, ngettext

if TYPE_CHECKING:
    from desktop.export.files import WrittenFile
    from desktop.services.book import Book

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
KINDS = ("minutes", "resolution", "notice", "attendance")


def _month(value: str) -> date:
    match = _MONTH.match(value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise argparse.ArgumentTypeError(
            _("write the month as YYYY-MM, for example 2026-12: {value}").format(value=value)
        )
    return date(int(match.group(1)), int(match.group(2)), 1)


def _year(value: str) -> int:
    text = value.strip()
    if not (text.isdigit() and len(text) == 4 and 2000 <= int(text) <= 2100):
        raise argparse.ArgumentTypeError(
            _("write the year as YYYY, for example 2026: {value}").format(value=value)
        )
    return int(text)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "export",
        help=_("write documents as PDF and Word files"),
        description=_(
            "Write every document of a month (notices, minutes, resolutions, attendance "
            "sheets, the monthly report, the lists), every document of a year's annual "
            "review (minutes of the review meeting, rating results, the cell's collective "
            "review, each member's personal review and the blank forms) as PDF and Word "
            "files, or one document of a meeting. Documents written here get their numbers "
            "in the register."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=_("the book file"))
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--month", type=_month, metavar="YYYY-MM", help=_("the month to export"))
    what.add_argument("--meeting", metavar="ID", help=_("a meeting's id (or its first characters)"))
    what.add_argument(
        "--review-year",
        type=_year,
        metavar="YYYY",
        help=_("the year whose annual review to export"),
    )
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="minutes",
        help=_("the meeting's document (with --meeting)"),
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help=_(
            "a folder for --month and --review-year; for --meeting a .pdf or .docx file, "
            "or a folder for both"
        ),
    )
    parser.add_argument(
        "--format",
        choices=("pdf", "docx", "both"),
        default="both",
        help=_("which files to write (default both)"),
    )
    parser.add_argument(
        "--blank-forms",
        action="store_true",
        help=_("also write the blank minutes and attendance forms (with --month)"),
    )
    parser.set_defaults(run=run)


def _formats(choice: str) -> tuple[str, ...]:
    return ("pdf", "docx") if choice == "both" else (choice,)


def run(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book

    with open_book(args.file, backup_on_close=True) as book:
        if args.month is not None:
            from desktop.export.files import export_month

            written = export_month(
                book,
                args.month,
                Path(args.out),
                formats=_formats(args.format),
                include_blank_forms=args.blank_forms,
            )
        elif args.review_year is not None:
            review = _export_review(book, args)
            if review is None:
                return 2
            written = review
        else:
            one = _export_meeting(book, args)
            if one is None:
                return 2
            written = one
    for item in written:
        print(item.path)
    print(
        ngettext("{count} file written.", "{count} files written.", len(written)).format(
            count=len(written)
        )
    )
    return 0


def _export_review(book: Book, args: argparse.Namespace) -> list[WrittenFile] | None:
    import sys

    from desktop.export.files import NoReviewError, export_review_year

    try:
        return export_review_year(
            book, args.review_year, Path(args.out), formats=_formats(args.format)
        )
    except NoReviewError:
        print(
            _(
                "The book has no annual review for {year}: start it on the Evaluations "
                "page first. Nothing was written."
            ).format(year=args.review_year),
            file=sys.stderr,
        )
        return None


def _export_meeting(book: Book, args: argparse.Namespace) -> list[WrittenFile] | None:
    import sys

    from desktop.export.catalogue import build
    from desktop.export.files import WrittenFile, meeting_document, write_document

    meeting_id = _find_meeting(book, args.meeting)
    if meeting_id is None:
        print(
            _("No single meeting has an id starting with “{id}”.").format(id=args.meeting),
            file=sys.stderr,
        )
        return None
    planned = meeting_document(book, meeting_id, args.kind)
    document = build(book, planned, issue=True)
    out = Path(args.out)
    if out.suffix.lower() in (".pdf", ".docx"):
        paths = [out]
    else:
        paths = [out / f"{document.file_stem}.{fmt}" for fmt in _formats(args.format)]
    written = []
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        written.append(WrittenFile(path, planned, write_document(document, path)))
    return written


def _find_meeting(book: Book, prefix: str) -> str | None:
    from sqlalchemy import select

    from desktop.data.models import Meeting

    with book.reader() as session:
        ids = session.scalars(
            select(Meeting.id).where(Meeting.id.startswith(prefix.strip().lower())).limit(2)
        ).all()
    return ids[0] if len(ids) == 1 else None
