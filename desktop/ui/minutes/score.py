"""Scoring the meeting against the framework: answers suggested from what was
recorded, checked by the committee, with the total and grade as they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.data.models import Meeting
from desktop.i18n import _, current_language
from desktop.services.meeting_score import Answer, Criterion, score
from desktop.services.validation import ValidationError
from desktop.ui.qt.widgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.texts import score_text
from desktop.ui.widgets import label, primary_button

if TYPE_CHECKING:
    from desktop.ui.minutes.window import MinutesWindow


class ScoreTab(QWidget):
    def __init__(self, window: MinutesWindow) -> None:
        super().__init__()
        self.window_ = window
        self.service = window.service
        self.meeting_id = window.meeting_id
        self.framework = self.service.framework()
        self.inputs: dict[str, QComboBox | QCheckBox] = {}
        self._loading = False
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                _(
                    "The answers are suggested from what the minutes record. "
                    "Check each one, then save the score."
                ),
                "muted",
                wrap=True,
            )
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        form = QFormLayout(inner)
        language = current_language()
        for criterion in self.framework.criteria:
            for node in criterion.walk():
                self._add(form, node, language)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        bottom = QHBoxLayout()
        self.total = label("", wrap=True)
        bottom.addWidget(self.total, 1)
        self.suggest_button = QPushButton(_("Suggest again"))
        self.suggest_button.clicked.connect(lambda _checked=False: self.suggest())
        bottom.addWidget(self.suggest_button)
        self.save_button = primary_button(_("Save score"), self.save)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)

    def _add(self, form: QFormLayout, node: Criterion, language: str) -> None:
        points = _("{points} points").format(points=score_text(node.points))
        title = f"{node.title(language)} ({points})"
        if not node.is_leaf:
            form.addRow(label(title, "heading", wrap=True))
            return
        if node.has_options:
            box = QComboBox()
            box.addItem("—", None)
            for option in node.options:
                box.addItem(f"{option.title(language)} ({score_text(option.points)})", option.id)
            box.activated.connect(lambda _i: self.show_total())
            widget: QComboBox | QCheckBox = box
            form.addRow(label(title, wrap=True), box)
        else:
            widget = QCheckBox(title)
            widget.clicked.connect(lambda _checked=False: self.show_total())
            form.addRow(widget)
        self.inputs[node.id] = widget

    # --- reading ------------------------------------------------------------

    def load(self, meeting: Meeting) -> None:
        try:
            answers = self.service.saved_answers(self.meeting_id)
            if not answers:
                answers = self.service.score_suggestion(self.meeting_id)
        except ValidationError:
            answers = {}
        self.set_answers(answers)

    def suggest(self) -> None:
        self.window_.saver.flush()
        self.set_answers(self.service.score_suggestion(self.meeting_id))

    def set_answers(self, answers: dict[str, Answer]) -> None:
        for criterion_id, widget in self.inputs.items():
            value = answers.get(criterion_id)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            else:
                widget.setChecked(bool(value))
        self.show_total()

    def answers(self) -> dict[str, Answer]:
        result: dict[str, Answer] = {}
        for criterion_id, widget in self.inputs.items():
            if isinstance(widget, QComboBox):
                if widget.currentData() is not None:
                    result[criterion_id] = widget.currentData()
            else:
                result[criterion_id] = widget.isChecked()
        return result

    def show_total(self) -> None:
        try:
            result = score(self.framework, self.answers())
        except ValidationError as error:
            self.total.setText("\n".join(item.message for item in error.errors))
            return
        text = _("Total: {total} of {max} points — {grade}").format(
            total=score_text(result.total),
            max=score_text(result.max_points),
            grade=result.grade.title(current_language()),
        )
        if result.missing:
            text += "\n" + _("Not yet answered: {count}").format(count=len(result.missing))
        self.total.setText(text)

    # --- writing ------------------------------------------------------------

    def save(self) -> None:
        answers = self.answers()
        if self.window_.save_now(lambda: self.service.save_score(self.meeting_id, answers)):
            self.window_.show_message(_("The score has been saved."))
