"""Small conversions between SQLite values and domain values, shared by the repositories."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlite_utils import Database

from app.domain.days import iso_day


def d2s(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def s2d(value: str | None) -> date | None:
    return iso_day(value) if value else None


def now_stamp() -> str:
    """The UTC timestamp format of created_at / updated_at / deleted_at."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def next_seq(db: Database, table: str, column: str, key: int) -> int:
    """The next position in an ordered child list (keeps the order of the exchange file)."""
    row = db.execute(
        f"SELECT coalesce(max(seq), -1) + 1 FROM {table} WHERE {column} = ?", [key]
    ).fetchone()
    return int(row[0])


def rows(db: Database, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Run a read query and return its rows as dictionaries."""
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def one(db: Database, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> dict[str, Any] | None:
    found = rows(db, sql, params)
    return found[0] if found else None
