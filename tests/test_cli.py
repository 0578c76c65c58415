"""The `cellbook` command line, run in-process (and once as a real process)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.data.schema import SCHEMA_VERSION
from tests.cli_support import cli_home, make_demo, run  # noqa: F401 (cli_home: autouse)

REPO = Path(__file__).resolve().parent.parent
UNTIL = "2026-06-02"


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo book, made once through `cellbook demo`."""
    return make_demo(tmp_path_factory.mktemp("cli-demo"), UNTIL)


@pytest.fixture
def book(demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo book for one test."""
    target = tmp_path / "an-hoa.cellbook"
    shutil.copy(demo_master, target)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_reports_what_it_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "made.cellbook"
    target.write_text("an old file", encoding="utf-8")
    code, out, err = run(capsys, "demo", "--out", str(target), "--until", UNTIL, "--force")
    assert (code, err) == (0, "")
    assert str(target) in out and "32 members" in out and "Chi bộ thôn An Hòa" in out
    assert run(capsys, "check", str(target))[0] == 0


def test_info_text(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "info", str(book))
    assert (code, err) == (0, "")
    assert "Chi bộ thôn An Hòa" in out and "xã An Phú" in out
    assert f"Schema version: {SCHEMA_VERSION}" in out
    assert "vn-default, version 1" in out
    assert "Members by status:" in out and "Full member" in out and "22" in out
    assert "Regular meeting" in out and "Held 1" in out


def test_info_json(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "info", str(book), "--json")
    assert code == 0
    summary = json.loads(out)  # exactly one JSON object, nothing else
    assert summary["schema_version"] == SCHEMA_VERSION
    assert summary["organisation"]["name"] == "Chi bộ thôn An Hòa"
    assert summary["counts"]["members"] == 32
    assert summary["counts"]["member_events"] > 32
    assert summary["counts"]["dues_payments"] > 300
    assert summary["counts"]["recommendations"] == 10
    assert summary["members_by_status"] == {
        "full": 22,
        "probationary": 3,
        "exempt": 3,
        "attached": 2,
        "away": 1,
        "transferred": 1,
    }
    meetings = summary["meetings_by_type_and_state"]
    assert meetings["regular"] == {"adopted": 23, "held": 1}
    assert sum(meetings["thematic"].values()) >= 8
    assert summary["rule_set"] == {"id": "vn-default", "version": 1}


def test_check_a_sound_book(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(book))
    assert (code, err) == (0, "")
    assert out.startswith("OK") and f"schema version {SCHEMA_VERSION}" in out


def test_check_a_file_that_is_not_a_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Biên bản họp chi bộ\n" * 50, encoding="utf-8")
    before = digest(notes)
    code, out, err = run(capsys, "check", str(notes))
    assert code == 2 and out == ""
    assert "“notes.txt” is not a CellBook book" in err and "Nothing was changed" in err
    assert digest(notes) == before


def test_check_a_missing_book(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "check", str(tmp_path / "gone.cellbook"))
    assert code == 2 and "was not found" in err


def test_search_ignores_diacritics(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "search", str(book), "dang vien", "--limit", "30")
    assert code == 0
    assert "[Speech]" in out and "đảng viên" in out.lower()
    assert out.rstrip().endswith("30 results")

    code, out, _err = run(capsys, "search", str(book), "nguyen")
    assert code == 0
    assert "[Member] Nguyễn " in out


def test_search_with_no_results(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", str(book), "xyzzy")
    assert (code, err) == (0, "")
    assert out.strip() == "No results for “xyzzy”."


def test_demo_refuses_to_overwrite(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(book)
    code, out, err = run(capsys, "demo", "--out", str(book))
    assert code == 2 and out == ""
    assert "already exists" in err and "--force" in err
    assert digest(book) == before


def test_a_broken_rule_file_leaves_the_rules_in_force(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"rule_set_id": "vn-default", "version": 2,', encoding="utf-8")
    code, out, err = run(capsys, "rules", "install", str(book), str(broken))
    assert code == 2 and out == ""
    assert "broken.json" in err

    code, out, _err = run(capsys, "info", str(book), "--json")
    assert code == 0
    assert json.loads(out)["rule_set"] == {"id": "vn-default", "version": 1}


def test_installing_a_newer_rule_file(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((REPO / "resources/rules/vn-default-v1.json").read_text(encoding="utf-8"))
    data["version"] = 2
    newer = tmp_path / "vn-default-v2.json"
    newer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _err = run(capsys, "rules", "install", str(book), str(newer))
    assert code == 0 and "vn-default, version 2" in out

    code, out, _err = run(capsys, "info", str(book), "--json")
    assert json.loads(out)["rule_set"] == {"id": "vn-default", "version": 2}


def test_gui_starts_the_app_lazily(
    book: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls = []

    def run_gui(book_path: Path | None, *, smoke: bool = False, language: str | None = None):
        calls.append((book_path, smoke, language))
        return 0

    fake = types.ModuleType("desktop.ui.app")
    fake.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.ui.app", fake)
    assert main(["gui", str(book), "--smoke", "--lang", "en"]) == 0
    assert main(["--lang", "en", "gui"]) == 0
    assert calls == [(book, True, "en"), (None, False, "en")]


def test_usage_errors_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err
    assert main(["search"]) == 2
    assert main(["demo", "--out", "x.cellbook", "--until", "soon"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("cellbook ")


def test_help_runs_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "CELLBOOK_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: cellbook" in result.stdout
    for command in ("demo", "info", "check", "search", "rules", "gui"):
        assert command in result.stdout
