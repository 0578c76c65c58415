"""Members: the register with its counts, a find box and filters; opening a
member's profile; adding a member; the committee; the list in Excel (import
and export)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.data.enums import CURRENT_STATUSES, CommitteePostKind, MemberStatus, Sex
from desktop.i18n import N_, _, format_date
from desktop.services.committee import CommitteeService
from desktop.services.labels import enum_label
from desktop.services.members import MemberRow, MemberService
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import (
    Column,
    DataTable,
    EmptyState,
    FlowLayout,
    RowsModel,
    RowsProxy,
    label,
)

if TYPE_CHECKING:
    from desktop.services.member_import import ImportResult

COUNTED_STATUSES = (
    MemberStatus.FULL,
    MemberStatus.PROBATIONARY,
    MemberStatus.EXEMPT,
    MemberStatus.ATTACHED,
    MemberStatus.AWAY,
)
PAST_STATUSES = frozenset(MemberStatus) - CURRENT_STATUSES
POST_ORDER = {kind: index for index, kind in enumerate(CommitteePostKind)}

# Filter choices: (label, value); the first of each is "no filter".
CURRENT, PAST, EVERYONE = "current", "past", "everyone"
ANY, HOLDS_POST, NO_POST = "any", "holds_post", "no_post"
AGE_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("under_30", None, 29),
    ("30_45", 30, 45),
    ("46_60", 46, 60),
    ("over_60", 61, None),
)
NO_BIRTH_DATE = "no_birth_date"


@dataclass(frozen=True)
class RegisterRow:
    """A member as the register shows them: their row and their posts today."""

    member: MemberRow
    posts: tuple[CommitteePostKind, ...]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.member, name)


def age_on(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _date_key(value: date | None) -> str:
    return value.isoformat() if value else ""


def _posts_text(row: RegisterRow) -> str:
    return ", ".join(enum_label(post) for post in row.posts)


def member_columns() -> tuple[Column, ...]:
    return (
        Column(N_("Full name"), lambda r: r.full_name, lambda r: r.sort_key),
        Column(N_("Sex"), lambda r: enum_label(r.sex)),
        Column(
            N_("Date of birth"),
            lambda r: format_date(r.date_of_birth),
            lambda r: _date_key(r.date_of_birth),
        ),
        Column(
            N_("Status"),
            lambda r: enum_label(r.status),
            lambda r: list(MemberStatus).index(r.status),
        ),
        Column(
            N_("Committee post"),
            _posts_text,
            lambda r: min((POST_ORDER[p] for p in r.posts), default=len(POST_ORDER)),
        ),
        Column(N_("Party card number"), lambda r: r.card_number),
        Column(N_("Phone"), lambda r: r.phone),
    )


def member_search_text(row: RegisterRow) -> str:
    return " ".join((row.full_name, row.card_number, row.phone, row.phone.replace(" ", "")))


class MemberFilter:
    """The filters of the register, as plain values (tested without widgets)."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.status: str = CURRENT  # CURRENT, PAST, EVERYONE or a MemberStatus value
        self.post: str = ANY  # ANY, HOLDS_POST, NO_POST or a CommitteePostKind value
        self.sex: str = ANY
        self.age: str = ANY  # ANY, NO_BIRTH_DATE or an AGE_BANDS key

    @property
    def active(self) -> bool:
        return (self.status, self.post, self.sex, self.age) != (CURRENT, ANY, ANY, ANY)

    def accepts(self, row: RegisterRow) -> bool:
        return (
            self._status_ok(row.status)
            and self._post_ok(row.posts)
            and (self.sex == ANY or row.sex == self.sex)
            and self._age_ok(row.date_of_birth)
        )

    def _status_ok(self, status: MemberStatus) -> bool:
        if self.status == CURRENT:
            return status in CURRENT_STATUSES
        if self.status == PAST:
            return status in PAST_STATUSES
        return self.status == EVERYONE or status == self.status

    def _post_ok(self, posts: tuple[CommitteePostKind, ...]) -> bool:
        if self.post == ANY:
            return True
        if self.post == HOLDS_POST:
            return bool(posts)
        if self.post == NO_POST:
            return not posts
        return self.post in posts

    def _age_ok(self, born: date | None) -> bool:
        if self.age == ANY:
            return True
        age = age_on(born, self.today)
        if self.age == NO_BIRTH_DATE:
            return age is None
        if age is None:
            return False
        _key, low, high = next(band for band in AGE_BANDS if band[0] == self.age)
        return (low is None or age >= low) and (high is None or age <= high)


