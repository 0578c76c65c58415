"""What the command-line tests share: running `cellbook` in-process and a
demo book made once through `cellbook demo`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli.main import main
from desktop.i18n import current_language, set_language


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`cellbook --lang en ARGV…`: exit code, printed output, printed errors."""
    code = main(["--lang", "en", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def make_demo(folder: Path, until: str) -> Path:
    """The demo book ending at `until`, written in `folder` with its own home."""
    path = folder / "an-hoa.cellbook"
    language = current_language()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CELLBOOK_HOME", str(folder / "home"))
        assert main(["--lang", "en", "demo", "--out", str(path), "--until", until]) == 0
    set_language(language)
    return path


@pytest.fixture(autouse=True)
def cli_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test its own CellBook home; the language is put back afterwards."""
    monkeypatch.setenv("CELLBOOK_HOME", str(tmp_path / "home"))
    language = current_language()
    yield
    set_language(language)
