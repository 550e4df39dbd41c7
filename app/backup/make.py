"""Writing one backup safely.

The copy is made through SQLite's online backup API from the diary's own connection (in
exclusive locking mode nobody else can read the file), into a hidden temporary file; it is
switched to a rollback journal so that it is one self-contained file, checked with
``PRAGMA integrity_check``, fsynced, and only then renamed to its final name. A crash at any
moment leaves either no new backup or a verified one; older backups are never touched here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from app.backup.files import default_backup_dir, temp_name, unused_backup_path
from app.persistence.errors import BackupFailed, BackupFolderLink, DamagedDiary
from app.persistence.integrity import check_file, full_problems, set_rollback_journal


def _private_dir(folder: Path) -> None:
    # A link could point anywhere (a synced folder, another user's); say so instead of
    # following it without a word.
    if folder.is_symlink():
        raise BackupFolderLink(folder, os.path.realpath(folder))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on disk (not possible on Windows).
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fresh_private_file(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _copy_into(conn: sqlite3.Connection, tmp: Path) -> list[str]:
    """Copy the database behind ``conn`` into ``tmp``; returns integrity problems of the copy."""
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target)
        set_rollback_journal(target)
        return full_problems(target)
    finally:
        target.close()


def _publish(tmp: Path, final: Path) -> None:
    _fsync_file(tmp)
    os.replace(tmp, final)
    _fsync_dir(final.parent)


def make_backup(
    conn: sqlite3.Connection, folder: Path, stem: str, now: datetime | None = None
) -> Path:
    """Back up the database of ``conn`` into ``folder``; returns the verified backup's path.

    Raises ``BackupFailed`` (nothing under a final name changed) when the folder cannot be
    written or the copy fails its check.
    """
    when = now or datetime.now(UTC)
    tmp = folder / temp_name(stem)
    try:
        _private_dir(folder)
        _fresh_private_file(tmp)
        problems = _copy_into(conn, tmp)
        if problems:
            _blame_the_source(conn)
            raise BackupFailed(folder, "integrity_check of the copy: " + "; ".join(problems[:5]))
        # Named only now, so that a name is never taken over (os.replace would overwrite).
        final = unused_backup_path(folder, stem, when)
        _publish(tmp, final)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupFailed(folder, f"{type(exc).__name__}: {exc}") from exc
    except (BackupFailed, DamagedDiary):
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return final


def _blame_the_source(conn: sqlite3.Connection) -> None:
    """A copy that fails its check was copied from a damaged diary: say that (``DamagedDiary``),
    not that the backup folder is at fault."""
    problems = full_problems(conn)
    if problems:
        source = conn.execute("PRAGMA database_list").fetchone()[2]
        raise DamagedDiary(source, "\n".join(problems[:20]))


def copy_backup(backup: Path, folder: Path) -> Path:
    """Copy a finished (closed, verified) backup into a second folder, the same safe way."""
    final = folder / backup.name
    tmp = folder / temp_name(backup.name)
    try:
        _private_dir(folder)
        _fresh_private_file(tmp)
        shutil.copyfile(backup, tmp)
        problems = check_file(tmp, full=False)
        if problems:
            raise BackupFailed(folder, "quick_check of the copy: " + "; ".join(problems[:5]))
        _publish(tmp, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupFailed(folder, f"{type(exc).__name__}: {exc}") from exc
    return final


def backup_before_migration(db: Database, diary: Path) -> Path:
    """The safety copy every migration is preceded by (``open_diary(before_migrate=...)``)."""
    return make_backup(db.conn, default_backup_dir(diary), diary.stem)
