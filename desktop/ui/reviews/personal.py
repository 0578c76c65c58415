"""A member's personal review (bản kiểm điểm cá nhân), typed from their paper:
the sections of their form, the level they rate themselves, the day it was
written; beside it, last year's shortcomings and how they were fixed."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, datetime

from desktop.data.enums import ReviewState
from desktop.i18n import _, current_language, format_date
from desktop.services.book import Book
from desktop.services.labels import enum_label
from desktop.services.reviews import ReviewDetail, ReviewService, ReviewTexts
from desktop.services.validation import ValidationError
from desktop.ui.qt.core import QTimer
from desktop.ui.qt.widgets import QDialogButtonBox, QPlainTextEdit, QWidget
from desktop.ui.reviews.common import LevelCombo, text_box
from desktop.ui.reviews.earlier import EarlierShortcomings
from desktop.ui.reviews.guarded import GuardedFormDialog
from desktop.ui.reviews.review_text import ROMAN, TEXT_SECTIONS
from desktop.ui.widgets import DateField, fit_to_screen, label

DRAFT_DELAY_MS = 1500  # typing pauses this long before the draft is kept


class PersonalReviewDialog(GuardedFormDialog):
    """Write (or correct) the personal review `review_id`; read only once the
    review has moved past "written" (step it back to correct it)."""

    def __init__(
        self, book: Book, review_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        self.service = ReviewService(book, today)
        self.detail: ReviewDetail = self.service.review(review_id)
        row = self.detail.row
        super().__init__(parent, _("Personal review — {name}").format(name=row.member_name))
        self.unsaved_question = _(
            "The personal review of {name} is not saved yet. Save it?"
        ).format(name=row.member_name)
        self.review_id = review_id
        self.read_only = row.state not in (ReviewState.NOT_STARTED, ReviewState.WRITTEN)
        rules = book.rules
        language = current_language()
        form = rules.review_form(row.form_id)
        form_title = form.title(language) if form is not None else row.form_id
        code = f" ({form.code})" if form is not None and form.code else ""
        self.form.addRow(label(row.member_name, "heading", wrap=True))
        self.form.addRow(label(f"{form_title}{code}", "muted", wrap=True))
        self.captions_above()
        texts = self.detail.texts
        self.boxes: dict[str, QPlainTextEdit] = {}
        sections = [s for s in form.sections if s.id in TEXT_SECTIONS] if form else []
        for number, section in enumerate(sections, start=1):
            big = section.id in ("strengths", "shortcomings")
            box = text_box(5, most=8) if big else text_box(3, most=5)
            box.setPlainText(getattr(texts, section.id))
            title = f"{ROMAN[number - 1]}. {section.title(language)}"
            box.setAccessibleName(section.title(language))
            self.add_section(section.id, box, title)
            self.boxes[section.id] = box
        self.self_level = LevelCombo(rules)
        self.self_level.set_level(texts.self_level)
        level_title = form.section("self_level") if form is not None else None
        self.add_section(
            "self_level",
            self.self_level,
            f"{ROMAN[len(sections)]}. "
            + (level_title.title(language) if level_title else _("Self-rated level")),
        )
        self.written_on = DateField(self.detail.written_on or today)
        self.written_on.setMaximumWidth(self.written_on.fontMetrics().horizontalAdvance("0") * 16)
        self.form.add_field("written_on", self.written_on, _("&Written on"))
        self.finish_form()
        self.earlier = EarlierShortcomings(_("Last year's shortcomings and how they were fixed"))
        self.earlier.set_rows(self.detail.earlier_shortcomings)
        self.put_beside(self.earlier)
        if self.read_only:
            self._make_read_only()
        self.drafting = row.state is ReviewState.NOT_STARTED
        self.draft_note = label("", "muted")
        self.form.addRow(self.draft_note)
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        if self.drafting:
            for box in self.boxes.values():
                box.textChanged.connect(self.draft_timer.start)
            self.self_level.currentIndexChanged.connect(lambda _i: self.draft_timer.start())
        fit_to_screen(self, 1150, 760)
        self.mark_clean()
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            first.setFocus()

    def _make_read_only(self) -> None:
        for box in self.boxes.values():
            box.setReadOnly(True)
        self.self_level.setEnabled(False)
        self.written_on.setReadOnly(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        note = label(
            _(
                "Written on {date}. The review has moved on ({state}): step it back "
                "on the review list to correct it."
            ).format(
                date=format_date(self.detail.written_on),
                state=_state_lower(self.detail.row.state),
            ),
            "muted",
            wrap=True,
        )
        self.form.insertRow(0, note)

    def texts(self) -> ReviewTexts:
        values = {name: box.toPlainText() for name, box in self.boxes.items()}
        return ReviewTexts(self_level=self.self_level.level(), **values)

    def snapshot(self) -> Hashable:
        return (self.texts(), self.written_on.text())

    def save_draft(self) -> None:
        """Keep what is typed in the book (a review not yet written only)."""
        self.draft_timer.stop()
        if self.drafting and self.service.save_draft(self.review_id, self.texts()):
            self.draft_note.setText(
                _("Draft kept in the book at {time}.").format(time=datetime.now().strftime("%H:%M"))
            )

    def has_unsaved_changes(self) -> bool:
        """A review not yet written keeps its draft: closing loses nothing."""
        if self.drafting:
            self.save_draft()
            return False
        return not self.read_only and super().has_unsaved_changes()

    def save(self) -> str:
        dates, problems = self.dates(written_on=self.written_on)
        if problems:
            raise ValidationError(problems)
        written_on = dates.get("written_on")
        assert written_on is None or isinstance(written_on, date)
        self.service.write(self.review_id, self.texts(), written_on)
        return self.review_id


def _state_lower(state: ReviewState) -> str:
    return enum_label(state).lower()
