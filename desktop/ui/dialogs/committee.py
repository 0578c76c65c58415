"""The cell committee: the terms, who holds which post, giving and ending posts,
and adding a new term. The rules are `CommitteeService`'s; this shows them."""

from __future__ import annotations

from datetime import date

from desktop.data.enums import CommitteePostKind
from desktop.data.errors import BookFileError
from desktop.i18n import N_, _, format_date
from desktop.services.book import Book
from desktop.services.committee import ELIGIBLE, CommitteeService, PostRow, TermRow
from desktop.services.labels import enum_label
from desktop.services.members import MemberService
from desktop.services.validation import ValidationError
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import (
    Column,
    DataTable,
    DateField,
    EmptyState,
    RowLook,
    RowsModel,
    RowsProxy,
    fit_to_screen,
    label,
    primary_button,
    show_book_error,
)

ENDED_BACKGROUND = "#eeeeee"
POST_ORDER = {kind: index for index, kind in enumerate(CommitteePostKind)}


def term_dates(term: TermRow) -> str:
    end = format_date(term.ends_on) if term.ends_on else _("no end date")
    return f"{format_date(term.starts_on)} – {end}"


class CommitteeDialog(QDialog):
    def __init__(self, book: Book, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(True)
        self.setWindowTitle(_("Cell committee"))
        self.book = book
        self.today = today
        self.service = CommitteeService(book, today)
        self.sub_dialog: QDialog | None = None
        self.changed = False

        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Cell committee"), "heading"))
        term_row = QHBoxLayout()
        term_caption = label(_("Term:"))
        term_row.addWidget(term_caption)
        self.term = QComboBox()
        self.term.setAccessibleName(_("Committee term"))
        term_caption.setBuddy(self.term)
        self.term.currentIndexChanged.connect(lambda _index: self._load_posts())
        term_row.addWidget(self.term)
        self.term_dates = label("", "muted")
        term_row.addWidget(self.term_dates)
        term_row.addStretch(1)
        self.new_term_button = QPushButton(_("New term…"))
        self.new_term_button.setAutoDefault(False)
        self.new_term_button.clicked.connect(lambda _checked=False: self.add_term())
        term_row.addWidget(self.new_term_button)
        layout.addLayout(term_row)

        self.model = RowsModel(
            (
                Column(N_("Post"), lambda r: enum_label(r.post), lambda r: POST_ORDER[r.post]),
                Column(N_("Member"), lambda r: r.full_name),
                Column(
                    N_("From"),
                    lambda r: format_date(r.starts_on),
                    lambda r: r.starts_on.isoformat(),
                ),
                Column(
                    N_("Until"),
                    lambda r: format_date(r.ends_on),
                    lambda r: r.ends_on.isoformat() if r.ends_on else "9999",
                ),
            ),
            look=lambda r: (
                None
                if r.is_current(today)
                else RowLook(
                    _("Ended on {date}").format(date=format_date(r.ends_on)),
                    background=ENDED_BACKGROUND,
                    bold=False,
                )
            ),
        )
        self.proxy = RowsProxy(self.model)
        self.table = DataTable(stretch=1)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(False)  # current posts first, secretary first
        self.table.setAccessibleName(_("Committee posts"))
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_buttons()
        )
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.empty = EmptyState(
            _("No posts recorded in this term yet. Start with the secretary."),
            _("Give a post…"),
            self.assign,
        )
        self.body.addWidget(self.empty)
        layout.addWidget(self.body, 1)

        actions = QHBoxLayout()
        self.assign_button = primary_button(_("Give a post…"), self.assign)
        self.assign_button.setAutoDefault(False)
        actions.addWidget(self.assign_button)
        self.end_button = QPushButton(_("End the selected post…"))
        self.end_button.setAutoDefault(False)
        self.end_button.clicked.connect(lambda _checked=False: self.end_post())
        actions.addWidget(self.end_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.notice = label("", "muted", wrap=True)
        layout.addWidget(self.notice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.reload()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 52, metrics.height() * 26)
        self.table.setFocus()

    # --- reading ------------------------------------------------------------------

    def reload(self, term_id: str | None = None) -> None:
        keep = term_id or self.current_term_id()
        terms = self.service.terms()
        current = self.service.current_term()
        self.term.blockSignals(True)
        self.term.clear()
        for term in terms:
            self.term.addItem(term.name, term)
        wanted = keep or (current.id if current else None)
        index = next((i for i, t in enumerate(terms) if t.id == wanted), 0)
        self.term.setCurrentIndex(index)
        self.term.blockSignals(False)
        self._load_posts()

    def current_term_id(self) -> str | None:
        term = self.term.currentData()
        return term.id if isinstance(term, TermRow) else None

    def _load_posts(self) -> None:
        term = self.term.currentData()
        if not isinstance(term, TermRow):
            self.term_dates.setText("")
            self.model.set_rows([])
            self.body.setCurrentWidget(self.empty)
            self.empty.set_message(_("No committee term yet. Add the term first."))
            self.notice.setText("")
            self._update_buttons()
            return
        self.term_dates.setText(term_dates(term))
        rows = self.service.posts(term.id)
        self.model.set_rows(rows)
        self.body.setCurrentWidget(self.table if rows else self.empty)
        self.table.fit_columns()
        if rows:
            self.table.selectRow(0)
        secretary = any(
            r.post is CommitteePostKind.SECRETARY and r.is_current(self.today) for r in rows
        )
        covers = term.covers(self.today)
        if not covers:
            self.notice.setText(_("This term is not the current one; its posts are history."))
        elif not secretary:
            self.notice.setText(_("The cell has no secretary at the moment."))
        else:
            self.notice.setText("")
        self._update_buttons()

    def selected_post(self) -> PostRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.body.currentWidget() is not self.table:
            return None
        row: PostRow = self.model.row_at(self.proxy.mapToSource(index).row())
        return row

    def select_post(self, post_id: str) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.id == post_id:
                self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _update_buttons(self) -> None:
        has_term = isinstance(self.term.currentData(), TermRow)
        self.assign_button.setEnabled(has_term)
        if self.empty.button is not None:
            self.empty.button.setVisible(has_term)
        post = self.selected_post()
        self.end_button.setEnabled(post is not None and post.ends_on is None)

    # --- changing ------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(lambda: self._saved(dialog))
        self.sub_dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, dialog: QDialog) -> None:
        self.changed = True
        term_id = dialog.saved_id if isinstance(dialog, NewTermDialog) else None
        try:
            self.reload(term_id)
        except BookFileError as error:
            show_book_error(self, error)
            return
        if isinstance(dialog, AssignPostDialog) and dialog.saved_id:
            self.select_post(dialog.saved_id)

    def assign(self) -> QDialog | None:
        term = self.term.currentData()
        if not isinstance(term, TermRow):
            return None
        try:
            members = [
                (row.id, row.full_name)
                for row in MemberService(self.book, self.today).rows()
                if row.status in ELIGIBLE
            ]
        except BookFileError as error:
            show_book_error(self, error)
            return None
        return self._open(AssignPostDialog(self.service, term, members, self.today, self))

    def end_post(self) -> QDialog | None:
        post = self.selected_post()
        if post is None or post.ends_on is not None:
            return None
        return self._open(EndPostDialog(self.service, post, self.today, self))

    def add_term(self) -> QDialog:
        latest = self.service.terms()[0] if self.service.terms() else None
        return self._open(NewTermDialog(self.service, latest, self.today, self))


