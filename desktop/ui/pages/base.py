"""What every page has: a title, an optional main action, and either its
content or an empty state saying what to do next."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from desktop.ui.qt.widgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.widgets import EmptyState, label, primary_button

if TYPE_CHECKING:
    from desktop.services.book import Book


class PageHost(Protocol):
    """What a page may ask of the main window."""

    @property
    def book(self) -> Book: ...

    @property
    def book_path(self) -> Path: ...

    def today(self) -> date: ...

    def go_to(self, key: str) -> Page: ...

    def open_meeting(self, meeting_id: str) -> None: ...

    def show_member(self, member_id: str) -> None: ...

    def show_status(self, text: str) -> None: ...


class Page(QWidget):
    """A page of the main window. Subclasses build widgets in `__init__` and
    read the book in `load()`; `refresh()` is called each time it is shown."""

    key = ""

    def __init__(self, host: PageHost, title: str) -> None:
        super().__init__()
        self.host = host
        self.loaded = False
        self.setObjectName(f"page-{self.key}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        self.header = QHBoxLayout()
        self.title_label = label(title, "title")
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        outer.addLayout(self.header)
        self.body = QStackedWidget()
        outer.addWidget(self.body, 1)
        self.content: QWidget | None = None
        self.empty: EmptyState | None = None
        self.action: QPushButton | None = None

    @property
    def book(self) -> Book:
        """The full book (opened on first use)."""
        return self.host.book

    def add_action(self, text: str, on_click: object) -> QPushButton:
        """The page's one main action, top right."""
        self.action = primary_button(text, on_click)  # type: ignore[arg-type]
        self.header.addWidget(self.action)
        return self.action

    def set_content(self, content: QWidget, empty: EmptyState | None = None) -> None:
        self.content = content
        self.body.addWidget(content)
        if empty is not None:
            self.empty = empty
            self.body.addWidget(empty)

    def show_empty(self, empty: bool) -> None:
        target = self.empty if empty and self.empty is not None else self.content
        if target is not None:
            self.body.setCurrentWidget(target)

    @property
    def showing_empty(self) -> bool:
        return self.empty is not None and self.body.currentWidget() is self.empty

    def refresh(self) -> None:
        self.load()
        self.loaded = True

    def load(self) -> None:
        raise NotImplementedError
