"""The cell's own collective review: its strengths, shortcomings, how the
shortcomings pointed out earlier were fixed (those carried shown beside),
remedies and the level it rates itself; then the cell's vote on its level."""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

from desktop.i18n import _
from desktop.services.book import Book
from desktop.services.labels import field_label
from desktop.services.reviews import CampaignDetail, ReviewService, ReviewTexts
from desktop.ui.qt.widgets import QPlainTextEdit, QWidget
from desktop.ui.reviews.common import (
    LevelCombo,
    VotesBox,
    level_text,
    text_box,
    voters_text,
)
from desktop.ui.reviews.earlier import EarlierShortcomings
from desktop.ui.reviews.guarded import GuardedFormDialog
from desktop.ui.reviews.review_text import ROMAN
from desktop.ui.widgets import fit_to_screen, label

CELL_SECTIONS = ("strengths", "shortcomings", "earlier_fixes", "remedies")


class CellReviewDialog(GuardedFormDialog):
    def __init__(
        self, book: Book, campaign_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        self.service = ReviewService(book, today)
        self.campaign: CampaignDetail = self.service.campaign(campaign_id)
        super().__init__(
            parent,
            _("The cell's collective review"),
            _(
                "What the cell as a whole did well and less well in {year}, as the "
                "committee presents it to the members."
            ).format(year=self.campaign.year),
        )
        self.unsaved_question = _("The cell's collective review is not saved yet. Save it?")
        self.campaign_id = campaign_id
        self.captions_above()
        texts = self.campaign.cell
        self.boxes: dict[str, QPlainTextEdit] = {}
        for number, section in enumerate(CELL_SECTIONS):
            big = section in ("strengths", "shortcomings")
            box = text_box(5, most=8) if big else text_box(3, most=5)
            box.setPlainText(getattr(texts, section))
            box.setAccessibleName(field_label(section))
            self.add_section(section, box, f"{ROMAN[number]}. {field_label(section)}")
            self.boxes[section] = box
        self.self_level = LevelCombo(book.rules)
        self.self_level.set_level(texts.self_level)
        self.add_section(
            "self_level",
            self.self_level,
            f"{ROMAN[len(CELL_SECTIONS)]}. {field_label('self_level')}",
        )
        self.finish_form()
        self.earlier = EarlierShortcomings(_("The cell's earlier shortcomings"))
        self.earlier.set_rows(
            self.service.cell_earlier_shortcomings(campaign_id),
            _("No shortcomings of the cell were pointed out before this review."),
        )
        self.put_beside(self.earlier)
        fit_to_screen(self, 1150, 760)
        self.mark_clean()
        self.boxes["strengths"].setFocus()

    def texts(self) -> ReviewTexts:
        values = {name: box.toPlainText() for name, box in self.boxes.items()}
        return ReviewTexts(self_level=self.self_level.level(), **values)

    def snapshot(self) -> Hashable:
        return self.texts()

    def save(self) -> str:
        self.service.write_cell_review(self.campaign_id, self.texts())
        return self.campaign_id


class CellVoteDialog(GuardedFormDialog):
    """The members' vote on the level the cell proposes for itself."""

    def __init__(
        self, book: Book, campaign_id: str, today: date, parent: QWidget | None = None
    ) -> None:
        self.service = ReviewService(book, today)
        campaign = self.service.campaign(campaign_id)
        super().__init__(parent, _("Vote on the cell's level"))
        self.campaign_id = campaign_id
        rules = book.rules
        if campaign.cell.self_level:
            self.form.addRow(
                label(
                    _("Self-rated level: {level}.").format(
                        level=level_text(rules, campaign.cell.self_level)
                    ),
                    wrap=True,
                )
            )
        self.proposed = LevelCombo(rules)
        self.proposed.set_level(campaign.cell_proposed_level or campaign.cell.self_level)
        self.form.add_field("proposed_level", self.proposed, _("Proposed &level"))
        self.votes = VotesBox()
        self.form.add_field("votes", self.votes, _("Show of hands"))
        voters = ReviewService(book).voters_present(campaign.id)
        if campaign.cell_votes is not None:
            self.votes.set_votes(campaign.cell_votes)
        elif voters is not None:
            self.votes.for_box.setValue(voters)
        self.form.addRow(label(voters_text(voters), "muted", wrap=True))
        self.finish_form()
        self.mark_clean()
        self.proposed.setFocus()

    def snapshot(self) -> Hashable:
        return (self.proposed.level(), self.votes.votes())

    def save(self) -> str:
        self.service.vote_cell(self.campaign_id, self.proposed.level(), self.votes.votes())
        return self.campaign_id
