"""Opening a diary file the way every user-facing path does: backed up before any upgrade.

The ``Diary`` itself lives in the persistence layer and knows nothing of backups; this is the one
place that joins the two, so a schema migration is never run on a file without a safety copy.
"""

from __future__ import annotations

from pathlib import Path

from app.backup.files import default_backup_dir, newest_backup
from app.backup.make import backup_before_migration
from app.persistence.diary import Diary
from app.persistence.errors import DamagedDiary


def open_diary_file(path: Path | str, *, create: bool = False) -> Diary:
    """Open (or with ``create`` make) the diary at ``path``, backing it up before a migration."""
    path = Path(path)
    diary = Diary.open(
        path, create=create, before_migrate=lambda db: backup_before_migration(db, path)
    )
    diary.explain_damage = _name_the_backup
    return diary


def _name_the_backup(error: DamagedDiary) -> DamagedDiary:
    """The error, saying which backup holds the data ("your data is in the backup of …")."""
    if error.path is None:
        return error
    newest = newest_backup([default_backup_dir(error.path)], error.path.stem)
    return DamagedDiary(error.path, error.details, newest.local_time() if newest else None)
