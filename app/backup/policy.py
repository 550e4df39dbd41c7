"""When backups are made, and thinning them afterwards.

``BackupPolicy`` is driven by its caller (the GUI's timer and start/exit hooks, a command): at
start when the newest backup is older than a day; every 30 minutes when the diary changed
(``Diary.changes``); always before an import or a restore; at a clean exit when something
changed. After each backup the folder is thinned by ``retention``. The clock is injected so
tests can move time, even backwards.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.backup.files import default_backup_dir, list_backups, newest_backup
from app.backup.make import copy_backup, make_backup
from app.backup.retention import backups_to_delete
from app.persistence.diary import Diary
from app.persistence.errors import BackupFailed

Clock = Callable[[], datetime]
INTERVAL = timedelta(minutes=30)
STALE_AFTER = timedelta(days=1)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class BackupPolicy:
    """Backups of one open diary into its backup folder and an optional second folder."""

    def __init__(
        self,
        diary: Diary,
        *,
        folder: Path | None = None,
        second_folder: Path | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self.diary = diary
        self.folder = folder or default_backup_dir(diary.path)
        self.second_folder = second_folder
        self.clock = clock
        self._backed_up_changes = diary.changes
        self.last_error: BackupFailed | None = None

    @property
    def stem(self) -> str:
        return self.diary.path.stem

    def folders(self) -> list[Path]:
        return [self.folder] + ([self.second_folder] if self.second_folder else [])

    def changed(self) -> bool:
        return self.diary.changes != self._backed_up_changes

    def backup_now(self) -> Path:
        """Make a verified backup now, copy it to the second folder, thin both folders.

        A damaged diary is not backed up: ``DamagedDiary`` names the backup that holds the data
        (the full check runs once per session, before the first backup or write)."""
        self.diary.verify()
        path = make_backup(self.diary.db.conn, self.folder, self.stem, self.clock())
        self._backed_up_changes = self.diary.changes
        self.thin(self.folder)
        if self.second_folder is not None:
            # The second folder is often an external drive that is not plugged in: its failure
            # must not hide that the main backup succeeded, so it is reported separately.
            try:
                copy_backup(path, self.second_folder)
                self.thin(self.second_folder)
            except BackupFailed as exc:
                self.last_error = exc
        return path

    def thin(self, folder: Path) -> list[Path]:
        """Delete the backups retention no longer keeps; returns the deleted files."""
        backups = list_backups(folder, self.stem)
        doomed = backups_to_delete([b.taken_at for b in backups], self.clock())
        deleted = []
        for b in backups:
            if b.taken_at in doomed:
                with contextlib.suppress(OSError):
                    b.path.unlink()
                    deleted.append(b.path)
        return deleted

    def at_start(self) -> Path | None:
        """Back up when the newest backup is older than a day (or there is none)."""
        newest = newest_backup([self.folder], self.stem)
        now = self.clock()
        if newest is not None and timedelta(0) <= now - newest.taken_at < STALE_AFTER:
            return None
        return self.backup_now()

    def on_timer(self) -> Path | None:
        """Called every ``INTERVAL``: back up only when something changed."""
        return self.backup_now() if self.changed() else None

    def before_risky(self) -> Path:
        """Before an import, a restore or a migration: always."""
        return self.backup_now()

    def at_exit(self) -> Path | None:
        return self.backup_now() if self.changed() else None
