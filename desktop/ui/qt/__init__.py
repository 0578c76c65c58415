"""The one gateway to PySide6.

Every other module of `desktop.ui` imports Qt names from `desktop.ui.qt.core`,
`.gui` or `.widgets`, so the import ban on PySide6 (see pyproject) has one
reviewed exception and a Qt upgrade touches one place.
"""
