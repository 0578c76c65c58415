"""Qt lives only in desktop/ui: the core imports without PySide6."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"


def test_no_module_outside_ui_imports_pyside6():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "ui") in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] == "PySide6" for name in names):
                offenders.append(str(path.relative_to(PACKAGE.parent)))
    assert offenders == []


def test_importing_data_and_services_never_loads_qt():
    code = (
        "import sys, desktop.data.models, desktop.services.book, desktop.services.members, "
        "desktop.services.meetings, desktop.services.search, desktop.services.summary, "
        "desktop.rules, desktop.cli.main; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.gui
def test_main_window_paints_before_the_orm_is_loaded(tmp_path):
    """Start-up shows the book's home page first and loads SQLAlchemy after."""
    from desktop.services.book import Book, NewBookDetails

    path = tmp_path / "b.cellbook"
    Book.create(path, NewBookDetails(cell_name="Thôn An Hòa", commune_name="An Phú")).close()
    code = (
        "import sys, pathlib\n"
        "from desktop.ui.app import run_gui\n"
        f"code = run_gui(pathlib.Path({str(path)!r}), smoke=True)\n"
        "print(code, 'sqlalchemy' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CELLBOOK_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    elapsed, verdict = result.stdout.strip().splitlines()
    assert float(elapsed) > 0
    assert verdict == "0 False"
