"""QtCore names."""

from PySide6.QtCore import *  # noqa: F403, TID251
