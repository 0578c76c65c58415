"""Cells (a commune book): every enrolled cell at a glance for a month, the
commune's report of the month, each cell in detail, and what the commune has
decided and sent down."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.data.errors import BookFileError
from desktop.export.documents.common import percent_text
from desktop.export.documents.commune_report import attention_text
from desktop.i18n import N_, _, current_language, format_date, format_month, ngettext
from desktop.services.commune_actions import Delivery, SentItem, sent_items
from desktop.services.commune_overview import (
    Attention,
    CellFigures,
    CommuneOverview,
    commune_overview,
)
from desktop.services.labels import grade_label, rating_label
from desktop.ui.month_chooser import MonthChooser
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import QModelIndex, Qt
from desktop.ui.qt.widgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import (
    Column,
    DataTable,
    EmptyState,
    RowLook,
    RowsModel,
    RowsProxy,
    busy,
    label,
    show_book_error,
)

YEARS_BACK = 3


def last_bundle_text(cell: CellFigures) -> str:
    if cell.last_received_at is None:
        return _("No bundle yet")
    return format_date(cell.last_received_at.astimezone().date())


def attendance_text(cell: CellFigures) -> str:
    rate = cell.attendance_rate
    if rate is None:
        return ""
    share = percent_text(rate * 100, current_language())
    return f"{share} ({cell.present}/{cell.expected})"


def grade_text(cell: CellFigures, rules: object) -> str:
    meeting = cell.regular_meeting
    if meeting is None:
        return ""
    if meeting.score is None:
        return _("Not scored")
    grade = grade_label(rules, meeting.grade)  # type: ignore[arg-type]
    points = f"{meeting.score:g}"
    return f"{grade} ({points})" if grade else points


def meetings_text(cell: CellFigures) -> str:
    """ "1 regular, 1 extraordinary"; "none" for a cell heard from that held none."""
    if not cell.has_bundle:
        return ""
    parts = [
        template.format(count=count)
        for template, count in (
            (_("{count} regular"), cell.regular),
            (_("{count} thematic"), cell.thematic),
            (_("{count} extraordinary"), cell.extraordinary),
        )
        if count
    ]
    return ", ".join(parts) or _("none")


def attention_words(cell: CellFigures) -> str:
    """Why a cell needs attention, in a few words (the row's tooltip says it in full)."""
    words = []
    for reason in cell.attention:
        if reason is Attention.NO_BUNDLE:
            words.append(_("no bundle yet"))
        elif reason is Attention.NO_MEETING:
            words.append(_("no regular meeting reported"))
        elif reason is Attention.NO_THEMATIC:
            words.append(_("no thematic meeting"))
        elif reason is Attention.LOW_ATTENDANCE and cell.attendance_rate is not None:
            words.append(
                _("attendance {rate}").format(
                    rate=percent_text(cell.attendance_rate * 100, current_language())
                )
            )
        elif reason is Attention.OVERDUE_RECOMMENDATIONS:
            words.append(
                ngettext(
                    "{count} recommendation overdue",
                    "{count} recommendations overdue",
                    cell.overdue_recommendations,
                ).format(count=cell.overdue_recommendations)
            )
    text = ", ".join(words)
    return text[:1].upper() + text[1:]


def thematic_text(cell: CellFigures) -> str:
    if not cell.has_bundle:
        return ""
    text = str(cell.thematic_in_quarter)
    if not cell.thematic_in_quarter:
        return _("{count} — none yet").format(count=text)
    if cell.thematic_in_quarter < cell.thematic_required:
        return _("{count} — too few").format(count=text)
    return text


def waiting_text(cell: CellFigures) -> str:
    if not cell.has_bundle:
        return ""
    if not cell.waiting_recommendations:
        return "0"
    return ngettext(
        "{count}, oldest {days} day", "{count}, oldest {days} days", cell.oldest_waiting_days or 0
    ).format(count=cell.waiting_recommendations, days=cell.oldest_waiting_days)


def review_text(cell: CellFigures, levels: tuple[str, ...]) -> str:
    review = cell.review
    if review is None:
        return ""
    counts = " · ".join(str(review.count(level)) for level in levels)
    text = f"{review.year}: {counts}"
    if review.not_decided:
        text += ", " + _("{count} to decide").format(count=review.not_decided)
    return text


def cell_level_text(cell: CellFigures, rules: object) -> str:
    review = cell.review
    if review is None or not review.cell_level:
        return ""
    name = rating_label(rules, review.cell_level)  # type: ignore[arg-type]
    return name if review.cell_level_decided else _("{level} (proposed)").format(level=name)


def delivery_text(item: SentItem) -> str:
    if item.delivery is Delivery.RECEIVED:
        return _("Received")
    if item.delivery is Delivery.SENT:
        if len(item.cells) > 1 and item.sent_to < len(item.cells):
            return _("Sent to {count} of {total} cells").format(
                count=item.sent_to, total=len(item.cells)
            )
        return _("Sent, not yet confirmed")
    return _("Goes in the next bundle")


WHAT = {
    "answer": N_("Answer to a recommendation"),
    "member_rating": N_("Member's level"),
    "cell_rating": N_("Cell's level"),
    "directive": N_("Directive"),
    "document": N_("Document"),
}


class CellsPage(Page):
    key = "cells"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Cells"))
        self.month = host.today().replace(day=1)
        self.overview: CommuneOverview | None = None
        self.dialog: QWidget | None = None
        self.add_action(_("Send a document to cells…"), self.send_document)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.month_chooser = MonthChooser(host.today(), YEARS_BACK)
        self.month_chooser.chosen.connect(self.show_month)
        top.addWidget(self.month_chooser)
        top.addStretch(1)
        self.pdf_button = QPushButton(_("Save report as &PDF…"))
        self.pdf_button.clicked.connect(lambda _checked=False: self.save_pdf_asked())
        self.excel_button = QPushButton(_("Save report as &Excel…"))
        self.excel_button.clicked.connect(lambda _checked=False: self.save_excel_asked())
        top.addWidget(self.pdf_button)
        top.addWidget(self.excel_button)
        layout.addLayout(top)
        self.summary = label("", "big", wrap=True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_cells(), _("&Cells"))
        self.tabs.addTab(self._build_sent(), _("&Decided and sent"))
        layout.addWidget(self.tabs, 1)
        empty = EmptyState(
            _("No cell is enrolled yet. Enrol a cell's key card on the Sync page."),
            _("Go to Sync"),
            lambda: host.go_to("sync"),
        )
        self.set_content(content, empty)

    # --- building -------------------------------------------------------------------

    def _build_cells(self) -> QWidget:
        rules = self.book.rules
        self.levels = tuple(band.id for band in rules.rating_levels)

        def look(cell: CellFigures) -> RowLook | None:
            if not cell.needs_attention:
                return None
            return RowLook(self._attention(cell))

        columns = (
            Column(N_("Cell"), lambda c: c.name),
            Column(N_("Needs attention"), attention_words, lambda c: -len(c.attention)),
            Column(
                N_("Last bundle"),
                last_bundle_text,
                lambda c: c.last_received_at.isoformat() if c.last_received_at else "",
            ),
            Column(
                N_("Meetings held"),
                meetings_text,
                lambda c: (c.regular + c.thematic + c.extraordinary, c.regular),
            ),
            Column(
                N_("Attendance rate"),
                attendance_text,
                lambda c: -1 if c.attendance_rate is None else c.attendance_rate,
                True,
            ),
            Column(
                N_("Grade"),
                lambda c: grade_text(c, rules),
                lambda c: -1 if c.regular_meeting is None else (c.regular_meeting.score or 0),
            ),
            Column(N_("Thematic (quarter)"), thematic_text, lambda c: c.thematic_in_quarter),
            Column(
                N_("Recommendations waiting"),
                waiting_text,
                lambda c: (c.waiting_recommendations, c.oldest_waiting_days or 0),
            ),
            Column(N_("Review"), lambda c: review_text(c, self.levels)),
            Column(N_("Cell's level"), lambda c: cell_level_text(c, rules)),
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        self.model = RowsModel(columns, search_text=lambda c: c.name, look=look)
        self.proxy = RowsProxy(self.model)
        self.table = DataTable()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(_("Enrolled cells"))
        self.table.activated.connect(self._open_index)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.legend = label("", "muted", wrap=True)
        bottom.addWidget(self.legend, 1)
        self.open_button = QPushButton(_("&Open the cell…"))
        self.open_button.clicked.connect(lambda _checked=False: self.open_selected())
        bottom.addWidget(self.open_button)
        layout.addLayout(bottom)
        return box

    def _build_sent(self) -> QWidget:
        columns = (
            Column(
                N_("Date"),
                lambda i: format_date(i.day) if i.day else "",
                lambda i: (i.day.isoformat() if i.day else "", i.change_seq),
            ),
            Column(N_("Kind"), lambda i: _(WHAT.get(i.what, i.what))),
            Column(N_("Sent to"), lambda i: _sent_to(i)),
            Column(N_("Gone out"), delivery_text),
            Column(N_("Number"), lambda i: i.reference),
            Column(N_("Content"), lambda i: _one_line(self._sent_summary(i))),
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(
            label(
                _(
                    "Answers, levels and documents go to each cell in the next bundle made "
                    "for it on the Sync page. Until then an answer or a level can still be "
                    "changed from the cell's window."
                ),
                "muted",
                wrap=True,
            )
        )
        self.sent_model = RowsModel(columns, search_text=lambda i: i.summary)
        self.sent_proxy = RowsProxy(self.sent_model)
        self.sent_table = DataTable()
        self.sent_table.setModel(self.sent_proxy)
        self.sent_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.sent_table.setAccessibleName(_("Decided and sent"))
        layout.addWidget(self.sent_table, 1)
        self.sent_nothing = label(_("Nothing decided or sent yet."), "empty", wrap=True)
        self.sent_nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.sent_nothing, 1)
        return box

    def _attention(self, cell: CellFigures) -> str:
        limit = self.overview.recommendation_limit_days if self.overview else 30
        text = attention_text(cell, limit, _, current_language())
        return text[:1].upper() + text[1:]

    def _sent_summary(self, item: SentItem) -> str:
        if item.what in ("member_rating", "cell_rating"):
            return rating_label(self.book.rules, item.summary)
        return item.summary

    # --- loading --------------------------------------------------------------------

    def load(self) -> None:
        self.month_chooser.show_month(self.month)
        overview = commune_overview(self.book, self.month, self.host.today())
        self.overview = overview
        keep = self.selected()
        self.model.set_rows(overview.cells)
        self.table.fit_columns()
        # Why a cell needs attention is read in full, not cut short.
        char = self.table.fontMetrics().averageCharWidth()
        wanted = self.table.sizeHintForColumn(1) + char * 3
        self.table.setColumnWidth(1, min(wanted, char * 70))
        if keep is not None:
            self.select(keep.org_id)
        totals = overview.totals
        parts = [
            ngettext("{count} cell enrolled", "{count} cells enrolled", totals.cells).format(
                count=totals.cells
            ),
            _("{count} heard from").format(count=totals.cells_heard_from),
        ]
        if totals.attendance_rate is not None:
            parts.append(
                _("attendance {rate}").format(
                    rate=percent_text(totals.attendance_rate * 100, current_language())
                )
            )
        parts.append(
            ngettext(
                "{count} needs attention", "{count} need attention", totals.cells_needing_attention
            ).format(count=totals.cells_needing_attention)
        )
        self.summary.setText(format_month(overview.month) + ": " + " · ".join(parts))
        levels = " · ".join(rating_label(self.book.rules, level) for level in self.levels)
        self.legend.setText(
            _(
                "Rows in bold on red need attention; the second column says why. Review "
                "ratings: members per level ({levels}), decided by the commune or else "
                "proposed by the cell. Double-click a cell to open it."
            ).format(levels=levels)
        )
        items = sent_items(self.book)
        self.sent_model.set_rows(items)
        self.sent_table.fit_columns()
        self.sent_table.setVisible(bool(items))
        self.sent_nothing.setVisible(not items)
        self.show_empty(totals.cells == 0)

    def show_month(self, month: date) -> None:
        self.month = month.replace(day=1)
        try:
            self.refresh()
        except BookFileError as error:
            show_book_error(self, error)

    def selected(self) -> CellFigures | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select(self, org_id: str) -> bool:
        for row, cell in enumerate(self.model.rows()):
            if cell.org_id == org_id:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                return True
        return False

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row in the order shown (tests, checks)."""
        return [
            [
                str(self.proxy.index(row, column).data() or "")
                for column in range(self.proxy.columnCount())
            ]
            for row in range(self.proxy.rowCount())
        ]

    # --- a cell ---------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_cell(self.model.row_at(self.proxy.mapToSource(index).row()).org_id)

    def open_selected(self) -> QWidget | None:
        cell = self.selected()
        return self.open_cell(cell.org_id) if cell is not None else None

    def open_cell(self, org_id: str) -> QWidget | None:
        from desktop.ui.cells.detail import CellDialog

        try:
            dialog = CellDialog(self.book, org_id, self.month.year, self.host.today(), self)
        except BookFileError as error:
            show_book_error(self, error)
            return None
        dialog.changed.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _changed(self, message: str) -> None:
        self.refresh()
        if message:
            self.host.show_status(message)

    def send_document(self) -> QWidget:
        from desktop.ui.cells.send import SendDocumentDialog

        cell = self.selected()
        org_id = cell.org_id if cell is not None else ""
        dialog = SendDocumentDialog(self.book, self.host.today(), self, org_id)
        dialog.accepted.connect(
            lambda: self._changed(_("The document goes to the cells in their next bundles."))
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- the report -----------------------------------------------------------------

    def report_stem(self) -> str:
        return f"bao-cao-sinh-hoat-cac-chi-bo-{self.month.year}-{self.month.month:02d}"

    def save_pdf_asked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the report as PDF"),
            str(Path.home() / f"{self.report_stem()}.pdf"),
            _("PDF documents (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path))

    def save_excel_asked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the report as Excel"),
            str(Path.home() / f"{self.report_stem()}.xlsx"),
            _("Excel workbook (*.xlsx)"),
        )
        if path:
            self.save_excel(Path(path))

    def save_pdf(self, path: Path) -> Path | None:
        from desktop.export.documents.commune_report import build_commune_report
        from desktop.export.pdf import render_pdf

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def write() -> Path:
            document = build_commune_report(
                self.book, self.month, today=self.host.today(), overview=self._overview()
            )
            render_pdf(document, path)
            return path

        return self._save(write)

    def save_excel(self, path: Path) -> Path | None:
        from desktop.export.commune_xlsx import export_commune_report

        return self._save(
            lambda: export_commune_report(
                self.book, self.month, path, today=self.host.today(), overview=self._overview()
            )
        )

    def _overview(self) -> CommuneOverview:
        if self.overview is not None and self.overview.month == self.month:
            return self.overview
        return commune_overview(self.book, self.month, self.host.today())

    def _save(self, write: object) -> Path | None:
        try:
            with busy():
                saved: Path = write()  # type: ignore[operator]
        except BookFileError as error:
            show_book_error(self, error)
            return None
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Report not saved"),
                _(
                    "The report could not be saved ({detail}). If the file is open in another "
                    "program, close it there and try again; or choose another name."
                ).format(detail=error.strerror or error),
            )
            return None
        self.host.show_status(_("Report saved as “{path}”.").format(path=saved))
        return saved


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sent_to(item: SentItem) -> str:
    if len(item.cells) == 1:
        return item.cells[0]
    return _("All cells ({count})").format(count=len(item.cells))
