"""QtCore names, looked up when first used.

A star import would touch every name and make PySide6 build all its enum
classes at start-up; forwarding keeps PySide6's own lazy loading.
"""

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore as _module  # noqa: TID251

if TYPE_CHECKING:  # for editors and type checkers only
    from PySide6.QtCore import *  # noqa: F403, TID251


def __getattr__(name: str) -> Any:
    return getattr(_module, name)
