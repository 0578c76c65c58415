"""BÁO CÁO tình hình sinh hoạt các chi bộ tháng MM/YYYY, made by the commune
committee from the records its cells handed up.

One table of the month's meetings per cell (meetings held by kind,
attendance at the regular meeting, its grade, thematic meetings in the
quarter), one of recommendations and review results, the totals, and the
cells that need attention. Every figure comes from
`desktop.services.commune_overview`, as the commune's screen shows it.
"""

from __future__ import annotations

from datetime import date

from desktop.data.enums import DocumentType
from desktop.export.documents.common import (
    Translate,
    document_gettext,
    file_stem,
    header,
    margins,
    number_text,
    percent_text,
)
from desktop.export.documents.monthly_report import grade_text, report_day
from desktop.export.model import (
    Align,
    Block,
    Closing,
    Column,
    Document,
    Signature,
    Style,
    Table,
    para,
)
from desktop.i18n import format_date
from desktop.rules.ruleset import RuleSet
from desktop.services.book import Book
from desktop.services.commune_overview import (
    Attention,
    CellFigures,
    CommuneOverview,
    commune_overview,
)

TABLE_PT = 10


def level_initials(rules: RuleSet, level_id: str, language: str) -> str:
    """A rating level as secretaries abbreviate it: "Hoàn thành tốt nhiệm vụ"
    -> "HTTNV", "Not completed" -> "NC"."""
    for band in rules.rating_levels:
        if band.id == level_id:
            return "".join(word[0] for word in band.title(language).split()).upper()
    return level_id


def build_commune_report(
    book: Book,
    month: date,
    *,
    language: str = "vi",
    today: date | None = None,
    overview: CommuneOverview | None = None,
) -> Document:
    """The report of `month` (any day of it), dated `today` within the month
    or the month's last day for a past month."""
    _ = document_gettext(language)
    overview = overview or commune_overview(book, month, today)
    org = book.organisation()
    rules = book.rules
    day = report_day(overview.month, today)
    month_text = f"{overview.month.month:02d}/{overview.month.year}"
    blocks: list[Block] = [
        para(
            _(
                "{commune} reports on the meetings of its {count} enrolled party cells in "
                "{month}, from the records the cells have handed up, as follows:"
            ).format(commune=org.name, count=overview.totals.cells, month=month_text)
        ),
        para(_("I. THE CELLS' MEETINGS IN THE MONTH"), Style.SECTION),
        _meetings_table(overview, rules, _, language),
        para(
            _(
                "Attendance: members present out of members expected (full and "
                "probationary) at the regular meetings. The committees' preparatory "
                "meetings are not counted. Thematic meetings are counted in quarter "
                "{quarter}; the rules ask for at least {required} per quarter."
            ).format(
                quarter=overview.quarter,
                required=overview.cells[0].thematic_required if overview.cells else 1,
            ),
            Style.NOTE,
        ),
        para(_("II. RECOMMENDATIONS AND REVIEW RESULTS"), Style.SECTION),
        _results_table(overview, rules, _, language),
        para(_levels_note(rules, _, language), Style.NOTE),
        para(_("III. CELLS NEEDING ATTENTION"), Style.SECTION),
        *_attention(overview, _, language),
        Closing(
            right=Signature((_("ON BEHALF OF THE PARTY COMMITTEE"), _("SECRETARY"))),
            recipients=(
                _("- The party cells;"),
                _("- Party committee's file."),
            ),
        ),
    ]
    return Document(
        kind="commune_report",
        header=header(org, day, DocumentType.REPORT),
        title=_("REPORT"),
        summary=(_("The meetings of the party cells in {month}").format(month=month_text),),
        blocks=tuple(blocks),
        file_stem=file_stem(
            "bao-cao-sinh-hoat-cac-chi-bo", overview.month.year, f"{overview.month.month:02d}"
        ),
        margins=margins(rules),
    )


# --- the tables ---------------------------------------------------------------------------


def _rate(present: int, expected: int, language: str) -> str:
    if not expected:
        return ""
    share = percent_text(present * 100 / expected, language)
    return f"{present}/{expected} ({share})"


def _grade(cell: CellFigures, rules: RuleSet, _: Translate, language: str) -> str:
    meeting = cell.regular_meeting
    if meeting is None:
        return ""
    if meeting.score is None:
        return _("not yet scored")
    grade = grade_text(rules, meeting.grade, language)
    points = number_text(meeting.score, language)
    return f"{grade} ({points})" if grade else points


def _count(value: int, cell: CellFigures) -> str:
    return str(value) if cell.has_bundle else ""


def _last_bundle(cell: CellFigures, _: Translate) -> str:
    if cell.last_received_at is None:
        return _("no bundle yet")
    return format_date(cell.last_received_at.astimezone().date())