class MemberProxy(RowsProxy):
    """Find-as-you-type plus the register's filters."""

    def __init__(self, source: RowsModel, member_filter: MemberFilter) -> None:
        super().__init__(source)
        self.member_filter = member_filter

    def refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(RowsProxy.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802 (Qt API)
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowsModel)
        if not self.member_filter.accepts(model.row_at(source_row)):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


def _status_choices() -> list[tuple[str, str]]:
    return [
        (_("All current members"), CURRENT),
        *[(enum_label(status), status.value) for status in COUNTED_STATUSES],
        (_("Past members"), PAST),
        (_("Everyone"), EVERYONE),
    ]


def _post_choices() -> list[tuple[str, str]]:
    return [
        (_("Any post or none"), ANY),
        (_("Any committee post"), HOLDS_POST),
        *[(enum_label(kind), kind.value) for kind in CommitteePostKind],
        (_("No committee post"), NO_POST),
    ]


def _sex_choices() -> list[tuple[str, str]]:
    return [(_("Both"), ANY), *[(enum_label(sex), sex.value) for sex in Sex]]


def _age_choices() -> list[tuple[str, str]]:
    names = {
        "under_30": _("Under 30"),
        "30_45": _("30 to 45"),
        "46_60": _("46 to 60"),
        "over_60": _("Over 60"),
    }
    return [
        (_("All ages"), ANY),
        *[(names[key], key) for key, _low, _high in AGE_BANDS],
        (_("Date of birth not entered"), NO_BIRTH_DATE),
    ]


def _add_beside(empty: EmptyState, button: QPushButton) -> None:
    """A second, plainer button beside the empty state's main one."""
    layout = empty.layout()
    assert isinstance(layout, QVBoxLayout)
    main = empty.button
    for position in range(layout.count()):
        item = layout.itemAt(position)
        row = item.layout() if item is not None else None
        if isinstance(row, QHBoxLayout) and main is not None and row.indexOf(main) >= 0:
            row.insertWidget(row.indexOf(main) + 1, button)
            return
    layout.addWidget(button)


