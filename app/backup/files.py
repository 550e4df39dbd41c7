"""Where backups live and what they are called.

A backup of ``diary.sqlite3`` is ``backups/diary-20260128T101500.250Z.sqlite3`` next to the
diary: the UTC time to the millisecond in the name sorts correctly and survives time-zone
changes. Names are never reused: a backup whose time is already taken (two in the same
millisecond, or a clock that stands still) is named a millisecond later, so no backup ever
replaces another. Names from before milliseconds (``diary-20260128T101500Z.sqlite3``) are still
read. Files being written carry a leading dot and a ``.tmp`` suffix, so a crash never leaves a
half-written file under a backup's final name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

_STAMP = "%Y%m%dT%H%M%S"


@dataclass(frozen=True, slots=True)
class BackupFile:
    """A finished backup: its file and the UTC time it was taken."""

    path: Path
    taken_at: datetime

    def local_time(self) -> str:
        """The time in the user's time zone, as the dialogs show it."""
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")


def default_backup_dir(diary: Path) -> Path:
    return diary.parent / "backups"


def backup_name(stem: str, when: datetime) -> str:
    utc = when.astimezone(UTC)
    return f"{stem}-{utc.strftime(_STAMP)}.{utc.microsecond // 1000:03d}Z.sqlite3"


def unused_backup_path(folder: Path, stem: str, when: datetime) -> Path:
    """Where a backup taken at ``when`` goes: the first name from ``when`` on, a millisecond
    apart, that no file in ``folder`` has (one owner per diary, so nobody races us to it)."""
    at = when.astimezone(UTC)
    at = at.replace(microsecond=at.microsecond // 1000 * 1000)
    while (path := folder / backup_name(stem, at)).exists():
        at += timedelta(milliseconds=1)
    return path


def temp_name(stem: str) -> str:
    return f".{stem}-writing.sqlite3.tmp"


def list_backups(folder: Path, stem: str) -> list[BackupFile]:
    """Finished backups of the diary called ``stem`` in ``folder``, newest first."""
    pattern = re.compile(rf"{re.escape(stem)}-(\d{{8}}T\d{{6}})(?:\.(\d{{3}}))?Z\.sqlite3")
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for item in folder.iterdir():
        match = pattern.fullmatch(item.name)
        if match and item.is_file():
            when = datetime.strptime(match.group(1), _STAMP).replace(
                tzinfo=UTC, microsecond=int(match.group(2) or 0) * 1000
            )
            found.append(BackupFile(item, when))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def newest_backup(folders: list[Path], stem: str) -> BackupFile | None:
    """The newest backup over all ``folders``."""
    candidates = [b for folder in folders for b in list_backups(folder, stem)[:1]]
    return max(candidates, key=lambda b: b.taken_at, default=None)
