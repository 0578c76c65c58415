"""The steps of the selected member's review, as the review tab's buttons
(and double-click or Enter on a row) take them: the dialogs, stepping back,
and adding or removing a member."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.data.enums import ReviewState
from desktop.i18n import _
from desktop.services.reviews import CampaignDetail, ReviewRow, ReviewService
from desktop.ui.qt.widgets import QDialog
from desktop.ui.reviews.actions import NEXT_STEP, MemberActions
from desktop.ui.reviews.runner import StepRunner

if TYPE_CHECKING:
    from desktop.services.book import Book


class MemberSteps(StepRunner):
    service: ReviewService
    detail: CampaignDetail | None
    member_card: MemberActions

    @property
    def book(self) -> Book:
        return self.host.book

    def selected(self) -> ReviewRow | None:
        raise NotImplementedError

    def open_next(self) -> QDialog | None:
        """Double-click or Enter: the next step of the selected review."""
        row = self.selected()
        if row is None:
            return None
        opener = {
            "write": self.write_selected,
            "discuss": self.discuss_selected,
            "vote": self.vote_selected,
            "decide": self.decide_selected,
        }[NEXT_STEP[row.state]]
        return opener()

    def write_selected(self) -> QDialog | None:
        from desktop.ui.reviews.personal import PersonalReviewDialog

        row = self.selected()
        if row is None:
            return None
        return self.open_dialog(
            lambda: PersonalReviewDialog(self.book, row.id, self.host.today(), self),
            _("The personal review of {name} is saved.").format(name=row.member_name),
        )

    def discuss_selected(self) -> QDialog | None:
        from desktop.ui.reviews.discussion import DiscussionDialog

        row = self.selected()
        if row is None or not self.member_card.discuss_button.isEnabled():
            return None
        return self.open_dialog(
            lambda: DiscussionDialog(self.book, row.id, self.host.today(), self),
            _("The discussion of {name}'s review is saved.").format(name=row.member_name),
        )

    def vote_selected(self) -> QDialog | None:
        from desktop.ui.reviews.vote import VoteDialog

        row = self.selected()
        if row is None or not self.member_card.vote_button.isEnabled():
            return None
        return self.open_dialog(
            lambda: VoteDialog(self.book, row.id, self.host.today(), self),
            _("The vote on {name}'s level is saved.").format(name=row.member_name),
        )

    def decide_selected(self) -> QDialog | None:
        from desktop.ui.reviews.decision import member_decision

        row = self.selected()
        if row is None or not self.member_card.decide_button.isEnabled():
            return None
        return self.open_dialog(
            lambda: member_decision(self.book, row.id, self.host.today(), self),
            _("The commune's decision on {name} is saved.").format(name=row.member_name),
        )

    def step_back(self) -> bool:
        row = self.selected()
        if row is None or row.state is ReviewState.NOT_STARTED:
            return False
        questions = {
            ReviewState.DECIDED: _("Clear the commune's decision on {name}?"),
            ReviewState.VOTED: _(
                "Clear the points, the proposed level and the vote on {name}'s review?"
            ),
            ReviewState.DISCUSSED: _(
                "Mark {name}'s review as not discussed yet? The criticism recorded is kept."
            ),
            ReviewState.WRITTEN: _(
                "Mark {name}'s personal review as not written yet? What was written is kept."
            ),
        }
        if not self.confirm(_("Step back"), questions[row.state].format(name=row.member_name)):
            return False
        return self.run(
            lambda: self.service.step_back(row.id),
            _("{name}'s review went back one step.").format(name=row.member_name),
        )

    def add_member(self) -> QDialog | None:
        from desktop.ui.reviews.add_member import AddMemberDialog

        if self.detail is None:
            return None
        detail = self.detail
        in_review = [row.member_id for row in detail.reviews]
        return self.open_dialog(
            lambda: AddMemberDialog(self.book, detail.id, in_review, self.host.today(), self),
            _("The member was added to the review."),
        )

    def remove_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        question = _("Take {name} off this review?").format(name=row.member_name)
        if not self.confirm(_("Remove from this review"), question):
            return False
        return self.run(
            lambda: self.service.remove_member(row.id),
            _("{name} was taken off the review.").format(name=row.member_name),
        )
