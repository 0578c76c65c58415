"""One cell as the commune sees it: its recommendations waiting for an
answer, its latest review (to decide members' levels and the cell's own),
and the documents it handed up."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.data.enums import RecommendationStatus, ReviewState, SharedDocumentKind
from desktop.data.errors import BookFileError
from desktop.i18n import N_, _, format_date, format_number
from desktop.services.commune_actions import document_data
from desktop.services.commune_overview import (
    CellDetail,
    MemberRating,
    ReceivedDocument,
    WaitingRecommendation,
    cell_detail,
)
from desktop.services.labels import enum_label, rating_label
from desktop.services.validation import ValidationError
from desktop.ui.qt.core import Qt, QUrl, Signal
from desktop.ui.qt.gui import QDesktopServices
from desktop.ui.qt.widgets import (
    QDialog,
    QDialogButtonBox,
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
    RowLook,
    RowsModel,
    RowsProxy,
    fit_to_screen,
    label,
    show_book_error,
)

if TYPE_CHECKING:
    from desktop.services.book import Book
    from desktop.ui.dialogs.base import FormDialog

DOCUMENT_KINDS = {
    SharedDocumentKind.MINUTES.value: N_("Minutes"),
    SharedDocumentKind.RESOLUTION.value: N_("Resolution"),
    SharedDocumentKind.DIRECTIVE.value: N_("Directive"),
    SharedDocumentKind.DOCUMENT.value: N_("Document"),
}


# The labels' table shares one entry for every enum value "open" (a shortcoming's
# "To fix" wins there), so a recommendation's status is named here.
STATUS = {
    RecommendationStatus.OPEN: N_("Open"),
    RecommendationStatus.FORWARDED: N_("Forwarded"),
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _size(size: int) -> str:
    return _("{size} KB").format(size=format_number(max(1, round(size / 1024))))


class CellDialog(QDialog):
    """`changed` carries a status message once the commune has decided something."""

    changed = Signal(str)

    def __init__(
        self, book: Book, org_id: str, year: int, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.book = book
        self.org_id = org_id
        self.year = year
        self.today = today
        self.detail: CellDetail | None = None
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        self.heading = label("", "title", wrap=True)
        layout.addWidget(self.heading)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_recommendations(), _("&Recommendations"))
        self.tabs.addTab(self._build_review(), _("Re&view"))
        self.tabs.addTab(self._build_documents(), _("&Documents received"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 1240, 680)
        self.load()

    # --- building -------------------------------------------------------------------

    def _build_recommendations(self) -> QWidget:
        limit = self.book.rules.recommendation_limit_days

        def look(item: WaitingRecommendation) -> RowLook | None:
            if not item.overdue or item.answer is not None:
                return None
            return RowLook(
                _("Waiting more than {limit} days for an answer: {content}").format(
                    limit=limit, content=item.content
                )
            )

        columns = (
            Column(
                N_("Raised on"),
                lambda r: format_date(r.raised_on),
                lambda r: r.raised_on.isoformat(),
            ),
            Column(N_("By"), lambda r: r.raised_by),
            Column(N_("Content"), lambda r: _one_line(r.content)),
            Column(N_("Status"), lambda r: _(STATUS.get(r.status, r.status.value))),
            Column(
                N_("Days waiting"), lambda r: str(r.days_waiting), lambda r: r.days_waiting, True
            ),
            Column(N_("The commune's answer"), self._answer_text),
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        self.recommendations_model = RowsModel(columns, look=look)
        self.recommendations_proxy = RowsProxy(self.recommendations_model)
        self.recommendations_table = DataTable(stretch=2)
        self.recommendations_table.setModel(self.recommendations_proxy)
        self.recommendations_table.setAccessibleName(_("Recommendations waiting"))
        self.recommendations_table.activated.connect(lambda _index: self.answer_selected())
        layout.addWidget(self.recommendations_table, 1)
        self.no_recommendations = label(
            _("No recommendation of this cell is waiting for an answer."), "empty", wrap=True
        )
        self.no_recommendations.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.no_recommendations, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.answer_button = QPushButton(_("&Answer…"))
        self.answer_button.clicked.connect(lambda _checked=False: self.answer_selected())
        row.addWidget(self.answer_button)
        layout.addLayout(row)
        return box

    def _answer_text(self, item: WaitingRecommendation) -> str:
        if item.answer is None:
            return ""
        return _("{date}: {answer}").format(
            date=format_date(item.answer.decided_on), answer=_one_line(item.answer.text)
        )

    def _build_review(self) -> QWidget:
        rules = self.book.rules

        def level(level_id: str) -> str:
            return rating_label(rules, level_id)

        def decision(rating: MemberRating) -> str:
            if rating.decision is None:
                return ""
            text = level(rating.decision.level)
            if rating.decision.decision_ref:
                text += f" ({rating.decision.decision_ref})"
            return text

        columns = (
            Column(N_("Member"), lambda r: r.member_name),
            Column(N_("Step"), lambda r: enum_label(ReviewState(r.state))),
            Column(N_("Proposed by the cell"), lambda r: level(r.proposed_level)),
            Column(N_("In the cell's record"), lambda r: level(r.decided_level)),
            Column(N_("Decided here"), decision),
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        cell_row = QHBoxLayout()
        self.cell_level = label("", "big", wrap=True)
        cell_row.addWidget(self.cell_level, 1)
        self.cell_level_button = QPushButton(_("Decide the &cell's level…"))
        self.cell_level_button.clicked.connect(lambda _checked=False: self.decide_cell())
        cell_row.addWidget(self.cell_level_button)
        layout.addLayout(cell_row)
        self.ratings_model = RowsModel(columns)
        self.ratings_proxy = RowsProxy(self.ratings_model)
        self.ratings_table = DataTable(stretch=0)
        self.ratings_table.setModel(self.ratings_proxy)
        self.ratings_table.setAccessibleName(_("Members' ratings"))
        self.ratings_table.activated.connect(lambda _index: self.decide_selected())
        layout.addWidget(self.ratings_table, 1)
        row = QHBoxLayout()
        self.review_note = label("", "muted", wrap=True)
        row.addWidget(self.review_note, 1)
        self.member_level_button = QPushButton(_("Decide the &member's level…"))
        self.member_level_button.clicked.connect(lambda _checked=False: self.decide_selected())
        row.addWidget(self.member_level_button)
        layout.addLayout(row)
        return box

    def _build_documents(self) -> QWidget:
        columns = (
            Column(
                N_("Date"),
                lambda d: format_date(d.issued_on) if d.issued_on else "",
                lambda d: d.issued_on.isoformat() if d.issued_on else "",
            ),
            Column(N_("Kind"), lambda d: _(DOCUMENT_KINDS.get(d.kind, d.kind))),
            Column(N_("Title"), lambda d: d.title),
            Column(N_("Number"), lambda d: d.number),
            Column(N_("Size"), lambda d: _size(d.size), lambda d: d.size, True),
        )
        box = QWidget()
        layout = QVBoxLayout(box)
        self.documents_model = RowsModel(columns, search_text=lambda d: d.title)
        self.documents_proxy = RowsProxy(self.documents_model)
        self.documents_table = DataTable(stretch=2)
        self.documents_table.setModel(self.documents_proxy)
        self.documents_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.documents_table.setAccessibleName(_("Documents received"))
        self.documents_table.activated.connect(lambda _index: self.open_document())
        layout.addWidget(self.documents_table, 1)
        self.no_documents = label(
            _("The cell has not handed up any document yet."), "empty", wrap=True
        )
        self.no_documents.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.no_documents, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_button = QPushButton(_("&Open"))
        self.open_button.clicked.connect(lambda _checked=False: self.open_document())
        self.save_button = QPushButton(_("&Save a copy…"))
        self.save_button.clicked.connect(lambda _checked=False: self.save_document_asked())
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return box

    # --- loading --------------------------------------------------------------------

    def load(self) -> None:
        detail = cell_detail(self.book, self.org_id, self.year, self.today)
        self.detail = detail
        self.setWindowTitle(detail.name)
        self.heading.setText(detail.name)
        self.recommendations_model.set_rows(detail.recommendations)
        self.recommendations_table.fit_columns()
        has_recommendations = bool(detail.recommendations)
        self.recommendations_table.setVisible(has_recommendations)
        self.no_recommendations.setVisible(not has_recommendations)
        self.answer_button.setEnabled(has_recommendations)
        self._load_review(detail)
        self.documents_model.set_rows(detail.documents)
        self.documents_table.fit_columns()
        has_documents = bool(detail.documents)
        self.documents_table.setVisible(has_documents)
        self.no_documents.setVisible(not has_documents)
        self.open_button.setEnabled(has_documents)
        self.save_button.setEnabled(has_documents)
        for table in (self.recommendations_table, self.ratings_table, self.documents_table):
            if table.model().rowCount() and not table.currentIndex().isValid():
                table.selectRow(0)

    def _load_review(self, detail: CellDetail) -> None:
        rules = self.book.rules
        campaign = detail.campaign
        self.ratings_model.set_rows(detail.ratings)
        self.ratings_table.fit_columns()
        self.member_level_button.setEnabled(any(r.can_decide for r in detail.ratings))
        if campaign is None:
            self.cell_level.setText(_("The cell has not handed up a review yet."))
            self.cell_level_button.setEnabled(False)
            self.review_note.clear()
            return
        parts = [
            _("Review of {year}").format(year=campaign.year),
            _("the cell proposed itself: {level}").format(
                level=rating_label(rules, campaign.proposed_level) or _("not voted yet")
            ),
        ]
        if campaign.decision is not None:
            parts.append(
                _("decided here: {level}").format(
                    level=rating_label(rules, campaign.decision.level)
                )
            )
        elif campaign.decided_level:
            parts.append(
                _("decided: {level}").format(level=rating_label(rules, campaign.decided_level))
            )
        self.cell_level.setText(" · ".join(parts))
        self.cell_level_button.setEnabled(bool(campaign.proposed_level))
        self.review_note.setText(
            _(
                "A member's level can be decided once the cell has voted a proposed level. "
                "What is decided here goes to the cell in its next bundle."
            )
        )

    # --- acting ---------------------------------------------------------------------

    def _selected(self, table: DataTable, proxy: RowsProxy, model: RowsModel) -> object | None:
        index = table.currentIndex()
        if not index.isValid():
            return None
        return model.row_at(proxy.mapToSource(index).row())

    def selected_recommendation(self) -> WaitingRecommendation | None:
        return self._selected(  # type: ignore[return-value]
            self.recommendations_table, self.recommendations_proxy, self.recommendations_model
        )

    def selected_rating(self) -> MemberRating | None:
        return self._selected(  # type: ignore[return-value]
            self.ratings_table, self.ratings_proxy, self.ratings_model
        )

    def selected_document(self) -> ReceivedDocument | None:
        return self._selected(  # type: ignore[return-value]
            self.documents_table, self.documents_proxy, self.documents_model
        )

    def _open_form(self, dialog: FormDialog, done: str) -> FormDialog:
        dialog.accepted.connect(lambda: self._after(done))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after(self, done: str) -> None:
        try:
            self.load()
        except BookFileError as error:
            show_book_error(self, error)
        self.changed.emit(done)

    def answer_selected(self) -> FormDialog | None:
        from desktop.ui.cells.decide import AnswerDialog

        item = self.selected_recommendation()
        if item is None:
            return None
        return self._open_form(
            AnswerDialog(self.book, item, self.today, self),
            _("Answer saved; it goes to the cell in its next bundle."),
        )

    def decide_selected(self) -> FormDialog | None:
        from desktop.ui.cells.decide import MemberLevelDialog

        rating = self.selected_rating()
        if rating is None:
            return None
        if not rating.can_decide:
            QMessageBox.information(
                self,
                _("Decide the member's level"),
                _("The cell has not voted a proposed level for {name} yet.").format(
                    name=rating.member_name
                ),
            )
            return None
        return self._open_form(
            MemberLevelDialog(self.book, rating, self.today, self),
            _("Level saved; it goes to the cell in its next bundle."),
        )

    def decide_cell(self) -> FormDialog | None:
        from desktop.ui.cells.decide import CellLevelDialog

        detail = self.detail
        if detail is None or detail.campaign is None or not detail.campaign.proposed_level:
            return None
        return self._open_form(
            CellLevelDialog(self.book, detail.name, detail.campaign, self.today, self),
            _("The cell's level is saved; it goes to the cell in its next bundle."),
        )

    # --- documents ------------------------------------------------------------------

    def _document_bytes(self) -> tuple[str, bytes] | None:
        document = self.selected_document()
        if document is None:
            return None
        try:
            return document_data(self.book, document.id)
        except ValidationError as error:
            QMessageBox.warning(self, _("Documents received"), str(error))
        except BookFileError as error:
            show_book_error(self, error)
        return None

    def open_document(self) -> Path | None:
        """Write the document to a temporary file and open it in the PDF reader."""
        found = self._document_bytes()
        if found is None:
            return None
        name, data = found
        folder = Path(tempfile.mkdtemp(prefix="cellbook-"))
        path = folder / (Path(name).name or "document.pdf")
        path.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def save_document_asked(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save a copy"), str(Path.home() / (document.file_name or "document.pdf"))
        )
        if path:
            self.save_document(Path(path))

    def save_document(self, path: Path) -> bool:
        found = self._document_bytes()
        if found is None:
            return False
        try:
            path.write_bytes(found[1])
        except OSError as error:
            QMessageBox.warning(
                self,
                _("Documents received"),
                _("The copy could not be saved ({detail}).").format(detail=error.strerror or error),
            )
            return False
        self.changed.emit(_("A copy was saved as “{name}”.").format(name=path.name))
        return True
