"""The shipped OFL fonts, registered with reportlab for the PDF renderer.

Liberation Serif is metric-compatible with Times New Roman, the face the
party-document guidance asks for, and covers every Vietnamese letter. As a
TrueType font reportlab embeds only the glyphs a document uses (a subset), so
the PDF prints the same on a machine without the font.
"""

from __future__ import annotations

from threading import Lock

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resources_dir

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

# reportlab name -> file in resources/fonts (the name is also the PostScript name).
_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = Lock()
_registered = False


def register_fonts() -> str:
    """Register Liberation Serif (four faces, one family); returns the family name.

    Safe to call before every render: after the first call it only checks a flag.
    """
    global _registered
    if _registered:
        return SERIF
    with _lock:
        if not _registered:
            folder = resources_dir() / "fonts"
            known = set(pdfmetrics.getRegisteredFontNames())
            for name, file_name in _FILES.items():
                if name not in known:
                    pdfmetrics.registerFont(TTFont(name, str(folder / file_name)))
            pdfmetrics.registerFontFamily(
                SERIF,
                normal=SERIF,
                bold=SERIF_BOLD,
                italic=SERIF_ITALIC,
                boldItalic=SERIF_BOLD_ITALIC,
            )  # also maps each face back to the family: <i> in a bold style is bold italic
            _registered = True
    return SERIF


def font_name(bold: bool = False, italic: bool = False) -> str:
    """The registered face for a bold/italic combination."""
    if bold and italic:
        return SERIF_BOLD_ITALIC
    if bold:
        return SERIF_BOLD
    if italic:
        return SERIF_ITALIC
    return SERIF
