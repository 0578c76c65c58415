"""Starting the app: run_gui and its smoke mode."""

from __future__ import annotations

import pytest

from desktop.ui.app import run_gui, seconds_since_start

pytestmark = pytest.mark.gui


def test_smoke_mode_paints_the_book_and_prints_seconds(qapp, sample_book, capsys):
    path, _ids = sample_book
    assert run_gui(path, smoke=True) == 0
    out = capsys.readouterr().out.strip()
    seconds = float(out)
    assert 0 < seconds < 3600
    assert out.count(".") == 1 and len(out.split(".")[1]) == 3


def test_smoke_mode_reports_a_broken_book(qapp, cellbook_home, capsys):
    broken = cellbook_home / "broken.cellbook"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("not a book")
    assert run_gui(broken, smoke=True) == 2
    captured = capsys.readouterr()
    assert "broken.cellbook" in captured.err
    assert captured.out == ""


def test_seconds_since_start_is_positive():
    assert seconds_since_start() > 0
