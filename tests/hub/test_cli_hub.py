"""`cellbook hub register` and `hub sync` against a real hub, and `hub serve`
when its libraries or database are missing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from desktop.cli import hub as hub_cli
from desktop.export.bundle import exchange
from desktop.export.bundle.outbox import hub_settings
from desktop.i18n import set_language
from tests.hub.conftest import Books, RunningHub


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    set_language("en")
    parser = argparse.ArgumentParser(prog="cellbook")
    hub_cli.add_hub_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["hub", *argv])
    code = int(args.run(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_register_and_sync_through_the_command_line(
    books: Books, hub: RunningHub, capsys: pytest.CaptureFixture[str]
) -> None:
    cell_path, commune_path = str(books.cell.path), str(books.commune.path)
    code, out, _err = _run(capsys, "sync", cell_path)
    assert code == 2
    for path in (cell_path, commune_path):
        code, out, _err = _run(capsys, "register", path, "--url", hub.url)
        assert code == 0 and "registered" in out and hub.url in out
    assert hub_settings(books.cell).registered

    exchange.make_bundle(books.cell, books.commune.book_id)
    code, out, _err = _run(capsys, "sync", cell_path)
    assert (code, out.splitlines()) == (0, ["1 bundle sent.", "Nothing came in from the hub."])
    code, out, _err = _run(capsys, "sync", commune_path)
    assert code == 0
    assert out.splitlines() == ["0 bundles sent.", "Bundle 1 from Thôn An Hòa is imported."]


def test_register_reports_a_bad_address_or_an_absent_hub(
    books: Books, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(capsys, "register", str(books.cell.path), "--url", "hub.example")
    assert code == 2 and "hub address" in err
    code, _out, err = _run(capsys, "register", str(books.cell.path), "--url", "http://127.0.0.1:9")
    assert code == 2 and "cannot be reached" in err


def test_serve_says_what_to_install_when_fastapi_is_missing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)
    code, _out, err = _run(capsys, "serve")
    assert code == 2 and "cellbook[hub]" in err


def test_serve_refuses_a_database_url_it_cannot_read(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "serve", "--db", "not a url")
    assert code == 2 and "not a database URL" in err


def test_serve_keeps_its_file_in_the_data_folder_and_listens_on_loopback(
    cellbook_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    monkeypatch.setattr("desktop.hub.serve.serve", lambda *args: seen.append(args))
    code, out, _err = _run(capsys, "serve", "--port", "9000")
    assert code == 0 and "http://127.0.0.1:9000" in out
    assert seen == [(f"sqlite:///{cellbook_home / 'hub.sqlite'}", "127.0.0.1", 9000)]
    with pytest.raises(SystemExit):
        _run(capsys, "serve", "--port", "70000")


def test_serve_on_postgresql_without_its_driver_says_so_and_hides_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("fastapi")
    if "psycopg" in sys.modules or _installed("psycopg"):
        pytest.skip("psycopg is installed here")
    code, out, err = _run(capsys, "serve", "--db", "postgresql+psycopg://hub:secret@db/hub")
    assert code == 2 and "pip install psycopg" in err
    assert "secret" not in out + err and "hub:***@db" in out


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
