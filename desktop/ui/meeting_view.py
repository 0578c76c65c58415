"""A meeting, read-only, as one page of text: the record of what happened."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from html import escape
from pathlib import Path

from desktop.data.enums import (
    AttendanceStatus,
    GuestRole,
    MeetingKind,
    MeetingState,
    MemberStatus,
    TaskResult,
)
from desktop.data.errors import BookFileError
from desktop.data.models import Attendance, Meeting, MeetingAmendment, MeetingGuest, Speech
from desktop.i18n import N_, _, format_date, format_datetime, format_percent
from desktop.rules import RuleSet
from desktop.services.adoption import (
    AdoptionService,
    amendment_changes,
    change_label,
    fingerprint_text,
)
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.meeting_documents import DocumentRow, MeetingDocumentService, size_text
from desktop.services.meetings import MeetingService
from desktop.services.members import MemberService
from desktop.services.validation import ValidationError
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.texts import grade_label, score_text
from desktop.ui.theme import set_role
from desktop.ui.widgets import fit_to_screen, label, show_book_error

Who = Callable[..., str]  # (member_id, fallback="") -> the name to print


def _e(text: object) -> str:
    return escape(str(text or "")).replace("\n", "<br>")


def _facts(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:16px'><b>{_e(name)}</b></td><td>{value}</td></tr>"
        for name, value in rows
        if value
    )
    return f"<table cellspacing='2'>{cells}</table>" if cells else ""


def meeting_html(
    meeting: Meeting,
    names: dict[str, str],
    rules: RuleSet,
    amendments: Sequence[MeetingAmendment] = (),
    documents: Sequence[DocumentRow] = (),
) -> str:
    """The whole meeting as HTML. `names` maps member ids to full names;
    `amendments` are the recorded corrections of adopted minutes, oldest first;
    `documents` the documents handed out for it."""

    def who(member_id: str | None, fallback: str = "") -> str:
        return names.get(member_id or "", "") or fallback

    parts: list[str] = []
    heading = meeting.title or enum_label(meeting.kind)
    parts.append(f"<h2>{_e(heading)}</h2>")
    times = " – ".join(t.strftime("%H:%M") for t in (meeting.start_time, meeting.end_time) if t)
    held = meeting.held_on and meeting.held_on != meeting.scheduled_on
    score = ""
    if meeting.score is not None:
        score = _e(
            _("{score} points, {grade}").format(
                score=score_text(meeting.score), grade=grade_label(rules, meeting.grade) or "—"
            )
        )
    parts.append(
        _facts(
            [
                (_("Type"), _e(enum_label(meeting.kind))),
                (_("State"), _e(enum_label(meeting.state))),
                (_("Date"), _e(format_date(meeting.scheduled_on))),
                (_("Held on"), _e(format_date(meeting.held_on)) if held else ""),
                (_("Time"), _e(times)),
                (_("Place"), _e(meeting.place)),
                (_("Topic"), _e(meeting.topic)),
                (_("Chair"), _e(who(meeting.chair_id))),
                (_("Minute-taker"), _e(who(meeting.minute_taker_id))),
                (_("Quality score"), score),
                (_("Score confirmed by"), _e(_confirmation_text(meeting))),
            ]
        )
    )
    parts.append(_adoption_html(meeting))
    parts.append(_guests_html(meeting))
    parts.append(_documents_html(documents))
    parts.append(_attendance_html(meeting, who))
    parts.append(_agenda_html(meeting, who))
    parts.append(_resolution_html(meeting, who))
    if meeting.superior_remarks:
        parts.append("<h3>" + _e(_("Remarks of the superior committee")) + "</h3>")
        parts.append(f"<p>{_e(meeting.superior_remarks)}</p>")
    if meeting.notes:
        parts.append("<h3>" + _e(_("Notes")) + f"</h3><p>{_e(meeting.notes)}</p>")
    parts.append(_amendments_html(amendments, who))
    return "\n".join(part for part in parts if part)


def _adoption_html(meeting: Meeting) -> str:
    if meeting.adopted_at is None and not meeting.content_hash:
        return ""
    pieces = []
    if meeting.adopted_at is not None:
        pieces.append(
            _("Adopted on {moment}").format(moment=format_datetime(meeting.adopted_at.astimezone()))
        )
    if meeting.content_hash:
        pieces.append(
            _("content fingerprint {fingerprint}").format(
                fingerprint=fingerprint_text(meeting.content_hash)
            )
        )
    return "<p><i>" + _e(" · ".join(pieces)) + "</i></p>"


# Stored values that name a member or a closed vocabulary, shown as people read them.
_VALUE_ENUMS = {
    "kind": MeetingKind,
    "status": AttendanceStatus,
    "member_status": MemberStatus,
    "result": TaskResult,
    "role": GuestRole,
}


def _change_value(field: str, value: object, who: Who) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if field.endswith("_id") and isinstance(value, str):
        return who(value, value)
    enum = _VALUE_ENUMS.get(field)
    if enum is not None:
        try:
            return enum_label(enum(value))
        except ValueError:
            return str(value)
    return str(value)


def _amendments_html(amendments: Sequence[MeetingAmendment], who: Who) -> str:
    if not amendments:
        return ""
    html = ["<h3>" + _e(_("Amendments to the adopted minutes")) + "</h3><ol>"]
    for amendment in amendments:
        heading = _("{moment}, by {author}").format(
            moment=format_datetime(amendment.made_at.astimezone()), author=amendment.author
        )
        line = (
            f"<li><b>{_e(heading)}</b><br><i>" + _e(_("Reason")) + f":</i> {_e(amendment.reason)}"
        )
        changes = [
            "<li>"
            + _e(change_label(str(change.get("table", "")), str(change.get("field", ""))))
            + ": "
            + _e(_change_value(str(change.get("field", "")), change.get("before"), who))
            + " → "
            + _e(_change_value(str(change.get("field", "")), change.get("after"), who))
            + "</li>"
            for change in amendment_changes(amendment)
        ]
        if changes:
            line += "<ul>" + "".join(changes) + "</ul>"
        html.append(line + "</li>")
    html.append("</ol>")
    return "".join(html)


def _confirmation_text(meeting: Meeting) -> str:
    if not meeting.score_confirmed_by:
        return ""
    if meeting.score_confirmed_on is None:
        return meeting.score_confirmed_by
    return _("{name}, on {date}").format(
        name=meeting.score_confirmed_by, date=format_date(meeting.score_confirmed_on)
    )


_GUEST_ROLE_TEXT = {
    GuestRole.SUPERIOR_IN_CHARGE: N_("superior committee member in charge"),
    GuestRole.WORKING_GROUP: N_("commune working group"),
}


def _guest_text(guest: MeetingGuest, before_meeting: bool) -> str:
    text = _e(guest.name) + (f" — {_e(guest.title)}" if guest.title else "")
    notes = []
    role = _GUEST_ROLE_TEXT.get(GuestRole(guest.role))
    if role is not None:
        notes.append(_(role))
    elif guest.is_superior:
        notes.append(_("superior delegate"))
    if before_meeting and guest.invited:
        if guest.invitation_sent:
            notes.append(_("invitation sent"))
        else:
            notes.append(_("invitation not sent yet"))
    if notes:
        text += " <i>(" + _e("; ".join(notes)) + ")</i>"
    return text


def _guests_html(meeting: Meeting) -> str:
    """Guests and superior delegates; before the meeting, those invited and
    whether the invitation went out; after it, who was invited but did not come."""
    if not meeting.guests:
        return ""
    before = meeting.state in (MeetingState.DRAFT, MeetingState.PREPARED)
    came = [guest for guest in meeting.guests if before or guest.attended]
    absent = [] if before else [guest for guest in meeting.guests if not guest.attended]
    html = ["<h3>" + _e(_("Invited") if before else _("Guests")) + "</h3>"]
    if came:
        html.append("<ul>" + "".join(f"<li>{_guest_text(g, before)}</li>" for g in came) + "</ul>")
    if absent:
        html.append(
            "<p><b>"
            + _e(_("Invited, did not attend"))
            + ":</b> "
            + "; ".join(_guest_text(g, False) for g in absent)
            + "</p>"
        )
    return "".join(html)


def _documents_html(documents: Sequence[DocumentRow]) -> str:
    if not documents:
        return ""
    items = []
    for document in documents:
        kind = Path(document.file_name).suffix.lstrip(".").upper()
        details = ", ".join(part for part in (kind, size_text(document.size)) if part)
        state = _("handed out") if document.handed_out else _("not handed out yet")
        items.append(f"<li>{_e(document.title)} <i>({_e(details)}; {_e(state)})</i></li>")
    return "<h3>" + _e(_("Documents")) + f"</h3><ol>{''.join(items)}</ol>"


def _attendance_html(meeting: Meeting, who: Who) -> str:
    rows = meeting.attendance
    if not rows:
        return (
            "<h3>"
            + _e(_("Attendance"))
            + "</h3><p>"
            + _e(_("Attendance has not been taken."))
            + "</p>"
        )

    def name(row: Attendance) -> str:
        return who(row.member_id, row.member.full_name if row.member else "")

    counted = [r for r in rows if r.member_status in (MemberStatus.FULL, MemberStatus.PROBATIONARY)]
    present = [r for r in counted if r.status is AttendanceStatus.PRESENT]
    excused = [r for r in rows if r.status is AttendanceStatus.ABSENT_EXCUSED]
    unexcused = [r for r in rows if r.status is AttendanceStatus.ABSENT_UNEXCUSED]
    others = [r for r in rows if r not in counted and r.status is AttendanceStatus.PRESENT]
    lines = [
        _("Present: {present} of {total} members.").format(present=len(present), total=len(counted))
    ]
    html = ["<h3>" + _e(_("Attendance")) + "</h3>", f"<p>{_e(lines[0])}</p><ul>"]
    if excused:
        html.append(
            "<li><b>"
            + _e(_("Absent with reason"))
            + ":</b> "
            + "; ".join(_e(name(r)) + (f" ({_e(r.reason)})" if r.reason else "") for r in excused)
            + "</li>"
        )
    if unexcused:
        html.append(
            "<li><b>"
            + _e(_("Absent without reason"))
            + ":</b> "
            + "; ".join(_e(name(r)) for r in unexcused)
            + "</li>"
        )
    if others:
        html.append(
            "<li><b>"
            + _e(_("Also present (not counted)"))
            + ":</b> "
            + "; ".join(f"{_e(name(r))} ({_e(enum_label(r.member_status))})" for r in others)
            + "</li>"
        )
    html.append("</ul>")
    return "".join(html)


def _speech_html(speech: Speech, who: Who) -> str:
    speaker = who(speech.member_id, speech.speaker_name)
    mark = " <i>(" + _e(_("recommendation")) + ")</i>" if speech.is_recommendation else ""
    return f"<li><b>{_e(speaker)}:</b> {_e(speech.content)}{mark}</li>"


def _agenda_html(meeting: Meeting, who: Who) -> str:
    html: list[str] = []
    if meeting.agenda_items:
        html.append("<h3>" + _e(_("Agenda")) + "</h3><ol>")
        for item in meeting.agenda_items:
            presenter = who(item.presenter_id)
            line = f"<li><b>{_e(item.title)}</b>"
            if presenter:
                line += " — " + _e(_("presented by {name}").format(name=presenter))
            speeches = [s for s in meeting.speeches if s.agenda_item_id == item.id]
            if speeches:
                line += (
                    "<br><i>"
                    + _e(_("Opinions"))
                    + ":</i><ul>"
                    + "".join(_speech_html(s, who) for s in speeches)
                    + "</ul>"
                )
            if item.conclusion:
                line += "<br><i>" + _e(_("Conclusion")) + f":</i> {_e(item.conclusion)}"
            html.append(line + "</li>")
        html.append("</ol>")
    known = {item.id for item in meeting.agenda_items}
    loose = [s for s in meeting.speeches if s.agenda_item_id not in known]
    if loose:
        html.append("<h3>" + _e(_("Opinions")) + "</h3><ul>")
        html += [_speech_html(s, who) for s in loose]
        html.append("</ul>")
    return "".join(html)


def _resolution_html(meeting: Meeting, who: Who) -> str:
    resolution = meeting.resolution
    if resolution is None:
        return ""
    html = ["<h3>" + _e(_("Resolution")) + "</h3>"]
    if resolution.title:
        html.append(f"<p><b>{_e(resolution.title)}</b></p>")
    if resolution.evaluation:
        html.append("<p><i>" + _e(_("Last month")) + f":</i> {_e(resolution.evaluation)}</p>")
    if resolution.directions:
        html.append("<p><i>" + _e(_("Next month")) + f":</i> {_e(resolution.directions)}</p>")
    if resolution.tasks:
        head = "".join(
            f"<th align='left' style='padding-right:12px'>{_e(text)}</th>"
            for text in (_("Task"), _("Who"), _("Due"), _("Result"))
        )
        rows = []
        for task in resolution.tasks:
            assignee = who(task.assignee_id, task.assignee_text)
            result = enum_label(task.result)
            if task.result_note:
                result += f" — {task.result_note}"
            cells = (task.description, assignee, format_date(task.due_on), result)
            rows.append(
                "<tr>"
                + "".join(f"<td style='padding-right:12px'>{_e(c)}</td>" for c in cells)
                + "</tr>"
            )
        html.append(f"<table cellspacing='2'><tr>{head}</tr>{''.join(rows)}</table>")
    if resolution.votes_for is not None:
        voters = resolution.voters_present or 0
        share = f" ({format_percent(resolution.votes_for / voters)})" if voters else ""
        html.append(
            "<p>"
            + _e(
                _(
                    "Vote: {for_} for{share}, {against} against, {abstain} abstaining, "
                    "of {voters} voting members present."
                ).format(
                    for_=resolution.votes_for,
                    share=share,
                    against=resolution.votes_against or 0,
                    abstain=resolution.votes_abstain or 0,
                    voters=voters,
                )
            )
            + "</p>"
        )
    return "".join(html)


def member_names(book: Book) -> dict[str, str]:
    return {row.id: row.full_name for row in MemberService(book).rows(include_past=True)}


class MeetingViewDialog(QDialog):
    """The read-only view of one meeting, with adopting and amending its minutes."""

    def __init__(self, book: Book, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.book = book
        self.meeting_id = meeting_id
        self.meeting: Meeting | None = None
        self.amendment_dialog: QDialog | None = None
        self.follow_up_dialog: QDialog | None = None
        self.minutes_window: QDialog | None = None
        self.setWindowTitle(_("Meeting"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        layout.addWidget(self.browser, 1)
        self.message = label("", wrap=True)
        self.message.hide()
        layout.addWidget(self.message)
        actions = QHBoxLayout()
        self.adopt_button = QPushButton(_("Adopt the minutes…"))
        self.adopt_button.clicked.connect(lambda _checked=False: self.adopt())
        self.amend_button = QPushButton(_("Record an amendment…"))
        self.amend_button.clicked.connect(lambda _checked=False: self.record_amendment())
        self.verify_button = QPushButton(_("Check the fingerprint"))
        self.verify_button.clicked.connect(lambda _checked=False: self.check_fingerprint())
        self.follow_up_button = QPushButton(_("Evaluate last month's tasks…"))
        self.follow_up_button.clicked.connect(lambda _checked=False: self.evaluate_tasks())
        self.minutes_button = QPushButton(_("Take the minutes…"))
        self.minutes_button.clicked.connect(lambda _checked=False: self.take_minutes())
        buttons_in_row = (
            self.minutes_button,
            self.follow_up_button,
            self.adopt_button,
            self.amend_button,
            self.verify_button,
        )
        for button in buttons_in_row:
            actions.addWidget(button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions.addWidget(buttons)
        layout.addLayout(actions)
        self.refresh()
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.horizontalAdvance("M") * 55, metrics.height() * 32)
        self.browser.setFocus()

    def refresh(self) -> None:
        """Read the meeting again and show it, with the actions its state allows."""
        meeting = MeetingService(self.book).get(self.meeting_id)
        self.meeting = meeting
        if meeting is None:
            self.setWindowTitle(_("Meeting"))
            self.browser.setPlainText(_("This meeting is no longer in the book."))
        else:
            self.setWindowTitle(meeting.title or enum_label(meeting.kind))
            amendments = AdoptionService(self.book).amendments(self.meeting_id)
            scroll = self.browser.verticalScrollBar().value()
            documents = MeetingDocumentService(self.book).documents(self.meeting_id)
            self.browser.setHtml(
                meeting_html(
                    meeting, member_names(self.book), self.book.rules, amendments, documents
                )
            )
            self.browser.verticalScrollBar().setValue(scroll)
        state = meeting.state if meeting is not None else None
        self.adopt_button.setVisible(state is MeetingState.HELD)
        self.amend_button.setVisible(state is MeetingState.ADOPTED)
        self.minutes_button.setVisible(meeting is not None and state is not MeetingState.ADOPTED)
        self.verify_button.setVisible(state is MeetingState.ADOPTED)
        self.follow_up_button.setVisible(
            meeting is not None
            and meeting.kind is MeetingKind.REGULAR
            and state is not MeetingState.ADOPTED
        )

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        set_role(self.message, "error" if error else "")
        self.message.setVisible(bool(text))

    def adopt(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Adopt the minutes"),
            _(
                "Adopt these minutes? Once adopted, the minutes can no longer be changed "
                "directly. Any correction afterwards is made only by a recorded amendment, "
                "with its reason."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            AdoptionService(self.book).adopt(self.meeting_id)
        except ValidationError as error:
            self.show_message("\n".join(item.message for item in error.errors), error=True)
            return
        except BookFileError as error:
            show_book_error(self, error)
            return
        self.refresh()
        self.show_message(_("The minutes have been adopted."))

    def check_fingerprint(self) -> None:
        try:
            same = AdoptionService(self.book).verify(self.meeting_id)
        except BookFileError as error:
            show_book_error(self, error)
            return
        if same:
            self.show_message(_("The minutes are unchanged since they were adopted."))
        else:
            self.show_message(
                _(
                    "The minutes differ from the fingerprint recorded when they were adopted. "
                    "They may have been changed outside CellBook."
                ),
                error=True,
            )

    def evaluate_tasks(self) -> None:
        """Open the evaluation of last month's resolution tasks."""
        from desktop.ui.dialogs.follow_up import FollowUpDialog

        if self.meeting is None:
            return
        dialog = FollowUpDialog(self.book, self.meeting_id, self)
        dialog.finished.connect(self._evaluated)
        self.follow_up_dialog = dialog
        dialog.open()

    def take_minutes(self) -> QDialog | None:
        """Open the minutes window beside this view (not modal); show the
        meeting again when it closes."""
        from desktop.ui.minutes import MinutesWindow

        if self.meeting is None:
            return None
        if self.minutes_window is not None:
            self.minutes_window.raise_()
            self.minutes_window.activateWindow()
            return self.minutes_window
        window = MinutesWindow(self.book, self.meeting_id, self)
        window.finished.connect(self._minutes_closed)
        self.minutes_window = window
        window.show()
        return window

    def _minutes_closed(self, _result: int = 0) -> None:
        self.minutes_window = None
        self.refresh()

    def _evaluated(self, _result: int = 0) -> None:
        self.follow_up_dialog = None
        self.refresh()

    def record_amendment(self) -> None:
        from desktop.ui.dialogs.amendment import AmendmentDialog

        if self.meeting is None:
            return
        dialog = AmendmentDialog(self.book, self.meeting, member_names(self.book), self)
        dialog.accepted.connect(self._amended)
        self.amendment_dialog = dialog
        dialog.open()

    def _amended(self) -> None:
        self.amendment_dialog = None
        self.refresh()
        self.show_message(_("The amendment has been recorded."))
