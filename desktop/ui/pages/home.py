"""Home: the cell at a glance, and what to do next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from desktop.data.enums import MeetingKind, MemberStatus
from desktop.data.errors import BookFileError
from desktop.i18n import _, format_date, ngettext
from desktop.rules import RuleSet
from desktop.services.labels import enum_label
from desktop.services.overview import BookOverview, OverviewMeeting, read_overview
from desktop.services.schedule import next_meeting_for
from desktop.ui.pages.base import Page, PageHost
from desktop.ui.qt.core import Qt, Signal
from desktop.ui.qt.gui import QKeyEvent, QMouseEvent
from desktop.ui.qt.widgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.texts import grade_label, meeting_day_text, score_text, weekday
from desktop.ui.theme import set_role
from desktop.ui.widgets import label, primary_button

if TYPE_CHECKING:
    # Only for type checkers: the module loads the ORM, which the first paint must not.
    from desktop.services.reminders import Reminder


class Card(QFrame):
    def __init__(self, heading: str) -> None:
        super().__init__()
        set_role(self, "card")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 12, 16, 12)
        self.heading = label(heading, "heading")
        self.layout_.addWidget(self.heading)
        self.layout_.addStretch(1)  # lines stay at the top when cards share a row
        self.lines: list[QWidget] = []

    def set_lines(self, lines: list[tuple[str, str | None]]) -> None:
        for widget in self.lines:
            self.layout_.removeWidget(widget)
            widget.hide()  # deleted later: never painted over the new lines meanwhile
            widget.deleteLater()
        self.lines = []
        for text, role in lines:
            line = label(text, role, wrap=True)
            self.layout_.insertWidget(self.layout_.count() - 1, line)
            self.lines.append(line)

    def texts(self) -> list[str]:
        return [widget.text() for widget in self.lines if hasattr(widget, "text")]


MEETING_TARGET = "meeting:"  # what a meeting reminder opens: "meeting:<id>" or "meeting:"
REVIEWS_TARGET = "reviews:"  # what a review reminder opens: the Evaluations page


class ReminderLine(QLabel):
    """One reminder: a line that opens the member on a click, Enter or Space."""

    activated = Signal(str)

    def __init__(self, text: str, member_id: str, urgent: bool) -> None:
        super().__init__(text)
        self.member_id = member_id
        self.urgent = urgent
        if urgent:
            set_role(self, "error")
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(text)
        self.setAccessibleDescription(_("Press Enter to open the member's profile."))
        self.setToolTip(_("Open the member's profile"))
        self.setStyleSheet(
            "ReminderLine { padding: 3px 4px; border: 1px solid transparent; border-radius: 4px; }"
            "ReminderLine:hover { background: #f0f6fc; }"
            "ReminderLine:focus { background: #e8f2fb; border: 1px solid #4a90d9; }"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.member_id)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.member_id)
            return
        super().mouseReleaseEvent(event)


def reminder_text(reminder: Reminder) -> str:
    """ "20/07/2026 · The probation of Trần Thị Bình ends on …" """
    # The message already names the member.
    return " · ".join((format_date(reminder.due_on), reminder.message))


class RemindersCard(Card):
    """What needs attention, urgent first. It is filled once the full book is
    open (the first paint does not wait for it). Only the first few are shown
    until "Show all" is pressed, so the other cards stay in view."""

    SHOWN = 4

    def __init__(self, on_member: object) -> None:
        super().__init__(_("Reminders"))
        self._on_member = on_member
        self.found: list[Reminder] = []
        self.reminder_lines: list[ReminderLine] = []
        self.expanded = False
        self.more_button = QPushButton()
        self.more_button.clicked.connect(lambda _checked=False: self.toggle())
        self.more_button.hide()
        more_row = QHBoxLayout()
        more_row.addWidget(self.more_button)
        more_row.addStretch(1)
        self.layout_.insertLayout(self.layout_.count() - 1, more_row)
        self.set_lines([(_("Looking for what needs attention…"), "muted")])

    def set_lines(self, lines: list[tuple[str, str | None]]) -> None:
        super().set_lines(lines)
        # Lines go above the "Show all" button.
        for line in self.lines:
            self.layout_.removeWidget(line)
        for position, line in enumerate(self.lines, start=1):
            self.layout_.insertWidget(position, line)

    def set_reminders(self, found: Sequence[Reminder]) -> None:
        self.found = list(found)
        self._draw()

    def toggle(self) -> None:
        self.expanded = not self.expanded
        self._draw()
        if self.reminder_lines:
            self.more_button.setFocus()

    def _draw(self) -> None:
        found = self.found
        self.reminder_lines = []
        if not found:
            self.set_lines([(_("Nothing needs attention."), "muted")])
            self.more_button.hide()
            return
        self.set_lines([])
        shown = found if self.expanded else found[: self.SHOWN]
        for position, reminder in enumerate(shown, start=1):
            if reminder.about_reviews:
                target = REVIEWS_TARGET
            else:
                target = reminder.member_id or MEETING_TARGET + (reminder.meeting_id or "")
            line = ReminderLine(reminder_text(reminder), target, reminder.urgent)
            if reminder.about_meeting:
                line.setToolTip(_("Open the meeting, or the year plan"))
                line.setAccessibleDescription(_("Press Enter to open the meeting."))
            line.activated.connect(self._on_member)
            self.layout_.insertWidget(position, line)
            self.reminder_lines.append(line)
        self.lines = list(self.reminder_lines)
        hidden = len(found) - len(shown)
        if hidden:
            self.more_button.setText(
                ngettext(
                    "Show all {count} reminders ({hidden} more)",
                    "Show all {count} reminders ({hidden} more)",
                    hidden,
                ).format(count=len(found), hidden=hidden)
            )
        else:
            self.more_button.setText(_("Show fewer"))
        self.more_button.setVisible(len(found) > self.SHOWN)


class HomePage(Page):
    key = "home"

    def __init__(self, host: PageHost) -> None:
        super().__init__(host, "")
        self.subtitle = label("", "big", wrap=True)
        self.header.insertWidget(1, self.subtitle)
        self._action_kind = "member"

        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setSpacing(12)
        # The one thing to do next, first on the page.
        self.next_step_box = QFrame()
        set_role(self.next_step_box, "banner")
        banner = QHBoxLayout(self.next_step_box)
        banner.setContentsMargins(16, 10, 16, 10)
        self.next_step = label("", "big", wrap=True)
        banner.addWidget(self.next_step, 1)
        self.action = primary_button(_("Add the first member…"), self._main_action)
        banner.addWidget(self.action)
        grid.addWidget(self.next_step_box, 0, 0, 1, 2)
        self.reminders = RemindersCard(self.open_member)
        self.next_meeting = Card(_("Next regular meeting"))
        self.members = Card(_("Members"))
        self.meetings = Card(_("Latest meetings"))
        self.recommendations = Card(_("Recommendations"))
        grid.addWidget(self.reminders, 1, 0, 1, 2)
        grid.addWidget(self.next_meeting, 2, 0)
        grid.addWidget(self.members, 2, 1)
        grid.addWidget(self.meetings, 3, 0)
        grid.addWidget(self.recommendations, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        scroll = QScrollArea()
        scroll.setWidget(grid_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.set_content(scroll)

    # --- data -------------------------------------------------------------

    def load(self) -> None:
        """Read from the file directly (see `desktop.services.overview`), so the
        home page can be drawn before the full book is open."""
        today = self.host.today()
        overview = read_overview(self.host.book_path, today)
        self.title_label.setText(overview.name)
        self.subtitle.setText(overview.commune)
        regular = self._show_next_meeting(overview.rules, overview.meeting_day, today)
        members = self._show_members(overview.members_by_status)
        self._show_meetings(overview.rules, overview.latest_meetings)
        self._show_recommendations(overview)
        planned = overview.planned_meetings
        if not members:
            self._action_kind = "member"
            step = _("Next step: add the members of the cell.")
            text = _("Add the first member…")
        elif planned:
            self._action_kind = "meetings"
            step = _("Next step: prepare the meeting of {date}.").format(
                date=format_date(min(row.scheduled_on for row in planned))
            )
            text = _("Go to meetings")
        else:
            self._action_kind = "meeting"
            step = _("Next step: plan the meeting of {date}.").format(date=format_date(regular))
            text = _("Plan the next meeting…")
        self.next_step.setText(step)
        self.action.setText(text)
        self.show_empty(False)
        handle = getattr(self.host, "handle", None)
        if handle is None or handle.is_open:
            self.show_reminders()

    # --- reminders (once the full book is open) -------------------------------------

    def book_opened(self) -> None:
        """The main window opened the full book: the reminders can be read now."""
        if self.loaded:
            self.show_reminders()

    def show_reminders(self) -> None:
        from desktop.services.reminders import everything_due

        try:
            found = everything_due(self.host.book, self.host.today())
        except BookFileError as error:
            self.reminders.set_lines([(error.message, "error")])
            return
        self.reminders.set_reminders(found)

    def open_member(self, member_id: str) -> None:
        """Select the member in Members and open their profile (or, for a meeting
        reminder, open the meeting or the year plan)."""
        if member_id == REVIEWS_TARGET:
            self.host.go_to("evaluations")
            return
        if member_id.startswith(MEETING_TARGET):
            meeting_id = member_id[len(MEETING_TARGET) :]
            if meeting_id:
                self.host.open_meeting(meeting_id)
            else:
                page = self.host.go_to("meetings")
                show_plan = getattr(page, "show_plan", None)
                if callable(show_plan):
                    show_plan()
            return
        self.host.show_member(member_id)
        page = getattr(self.host, "pages", {}).get("members")
        if page is not None and page.selected_member() is not None:
            if page.selected_member().id == member_id:
                page.open_profile(member_id)

    def _show_next_meeting(self, rules: RuleSet, meeting_day: int, today: date) -> date:
        upcoming = next_meeting_for(rules, meeting_day, today)
        lines: list[tuple[str, str | None]] = [
            (f"{weekday(upcoming.on)}, {format_date(upcoming.on)}", "big"),
            (meeting_day_text(meeting_day), "muted"),
        ]
        if upcoming.moved_from is not None:
            lines.append(
                (
                    _("Moved from {date} ({holiday}).").format(
                        date=format_date(upcoming.moved_from), holiday=upcoming.holiday
                    ),
                    "muted",
                )
            )
        self.next_meeting.set_lines(lines)
        return upcoming.on

    def _show_members(self, counts: Counter[MemberStatus]) -> int:
        shown = (
            MemberStatus.FULL,
            MemberStatus.PROBATIONARY,
            MemberStatus.EXEMPT,
            MemberStatus.ATTACHED,
            MemberStatus.AWAY,
        )
        current = sum(counts.get(status, 0) for status in shown)
        if not current:
            self.members.set_lines([(_("No members yet."), "muted")])
            return 0
        lines: list[tuple[str, str | None]] = [
            (f"{enum_label(status)}: {counts.get(status, 0)}", None) for status in shown
        ]
        counted = counts.get(MemberStatus.FULL, 0) + counts.get(MemberStatus.PROBATIONARY, 0)
        lines.append(
            (
                ngettext(
                    "{count} member counted in the cell's numbers.",
                    "{count} members counted in the cell's numbers.",
                    counted,
                ).format(count=counted),
                "muted",
            )
        )
        self.members.set_lines(lines)
        return current

    def _show_meetings(self, rules: RuleSet, rows: list[OverviewMeeting]) -> None:
        if not rows:
            self.meetings.set_lines([(_("No meetings yet."), "muted")])
            return
        lines: list[tuple[str, str | None]] = []
        for row in rows:
            grade = grade_label(rules, row.grade)
            if row.score is not None:
                result = _("{grade} ({score} points)").format(
                    grade=grade or "—", score=score_text(row.score)
                )
            elif row.kind is MeetingKind.COMMITTEE:
                result = ""  # the committee's preparatory meetings are not scored
            else:
                result = _("not scored")
            parts = [format_date(row.scheduled_on), row.display_title, result]
            lines.append((" · ".join(part for part in parts if part), None))
        self.meetings.set_lines(lines)

    def _show_recommendations(self, overview: BookOverview) -> None:
        waiting, overdue = overview.waiting, overview.overdue
        if not overview.recommendations:
            self.recommendations.set_lines([(_("No recommendations recorded."), "muted")])
            return
        limit = overview.rules.recommendation_limit_days
        lines: list[tuple[str, str | None]] = [
            (
                ngettext(
                    "{count} waiting for an answer",
                    "{count} waiting for an answer",
                    waiting,
                ).format(count=waiting),
                "big",
            )
        ]
        if overdue:
            lines.append(
                (
                    ngettext(
                        "{count} has waited more than {days} days",
                        "{count} have waited more than {days} days",
                        overdue,
                    ).format(count=overdue, days=limit),
                    "error",
                )
            )
        self.recommendations.set_lines(lines)

    # --- the one action -----------------------------------------------------

    def _main_action(self) -> None:
        if self._action_kind == "member":
            page = self.host.go_to("members")
            page.add_member()  # type: ignore[attr-defined]
        elif self._action_kind == "meeting":
            page = self.host.go_to("meetings")
            page.new_meeting()  # type: ignore[attr-defined]
        else:
            self.host.go_to("meetings")
