"""The content of the minutes: for each part of the agenda, what each member
(or guest) said, whether it goes up as a recommendation, and the chair's
conclusion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.data.models import Meeting
from desktop.i18n import _
from desktop.ui.minutes.common import GUEST, keep_lines, member_combo, scrolling_body
from desktop.ui.qt.core import QEvent, QObject, Qt
from desktop.ui.qt.gui import QKeyEvent
from desktop.ui.qt.widgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import label

if TYPE_CHECKING:
    from desktop.ui.minutes.window import MinutesWindow

PREVIEW = 70


@dataclass
class SpeechRow:
    id: str
    member_id: str | None
    speaker_name: str
    content: str
    is_recommendation: bool


class ContentTab(QWidget):
    def __init__(self, window: MinutesWindow) -> None:
        super().__init__()
        self.window_ = window
        self.service = window.service
        self.meeting_id = window.meeting_id
        self.names = dict(window.members)
        self.item_ids: list[str] = []
        self.speeches: list[SpeechRow] = []
        self.all_speeches: list[SpeechRow] = []
        self.speech_items: dict[str, str | None] = {}
        self.conclusions: dict[str, str] = {}
        self._loading = False
        layout = scrolling_body(self, horizontal=True)

        left = QVBoxLayout()
        left.addWidget(label(_("Parts of the agenda"), "muted"))
        self.agenda = QListWidget()
        self.agenda.currentRowChanged.connect(lambda _row: self._part_chosen())
        keep_lines(self.agenda, 6)
        left.addWidget(self.agenda, 1)
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        right.addWidget(label(_("Opinions"), "muted"))
        self.speech_list = QListWidget()
        self.speech_list.currentRowChanged.connect(lambda _row: self._speech_chosen())
        keep_lines(self.speech_list, 3)
        right.addWidget(self.speech_list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("&New opinion"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_speech())
        self.remove_button = QPushButton(_("Remove opinion"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_speech())
        self.up_button = QPushButton(_("Move up"))
        self.up_button.setToolTip(_("Move the opinion up (Alt+Up)"))
        self.up_button.clicked.connect(lambda _checked=False: self.move_speech(-1))
        self.down_button = QPushButton(_("Move down"))
        self.down_button.setToolTip(_("Move the opinion down (Alt+Down)"))
        self.down_button.clicked.connect(lambda _checked=False: self.move_speech(1))
        self.speech_list.installEventFilter(self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        right.addLayout(buttons)

        self.editor = QWidget()
        form = QFormLayout(self.editor)
        form.setContentsMargins(0, 0, 0, 0)
        self.speaker = member_combo(window.members)
        self.speaker.addItem(_("A guest (write the name)"), GUEST)
        self.speaker.activated.connect(lambda _i: self._speaker_chosen())
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText(_("The guest's name"))
        self.guest_name.textChanged.connect(self._guest_name_changed)
        self.opinion = QPlainTextEdit()
        self.opinion.setTabChangesFocus(True)
        keep_lines(self.opinion, 3)
        self.opinion.textChanged.connect(self._opinion_changed)
        self.recommendation = QCheckBox(_("Send up as a recommendation"))
        self.recommendation.clicked.connect(self._recommendation_ticked)
        form.addRow(_("Spea&ker"), self.speaker)
        form.addRow(_("Guest"), self.guest_name)
        form.addRow(_("What was s&aid"), self.opinion)
        form.addRow("", self.recommendation)
        right.addWidget(self.editor)

        right.addWidget(label(_("The chair's conclusion"), "muted"))
        self.conclusion = QPlainTextEdit()
        self.conclusion.setTabChangesFocus(True)
        keep_lines(self.conclusion, 2)
        self.conclusion.textChanged.connect(self._conclusion_changed)
        right.addWidget(self.conclusion)
        layout.addLayout(right, 5)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Alt+Up / Alt+Down on the list of opinions move the selected one."""
        if watched is self.speech_list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() == Qt.KeyboardModifier.AltModifier:
                steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
                if event.key() in steps:
                    self.move_speech(steps[event.key()])
                    return True
        return super().eventFilter(watched, event)

    # --- reading ------------------------------------------------------------

    def load(self, meeting: Meeting) -> None:
        part = self.current_part()
        self.item_ids = [item.id for item in meeting.agenda_items]
        self.conclusions = {item.id: item.conclusion for item in meeting.agenda_items}
        self.all_speeches = [
            SpeechRow(s.id, s.member_id, s.speaker_name, s.content, s.is_recommendation)
            for s in meeting.speeches
        ]
        self.speech_items = {s.id: s.agenda_item_id for s in meeting.speeches}
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for number, item in enumerate(meeting.agenda_items, start=1):
            self.agenda.addItem(f"{number}. {item.title}")
        self.agenda.blockSignals(False)
        if self.item_ids:
            row = self.item_ids.index(part) if part in self.item_ids else 0
            self.agenda.setCurrentRow(row)
        self._part_chosen()

    def current_part(self) -> str | None:
        row = self.agenda.currentRow()
        return self.item_ids[row] if 0 <= row < len(self.item_ids) else None

    def current_speech(self) -> SpeechRow | None:
        row = self.speech_list.currentRow()
        return self.speeches[row] if 0 <= row < len(self.speeches) else None

    def _part_chosen(self, select: str | None = None) -> None:
        self.window_.saver.flush()
        part = self.current_part()
        self.speeches = [s for s in self.all_speeches if self.speech_items.get(s.id) == part]
        self.speech_list.blockSignals(True)
        self.speech_list.clear()
        for speech in self.speeches:
            self.speech_list.addItem(QListWidgetItem(self._speech_text(speech)))
        self.speech_list.blockSignals(False)
        ids = [s.id for s in self.speeches]
        if self.speeches:
            self.speech_list.setCurrentRow(ids.index(select) if select in ids else 0)
        self._speech_chosen()
        self._loading = True
        self.conclusion.setPlainText(self.conclusions.get(part or "", ""))
        self._loading = False
        self.conclusion.setEnabled(part is not None)

    def _speech_text(self, speech: SpeechRow) -> str:
        who = self.names.get(speech.member_id or "", "") or speech.speaker_name
        text = " ".join(speech.content.split())
        if len(text) > PREVIEW:
            text = text[: PREVIEW - 1] + "…"
        mark = " ★" if speech.is_recommendation else ""
        return f"{who}: {text}{mark}"

    def _speech_chosen(self) -> None:
        speech = self.current_speech()
        self.editor.setEnabled(speech is not None)
        self.remove_button.setEnabled(speech is not None)
        row = self.speech_list.currentRow()
        self.up_button.setEnabled(speech is not None and row > 0)
        self.down_button.setEnabled(speech is not None and row < len(self.speeches) - 1)
        self._loading = True
        if speech is None:
            self.opinion.clear()
            self.guest_name.clear()
            self.recommendation.setChecked(False)
        else:
            key = speech.member_id or GUEST
            self.speaker.setCurrentIndex(max(self.speaker.findData(key), 0))
            self.guest_name.setText(speech.speaker_name)
            self.opinion.setPlainText(speech.content)
            self.recommendation.setChecked(speech.is_recommendation)
        self.guest_name.setEnabled(speech is not None and speech.member_id is None)
        self._loading = False

    def _refresh_current_text(self) -> None:
        speech = self.current_speech()
        item = self.speech_list.currentItem()
        if speech is not None and item is not None:
            item.setText(self._speech_text(speech))

    # --- writing ------------------------------------------------------------

    def add_speech(self) -> None:
        """A new opinion under the selected part, by the speaker chosen."""
        part = self.current_part()
        member_id = self.speaker.currentData()
        name = ""
        if member_id == GUEST or member_id is None:
            member_id = None
            name = self.guest_name.text().strip()
            if not name:
                first = self.speaker.itemData(0)
                member_id = first if first != GUEST else None
        new_id: list[str] = []
        ok = self.window_.save_now(
            lambda: new_id.append(
                self.service.add_speech(self.meeting_id, part, member_id, speaker_name=name)
            )
        )
        if ok:
            self._reload(new_id[0])
            self.opinion.setFocus()

    def remove_speech(self) -> None:
        speech = self.current_speech()
        if speech is None:
            return
        self.window_.saver.cancel(("speech", speech.id))
        if self.window_.save_now(lambda: self.service.remove_speech(speech.id)):
            self._reload(None)

    def move_speech(self, step: int) -> None:
        """Swap the selected opinion with its neighbour under the same part
        (-1 up, +1 down), so the minutes read in the order people spoke."""
        speech = self.current_speech()
        row = self.speech_list.currentRow()
        if speech is None or not 0 <= row + step < len(self.speeches):
            return
        neighbour = self.speeches[row + step]
        others = [s.id for s in self.all_speeches if s.id != speech.id]
        # Positions count every opinion of the meeting, from 1.
        index = others.index(neighbour.id)
        position = index + 1 if step < 0 else index + 2
        speech_id = speech.id
        if self.window_.save_now(lambda: self.service.move_speech(speech_id, position)):
            self._reload(speech_id)
            self.speech_list.setFocus()

    def _reload(self, select: str | None) -> None:
        meeting = self.window_.fetch()
        if meeting is None:
            return
        part = self.current_part()
        self.all_speeches = [
            SpeechRow(s.id, s.member_id, s.speaker_name, s.content, s.is_recommendation)
            for s in meeting.speeches
        ]
        self.speech_items = {s.id: s.agenda_item_id for s in meeting.speeches}
        self.conclusions = {item.id: item.conclusion for item in meeting.agenda_items}
        if part is not None or not self.item_ids:
            self._part_chosen(select)

    def _speaker_chosen(self) -> None:
        speech = self.current_speech()
        if speech is None:
            return
        value = self.speaker.currentData()
        if value == GUEST:
            self.guest_name.setEnabled(True)
            self.guest_name.setFocus()
            if self.guest_name.text().strip():
                self._guest_name_changed(self.guest_name.text())
            return
        self.guest_name.setEnabled(False)
        speech_id = speech.id
        if self.window_.save_now(lambda: self.service.update_speech(speech_id, member_id=value)):
            speech.member_id, speech.speaker_name = value, ""
            self._refresh_current_text()

    def _guest_name_changed(self, text: str) -> None:
        speech = self.current_speech()
        if self._loading or speech is None or self.speaker.currentData() != GUEST:
            return
        if not text.strip():
            return
        speech.member_id, speech.speaker_name = None, text.strip()
        self._refresh_current_text()
        speech_id = speech.id
        self.window_.saver.schedule(
            ("speaker", speech_id),
            lambda: self.service.update_speech(speech_id, member_id=None, speaker_name=text),
        )

    def _opinion_changed(self) -> None:
        speech = self.current_speech()
        if self._loading or speech is None:
            return
        text = self.opinion.toPlainText()
        speech.content = text
        self._refresh_current_text()
        speech_id = speech.id
        self.window_.saver.schedule(
            ("speech", speech_id), lambda: self.service.update_speech(speech_id, content=text)
        )

    def _recommendation_ticked(self, checked: bool) -> None:
        speech = self.current_speech()
        if speech is None:
            return
        speech_id = speech.id
        if self.window_.save_now(lambda: self.service.set_recommendation(speech_id, checked)):
            speech.is_recommendation = checked
            self._refresh_current_text()
        else:
            self.recommendation.setChecked(speech.is_recommendation)

    def _conclusion_changed(self) -> None:
        part = self.current_part()
        if self._loading or part is None:
            return
        text = self.conclusion.toPlainText()
        self.conclusions[part] = text
        self.window_.saver.schedule(
            ("conclusion", part), lambda: self.service.set_conclusion(part, text)
        )
