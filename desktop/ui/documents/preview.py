"""The preview of a document: the real PDF, as it will print, or a message.

The PDF bytes are read through a QBuffer that is kept as long as the
QPdfDocument uses it. Pages are shown one under the other, as wide as the
panel, with buttons to zoom in and out.
"""

from __future__ import annotations

from desktop.i18n import _
from desktop.ui.qt.core import QBuffer, QByteArray, QEvent, QIODevice, QPointF, Qt
from desktop.ui.qt.gui import QGuiApplication, QResizeEvent
from desktop.ui.qt.pdf import QPdfDocument, QPdfView
from desktop.ui.qt.widgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.theme import set_role
from desktop.ui.widgets import label

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class ElidedLabel(QLabel):
    """A heading on one line, cut short with "…" when the panel is narrow; the
    whole text is in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        set_role(self, "heading")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(0, self.width())
        )
        super().setText(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class PdfPreview(QWidget):
    """A PDF shown page after page, or a message in its place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = ElidedLabel()
        layout.addWidget(self.title)
        zoom_bar = QHBoxLayout()
        zoom_bar.addStretch(1)
        self.zoom_out_button = QPushButton(_("Zoom &out"))
        self.zoom_out_button.setToolTip(_("Show the page smaller"))
        self.zoom_out_button.clicked.connect(lambda _checked=False: self.zoom(1 / ZOOM_STEP))
        self.zoom_in_button = QPushButton(_("&Zoom in"))
        self.zoom_in_button.setToolTip(_("Show the page larger"))
        self.zoom_in_button.clicked.connect(lambda _checked=False: self.zoom(ZOOM_STEP))
        self.fit_button = QPushButton(_("Fit &width"))
        self.fit_button.setToolTip(_("Show the page as wide as the panel"))
        self.fit_button.clicked.connect(lambda _checked=False: self.fit_width())
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            zoom_bar.addWidget(button)

        self.stack = QStackedWidget()
        self.message = label("", "empty", wrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.stack.addWidget(self.message)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(_("Preview of the document"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)
        layout.addLayout(zoom_bar)
        self.setMinimumWidth(200)
        self._bytes = QByteArray()
        self._buffer: QBuffer | None = None
        self._focus_when_shown = False
        self.show_message("")

    # --- what is shown -------------------------------------------------------

    def show_message(self, text: str, title: str | None = None) -> None:
        """A message where the pages go ("Preparing the preview…", a problem)."""
        if title is not None:
            self.title.setText(title)
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self._enable_zoom(False)

    def show_pdf(self, data: bytes, title: str) -> int:
        """Show the PDF `data`; returns its number of pages (0 if it cannot be read)."""
        self.title.setText(title)
        old_buffer = self._buffer
        self.document.close()
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        if old_buffer is not None:
            old_buffer.close()
            old_buffer.deleteLater()
        pages = self.page_count()
        if pages == 0:
            self.show_message(_("The preview cannot be shown. The document can still be saved."))
            return 0
        self.view.pageNavigator().jump(0, QPointF(0, 0))
        self.stack.setCurrentWidget(self.view)
        self._enable_zoom(True)
        if self._focus_when_shown:
            self._focus_when_shown = False
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return pages

    def focus_pages(self) -> None:
        """Put the keyboard on the pages (arrows and Page Down scroll them), now
        or as soon as they are shown."""
        if self.showing_pdf:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_when_shown = True

    def page_count(self) -> int:
        if self.document.status() != QPdfDocument.Status.Ready:
            return 0
        return int(self.document.pageCount())

    @property
    def showing_pdf(self) -> bool:
        return self.stack.currentWidget() is self.view

    def clear(self) -> None:
        self.show_message("", "")

    # --- zoom --------------------------------------------------------------------

    def _enable_zoom(self, enabled: bool) -> None:
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            button.setEnabled(enabled)

    def current_zoom(self) -> float:
        """The zoom in effect, also when the page is fitted to the panel's width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return float(self.view.zoomFactor())
        screen = self.screen() or QGuiApplication.primaryScreen()
        dots_per_point = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
        page_width = self.document.pagePointSize(0).width() * dots_per_point
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        return width / page_width if page_width > 0 else 1.0

    def zoom(self, factor: float) -> None:
        wanted = max(ZOOM_MIN, min(ZOOM_MAX, self.current_zoom() * factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(wanted)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
