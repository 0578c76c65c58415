"""Printing a document's PDF on a printer (or into a PDF file, for tests).

Each page of the PDF is drawn into an image at the printer's resolution, but
never finer than `MAX_DPI` (an A4 page at 1200 dpi would need half a gigabyte
on a 4 GB computer), and the image is painted over the whole sheet: the
PDF already has the document's margins.
"""

from __future__ import annotations

from desktop.ui.qt.core import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from desktop.ui.qt.gui import QColor, QImage, QPageLayout, QPageSize, QPainter
from desktop.ui.qt.pdf import QPdfDocument
from desktop.ui.qt.printsupport import QPrintDialog, QPrinter
from desktop.ui.qt.widgets import QWidget

MAX_DPI = 300


class PrintError(Exception):
    """The printer could not be started, or the PDF could not be read."""


def new_printer() -> QPrinter:
    """A printer on A4 paper, upright, at high resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF pages carry their own margins
    return printer


def choose_printer(parent: QWidget | None, printer: QPrinter, title: str) -> bool:
    """Ask which printer and how many copies; False if the user cancelled.

    Tests replace this function to print into a PDF file without a dialog.
    """
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print the PDF `data` on `printer`; returns the number of pages printed."""
    content = QByteArray(data)
    buffer = QBuffer(content)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            raise PrintError("the document could not be read")
        return _paint_pages(document, printer)
    finally:
        document.close()
        buffer.close()


def _paint_pages(document: QPdfDocument, printer: QPrinter) -> int:
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer could not be started")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        pages = int(document.pageCount())
        for page in range(pages):
            if page > 0 and not printer.newPage():
                raise PrintError("the printer stopped")
            sheet = QRectF(painter.viewport())  # the whole sheet (full-page mode)
            image = _page_image(document, page, dpi)
            painter.drawImage(_fitted(sheet, image.size()), image)
        return pages
    finally:
        painter.end()


def _page_image(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """The page on white, `dpi` dots per inch."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def _fitted(sheet: QRectF, size: QSize) -> QRectF:
    """`size` scaled into `sheet` keeping its shape, centred."""
    if size.width() <= 0 or size.height() <= 0:
        return sheet
    scale = min(sheet.width() / size.width(), sheet.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    return QRectF(
        sheet.x() + (sheet.width() - width) / 2,
        sheet.y() + (sheet.height() - height) / 2,
        width,
        height,
    )
