"""Health checks of a diary file: SQLite's own checks plus the foreign keys.

``quick_problems`` runs at every open (fast: it skips index contents); ``full_problems`` runs on
every backup before it is renamed into place and in ``kumppani check``. Each returns the
problems as plain lines, empty when the file is healthy. ``record_counts`` tells the restore
dialog what a backup holds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_CORRUPT_NAMES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def _pragma_lines(conn: sqlite3.Connection, pragma: str) -> list[str]:
    """Rows of an integrity pragma other than 'ok'. A file too broken to even run the check
    raises ``sqlite3.DatabaseError`` — the caller treats that as damage too."""
    lines = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    return [line for line in lines if line != "ok"]


def _foreign_key_lines(conn: sqlite3.Connection) -> list[str]:
    return [
        f"foreign key: {table} row {rowid} refers to a missing {parent} row"
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()
    ]


def quick_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA quick_check`` and ``PRAGMA foreign_key_check``."""
    return _pragma_lines(conn, "quick_check") + _foreign_key_lines(conn)


def full_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``."""
    return _pragma_lines(conn, "integrity_check") + _foreign_key_lines(conn)


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether an SQLite error says the file itself is broken."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    return name.startswith(_CORRUPT_NAMES) or "malformed" in text or "not a database" in text


def open_snapshot(path: Path) -> sqlite3.Connection:
    """A read-only connection to a file that nobody writes (a backup): never changes it."""
    uri = f"file:{path.resolve().as_posix()}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True)


def check_file(path: Path, *, full: bool = True) -> list[str]:
    """Problems of a closed file, read without writing; an unreadable file is one problem."""
    try:
        conn = open_snapshot(path)
    except sqlite3.Error as exc:
        return [f"{type(exc).__name__}: {exc}"]
    try:
        return full_problems(conn) if full else quick_problems(conn)
    except sqlite3.Error as exc:
        return [f"{type(exc).__name__}: {exc}"]
    finally:
        conn.close()


def record_counts(conn: sqlite3.Connection) -> tuple[int, int]:
    """Partnerships and events (not deleted) in a diary."""
    partnerships = conn.execute(
        "SELECT count(*) FROM partnerships WHERE deleted_at IS NULL"
    ).fetchone()[0]
    events = conn.execute(
        "SELECT count(*) FROM events e JOIN partnerships p ON p.pk = e.partnership_pk "
        "WHERE e.deleted_at IS NULL AND p.deleted_at IS NULL"
    ).fetchone()[0]
    return int(partnerships), int(events)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def set_rollback_journal(conn: sqlite3.Connection) -> None:
    """Make a copy self-contained in one file (backups must not depend on a -wal file)."""
    conn.execute("PRAGMA journal_mode = DELETE")


def purge_deleted_text(conn: sqlite3.Connection) -> None:
    """Rewrite the full-text indexes so that text of removed rows leaves the file.

    FTS5 records a removal as a tombstone and keeps the old tokens in its segments until they
    are merged; ``optimize`` merges everything, and ``secure_delete`` zeroes the freed pages.
    Run it after emptying the deleted items (it rewrites the whole index: not on every edit).
    """
    for table in ("entries_fts", "events_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
