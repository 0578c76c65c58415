"""The documents benchmark runs end to end (one round, no LibreOffice).

Only that it reports its ratios: no timing is asserted here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "export_minutes.py"


def _main():
    spec = importlib.util.spec_from_file_location("export_minutes_benchmark", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main


def test_benchmark_prints_its_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    _main()(["--rounds", "1", "--no-libreoffice"])  # exit code depends on timing: ignored
    out = capsys.readouterr().out
    assert "bare reportlab, same text" in out
    assert "ours: build + render" in out
    assert "×" in out
    assert "LibreOffice comparison skipped" in out


def test_benchmark_json_has_the_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    _main()(["--rounds", "1", "--no-libreoffice", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert set(result["ratios"]) == {"render_vs_bare", "ours_vs_bare"}
    assert all(value > 0 for value in result["ratios"].values())
    assert result["libreoffice_skipped"]
