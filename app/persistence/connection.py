"""Opening a diary file: the connection settings, the identity checks and the migrations.

One connection per diary, on one thread, in exclusive locking mode: Kumppani is the only owner of
an open diary. See docs/architecture.md for why each pragma is set.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from app.persistence.errors import (
    DamagedDiary,
    DiaryError,
    DiaryLocked,
    DiaryReadOnly,
    DiskFull,
    NewerDiary,
    NoDiary,
    NotADiary,
)
from app.persistence.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION


def _make_private_file(path: Path) -> None:
    """Create the folder and an empty file readable only by the user."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def translate_error(exc: sqlite3.Error, path: Path | str) -> DiaryError:
    """Map an SQLite error to the diary error a user can act on."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorname", "") or ""
    details = f"{type(exc).__name__}: {exc} ({code}) — {path}"
    if "full" in text or code == "SQLITE_FULL":
        return DiskFull(path, details)
    if (
        "readonly" in text.replace(" ", "")
        or "read-only" in text
        or code.startswith("SQLITE_READONLY")
    ):
        return DiaryReadOnly(path, details)
    if "locked" in text or "busy" in text or code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return DiaryLocked(path)
    if "not a database" in text or code == "SQLITE_NOTADB":
        return NotADiary(path, details)
    if "malformed" in text or "corrupt" in text or code == "SQLITE_CORRUPT":
        return DamagedDiary(path, details)
    return DiaryError(str(exc), path, details)


def _configure(conn: sqlite3.Connection, read_only: bool) -> None:
    # Exclusive locking must be chosen before the first access to the file.
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA secure_delete = ON")
    if not read_only:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: an entry acknowledged to the user survives a power cut (NORMAL does not in WAL).
        conn.execute("PRAGMA synchronous = FULL")


def _identity(conn: sqlite3.Connection) -> tuple[int, int, bool]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    return app_id, version, has_tables


def open_diary(
    path: Path | str,
    *,
    create: bool = False,
    read_only: bool = False,
    before_migrate: Callable[[Database], None] | None = None,
) -> Database:
    """Open (or with ``create`` make) the diary at ``path``, migrated to the current schema.

    Raises a ``DiaryError`` subclass for every problem a user can meet: no file, not a diary,
    a damaged file, a newer schema, a locked or read-only file. A file that is not a diary is
    never written to. ``before_migrate`` runs on the opened database before any pending
    migration (the place for a safety backup).
    """
    path = Path(path)
    fresh = False
    if not path.exists():
        if not create or read_only:
            raise NoDiary(path)
        try:
            _make_private_file(path)
        except OSError as exc:
            raise DiaryReadOnly(path, f"{type(exc).__name__}: {exc}") from exc
        fresh = True
    elif path.is_dir():
        raise NotADiary(path, "the path is a folder")
    elif path.stat().st_size == 0 and not create:
        raise NotADiary(path, "the file is empty")

    uri = f"file:{path.resolve().as_posix()}" + ("?mode=ro" if read_only else "")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=0.2)
    except sqlite3.Error as exc:
        raise translate_error(exc, path) from exc
    try:
        _configure(conn, read_only)
        app_id, version, has_tables = _identity(conn)
        if app_id != APPLICATION_ID and (app_id != 0 or has_tables):
            raise NotADiary(path, f"application_id={app_id:#x}")
        if version > SCHEMA_VERSION:
            raise NewerDiary(path, version, SCHEMA_VERSION)
        db = Database(conn, execute_plugins=False)
        if read_only:
            if version < SCHEMA_VERSION:
                raise DiaryError(f"{path} needs an upgrade, which cannot be done read-only.", path)
            return db
        if not has_tables:
            fresh = True
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if MIGRATIONS.pending(db):
            if before_migrate is not None and not fresh:
                before_migrate(db)
            MIGRATIONS.apply(db)
        return db
    except DiaryError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise translate_error(exc, path) from exc


def close_diary(db: Database) -> None:
    """Checkpoint the write-ahead log into the main file and close, leaving one self-contained
    file behind."""
    with contextlib.suppress(sqlite3.Error):
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
