"""QtPrintSupport names (QPrinter, QPrintDialog, ...), looked up when first used.

A star import would touch every name and make PySide6 build all its enum
classes at start-up; forwarding keeps PySide6's own lazy loading.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for editors and type checkers only
    from PySide6.QtPrintSupport import *  # noqa: F403, TID251


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    from PySide6 import QtPrintSupport  # noqa: TID251

    return getattr(QtPrintSupport, name)
