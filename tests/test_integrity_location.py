"""Where the diary lives: cloud-sync folders and network mounts are recognised; data folder
and files are private."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from app.paths import data_dir
from app.safety.cloud import network_filesystem, risky_location, sync_service

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
//fileserver/team /mnt/team cifs rw,vers=3.0 0 0
nas:/export/home /home/aino/nas nfs4 rw 0 0
aino@host:/srv /home/aino/My\\040Remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/team/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (PureWindowsPath(r"C:\Users\Aino\OneDrive\Kumppani\diary.sqlite3"), "OneDrive"),
        (PureWindowsPath(r"C:\Users\Aino\OneDrive - Työterveys Oy\diary.sqlite3"), "OneDrive"),
        (PurePosixPath("/home/aino/Dropbox/diary.sqlite3"), "Dropbox"),
        (PurePosixPath("/Users/aino/Dropbox (Personal)/diary.sqlite3"), "Dropbox"),
        (PureWindowsPath(r"G:\My Drive\diary.sqlite3"), "Google Drive"),
        (
            PurePosixPath("/Users/aino/Library/CloudStorage/GoogleDrive-aino@x.fi/d.sqlite3"),
            "Google Drive",
        ),
        (
            PurePosixPath("/Users/aino/Library/Mobile Documents/com~apple~CloudDocs/diary.sqlite3"),
            "iCloud",
        ),
        (PurePosixPath("/home/aino/Documents/diary.sqlite3"), None),
        (PurePosixPath("/home/aino/dropbox-notes.sqlite3"), None),
    ],
)
def test_sync_folders_are_recognised_by_name(path: PurePosixPath, service: str | None) -> None:
    assert sync_service(path) == service


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/team/kumppani/diary.sqlite3", "SMB"),
        ("/mnt/team/local/diary.sqlite3", None),  # a local disk mounted inside the share
        ("/home/aino/nas/diary.sqlite3", "NFS"),
        ("/home/aino/My Remote/diary.sqlite3", "SSHFS"),
        ("/home/aino/diary.sqlite3", None),
        ("/tmp/diary.sqlite3", None),
    ],
)
def test_network_mounts_are_recognised_from_proc_mounts(path: str, kind: str | None) -> None:
    assert network_filesystem(PurePosixPath(path), MOUNTS) == kind


def test_a_local_temporary_folder_is_not_risky(tmp_path: Path) -> None:
    assert risky_location(tmp_path / "diary.sqlite3") is None


def test_data_folder_is_private() -> None:
    assert data_dir().stat().st_mode & 0o777 == 0o700
