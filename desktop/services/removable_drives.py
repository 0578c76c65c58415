"""The USB sticks and memory cards plugged into this computer, to save a
bundle or a key card on in one click.

On Linux a stick is mounted in a folder: `/media/<user>/<label>` (Debian,
Ubuntu), `/run/media/<user>/<label>` (Fedora, openSUSE), or by hand under
`/mnt/<name>`; a folder counts only if something is mounted on it. On
Windows the drive letters of removable type (GetDriveTypeW == 2) count.
Both take their roots (or the kernel32 functions) as arguments for tests.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DRIVE_REMOVABLE = 2  # GetDriveTypeW's value for USB sticks and memory cards


@dataclass(frozen=True)
class Drive:
    """A removable drive: the name people know it by, and its folder."""

    label: str
    path: Path


def find_drives() -> list[Drive]:
    """The removable drives mounted now, on this system."""
    if sys.platform == "win32":
        return windows_drives()
    return linux_drives()


# --- Linux --------------------------------------------------------------------------------


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id (containers)
        return ""


def default_roots(user: str | None = None) -> list[Path]:
    """Folders whose subfolders may be removable drives."""
    name = _user() if user is None else user
    roots = []
    if name:
        roots += [Path("/media") / name, Path("/run/media") / name]
    roots += [Path("/media"), Path("/mnt")]
    return roots


def linux_drives(
    roots: Sequence[Path] | None = None,
    is_mount: Callable[[Path], bool] = os.path.ismount,
) -> list[Drive]:
    """Every mount point directly under one of `roots`, in the order of the
    roots, then by name; each folder once."""
    drives: list[Drive] = []
    seen: set[Path] = set()
    for root in default_roots() if roots is None else roots:
        for folder in _subfolders(root):
            if folder in seen or not _safe(is_mount, folder):
                continue
            seen.add(folder)
            drives.append(Drive(folder.name, folder))
    return drives


def _subfolders(root: Path) -> Iterable[Path]:
    try:
        return sorted(child for child in root.iterdir() if child.is_dir())
    except OSError:  # the root does not exist, or may not be read
        return []


def _safe(is_mount: Callable[[Path], bool], folder: Path) -> bool:
    try:
        return bool(is_mount(folder))
    except OSError:
        return False


# --- Windows ------------------------------------------------------------------------------


def windows_drives(kernel32: Any = None) -> list[Drive]:
    """Drive letters of removable type, labelled "KINGSTON (E:)" like Explorer."""
    if kernel32 is None:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = int(kernel32.GetLogicalDrives())
    drives = []
    for index in range(26):
        if not mask & (1 << index):
            continue
        root = f"{chr(ord('A') + index)}:\\"
        if kernel32.GetDriveTypeW(root) != DRIVE_REMOVABLE:
            continue
        name = _volume_label(kernel32, root)
        if name is None:
            continue  # a card reader with no card in it
        letter = root[:2]
        drives.append(Drive(f"{name} ({letter})" if name else letter, Path(root)))
    return drives


def _volume_label(kernel32: Any, root: str) -> str | None:
    """The drive's label ("" if it has none); None if no medium is in it."""
    try:
        import ctypes

        buffer = ctypes.create_unicode_buffer(261)
        ok = kernel32.GetVolumeInformationW(root, buffer, len(buffer), None, None, None, None, 0)
    except (OSError, AttributeError, TypeError, ValueError):
        return ""
    return buffer.value.strip() if ok else None
