"""QtGui names."""

from PySide6.QtGui import *  # noqa: F403, TID251
