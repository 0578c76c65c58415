"""Start-up benchmark: CellBook's main window on the demo book, painted with
data, against a bare PySide6 QMainWindow started the same way (a fresh
Python process each run), measured side by side in one run.

    .venv/bin/python benchmarks/startup.py [--runs 7] [--book FILE]

Prints the median wall time of each and their ratio (target: at most 1.5×).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.5


def _time_until_painted(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning the process until it reports its first paint."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    )
    line = process.stdout.readline() if process.stdout else ""
    elapsed = time.perf_counter() - started
    _, errors = process.communicate(timeout=60)
    if process.returncode != 0 or not line.strip():
        raise RuntimeError(f"{command} failed ({process.returncode}): {errors.strip()}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--book", type=Path)
    args = parser.parse_args(argv)

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as scratch:
        env["CELLBOOK_HOME"] = scratch
        book = args.book
        if book is None:
            book = Path(scratch) / "demo.cellbook"
            subprocess.run(
                [sys.executable, "-m", "desktop", "demo", "--out", str(book)],
                check=True,
                env=env,
                capture_output=True,
            )
        app = [sys.executable, "-m", "desktop", "gui", str(book), "--smoke"]
        bare = [sys.executable, str(HERE / "bare_window.py")]
        _time_until_painted(app, env)  # warm the disk cache for both
        _time_until_painted(bare, env)
        app_times, bare_times = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            bare_times.append(_time_until_painted(bare, env))
            app_times.append(_time_until_painted(app, env))

    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"bare PySide6 window : {bare_median:.3f} s (median of {args.runs})")
    print(f"CellBook on the demo: {app_median:.3f} s (median of {args.runs})")
    print(f"ratio               : {ratio:.2f}× (target ≤ {TARGET_RATIO}×)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
