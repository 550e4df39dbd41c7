"""Keeping the full-text indexes in step with entries and events.

The indexes use external content (the text lives once, in ``entries`` and ``events``), so each
write of that text tells the index what it removed and what it added. Every function here runs
inside the caller's transaction.
"""

from __future__ import annotations

from sqlite_utils import Database


def entry_added(db: Database, pk: int, text: str) -> None:
    db.execute("INSERT INTO entries_fts(rowid, text) VALUES (?, ?)", [pk, text])


def entries_added(db: Database, event_pk: int, first_seq: int = 0) -> None:
    """Index the entries of event ``event_pk`` from position ``first_seq`` on, just inserted
    (one statement for a whole event)."""
    db.execute(
        "INSERT INTO entries_fts(rowid, text) "
        "SELECT pk, text FROM entries WHERE event_pk = ? AND seq >= ? ORDER BY seq",
        [event_pk, first_seq],
    )


def partnership_entries_added(db: Database, partnership_pk: int) -> None:
    """Index every entry of a partnership just stored in bulk (an import): one statement, which
    FTS5 builds far faster than one insert per entry or per event."""
    db.execute(
        "INSERT INTO entries_fts(rowid, text) "
        "SELECT pk, text FROM entries WHERE partnership_pk = ? ORDER BY pk",
        [partnership_pk],
    )


def entry_removed(db: Database, pk: int, text: str) -> None:
    db.execute(
        "INSERT INTO entries_fts(entries_fts, rowid, text) VALUES ('delete', ?, ?)", [pk, text]
    )


def event_added(db: Database, pk: int, title: str, purpose: str | None) -> None:
    db.execute(
        "INSERT INTO events_fts(rowid, title, purpose) VALUES (?, ?, ?)", [pk, title, purpose]
    )


def event_removed(db: Database, pk: int, title: str, purpose: str | None) -> None:
    db.execute(
        "INSERT INTO events_fts(events_fts, rowid, title, purpose) VALUES ('delete', ?, ?, ?)",
        [pk, title, purpose],
    )


def forget_partnership(db: Database, partnership_pk: int) -> None:
    """Remove a partnership's rows from both indexes (before the partnership is deleted)."""
    db.execute(
        "INSERT INTO entries_fts(entries_fts, rowid, text) "
        "SELECT 'delete', pk, text FROM entries WHERE partnership_pk = ?",
        [partnership_pk],
    )
    db.execute(
        "INSERT INTO events_fts(events_fts, rowid, title, purpose) "
        "SELECT 'delete', pk, title, purpose FROM events WHERE partnership_pk = ?",
        [partnership_pk],
    )


def forget_event(db: Database, event_pk: int) -> None:
    """Remove an event and its entries from the indexes (before the event is purged)."""
    db.execute(
        "INSERT INTO entries_fts(entries_fts, rowid, text) "
        "SELECT 'delete', pk, text FROM entries WHERE event_pk = ?",
        [event_pk],
    )
    db.execute(
        "INSERT INTO events_fts(events_fts, rowid, title, purpose) "
        "SELECT 'delete', pk, title, purpose FROM events WHERE pk = ?",
        [event_pk],
    )