class AssignPostDialog(FormDialog):
    """Give a member a post in a term."""

    def __init__(
        self,
        service: CommitteeService,
        term: TermRow,
        members: list[tuple[str, str]],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            _("Give a post"),
            _("Term: {term}. Only full members of this cell can hold a post.").format(
                term=term.name
            ),
        )
        self.service = service
        self.term = term
        self.post = QComboBox()
        for kind in CommitteePostKind:
            self.post.addItem(enum_label(kind), kind)
        self.form.add_field("post", self.post)
        self.member = QComboBox()
        self.member.setEditable(True)  # type to find a name
        self.member.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.member.addItem("", "")
        for member_id, name in members:
            self.member.addItem(name, member_id)
        self.form.add_field("member", self.member)
        start = today if term.covers(today) else term.starts_on
        self.starts_on = DateField(start)
        self.form.add_field("starts_on", self.starts_on)
        self.finish_form()
        self.post.setFocus()

    def choose(self, post: CommitteePostKind, member_id: str) -> None:
        self.post.setCurrentIndex(self.post.findData(post))
        self.member.setCurrentIndex(self.member.findData(member_id))

    def _member_id(self) -> str:
        # An edited name that is not in the list counts as no choice.
        index = self.member.findText(self.member.currentText(), Qt.MatchFlag.MatchExactly)
        return str(self.member.itemData(index) or "") if index >= 0 else ""

    def save(self) -> str:
        dates, problems = self.dates(starts_on=self.starts_on)
        if problems:
            raise ValidationError(problems)
        return self.service.assign(
            self._member_id(),
            CommitteePostKind(self.post.currentData()),
            dates["starts_on"],  # type: ignore[arg-type]
            self.term.id,
        )


class EndPostDialog(FormDialog):
    """Record the last day of a post."""

    def __init__(
        self, service: CommitteeService, post: PostRow, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent,
            _("End a post"),
            _("{name}: {post} since {start}.").format(
                name=post.full_name, post=enum_label(post.post), start=format_date(post.starts_on)
            ),
        )
        self.service = service
        self.post = post
        self.ends_on = DateField(today)
        self.form.add_field("ends_on", self.ends_on, _("Last day"))
        self.finish_form()
        self.ends_on.setFocus()
        self.ends_on.selectAll()

    def save(self) -> str:
        dates, problems = self.dates(ends_on=self.ends_on)
        if problems:
            raise self.form.in_captions(ValidationError(problems))
        try:
            self.service.end_post(self.post.id, dates["ends_on"])  # type: ignore[arg-type]
        except ValidationError as error:
            raise self.form.in_captions(error) from None
        return self.post.id


class NewTermDialog(FormDialog):
    """Add the next committee term."""

    def __init__(
        self,
        service: CommitteeService,
        latest: TermRow | None,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        intro = ""
        if latest is not None:
            intro = _(
                "The term {term} and the posts still held in it end on the day before the "
                "new term starts. Then give the posts of the new term."
            ).format(term=latest.name)
        super().__init__(parent, _("New committee term"), intro)
        self.service = service
        start_year = latest.starts_on.year + 5 if latest else today.year
        self.name = QLineEdit(f"Nhiệm kỳ {start_year}–{start_year + 5}")
        self.name.setMaxLength(120)
        self.form.add_field("term", self.name)
        self.starts_on = DateField()
        self.form.add_field("starts_on", self.starts_on)
        self.ends_on = DateField()
        self.form.add_field("ends_on", self.ends_on)
        self.finish_form()
        self.name.setFocus()

    def save(self) -> str:
        dates, problems = self.dates(starts_on=self.starts_on, ends_on=self.ends_on)
        if problems:
            raise ValidationError(problems)
        return self.service.add_term(
            self.name.text(),
            dates["starts_on"],  # type: ignore[arg-type]
            dates["ends_on"],  # type: ignore[arg-type]
        )
