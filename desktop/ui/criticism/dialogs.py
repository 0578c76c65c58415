"""Recording criticism, adding and editing a shortcoming, and following one up."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.data.enums import ShortcomingStatus
from desktop.i18n import _, format_date
from desktop.services.criticism import CriticismService, NewShortcoming
from desktop.services.labels import enum_label
from desktop.services.meetings import MeetingRow
from desktop.services.members import MemberRow
from desktop.services.reviews import ShortcomingRow
from desktop.services.validation import FieldError, ValidationError, Validator
from desktop.ui.criticism.common import WhoBox, text_box, whose, with_hint
from desktop.ui.dialogs.base import FormDialog
from desktop.ui.qt.widgets import QCheckBox, QComboBox, QLineEdit, QVBoxLayout, QWidget
from desktop.ui.widgets import DateField, label

SOMEONE_ELSE = "someone-else"


def _required(field: str, caption: str) -> FieldError:
    return FieldError(field, _("{field}: please fill this in.").format(field=caption))


class GivenByField(QWidget):
    """Who gave the criticism: a member, or someone else named in full
    (a guest, an official of the commune)."""

    def __init__(self, members: Sequence[MemberRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.choice = QComboBox()
        self.choice.addItem(_("(choose who spoke)"), None)
        for member in members:
            self.choice.addItem(member.full_name, member.id)
        self.choice.addItem(_("Someone not in the cell (a guest, the commune)…"), SOMEONE_ELSE)
        column.addWidget(self.choice)
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.name.setPlaceholderText(
            _("Their name and post, for example Phạm Văn Dũng, Đảng ủy viên")
        )
        self.name.setAccessibleName(_("Name of who spoke"))
        column.addWidget(self.name)
        self.name.hide()
        self.setFocusProxy(self.choice)
        self.choice.currentIndexChanged.connect(lambda _index: self._chosen())

    def _chosen(self) -> None:
        other = self.choice.currentData() == SOMEONE_ELSE
        self.name.setVisible(other)
        if other:
            self.name.setFocus()

    def choose_member(self, member_id: str) -> None:
        self.choice.setCurrentIndex(max(0, self.choice.findData(member_id)))

    def choose_someone_else(self, name: str) -> None:
        self.choice.setCurrentIndex(self.choice.findData(SOMEONE_ELSE))
        self.name.setText(name)

    def member_id(self) -> str | None:
        value = self.choice.currentData()
        return None if value in (None, SOMEONE_ELSE) else str(value)

    def other_name(self) -> str:
        return self.name.text() if self.choice.currentData() == SOMEONE_ELSE else ""


class CriticismDialog(FormDialog):
    """Criticism or self-criticism given at a meeting (or elsewhere), about a
    member or about the cell, and, if it names one, a shortcoming to follow up."""

    def __init__(
        self,
        service: CriticismService,
        members: Sequence[MemberRow],
        meetings: Sequence[MeetingRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent,
            _("Record criticism"),
            _(
                "When a member speaks about their own shortcomings it is recorded as "
                "self-criticism."
            ),
        )
        self.service = service
        today = service.today
        self.meeting = QComboBox()
        # As wide as the form, whatever the length of the meetings' titles.
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.setMinimumContentsLength(24)
        self.meeting.addItem(_("(not at a meeting)"), None)
        self._meeting_dates: dict[str, date] = {}
        for meeting in meetings:
            if meeting.scheduled_on > today:
                continue
            self.meeting.addItem(
                f"{format_date(meeting.scheduled_on)} – {meeting.display_title}", meeting.id
            )
            self._meeting_dates[meeting.id] = meeting.scheduled_on
        self.form.add_field("meeting", self.meeting, _("At the meeting"))
        self.given_on = DateField(today)
        self.form.add_field("given_on", self.given_on)
        self.by = GivenByField(members)
        self.form.add_field("by_member", self.by, _("Given by"))
        self.about = WhoBox(members, cell_text=_("The cell as a whole"))
        self.kind_hint = label("", "muted", wrap=True)
        self.form.add_field("about_member", with_hint(self.about, self.kind_hint), _("About whom"))
        self.content = text_box(5)
        self.form.add_field("content", self.content, _("What was said"))
        self.with_shortcoming = QCheckBox(_("Also note a &shortcoming to follow up"))
        self.form.addRow("", self.with_shortcoming)
        self.shortcoming = text_box(2)
        self.form.add_field("shortcoming", self.shortcoming, _("Shortcoming to fix"))
        self.remedy = text_box(2)
        self.form.add_field("remedy", self.remedy, _("Remedy"))
        self.deadline = DateField()
        self.form.add_field("deadline", self.deadline, _("Fix by"))
        self.finish_form()
        self.meeting.currentIndexChanged.connect(lambda _index: self._meeting_chosen())
        self.by.choice.currentIndexChanged.connect(lambda _index: self._show_kind())
        self.about.currentIndexChanged.connect(lambda _index: self._show_kind())
        self.with_shortcoming.toggled.connect(lambda _on: self._show_shortcoming())
        self._show_kind()
        self._show_shortcoming()
        self.meeting.setFocus()

    def _meeting_chosen(self) -> None:
        held = self._meeting_dates.get(self.meeting.currentData() or "")
        if held is not None:
            self.given_on.set_date(held)

    def _show_kind(self) -> None:
        by, about = self.by.member_id(), self.about.member_id()
        if by is not None and by == about:
            text = _("Self-criticism: the member speaks about themself.")
        elif about is None:
            text = _("Criticism of the cell's work as a whole.")
        else:
            text = _("Criticism of a member.")
        self.kind_hint.setText(text)

    def _show_shortcoming(self) -> None:
        shown = self.with_shortcoming.isChecked()
        for name in ("shortcoming", "remedy", "deadline"):
            self.form.set_field_visible(name, shown)
        if shown:
            self.shortcoming.setFocus()
        self._make_room()

    def save(self) -> str:
        dates, problems = self.dates(given_on=self.given_on, deadline=self.deadline)
        given_on, deadline = dates.get("given_on"), dates.get("deadline")
        check = Validator()
        if "given_on" in dates and given_on is None:
            check.required("given_on", None)
        if self.by.choice.currentData() is None:
            check.add("by_member", _("Given by: choose who spoke."))
        elif self.by.member_id() is None and not self.by.other_name().strip():
            check.add("by_member", _("Given by: write the name of who spoke."))
        if self.with_shortcoming.isChecked():
            if not self.shortcoming.toPlainText().strip():
                problems.append(_required("shortcoming", _("Shortcoming to fix")))
            if isinstance(deadline, date) and isinstance(given_on, date):
                check.not_before("deadline", deadline, "given_on", given_on)
        problems = [*problems, *check.errors]
        if not self.content.toPlainText().strip():
            problems.append(_required("content", _("What was said")))
        if problems:
            raise self.form.in_captions(ValidationError(problems))
        assert isinstance(given_on, date)
        shortcoming = None
        if self.with_shortcoming.isChecked():
            shortcoming = NewShortcoming(
                self.shortcoming.toPlainText(),
                remedy=self.remedy.toPlainText(),
                deadline=deadline if isinstance(deadline, date) else None,
            )
        try:
            criticism_id = self.service.record(
                self.content.toPlainText(),
                given_on=given_on,
                about_member_id=self.about.member_id(),
                by_member_id=self.by.member_id(),
                by_name=self.by.other_name(),
                meeting_id=self.meeting.currentData(),
                shortcoming=shortcoming,
            )
        except ValidationError as error:
            raise self.form.in_captions(error) from error
        return criticism_id


class ShortcomingDialog(FormDialog):
    """A shortcoming to follow up (of a member or of the cell); with `row`,
    editing its words, remedy and deadline."""

    def __init__(
        self,
        service: CriticismService,
        members: Sequence[MemberRow],
        row: ShortcomingRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = _("Add a shortcoming") if row is None else _("Change the shortcoming")
        super().__init__(parent, title)
        self.service = service
        self.row = row
        self.whose = WhoBox(members, cell_text=_("The cell as a whole"))
        self.raised_on = DateField(service.today)
        if row is None:
            self.form.add_field("member", self.whose, _("Whose"))
            self.form.add_field("raised_on", self.raised_on, _("Noted on"))
        else:
            self.form.addRow(
                _("Whose"),
                label(
                    whose(row.member_name)
                    + " · "
                    + _("noted on {date}").format(date=format_date(row.raised_on)),
                    wrap=True,
                ),
            )
        self.content = text_box(3)
        self.form.add_field("content", self.content, _("Shortcoming"))
        self.remedy = text_box(3)
        self.form.add_field("remedy", self.remedy, _("Remedy"))
        self.deadline = DateField()
        self.form.add_field("deadline", self.deadline, _("Fix by"))
        if row is not None:
            self.content.setPlainText(row.content)
            self.remedy.setPlainText(row.remedy)
            self.deadline.set_date(row.deadline)
        self.finish_form()
        (self.whose if row is None else self.content).setFocus()

    def save(self) -> str:
        dates, problems = self.dates(raised_on=self.raised_on, deadline=self.deadline)
        if self.row is None and "raised_on" in dates and dates["raised_on"] is None:
            problems.append(_required("raised_on", _("Noted on")))
        if not self.content.toPlainText().strip():
            problems.append(_required("content", _("Shortcoming")))
        if problems:
            raise self.form.in_captions(ValidationError(problems))
        deadline = dates.get("deadline")
        assert deadline is None or isinstance(deadline, date)
        try:
            if self.row is not None:
                self.service.update_shortcoming(
                    self.row.id,
                    content=self.content.toPlainText(),
                    remedy=self.remedy.toPlainText(),
                    deadline=deadline,
                )
                return self.row.id
            raised_on = dates["raised_on"]
            assert isinstance(raised_on, date)
            return self.service.add_shortcoming(
                self.content.toPlainText(),
                member_id=self.whose.member_id(),
                raised_on=raised_on,
                remedy=self.remedy.toPlainText(),
                deadline=deadline,
            )
        except ValidationError as error:
            raise self.form.in_captions(error) from error


class FollowUpDialog(FormDialog):
    """How fixing a shortcoming is going: its status, what was done, when."""

    def __init__(
        self,
        service: CriticismService,
        row: ShortcomingRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, _("Follow up the shortcoming"))
        self.service = service
        self.row = row
        about = whose(row.member_name)
        quoted = label(f"{about}: {row.content}", wrap=True)
        quoted.setMaximumHeight(quoted.fontMetrics().height() * 4 + 8)
        self.form.addRow(quoted)
        if row.remedy or row.deadline:
            plan = row.remedy
            if row.deadline:
                plan = (plan + " · " if plan else "") + _("fix by {date}").format(
                    date=format_date(row.deadline)
                )
            self.form.addRow(label(_("Remedy: {plan}").format(plan=plan), "muted", wrap=True))
        self.status = QComboBox()
        for status in ShortcomingStatus:
            self.status.addItem(enum_label(status), status)
        start = row.status if row.status is not ShortcomingStatus.OPEN else ShortcomingStatus.FIXING
        self.status.setCurrentIndex(self.status.findData(start))
        self.form.add_field("status", self.status, _("Status"))
        self.note = text_box(3)
        self.note.setPlainText(row.follow_up)
        self.hint = label(
            _("Say what was done when the shortcoming is fixed or found not fixed."),
            "muted",
            wrap=True,
        )
        self.form.add_field("follow_up", with_hint(self.note, self.hint), _("What was done"))
        self.followed_up_on = DateField(service.today)
        self.form.add_field("followed_up_on", self.followed_up_on, _("Followed up on"))
        self.finish_form()
        self.status.setFocus()

    def save(self) -> str:
        dates, problems = self.dates(followed_up_on=self.followed_up_on)
        if problems:
            raise self.form.in_captions(ValidationError(problems))
        on = dates.get("followed_up_on")
        assert on is None or isinstance(on, date)
        try:
            self.service.follow_up(
                self.row.id,
                ShortcomingStatus(self.status.currentData()),
                self.note.toPlainText(),
                on,
            )
        except ValidationError as error:
            raise self.form.in_captions(error) from error
        return self.row.id
