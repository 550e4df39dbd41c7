"""Entries written into events: ideas, decisions, obstacles, observations and the rest."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from app.domain import Entry, EntryType, Tension, Visibility
from app.persistence import fts
from app.persistence.rows import next_seq, now_stamp, one, rows


def tensions_to_text(tensions: tuple[Tension, ...]) -> str:
    return ",".join(t.value for t in tensions)


@lru_cache(maxsize=64)
def text_to_tensions(text: str | None) -> tuple[Tension, ...]:
    # Cached: a diary holds only a handful of distinct tension strings, and reading a large
    # partnership converts tens of thousands of them (Enum lookups are slow in Python 3.11).
    return tuple(Tension(t) for t in text.split(",") if t) if text else ()


# Plain dictionaries: ``EntryType(value)`` costs several times more per row than a lookup.
_TYPES = {t.value: t for t in EntryType}
_VISIBILITIES = {v.value: v for v in Visibility}


def _entry(r: dict[str, Any]) -> Entry:
    return Entry(
        event=r["event_pk"],
        type=_TYPES[r["type"]],
        text=r.get("text", ""),
        visibility=_VISIBILITIES[r["visibility"]],
        tensions=text_to_tensions(r["tensions"]),
        id=r["id"],
        pk=r["pk"],
    )


def list_entries(db: Database, event_pk: int, *, limit: int = -1, offset: int = 0) -> list[Entry]:
    """Live entries of an event in order; ``limit``/``offset`` read one page (-1: all)."""
    return [
        _entry(r)
        for r in rows(
            db,
            "SELECT * FROM entries WHERE event_pk = ? AND deleted_at IS NULL ORDER BY seq "
            "LIMIT ? OFFSET ?",
            [event_pk, limit, offset],
        )
    ]


# Every column of an entry but its text (the computations count entries, they never read them).
_NO_TEXT = "n.pk, n.event_pk, n.id, n.type, n.visibility, n.tensions"


def list_partnership_entries(
    db: Database, partnership_pk: int, *, texts: bool = True
) -> list[tuple[str, Entry]]:
    """All live entries of a partnership's live events as (event date, entry), in date order.

    ``texts=False`` leaves every text empty and never reads one: the entry rows stay unread
    past their small columns, which is what the plots and indicators need of 200,000 entries.
    """
    columns = "n.*" if texts else _NO_TEXT
    return [
        (r["date"], _entry(r))
        for r in rows(
            db,
            f"SELECT {columns}, e.date FROM entries n JOIN events e ON e.pk = n.event_pk "
            "WHERE n.partnership_pk = ? AND n.deleted_at IS NULL AND e.deleted_at IS NULL "
            "ORDER BY e.date, e.pk, n.seq",
            [partnership_pk],
        )
    ]


_LIVE = (
    "SELECT n.pk, n.id FROM entries n JOIN events e ON e.pk = n.event_pk "
    "WHERE n.partnership_pk = ? AND n.deleted_at IS NULL AND e.deleted_at IS NULL"
)


def live_entry_ids(db: Database, partnership_pk: int, pks: list[int]) -> dict[int, str]:
    """Key → id of those of ``pks`` that are live entries of live events of the partnership."""
    found: dict[int, str] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        sql = f"{_LIVE} AND n.pk IN ({','.join('?' * len(chunk))})"
        found.update((r[0], r[1]) for r in db.conn.execute(sql, [partnership_pk, *chunk]))
    return found


def live_entry_ids_among(db: Database, partnership_pk: int, ids: list[str]) -> set[str]:
    """Those of ``ids`` that are ids of live entries of live events of the partnership."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"{_LIVE} AND n.id IN ({','.join('?' * len(chunk))})"
        found.update(r[1] for r in db.conn.execute(sql, [partnership_pk, *chunk]))
    return found


def get_entry(db: Database, pk: int) -> Entry | None:
    row = one(db, "SELECT * FROM entries WHERE pk = ?", [pk])
    return _entry(row) if row else None


def insert_entry(db: Database, partnership_pk: int, e: Entry) -> int:
    cur = db.execute(
        "INSERT INTO entries (partnership_pk, event_pk, id, seq, type, text, visibility, tensions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            e.event,
            e.id,
            next_seq(db, "entries", "event_pk", e.event),
            e.type.value,
            e.text,
            (e.visibility or e.type.default_visibility).value,
            tensions_to_text(e.tensions),
        ],
    )
    e.pk = int(cur.lastrowid or 0)
    fts.entry_added(db, e.pk, e.text)
    return e.pk


def update_entry(db: Database, e: Entry) -> None:
    old = one(db, "SELECT text FROM entries WHERE pk = ?", [e.pk])
    if old is not None and old["text"] != e.text and e.pk is not None:
        fts.entry_removed(db, e.pk, old["text"])
        fts.entry_added(db, e.pk, e.text)
    db.execute(
        "UPDATE entries SET type = ?, text = ?, visibility = ?, tensions = ?, updated_at = ? "
        "WHERE pk = ?",
        [
            e.type.value,
            e.text,
            (e.visibility or e.type.default_visibility).value,
            tensions_to_text(e.tensions),
            now_stamp(),
            e.pk,
        ],
    )


def set_entry_deleted(db: Database, pk: int, deleted: bool) -> None:
    db.execute(
        "UPDATE entries SET deleted_at = ? WHERE pk = ?", [now_stamp() if deleted else None, pk]
    )


# Entry types the computations count: the rules and the indicators read no other type.
COUNTED_TYPES = ("idea", "accomplishment", "assessment")


def entry_facts(
    db: Database, partnership_pk: int, *, texts: bool = False
) -> list[tuple[int, int, str, EntryType, Visibility, str]]:
    """(pk, event pk, event date, type, visibility, text) of the live entries of live events.

    Without ``texts`` only the counted types, and never their text ("" instead): the index on
    (partnership, type) finds them without reading the other entries of a large diary.
    """
    text, where = ("n.text", "") if texts else ("''", " AND n.type IN (?, ?, ?)")
    params: list[object] = [partnership_pk] + ([] if texts else list(COUNTED_TYPES))
    return [
        (r[0], r[1], r[2][:10], _TYPES[r[3]], _VISIBILITIES[r[4]], r[5])
        for r in db.conn.execute(
            f"SELECT n.pk, n.event_pk, e.date, n.type, n.visibility, {text} FROM entries n "
            f"JOIN events e ON e.pk = n.event_pk WHERE n.partnership_pk = ?{where} "
            "AND n.deleted_at IS NULL AND e.deleted_at IS NULL ORDER BY e.date, e.pk, n.seq",
            params,
        )
    ]
