"""Beside the review list: the selected member, where their review is, and
the buttons for its steps (each offered when its turn has come, the next
one standing out) and for stepping back."""

from __future__ import annotations

from desktop.data.enums import ReviewState
from desktop.i18n import _
from desktop.rules import RuleSet
from desktop.services.reviews import ReviewRow
from desktop.ui.qt.widgets import QFrame, QPushButton, QVBoxLayout, QWidget
from desktop.ui.reviews.common import short_level, state_word
from desktop.ui.theme import set_role
from desktop.ui.widgets import label

# What comes next for a review in each state (double-click or Enter opens it).
NEXT_STEP = {
    ReviewState.NOT_STARTED: "write",
    ReviewState.WRITTEN: "discuss",
    ReviewState.DISCUSSED: "vote",
    ReviewState.VOTED: "decide",
    ReviewState.DECIDED: "decide",
}


def state_line(rules: RuleSet, row: ReviewRow) -> str:
    """ "Voted: Good proposed" — where the review is, in a few words."""
    text = state_word(row.state)
    if row.state is ReviewState.DECIDED and row.decided_level:
        return f"{text}: {short_level(rules, row.decided_level)}"
    if row.state is ReviewState.VOTED and row.proposed_level:
        return _("{state}: {level} proposed").format(
            state=text, level=short_level(rules, row.proposed_level)
        )
    return text


class MemberActions(QFrame):
    def __init__(self, rules: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules = rules
        set_role(self, "card")
        self.setAccessibleName(_("The selected member"))
        column = QVBoxLayout(self)
        self.name = label("", "heading", wrap=True)
        self.state = label("", wrap=True)
        column.addWidget(self.name)
        column.addWidget(self.state)
        self.write_button = QPushButton(_("&Write the personal review…"))
        self.discuss_button = QPushButton(_("&Discussion and criticism…"))
        self.vote_button = QPushButton(_("V&ote on the level…"))
        self.decide_button = QPushButton(_("Commune's decisio&n…"))
        self.step_back_button = QPushButton(_("Step bac&k…"))
        self.step_back_button.setToolTip(_("Undo the last step of this review, to correct it"))
        self.steps = {
            "write": self.write_button,
            "discuss": self.discuss_button,
            "vote": self.vote_button,
            "decide": self.decide_button,
        }
        for button in (*self.steps.values(), self.step_back_button):
            column.addWidget(button)

    def follow(self, row: ReviewRow | None) -> None:
        """Enable what the selected review's state allows; the next step stands out."""
        state = row.state if row is not None else None
        self.name.setText(row.member_name if row is not None else _("Nobody selected"))
        self.state.setText(state_line(self.rules, row) if row is not None else "")
        self.write_button.setText(
            _("&Write the personal review…")
            if state in (None, ReviewState.NOT_STARTED, ReviewState.WRITTEN)
            else _("&Read the personal review…")
        )
        self.write_button.setEnabled(row is not None)
        self.discuss_button.setEnabled(
            state in (ReviewState.WRITTEN, ReviewState.DISCUSSED, ReviewState.VOTED)
        )
        self.vote_button.setEnabled(state in (ReviewState.DISCUSSED, ReviewState.VOTED))
        self.decide_button.setEnabled(state in (ReviewState.VOTED, ReviewState.DECIDED))
        self.step_back_button.setEnabled(state not in (None, ReviewState.NOT_STARTED))
        following = NEXT_STEP.get(state) if state is not None else None
        for step, button in self.steps.items():
            wanted = "primary" if step == following and button.isEnabled() else ""
            if button.property("role") != wanted:
                set_role(button, wanted)

    def next_button(self) -> QPushButton | None:
        """The step that stands out (the next one for the selected review)."""
        return next((b for b in self.steps.values() if b.property("role") == "primary"), None)
