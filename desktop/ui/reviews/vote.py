"""The cell's vote on a member's level: the points, the conditions met, the
level they suggest (worked out as they change), the level proposed and the
show of hands. What the proposal deserves a warning for is shown before
saving; warnings do not stop the vote (the commune decides)."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from desktop.data.enums import ReviewState
from desktop.i18n import _, current_language
from desktop.services.book import Book
from desktop.services.reviews import ReviewDetail, ReviewService
from desktop.services.validation import ValidationError, Validator
from desktop.ui.qt.widgets import QCheckBox, QSpinBox, QVBoxLayout, QWidget
from desktop.ui.reviews.common import (
    LevelCombo,
    VotesBox,
    level_text,
    voters_text,
)
from desktop.ui.reviews.guarded import GuardedFormDialog
from desktop.ui.widgets import DateField, label

NO_POINTS = -1


class VoteDialog(GuardedFormDialog):
    def __init__(
        self, book: Book, review_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        self.service = ReviewService(book, today)
        self.rules = book.rules
        self.detail: ReviewDetail = self.service.review(review_id)
        row = self.detail.row
        super().__init__(parent, _("Vote on the level — {name}").format(name=row.member_name))
        self.unsaved_question = _("The vote on {name}'s level is not saved yet. Save it?").format(
            name=row.member_name
        )
        self.review_id = review_id
        self.saved_warnings: list[str] = []
        again = row.state is ReviewState.VOTED
        self.form.addRow(label(row.member_name, "heading", wrap=True))
        if row.self_level:
            self.form.addRow(
                label(
                    _("Self-rated level: {level}.").format(
                        level=level_text(self.rules, row.self_level)
                    ),
                    wrap=True,
                )
            )
        self.points = QSpinBox()
        self.points.setRange(NO_POINTS, 100)
        self.points.setSpecialValueText("—")
        self.points.setValue(row.points if row.points is not None else NO_POINTS)
        self.points.setAccessibleName(_("Points out of 100"))
        self.points.setMaximumWidth(self.points.fontMetrics().horizontalAdvance("0") * 10)
        self.form.add_field("points", self.points, _("&Points (out of 100)"))

        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        language = current_language()
        if again:
            met = set(self.detail.conditions_met)
        else:
            fixed = self.service.earlier_shortcomings_fixed(review_id)
            met = {"earlier_shortcomings_fixed"} if fixed else set()
        self.conditions: dict[str, QCheckBox] = {}
        for condition in self.rules.rating_conditions:
            check = QCheckBox(condition.title(language))
            check.setChecked(condition.id in met)
            check.toggled.connect(lambda _on: self._changed())
            column.addWidget(check)
            self.conditions[condition.id] = check
        self.form.add_field("conditions", box, _("Conditions met"))

        self.suggested = label("", "big", wrap=True)
        self.form.addRow(self.suggested)
        self.proposed = LevelCombo(self.rules)
        self.form.add_field("proposed_level", self.proposed, _("Proposed &level"))
        self.votes = VotesBox()
        self.form.add_field("votes", self.votes, _("Show of hands"))
        campaign = self.service.campaign(self.detail.campaign_id)
        self.voters = self.service.voters_present(campaign.id)
        self.voters_line = label(voters_text(self.voters), "muted", wrap=True)
        self.form.addRow(self.voters_line)
        self.voted_on = DateField(self.detail.voted_on or today)
        self.voted_on.setMaximumWidth(self.voted_on.fontMetrics().horizontalAdvance("0") * 16)
        self.form.add_field("voted_on", self.voted_on, _("Voted o&n"))
        self.warnings = label("", "error", wrap=True)
        self.warnings.setAccessibleName(_("Warnings"))
        self.form.addRow(self.warnings)
        self.finish_form()

        self._following = not again  # the proposal follows the suggestion until changed
        if again:
            self.proposed.set_level(row.proposed_level)
            self.votes.set_votes(row.votes)
        elif self.voters is not None:
            self.votes.for_box.setValue(self.voters)
        self.points.valueChanged.connect(lambda _value: self._changed())
        self.proposed.activated.connect(lambda _index: self._proposal_chosen())
        self.proposed.currentIndexChanged.connect(lambda _index: self._show_warnings())
        self._changed()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 48)
        self.mark_clean()
        self.points.setFocus()
        self.points.selectAll()

    # --- live suggestion and warnings ------------------------------------------------

    def met(self) -> list[str]:
        return [cid for cid, check in self.conditions.items() if check.isChecked()]

    def points_given(self) -> int | None:
        value = self.points.value()
        return None if value == NO_POINTS else value

    def suggestion(self) -> str:
        points = self.points_given()
        return "" if points is None else self.service.suggested_level(points, self.met())

    def _changed(self) -> None:
        suggested = self.suggestion()
        if suggested:
            self.suggested.setText(
                _("Suggested by the points and conditions: {level}").format(
                    level=level_text(self.rules, suggested)
                )
            )
        else:
            self.suggested.setText(_("Give the points to see the level they suggest."))
        if self._following and suggested:
            self.proposed.set_level(suggested)
        self._show_warnings()

    def _proposal_chosen(self) -> None:
        self._following = self.proposed.level() == self.suggestion()

    def current_warnings(self) -> list[str]:
        proposed = self.proposed.level()
        if not proposed:
            return []
        return self.service.warnings_for(self.review_id, self.points_given(), self.met(), proposed)

    def _show_warnings(self) -> None:
        warnings = self.current_warnings()
        self.warnings.setText("\n".join(f"⚠ {text}" for text in warnings))
        self.warnings.setVisible(bool(warnings))
        self._grow()

    def _grow(self) -> None:
        """Room for warnings that just appeared (the dialog never shrinks)."""
        layout = self.box_layout()
        layout.activate()
        needed = max(layout.totalHeightForWidth(self.width()), self.sizeHint().height())
        if needed > self.height():
            self.resize(self.width(), needed + self.fontMetrics().lineSpacing())

    # --- saving ----------------------------------------------------------------------

    def snapshot(self) -> Hashable:
        return (
            self.points.value(),
            tuple(self.met()),
            self.proposed.level(),
            self.votes.votes(),
            self.voted_on.text(),
        )

    def save(self) -> str:
        dates, problems = self.dates(voted_on=self.voted_on)
        points = self.points_given()
        check = Validator()
        check.required("points", points)
        problems += check.errors
        if problems:
            raise ValidationError(problems)
        voted_on = dates.get("voted_on")
        assert points is not None and (voted_on is None or isinstance(voted_on, date))
        self.saved_warnings = self.service.vote(
            self.review_id,
            points=points,
            conditions_met=self.met(),
            proposed_level=self.proposed.level(),
            votes=self.votes.votes(),
            voted_on=voted_on,
        )
        return self.review_id
