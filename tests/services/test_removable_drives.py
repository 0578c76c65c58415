"""Finding USB sticks: mount points under the usual Linux folders, removable
drive letters on Windows (with a stand-in for kernel32)."""

from __future__ import annotations

import ctypes
from pathlib import Path

from desktop.services import removable_drives
from desktop.services.removable_drives import DRIVE_REMOVABLE, Drive, linux_drives, windows_drives


def test_mounted_folders_under_the_roots_are_drives(tmp_path: Path) -> None:
    user = tmp_path / "media" / "an"
    mnt = tmp_path / "mnt"
    for folder in (user / "KINGSTON", user / "not-mounted", mnt / "usb", mnt / "cdrom"):
        folder.mkdir(parents=True)
    (user / "a-file").write_text("x")
    mounted = {user / "KINGSTON", mnt / "usb"}

    drives = linux_drives([user, tmp_path / "missing", mnt], is_mount=lambda p: p in mounted)

    assert drives == [Drive("KINGSTON", user / "KINGSTON"), Drive("usb", mnt / "usb")]


def test_a_folder_under_two_roots_is_listed_once(tmp_path: Path) -> None:
    (tmp_path / "STICK").mkdir()
    drives = linux_drives([tmp_path, tmp_path], is_mount=lambda p: True)
    assert drives == [Drive("STICK", tmp_path / "STICK")]


def test_a_mount_check_that_fails_skips_the_folder(tmp_path: Path) -> None:
    (tmp_path / "STICK").mkdir()

    def broken(path: Path) -> bool:
        raise PermissionError(13, "denied")

    assert linux_drives([tmp_path], is_mount=broken) == []


def test_the_default_roots_are_the_users_media_folders() -> None:
    roots = removable_drives.default_roots("an")
    assert roots[:2] == [Path("/media/an"), Path("/run/media/an")]
    assert Path("/mnt") in roots


class FakeKernel32:
    """C: a fixed disk, E: a stick labelled KINGSTON, F: a card reader without a
    card, G: a stick without a label."""

    types = {"C:\\": 3, "E:\\": DRIVE_REMOVABLE, "F:\\": DRIVE_REMOVABLE, "G:\\": DRIVE_REMOVABLE}
    labels = {"E:\\": "KINGSTON ", "G:\\": ""}

    def GetLogicalDrives(self) -> int:  # noqa: N802 (the Windows name)
        return sum(1 << (ord(root[0]) - ord("A")) for root in self.types)

    def GetDriveTypeW(self, root: str) -> int:  # noqa: N802
        return self.types[root]

    def GetVolumeInformationW(self, root: str, buffer: ctypes.Array, *rest: object) -> int:  # noqa: N802
        if root not in self.labels:
            return 0
        buffer.value = self.labels[root]
        return 1


def test_windows_lists_removable_drive_letters_with_a_medium() -> None:
    assert windows_drives(FakeKernel32()) == [
        Drive("KINGSTON (E:)", Path("E:\\")),
        Drive("G:", Path("G:\\")),
    ]
