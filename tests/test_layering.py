"""Qt lives only in desktop/ui: the core imports without PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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
