"""QtPdf and QtPdfWidgets names (QPdfDocument, QPdfView, ...), looked up when
first used.

The PDF modules are loaded only when a page asks for one of their names, so
start-up does not pay for them; forwarding keeps PySide6's own lazy loading.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for editors and type checkers only
    from PySide6.QtPdf import *  # noqa: F403, TID251
    from PySide6.QtPdfWidgets import *  # noqa: F403, TID251


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    from PySide6 import QtPdf, QtPdfWidgets  # noqa: TID251

    for module in (QtPdf, QtPdfWidgets):
        if hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
