"""`cellbook info`: what a book holds."""

from __future__ import annotations

import argparse
import json
from enum import StrEnum
from typing import Any

from desktop.i18n import N_, _

RECORD_LABELS: dict[str, str] = {
    "organisations": N_("Organisations"),
    "members": N_("Members"),
    "member_events": N_("Member life events"),
    "dues_payments": N_("Dues lines"),
    "committee_terms": N_("Committee terms"),
    "committee_posts": N_("Committee posts"),
    "meetings": N_("Meetings"),
    "agenda_items": N_("Agenda items"),
    "attendance": N_("Attendance records"),
    "meeting_guests": N_("Guests at meetings"),
    "speeches": N_("Speeches"),
    "resolutions": N_("Resolutions"),
    "resolution_tasks": N_("Resolution tasks"),
    "recommendations": N_("Recommendations"),
    "documents": N_("Numbered documents"),
}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "info",
        help=_("show what a book holds"),
        description=_("Show a book's organisation, versions and record counts."),
    )
    parser.add_argument("file", metavar="FILE", help=_("the book file"))
    parser.add_argument(
        "--json", action="store_true", help=_("print one JSON object instead of text")
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli.common import open_book
    from desktop.services.summary import book_summary

    with open_book(args.file) as book:
        summary = book_summary(book)
        rules_title = book.rules.title
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(render(summary, args.file, rules_title))
    return 0


def _label(enum: type[StrEnum], value: str) -> str:
    from desktop.services.labels import enum_label

    try:
        return enum_label(enum(value))
    except ValueError:
        return value


def _table(rows: list[tuple[str, Any]]) -> list[str]:
    width = max((len(label) for label, _value in rows), default=0)
    return [f"  {label.ljust(width)}  {value}" for label, value in rows]


def render(summary: dict[str, Any], path: str, rules_title: str) -> str:
    from desktop.data.enums import MeetingKind, MeetingState, MemberStatus, OrgKind

    org = summary["organisation"]
    lines = [
        f"{org['name']} – {org['commune']} ({_label(OrgKind, org['kind'])})",
        _("Book file: {path}").format(path=path),
        _("Schema version: {version}").format(version=summary["schema_version"]),
        _("Rule set: {title} ({id}, version {version})").format(
            title=rules_title, id=summary["rule_set"]["id"], version=summary["rule_set"]["version"]
        ),
        _("Changes recorded: {count}").format(count=summary["change_counter"]),
        "",
        _("Records:"),
        *_table([(_(RECORD_LABELS.get(k, k)), v) for k, v in summary["counts"].items()]),
        "",
        _("Members by status:"),
    ]
    by_status = summary["members_by_status"]
    order = [status.value for status in MemberStatus]
    lines += _table(
        [(_label(MemberStatus, s), by_status[s]) for s in sorted(by_status, key=_order(order))]
    ) or ["  " + _("none")]
    lines += ["", _("Meetings by type and state:")]
    meetings = summary["meetings_by_type_and_state"]
    kinds = [kind.value for kind in MeetingKind]
    states = [state.value for state in MeetingState]
    rows = []
    for kind in sorted(meetings, key=_order(kinds)):
        by_state = meetings[kind]
        parts = [
            f"{_label(MeetingState, state)} {by_state[state]}"
            for state in sorted(by_state, key=_order(states))
        ]
        rows.append((_label(MeetingKind, kind), ", ".join(parts)))
    lines += _table(rows) or ["  " + _("none")]
    return "\n".join(lines)


def _order(known: list[str]) -> Any:
    return lambda value: (known.index(value) if value in known else len(known), value)
