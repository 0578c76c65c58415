"""QtWidgets names."""

from PySide6.QtWidgets import *  # noqa: F403, TID251