class MembersPage(Page):
    key = "members"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, _("Members"))
        self.today = host.today()
        self.service = MemberService(self.book, self.today)
        self.committee = CommitteeService(self.book, self.today)
        self.dialog: QWidget | None = None
        self.committee_button = QPushButton(_("Committee…"))
        self.committee_button.clicked.connect(lambda _checked=False: self.open_committee())
        self.header.addWidget(self.committee_button)
        self.add_action(_("Add member…"), self.add_member)

        self.open_button = QPushButton(_("Open profile…"))
        self.open_button.clicked.connect(lambda _checked=False: self.open_selected())
        self.header.insertWidget(self.header.count() - 2, self.open_button)
        # The list in Excel: one button with a menu (the header is full at large text).
        self.excel_button = QPushButton(_("Excel"))
        self.excel_button.setToolTip(_("Import members from an Excel list, or export the list"))
        excel_menu = QMenu(self.excel_button)
        self.import_action = excel_menu.addAction(_("&Import from Excel…"))
        self.import_action.triggered.connect(lambda _checked=False: self.import_members())
        self.export_action = excel_menu.addAction(_("&Export to Excel…"))
        self.export_action.triggered.connect(lambda _checked=False: self.export_members())
        self.excel_button.setMenu(excel_menu)
        self.header.insertWidget(self.header.count() - 1, self.excel_button)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.counts = label("", wrap=True)
        layout.addWidget(self.counts)

        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(_("Find by name, card number or phone"))
        self.filter.setAccessibleName(_("Find a member"))
        self.filter.textChanged.connect(self._filter_changed)
        metrics = self.filter.fontMetrics()
        self.filter.setMinimumWidth(
            metrics.horizontalAdvance(self.filter.placeholderText()) + metrics.height() * 3
        )
        self.member_filter = MemberFilter(self.today)
        filters = QWidget()
        flow = FlowLayout(filters, spacing=12)
        flow.addWidget(self.filter)
        self.status_filter = self._filter_box(flow, _("&Status:"), _status_choices(), "status")
        self.status_filter.setItemData(
            self.status_filter.findData(PAST),
            _("Transferred out, deceased or removed"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.post_filter = self._filter_box(flow, _("&Post:"), _post_choices(), "post")
        self.sex_filter = self._filter_box(flow, _("S&ex:"), _sex_choices(), "sex")
        self.age_filter = self._filter_box(flow, _("&Age:"), _age_choices(), "age")
        self.clear_button = QPushButton(_("Clear filters"))
        self.clear_button.clicked.connect(lambda _checked=False: self.clear_filters())
        flow.addWidget(self.clear_button)
        layout.addWidget(filters)

        self.model = RowsModel(member_columns(), search_text=member_search_text)
        self.proxy = MemberProxy(self.model, self.member_filter)
        self.table = DataTable()
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAccessibleName(_("Members"))
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_open_button()
        )
        # When the find box and filters leave nobody: say so where the rows were.
        self.nothing = EmptyState("", _("Clear filters"), self.clear_filters)
        self.no_match = self.nothing.message
        self.results = QStackedWidget()
        self.results.addWidget(self.table)
        self.results.addWidget(self.nothing)
        layout.addWidget(self.results, 1)
        bottom = QHBoxLayout()
        self.hint = label(
            _("Press Enter or double-click a member to open their profile."), "muted", wrap=True
        )
        bottom.addWidget(self.hint, 1)
        self.showing = label("", "muted")
        bottom.addWidget(self.showing)
        layout.addLayout(bottom)

        empty = EmptyState(
            _("No members yet. Add the first member, or import the list you have in Excel."),
            _("Add member…"),
            self.add_member,
        )
        self.empty_import_button = QPushButton(_("Import from Excel…"))
        self.empty_import_button.clicked.connect(lambda _checked=False: self.import_members())
        _add_beside(empty, self.empty_import_button)
        self.set_content(content, empty)
        self.setTabOrder(self.filter, self.status_filter)
        self.setTabOrder(self.status_filter, self.post_filter)
        self.setTabOrder(self.post_filter, self.sex_filter)
        self.setTabOrder(self.sex_filter, self.age_filter)
        self.setTabOrder(self.age_filter, self.clear_button)
        self.setTabOrder(self.clear_button, self.table)

    def _filter_box(
        self, flow: FlowLayout, caption: str, choices: list[tuple[str, str]], name: str
    ) -> QComboBox:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        text = label(caption)
        row.addWidget(text)
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for title, value in choices:
            combo.addItem(title, value)
        text.setBuddy(combo)
        combo.currentIndexChanged.connect(
            lambda _index, name=name, combo=combo: self._set_filter(name, combo.currentData())
        )
        row.addWidget(combo)
        flow.addWidget(box)
        return combo

    # --- reading the book -----------------------------------------------------------

    def load(self) -> None:
        posts = self.committee.current_posts_by_member()
        rows = [
            RegisterRow(row, tuple(sorted(posts.get(row.id, ()), key=POST_ORDER.__getitem__)))
            for row in self.service.rows(include_past=True)
        ]
        self.model.set_rows(rows)
        counts = self.service.counts_by_status()
        current = sum(counts.get(status, 0) for status in COUNTED_STATUSES)
        parts = [f"{enum_label(status)}: {counts.get(status, 0)}" for status in COUNTED_STATUSES]
        self.counts.setText(
            _("{count} members now.").format(count=current) + "  " + " · ".join(parts)
        )
        self.show_empty(not counts)  # nobody at all, not even past members
        self.table.fit_columns()
        self._after_filtering()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    # --- filters ----------------------------------------------------------------------

    def _set_filter(self, name: str, value: str) -> None:
        setattr(self.member_filter, name, value)
        self.proxy.refilter()
        self._after_filtering()

    def set_filters(
        self,
        *,
        status: str | None = None,
        post: str | None = None,
        sex: str | None = None,
        age: str | None = None,
    ) -> None:
        """Choose filters as a person would in the boxes (values as in `MemberFilter`)."""
        for combo, value in (
            (self.status_filter, status),
            (self.post_filter, post),
            (self.sex_filter, sex),
            (self.age_filter, age),
        ):
            if value is not None:
                combo.setCurrentIndex(combo.findData(value))

    def clear_filters(self) -> None:
        self.filter.clear()
        for combo in (self.status_filter, self.post_filter, self.sex_filter, self.age_filter):
            combo.setCurrentIndex(0)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._after_filtering()
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _after_filtering(self) -> None:
        text = self.filter.text().strip()
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        filtered = bool(text) or self.member_filter.active
        nothing = filtered and shown == 0
        if nothing and text and self.member_filter.active:
            message = _("No member matches “{text}” with these filters.").format(text=text)
        elif nothing and text:
            message = _("No member matches “{text}”.").format(text=text)
        elif nothing:
            message = _("No member matches these filters.")
        else:
            message = ""
        self.no_match.setText(message)
        self.results.setCurrentWidget(self.nothing if nothing else self.table)
        self.hint.setVisible(not nothing)
        if not nothing:
            current = self.table.currentIndex()
            if current.isValid():
                self.table.scrollTo(current)
            else:
                self.table.scrollToTop()
        self.clear_button.setEnabled(filtered)
        self.showing.setText(
            _("Showing {shown} of {total}.").format(shown=shown, total=total) if filtered else ""
        )
        self._update_open_button()

    def _update_open_button(self) -> None:
        self.open_button.setEnabled(self.table.currentIndex().isValid())

    # --- selection ------------------------------------------------------------------

    def select_member(self, member_id: str) -> bool:
        """Show and select one member (clearing filters if they hide them)."""
        if not self.loaded:
            self.refresh()
        for attempt in range(2):
            for row, item in enumerate(self.model.rows()):
                if item.id != member_id:
                    continue
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if not index.isValid():
                    break
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                self.table.setFocus()
                return True
            if attempt == 0:
                self.clear_filters()
                self.set_filters(status=EVERYONE)
        return False

    def selected_member(self) -> MemberRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: RegisterRow = self.model.row_at(self.proxy.mapToSource(index).row())
        return row.member

    # --- dialogs ----------------------------------------------------------------------

    def _show_dialog(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def add_member(self) -> QWidget:
        from desktop.ui.member_profile import MemberProfileDialog

        dialog = MemberProfileDialog(self.book, self.today, None, self)
        dialog.accepted.connect(lambda: self._member_added(dialog.saved_id))
        return self._show_dialog(dialog)

    def _member_added(self, member_id: str | None) -> None:
        self.refresh()
        if member_id:
            self.select_member(member_id)
        self.host.show_status(_("Member added."))

    def open_selected(self) -> QWidget | None:
        member = self.selected_member()
        return self.open_profile(member.id) if member else None

    def open_profile(self, member_id: str) -> QWidget:
        from desktop.ui.member_profile import MemberProfileDialog

        dialog = MemberProfileDialog(self.book, self.today, member_id, self)
        dialog.changed.connect(lambda: self._member_changed(member_id))
        dialog.accepted.connect(lambda: self.host.show_status(_("Changes saved.")))
        return self._show_dialog(dialog)

    def _member_changed(self, member_id: str) -> None:
        self.refresh()
        self._reselect(member_id)

    def _reselect(self, member_id: str) -> None:
        """Keep the member selected if the filters still show them."""
        for row, item in enumerate(self.model.rows()):
            if item.id == member_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.table.selectRow(index.row())
                    self.table.scrollTo(index)

    def import_members(self) -> QWidget:
        from desktop.ui.import_wizard import MemberImportWizard

        wizard = MemberImportWizard(self.book, self.today, self)
        wizard.imported.connect(self._members_imported)
        return self._show_dialog(wizard)

    def _members_imported(self, result: ImportResult) -> None:
        self.refresh()
        first = next(iter(result.added), None) or next(iter(result.updated), None)
        if first:
            self.select_member(first)
        self.host.show_status(
            _("Import done: {added} added, {updated} updated.").format(
                added=len(result.added), updated=len(result.updated)
            )
        )

    def export_members(self) -> QWidget:
        from desktop.ui.import_wizard import ExportMembersDialog

        dialog = ExportMembersDialog(self.book, self.today, self)
        dialog.accepted.connect(lambda: self._members_exported(dialog.saved, dialog.count))
        return self._show_dialog(dialog)

    def _members_exported(self, path: Path | None, count: int) -> None:
        from desktop.ui.import_wizard import exported_message

        if path is None:
            return
        self.host.show_status(_("List saved: {path}").format(path=path))
        self._show_dialog(exported_message(self, path, count))

    def open_committee(self) -> QWidget:
        from desktop.ui.dialogs.committee import CommitteeDialog

        dialog = CommitteeDialog(self.book, self.today, self)
        dialog.finished.connect(lambda _result: self.refresh() if dialog.changed else None)
        return self._show_dialog(dialog)
