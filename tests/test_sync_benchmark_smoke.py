"""The sync import benchmark runs end to end at a tiny size (2 cells × 2 months).

Only that it imports everything and reports its ratio: no timing is asserted here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "sync_import.py"


def _main():
    name = "sync_import_benchmark"
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module.main


def test_benchmark_reports_the_ratio_and_where_the_time_goes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["--cells", "2", "--months", "2", "--json", "--profile"]
    _main()(argv)  # exit code depends on timing: ignored
    result = json.loads(capsys.readouterr().out)
    assert (result["cells"], result["months"], result["bundles"]) == (2, 2, 4)
    assert result["import_calls"] == 2  # one per month
    assert result["rows"] > 100
    assert result["median_s"]["ours"] > 0 and result["median_s"]["plain_sqlite"] > 0
    assert result["ratio"] > 0 and result["target"] == 3.0
    steps = {row["step"]: row["s"] for row in result["profile"]}
    assert steps["total (profiled)"] > 0
    assert "records applied (apply_payload)" in steps


def test_benchmark_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    _main()(["--cells", "1", "--months", "1", "--batch", "all"])
    out = capsys.readouterr().out
    assert "1 cells × 1 monthly bundles = 1 bundles" in out
    assert "plain sqlite3 executemany, same rows" in out
    assert "import_bundles" in out and "×" in out and "target ≤ 3×" in out
