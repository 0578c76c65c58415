"""On the review tab, beside the members: where the cell's own review is,
and the buttons for its next step."""

from __future__ import annotations

from desktop.i18n import _, format_date
from desktop.rules import RuleSet
from desktop.services.reviews import CampaignDetail
from desktop.ui.qt.widgets import QFrame, QPushButton, QVBoxLayout, QWidget
from desktop.ui.reviews.common import short_level, votes_text
from desktop.ui.theme import set_role
from desktop.ui.widgets import label


def cell_state_lines(rules: RuleSet, campaign: CampaignDetail) -> list[str]:
    """Where the cell's review is, a line per step done."""
    if not campaign.cell.strengths:
        return [_("Not written yet.")]
    lines = [
        _("Written. Self-rated: {level}.").format(
            level=short_level(rules, campaign.cell.self_level)
        )
    ]
    if campaign.cell_proposed_level:
        lines.append(
            _("Voted: {level} ({votes}).").format(
                level=short_level(rules, campaign.cell_proposed_level),
                votes=votes_text(campaign.cell_votes),
            )
        )
    if campaign.cell_decided_level:
        decided = _("Decided by the commune: {level}, {date}.").format(
            level=short_level(rules, campaign.cell_decided_level),
            date=format_date(campaign.cell_decided_on),
        )
        if campaign.cell_decision_ref:
            decided += " " + campaign.cell_decision_ref
        lines.append(decided)
    return lines


class CellPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAccessibleName(_("The cell's own review"))
        column = QVBoxLayout(self)
        column.addWidget(label(_("The cell's own review"), "heading", wrap=True))
        self.state = label("", wrap=True)
        column.addWidget(self.state)
        self.write_button = QPushButton(_("Write the ce&ll's review…"))
        self.vote_button = QPushButton(_("Vote on the cell'&s level…"))
        self.decide_button = QPushButton(_("Comm&une's decision on the cell…"))
        self.undo_button = QPushButton(_("Undo the commune's dec&ision…"))
        for button in (self.write_button, self.vote_button, self.decide_button, self.undo_button):
            column.addWidget(button)
        column.addStretch(1)

    def show_campaign(self, rules: RuleSet, campaign: CampaignDetail) -> None:
        self.state.setText("\n".join(cell_state_lines(rules, campaign)))
        written = bool(campaign.cell.strengths)
        decided = bool(campaign.cell_decided_level)
        self.write_button.setText(
            _("Correct the ce&ll's review…") if written else _("Write the ce&ll's review…")
        )
        self.write_button.setEnabled(not decided)
        self.vote_button.setEnabled(written and not decided)
        self.decide_button.setEnabled(bool(campaign.cell_proposed_level))
        self.undo_button.setVisible(decided)
