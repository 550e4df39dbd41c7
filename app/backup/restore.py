"""Listing backups and putting one back in place of the diary.

Restoring never deletes anything: the current diary file is kept beside it under a new name
(``diary.replaced-20260128T101500Z.sqlite3``), and when the current diary is open and healthy a
fresh backup of it is made first. The backup is copied through SQLite's backup API into a
temporary file, checked, and renamed over the diary path; then the diary is reopened.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.backup.files import BackupFile, default_backup_dir, list_backups, newest_backup
from app.backup.make import make_backup
from app.backup.opening import open_diary_file
from app.persistence.diary import Diary
from app.persistence.errors import BackupFailed, DamagedDiary
from app.persistence.integrity import (
    check_file,
    full_problems,
    open_snapshot,
    record_counts,
    set_rollback_journal,
)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What the restore dialog shows about one backup."""

    backup: BackupFile
    size: int
    partnerships: int | None
    events: int | None

    @property
    def readable(self) -> bool:
        return self.partnerships is not None


def describe(backup: BackupFile) -> BackupInfo:
    """Size and record counts of a backup (counts None when the file cannot be read)."""
    size = backup.path.stat().st_size
    try:
        conn = open_snapshot(backup.path)
        try:
            partnerships, events = record_counts(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return BackupInfo(backup, size, None, None)
    return BackupInfo(backup, size, partnerships, events)


def available_backups(diary: Path, extra_folders: list[Path] | None = None) -> list[BackupInfo]:
    """Backups of ``diary`` in its backup folder and any extra folders, newest first."""
    folders = [default_backup_dir(diary), *(extra_folders or [])]
    found = [b for folder in folders for b in list_backups(folder, diary.stem)]
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return [describe(b) for b in found]


def explain_damage(error: DamagedDiary, extra_folders: list[Path] | None = None) -> DamagedDiary:
    """The same error, now naming the newest backup the data is safe in (if any)."""
    if error.path is None:
        return error
    folders = [default_backup_dir(error.path), *(extra_folders or [])]
    newest = newest_backup(folders, error.path.stem)
    when = newest.local_time() if newest else None
    return DamagedDiary(error.path, error.details, when)


def _kept_name(diary: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return _unused(diary.with_name(f"{diary.stem}.replaced-{stamp}{diary.suffix}"))


def _unused(path: Path) -> Path:
    """``path``, or ``name-2``, ``name-3``…: the kept file must never replace an earlier one."""
    n, found = 1, path
    while found.exists():
        n += 1
        found = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return found


def _copy_checked(backup: Path, tmp: Path) -> None:
    source = open_snapshot(backup)
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    target = sqlite3.connect(tmp)
    try:
        source.backup(target)
        set_rollback_journal(target)
        problems = full_problems(target)
    finally:
        target.close()
        source.close()
    if problems:
        raise BackupFailed(backup, "the backup fails integrity_check: " + "; ".join(problems[:5]))


def replace_with_backup(diary: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Put ``backup`` in place of the (closed) diary file; returns where the old file was kept.

    Nothing is deleted: the old file and its journal files are renamed, not removed.
    """
    tmp = diary.with_name(f".{diary.name}.restoring.tmp")
    try:
        _copy_checked(backup, tmp)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupFailed(diary.parent, f"{type(exc).__name__}: {exc}") from exc
    kept = None
    if diary.exists():
        kept = _kept_name(diary, now or datetime.now(UTC))
        os.replace(diary, kept)
        for suffix in ("-wal", "-shm", "-journal"):
            side = diary.with_name(diary.name + suffix)
            if side.exists():
                os.replace(side, kept.with_name(kept.name + suffix))
    os.replace(tmp, diary)
    return kept


class RestoreFailed(BackupFailed):
    """The restore did not happen; ``diary`` is the original diary, open again."""

    def __init__(self, cause: BackupFailed, diary: Diary) -> None:
        super().__init__(cause.path or diary.path, cause.details)
        self.diary = diary


def restore(diary: Diary, backup: Path) -> tuple[Diary, Path | None]:
    """Restore ``backup`` over the open ``diary``: back it up, close, replace, reopen.

    Returns the reopened diary and where the replaced file was kept. When the backup is
    unusable nothing is closed; when the swap fails the original diary is reopened and
    ``RestoreFailed`` carries it.
    """
    path = diary.path
    problems = check_file(backup)
    if problems:
        raise BackupFailed(backup, "the backup fails integrity_check: " + "; ".join(problems[:5]))
    make_backup(diary.db.conn, default_backup_dir(path), path.stem)
    diary.close()
    try:
        kept = replace_with_backup(path, backup)
    except BackupFailed as exc:
        raise RestoreFailed(exc, open_diary_file(path)) from exc
    return open_diary_file(path), kept


def move(diary: Diary, target: Path) -> tuple[Diary, Path]:
    """Move the open diary to ``target`` (a safe local folder): copy, verify, reopen there.

    The old file is kept beside its old place under a new name, never deleted. Returns the
    diary opened at ``target`` and where the old file was kept.
    """
    if target.exists():
        raise BackupFailed(target, "a file of that name is already there")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    copied = make_backup(diary.db.conn, target.parent, f".{target.stem}-moving")
    os.replace(copied, target)
    old = diary.path
    diary.close()
    kept = _unused(old.with_name(old.name.replace(old.suffix, "") + ".moved-away" + old.suffix))
    os.replace(old, kept)
    return open_diary_file(target), kept
