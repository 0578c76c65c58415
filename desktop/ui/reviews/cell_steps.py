"""The cell's own review, as the review tab's buttons take it: writing it,
the vote on its level, the commune's decision and undoing that decision."""

from __future__ import annotations

from desktop.i18n import _
from desktop.services.reviews import CampaignDetail, ReviewService
from desktop.ui.qt.widgets import QDialog
from desktop.ui.reviews.runner import StepRunner


class CellSteps(StepRunner):
    service: ReviewService
    detail: CampaignDetail | None

    def write_cell(self) -> QDialog | None:
        from desktop.ui.reviews.cell import CellReviewDialog

        if self.detail is None:
            return None
        campaign_id = self.detail.id
        return self.open_dialog(
            lambda: CellReviewDialog(self.host.book, campaign_id, self.host.today(), self),
            _("The cell's collective review is saved."),
        )

    def vote_cell(self) -> QDialog | None:
        from desktop.ui.reviews.cell import CellVoteDialog

        if self.detail is None:
            return None
        campaign_id = self.detail.id
        return self.open_dialog(
            lambda: CellVoteDialog(self.host.book, campaign_id, self.host.today(), self),
            _("The vote on the cell's level is saved."),
        )

    def decide_cell(self) -> QDialog | None:
        from desktop.ui.reviews.decision import cell_decision

        if self.detail is None:
            return None
        campaign_id = self.detail.id
        return self.open_dialog(
            lambda: cell_decision(self.host.book, campaign_id, self.host.today(), self),
            _("The commune's decision on the cell is saved."),
        )

    def undo_cell(self) -> bool:
        if self.detail is None or not self.detail.cell_decided_level:
            return False
        campaign_id = self.detail.id
        if not self.confirm(
            _("Undo the commune's decision"),
            _("Clear the commune's decision on the cell's level, to correct it?"),
        ):
            return False
        return self.run(
            lambda: self.service.undo_cell_decision(campaign_id),
            _("The commune's decision on the cell was cleared."),
        )