def _meetings_table(
    overview: CommuneOverview, rules: RuleSet, _: Translate, language: str
) -> Table:
    columns = (
        Column(_("No."), 0.065, Align.CENTRE),
        Column(_("Party cell"), 0.18),
        Column(_("Last bundle received"), 0.12, Align.CENTRE),
        Column(_("Regular"), 0.09, Align.CENTRE),
        Column(_("Thematic"), 0.09, Align.CENTRE),
        Column(_("Extraordinary"), 0.09, Align.CENTRE),
        Column(_("Attendance rate"), 0.14, Align.CENTRE),
        Column(_("Grade (points)"), 0.12, Align.CENTRE),
        Column(_("Thematic in the quarter"), 0.11, Align.CENTRE),
    )
    rows = []
    for number, cell in enumerate(overview.cells, start=1):
        rows.append(
            (
                str(number),
                cell.name,
                _last_bundle(cell, _),
                _count(cell.regular, cell),
                _count(cell.thematic, cell),
                _count(cell.extraordinary, cell),
                _rate(cell.present, cell.expected, language),
                _grade(cell, rules, _, language),
                _count(cell.thematic_in_quarter, cell),
            )
        )
    totals = overview.totals
    rows.append(
        (
            "",
            _("Total"),
            _("{count} of {total} cells").format(count=totals.cells_heard_from, total=totals.cells),
            str(totals.regular),
            str(totals.thematic),
            str(totals.extraordinary),
            _rate(totals.present, totals.expected, language),
            "",
            _("{count} of {total} cells").format(
                count=totals.cells_with_thematic, total=totals.cells_heard_from
            ),
        )
    )
    return Table(columns, tuple(rows), font_pt=TABLE_PT)


def _results_table(overview: CommuneOverview, rules: RuleSet, _: Translate, language: str) -> Table:
    levels = overview.rating_levels
    columns = (
        Column(_("No."), 0.065, Align.CENTRE),
        Column(_("Party cell"), 0.18),
        Column(_("Recommendations waiting"), 0.09, Align.CENTRE),
        Column(_("Oldest (days)"), 0.08, Align.CENTRE),
        Column(_("Year"), 0.065, Align.CENTRE),
        *(Column(level_initials(rules, level, language), 0.115, Align.CENTRE) for level in levels),
        Column(_("Not yet decided"), 0.085, Align.CENTRE),
        Column(_("The cell's level"), 0.1, Align.CENTRE),
    )
    rows = []
    for number, cell in enumerate(overview.cells, start=1):
        review = cell.review
        rows.append(
            (
                str(number),
                cell.name,
                _count(cell.waiting_recommendations, cell),
                "" if cell.oldest_waiting_days is None else str(cell.oldest_waiting_days),
                str(review.year) if review is not None else "",
                *(str(review.count(level)) if review is not None else "" for level in levels),
                str(review.not_decided) if review is not None else "",
                _cell_level(cell, rules, _, language),
            )
        )
    totals = overview.totals
    rows.append(
        (
            "",
            _("Total"),
            str(totals.waiting_recommendations),
            "" if totals.oldest_waiting_days is None else str(totals.oldest_waiting_days),
            "",
            *(str(totals.levels.get(level, 0)) for level in levels),
            str(totals.not_decided),
            "",
        )
    )
    return Table(columns, tuple(rows), font_pt=TABLE_PT)


def _cell_level(cell: CellFigures, rules: RuleSet, _: Translate, language: str) -> str:
    review = cell.review
    if review is None or not review.cell_level:
        return ""
    initials = level_initials(rules, review.cell_level, language)
    return initials if review.cell_level_decided else _("{level} (proposed)").format(level=initials)


def _levels_note(rules: RuleSet, _: Translate, language: str) -> str:
    names = "; ".join(
        f"{level_initials(rules, band.id, language)}: {band.title(language)}"
        for band in rules.rating_levels
    )
    return _(
        "Members per level in the cell's latest review: the level the commune decided, "
        "else the level the cell proposed. {levels}."
    ).format(levels=names)


# --- cells needing attention ----------------------------------------------------------------


def attention_text(cell: CellFigures, limit: int, _: Translate, language: str) -> str:
    """Why a cell needs attention, in one line of the document's language."""
    parts = []
    for reason in cell.attention:
        if reason is Attention.NO_BUNDLE:
            parts.append(_("no bundle received yet"))
        elif reason is Attention.NO_MEETING:
            parts.append(_("no regular meeting reported for the month"))
        elif reason is Attention.NO_THEMATIC:
            parts.append(_("no thematic meeting in the quarter"))
        elif reason is Attention.LOW_ATTENDANCE and cell.attendance_rate is not None:
            parts.append(
                _("attendance under 80% ({rate})").format(
                    rate=percent_text(cell.attendance_rate * 100, language)
                )
            )
        elif reason is Attention.OVERDUE_RECOMMENDATIONS:
            parts.append(
                _("recommendations waiting more than {limit} days: {count}").format(
                    count=cell.overdue_recommendations, limit=limit
                )
            )
    return "; ".join(parts)


def _attention(overview: CommuneOverview, _: Translate, language: str) -> list[Block]:
    cells = overview.needing_attention
    if not cells:
        return [para(_("Every cell held its meetings as the rules ask."))]
    return [
        para(
            f"- {cell.name}: "
            f"{attention_text(cell, overview.recommendation_limit_days, _, language)}.",
            Style.PLAIN,
        )
        for cell in cells
    ]
