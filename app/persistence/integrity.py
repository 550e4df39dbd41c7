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


# Values SQLite's checks cannot judge, because the schema stores them as plain text: a bit
# flipped in a date (``2024,11-27``) or in a JSON list passes ``integrity_check`` and would end
# a reader with a traceback. Found by the schema's naming rule: every ``…_on`` column is a
# date, ``events.date`` a date or a date and a minute; these columns hold JSON.
_JSON_COLUMNS = {
    ("partnerships", "thresholds"),
    ("phases", "confirmed_open"),
    ("feedback_reports", "sections"),
    ("feedback_reports", "options"),
    ("warning_acks", "evidence"),
}
_TENSIONS = ("roles", "exploration", "logics")
_DAY = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"


def _bad_day(column: str) -> str:
    return f"NOT ({column} GLOB {_DAY} AND date({column}) IS {column})"


def _bad_when(column: str) -> str:
    minute = f"{_DAY[:-1]}T[0-9][0-9]:[0-9][0-9]'"
    return (
        f"NOT (({column} GLOB {_DAY} AND date({column}) IS {column}) OR ({column} GLOB {minute}"
        f" AND strftime('%Y-%m-%dT%H:%M', {column}) IS {column}))"
    )


def _bad_tensions(column: str) -> str:
    left = f"(',' || {column} || ',')"
    for name in _TENSIONS:
        left = f"replace({left}, ',{name},', ',')"
    return f"{column} <> '' AND trim({left}, ',') <> ''"


def _column_checks(conn: sqlite3.Connection, full: bool) -> list[tuple[str, str, str]]:
    """(table, column, condition that is true for a damaged value), from the live schema.

    Without ``full`` the entries' tensions are left out: reading every entry row costs more
    than the rest together (tens of milliseconds in a large diary), too much for every open."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "AND name NOT LIKE '%fts%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
        )
    ]
    checks = []
    for table in tables:
        for column in [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]:
            q = f'"{column}"'
            if column.endswith("_on"):
                checks.append((table, column, _bad_day(q)))
            elif table == "events" and column == "date":
                checks.append((table, column, _bad_when(q)))
            elif (table, column) in _JSON_COLUMNS:
                checks.append((table, column, f"{q} <> '' AND NOT json_valid({q})"))
            elif full and table == "entries" and column == "tensions":
                checks.append((table, column, _bad_tensions(q)))
    return checks


def content_problems(conn: sqlite3.Connection, *, full: bool = True) -> list[str]:
    """Stored values the schema should never hold (damaged dates, lists, JSON), as lines."""
    problems = []
    for table, column, bad in _column_checks(conn, full):
        sql = f'SELECT rowid FROM "{table}" WHERE "{column}" IS NOT NULL AND ({bad}) LIMIT 5'
        problems += [
            f"{table} row {r[0]}: the value of {column} is damaged" for r in conn.execute(sql)
        ]
    return problems


def quick_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA quick_check``, ``PRAGMA foreign_key_check`` and the stored values' shapes."""
    problems = _pragma_lines(conn, "quick_check") + _foreign_key_lines(conn)
    return problems or content_problems(conn, full=False)


def full_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check``, ``PRAGMA foreign_key_check`` and the stored values' shapes."""
    problems = _pragma_lines(conn, "integrity_check") + _foreign_key_lines(conn)
    return problems or content_problems(conn)


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
