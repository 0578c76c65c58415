"""Fonts, text size and the few styles the whole app shares.

Widgets never set their own font: they take the application font, and a
`role` property ("title", "heading", "muted", "error", ...) that the style
sheet below sizes relative to the chosen text size. Changing the text size
therefore reaches every window at once.
"""

from __future__ import annotations

from desktop.paths import resources_dir
from desktop.services.settings import DEFAULT_TEXT_SIZE, MAX_TEXT_SIZE, MIN_TEXT_SIZE
from desktop.ui.qt.gui import QFont, QFontDatabase
from desktop.ui.qt.widgets import QApplication, QWidget

UI_FAMILY = "Noto Sans"
TEXT_SIZES = (9, 10, 11, 12, 13, 14, 16, 18, 20, 22, 24)
ERROR_COLOUR = "#b00020"
MUTED_COLOUR = "#555555"
OVERDUE_BACKGROUND = "#fde2e1"

_loaded_family: str | None = None


def load_fonts() -> str | None:
    """Register the shipped Noto Sans files; returns the family, or None if
    none could be loaded (the system font is used then)."""
    global _loaded_family
    if _loaded_family:
        return _loaded_family
    folder = resources_dir() / "fonts"
    try:
        files = sorted(folder.glob("NotoSans-*.ttf"))
    except OSError:
        files = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0 and UI_FAMILY in QFontDatabase.applicationFontFamilies(font_id):
            _loaded_family = UI_FAMILY
    return _loaded_family


_print_fonts_loaded = False


def load_print_fonts() -> None:
    """Register Liberation Serif (metric-compatible with Times New Roman), used
    where the screen previews a printed document."""
    global _print_fonts_loaded
    if _print_fonts_loaded:
        return
    _print_fonts_loaded = True
    try:
        files = sorted((resources_dir() / "fonts").glob("LiberationSerif-*.ttf"))
    except OSError:
        files = []
    for path in files:
        QFontDatabase.addApplicationFont(str(path))


def clamp(size: int) -> int:
    return max(MIN_TEXT_SIZE, min(MAX_TEXT_SIZE, int(size)))


def larger(size: int) -> int:
    return next((step for step in TEXT_SIZES if step > size), MAX_TEXT_SIZE)


def smaller(size: int) -> int:
    return next((step for step in reversed(TEXT_SIZES) if step < size), MIN_TEXT_SIZE)


def normal_size() -> int:
    return DEFAULT_TEXT_SIZE


def style_sheet(size: int) -> str:
    def pt(factor: float) -> str:
        return f"{round(size * factor)}pt"

    pad = max(4, round(size * 0.5))
    return f"""
QLabel[role="title"] {{ font-size: {pt(1.6)}; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {pt(1.25)}; font-weight: bold; }}
QLabel[role="big"] {{ font-size: {pt(1.15)}; }}
QLabel[role="muted"] {{ color: {MUTED_COLOUR}; }}
QLabel[role="error"] {{ color: {ERROR_COLOUR}; }}
QLabel[role="empty"] {{ font-size: {pt(1.15)}; }}
QListWidget#navigation {{ font-size: {pt(1.1)}; }}
QListWidget#navigation::item {{ padding: {pad}px {pad * 2}px; }}
QListWidget#bookList::item {{ padding: {pad}px {pad}px; }}
QTreeWidget#searchResults::item {{ padding: {pad // 2}px 2px; }}
QPushButton {{ padding: {pad // 2 + 2}px {pad * 2}px; }}
QPushButton[role="primary"] {{ font-weight: bold; }}
QFrame[role="card"] {{ border: 1px solid #c8c8c8; border-radius: 6px; background: #ffffff; }}
QFrame[role="banner"] {{ border: 1px solid #9cc3e6; border-radius: 6px; background: #e8f2fb; }}
"""


def apply_text_size(size: int, app: QApplication | None = None) -> int:
    """Make `size` (points) the text size of the whole app; returns it clamped."""
    application = app or QApplication.instance()
    assert isinstance(application, QApplication)
    chosen = clamp(size)
    font = QFont(application.font())
    if _loaded_family:
        font.setFamily(_loaded_family)
    font.setPointSize(chosen)
    application.setFont(font)
    application.setStyleSheet(style_sheet(chosen))
    return chosen


def set_role(widget: QWidget, role: str) -> QWidget:
    """Give `widget` a style role and re-apply the style sheet to it."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    return widget
