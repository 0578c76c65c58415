"""The minutes window: taking the minutes of a meeting as it happens."""

from desktop.ui.minutes.window import MinutesWindow

__all__ = ["MinutesWindow"]
