"""The bar above the review: which year (and which review, when the year
has more than one), the review meeting, the documents, and the rarer
actions under More."""

from __future__ import annotations

from desktop.i18n import _
from desktop.ui.qt.gui import QAction
from desktop.ui.qt.widgets import QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget
from desktop.ui.widgets import FlowLayout


class ReviewBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        flow = FlowLayout(self)
        self.year = QComboBox()
        self.year.setAccessibleName(_("Year of the review"))
        self.campaign_box = QComboBox()
        self.campaign_box.setAccessibleName(_("Which review"))
        self.meeting = QComboBox()
        self.meeting.setAccessibleName(_("Review meeting"))
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.setMinimumContentsLength(32)
        flow.addWidget(_pair(_("&Year:"), self.year))
        self.campaign_pair = _pair(_("Review:"), self.campaign_box)
        flow.addWidget(self.campaign_pair)
        self.meeting_pair = _pair(_("Review mee&ting:"), self.meeting)
        flow.addWidget(self.meeting_pair)
        self.documents_button = QPushButton(_("&Print and save documents…"))
        flow.addWidget(self.documents_button)
        self.more_button = QPushButton(_("&More"))
        menu = QMenu(self.more_button)
        self.add_action = QAction(_("&Add a member to this review…"), menu)
        self.remove_action = QAction(_("&Remove the selected member from this review…"), menu)
        self.other_action = QAction(_("Start a &quarterly review or one when needed…"), menu)
        self.delete_action = QAction(_("&Delete this review…"), menu)
        menu.addAction(self.add_action)
        menu.addAction(self.remove_action)
        menu.addSeparator()
        menu.addAction(self.other_action)
        menu.addAction(self.delete_action)
        self.more_button.setMenu(menu)
        flow.addWidget(self.more_button)

    def enable_campaign_tools(self, shown: bool) -> None:
        """What needs a review on screen."""
        self.meeting_pair.setVisible(shown)
        self.documents_button.setEnabled(shown)
        for action in (self.delete_action, self.add_action, self.remove_action):
            action.setEnabled(shown)


def _pair(text: str, box: QWidget) -> QWidget:
    """A caption and its box kept together on one line of the bar."""
    caption = QLabel(text)
    caption.setBuddy(box)
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(caption)
    row.addWidget(box)
    return pair
