"""Extract translatable strings and update the Vietnamese and English catalogs.

    .venv/bin/python scripts/update_catalogs.py

English is the source language, so its catalog repeats each source string;
Vietnamese entries that are new are listed for a translator to fill in.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "resources" / "translations"
TEMPLATE = CATALOGS / "cellbook.pot"
KEYWORDS = ["-k", "N_", "-k", "pgettext:1c,2", "-k", "QT_N_:1c,2"]


def _pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def _po(language: str) -> Path:
    return CATALOGS / language / "LC_MESSAGES" / "cellbook.po"


def main() -> int:
    _pybabel(
        "extract",
        "-F",
        "babel.cfg",
        *KEYWORDS,
        "--no-location",
        "--sort-output",
        "--project",
        "CellBook",
        "-o",
        str(TEMPLATE),
        "desktop",
    )
    for language in ("vi", "en"):
        if _po(language).exists():
            _pybabel(
                "update",
                "-N",
                "--no-fuzzy-matching",
                "-i",
                str(TEMPLATE),
                "-d",
                str(CATALOGS),
                "-D",
                "cellbook",
                "-l",
                language,
                "--ignore-obsolete",
            )
        else:
            _pybabel(
                "init", "-i", str(TEMPLATE), "-d", str(CATALOGS), "-D", "cellbook", "-l", language
            )
    with _po("en").open("rb") as handle:
        english = read_po(handle)
    for message in english:
        if message.id and not message.string:
            message.string = message.id
    with _po("en").open("wb") as handle:
        write_po(handle, english, omit_header=False, width=100)
    with _po("vi").open("rb") as handle:
        vietnamese = read_po(handle)
    missing = [m.id for m in vietnamese if m.id and not m.string]
    for message_id in missing:
        print(f"untranslated: {message_id!r}")
    print(f"{len(missing)} Vietnamese entries to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
