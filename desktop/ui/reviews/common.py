"""Small pieces the review screens share: level choosers, the show of hands,
text boxes, and how a level or a vote is written."""

from __future__ import annotations

from desktop.data.enums import ReviewState
from desktop.data.text import fold
from desktop.i18n import N_, _, current_language
from desktop.rules import RuleSet
from desktop.services.labels import rating_label
from desktop.services.reviews import Votes
from desktop.ui.minutes.common import select_data
from desktop.ui.qt.core import Qt
from desktop.ui.qt.widgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


def level_text(rules: RuleSet, level_id: str) -> str:
    """A level in the user's language ("" when none)."""
    return rating_label(rules, level_id)


# The states as the list and its counts say them (the brief words of the review's steps).
STATE_WORDS = {
    ReviewState.NOT_STARTED: N_("Not started"),
    ReviewState.WRITTEN: N_("Written"),
    ReviewState.DISCUSSED: N_("Discussed"),
    ReviewState.VOTED: N_("Voted"),
    ReviewState.DECIDED: N_("Decided"),
}


def state_word(state: ReviewState) -> str:
    return _(STATE_WORDS[state])


def short_level(rules: RuleSet, level_id: str) -> str:
    """A level as a list shows it: in Vietnamese the initials the cells write
    ("HTXSNV" for "Hoàn thành xuất sắc nhiệm vụ"); otherwise its title."""
    title = level_text(rules, level_id)
    words = title.split()
    if current_language() != "vi" or len(words) < 3:
        return title
    return "".join("Đ" if w[0] in "đĐ" else fold(w[0]).upper() for w in words)


def level_legend(rules: RuleSet) -> str:
    """ "HTXSNV: Hoàn thành xuất sắc nhiệm vụ · …" ("" when titles are shown whole)."""
    ids = [band.id for band in rules.rating_levels]
    pairs = [(short_level(rules, level_id), level_text(rules, level_id)) for level_id in ids]
    return " · ".join(f"{short}: {title}" for short, title in pairs if short != title)


def votes_text(votes: Votes | None) -> str:
    """ "7 / 1 / 0": for, against, abstaining."""
    if votes is None:
        return ""
    return f"{votes.for_} / {votes.against} / {votes.abstain}"


class LevelCombo(QComboBox):
    """The rule set's levels, highest first (the id as data); the first
    choice, "— choose a level —", means none yet."""

    def __init__(self, rules: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(_("— choose a level —"), "")
        language = current_language()
        for band in rules.rating_levels:
            self.addItem(band.title(language), band.id)

    def level(self) -> str:
        return str(self.currentData() or "")

    def set_level(self, level_id: str) -> None:
        select_data(self, level_id or "")


def text_box(lines: int, accessible_name: str = "", most: int | None = None) -> QPlainTextEdit:
    """A text box `lines` lines high to start with (and at most `most` lines
    when given); Tab moves on."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    spacing = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(spacing * lines + 14)
    if most is not None:
        box.setMaximumHeight(spacing * most + 14)
    if accessible_name:
        box.setAccessibleName(accessible_name)
    return box


class VotesBox(QWidget):
    """The show of hands: for, against, abstaining."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.for_box = self._box(_("Votes for"))
        self.against_box = self._box(_("Votes against"))
        self.abstain_box = self._box(_("Abstaining"))
        for text, box in (
            (_("F&or:"), self.for_box),
            (_("A&gainst:"), self.against_box),
            (_("Abs&taining:"), self.abstain_box),
        ):
            caption = QLabel(text)
            caption.setBuddy(box)
            row.addWidget(caption)
            row.addWidget(box)
            row.addSpacing(box.fontMetrics().horizontalAdvance("MM"))
        row.addStretch(1)
        self.setFocusProxy(self.for_box)

    @staticmethod
    def _box(name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, 999)
        box.setAccessibleName(name)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        return box

    def votes(self) -> Votes:
        return Votes(self.for_box.value(), self.against_box.value(), self.abstain_box.value())

    def set_votes(self, votes: Votes | None) -> None:
        votes = votes or Votes(0)
        self.for_box.setValue(votes.for_)
        self.against_box.setValue(votes.against)
        self.abstain_box.setValue(votes.abstain)


def voters_text(voters: int | None) -> str:
    if voters is None:
        return _(
            "Choose the review meeting on the review list to check the votes against "
            "the members present."
        )
    return _("Full members present at the review meeting: {count}.").format(count=voters)
