"""The health report of a diary file, as ``kumppani check`` prints it.

Opens the diary read-only (never writing to it, whatever its state), runs the full
``integrity_check`` and the foreign-key check, and names the newest backup. A damaged file's
error names the backup its data is safe in.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.backup.files import BackupFile, default_backup_dir, newest_backup
from app.backup.restore import explain_damage
from app.persistence.connection import open_diary
from app.persistence.errors import DamagedDiary
from app.persistence.integrity import full_problems, record_counts


@dataclass(frozen=True, slots=True)
class Health:
    """What a check found: problems (empty when healthy), counts and the newest backup."""

    path: Path
    problems: list[str]
    partnerships: int
    events: int
    newest: BackupFile | None

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_diary(path: Path, extra_folders: list[Path] | None = None) -> Health:
    """Check the diary at ``path`` without writing to it.

    Raises the ``DiaryError`` of a file that cannot be opened at all (damaged ones with the
    time of their newest backup).
    """
    folders = [default_backup_dir(path), *(extra_folders or [])]
    try:
        db = open_diary(path, read_only=True)
    except DamagedDiary as exc:
        raise explain_damage(exc, extra_folders) from exc
    try:
        try:
            problems = full_problems(db.conn)
        except sqlite3.DatabaseError as exc:
            problems = [f"{type(exc).__name__}: {exc}"]
        partnerships, events = record_counts(db.conn) if not problems else (0, 0)
    finally:
        db.conn.close()
    return Health(path, problems, partnerships, events, newest_backup(folders, path.stem))
