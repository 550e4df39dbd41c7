"""Deleted items of a partnership: list them, restore them, or empty them for good.

Deleting in the app is a soft delete (a ``deleted_at`` stamp), so everything stays recoverable
until the user empties the deleted items. Emptying removes the rows for real, and their text from
the full-text indexes first; then the indexes are merged so that no tombstoned token of the
removed text stays in them (``secure_delete`` is on, so the freed pages are zeroed too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlite_utils import Database

from app.persistence import fts
from app.persistence.integrity import purge_deleted_text
from app.persistence.rows import rows

Kind = Literal["event", "entry", "action", "objective"]

# What a deleted item of each kind is called by: a column of its own row.
_LABELS: dict[Kind, tuple[str, str]] = {
    "event": ("events", "title"),
    "entry": ("entries", "text"),
    "action": ("actions", "text"),
    "objective": ("objectives", "text"),
}


@dataclass(frozen=True, slots=True)
class DeletedItem:
    kind: Kind
    pk: int
    label: str
    deleted_at: str


def list_deleted(db: Database, partnership_pk: int) -> list[DeletedItem]:
    """Deleted items of a partnership, the most recently deleted first."""
    found: list[DeletedItem] = []
    for kind, (table, column) in _LABELS.items():
        for r in rows(
            db,
            f"SELECT pk, {column} AS label, deleted_at FROM {table} "
            "WHERE partnership_pk = ? AND deleted_at IS NOT NULL",
            [partnership_pk],
        ):
            found.append(DeletedItem(kind, r["pk"], r["label"], r["deleted_at"]))
    return sorted(found, key=lambda item: item.deleted_at, reverse=True)


def restore(db: Database, kind: Kind, pk: int) -> None:
    """Bring a deleted item back as it was."""
    table = _LABELS[kind][0]
    db.execute(f"UPDATE {table} SET deleted_at = NULL WHERE pk = ?", [pk])


def empty(db: Database, partnership_pk: int) -> int:
    """Remove a partnership's deleted items for good; returns how many were removed."""
    removed = 0
    doomed_entries = rows(
        db,
        "SELECT n.pk, n.text FROM entries n JOIN events e ON e.pk = n.event_pk "
        "WHERE n.partnership_pk = ? AND (n.deleted_at IS NOT NULL OR e.deleted_at IS NOT NULL)",
        [partnership_pk],
    )
    for r in doomed_entries:
        # An action made from a removed entry stays; it only loses the link to its source.
        db.execute("UPDATE actions SET source_entry_pk = NULL WHERE source_entry_pk = ?", [r["pk"]])
        fts.entry_removed(db, r["pk"], r["text"])
        db.execute("DELETE FROM entries WHERE pk = ?", [r["pk"]])
        removed += 1
    for r in rows(
        db,
        "SELECT pk FROM events WHERE partnership_pk = ? AND deleted_at IS NOT NULL",
        [partnership_pk],
    ):
        fts.forget_event(db, r["pk"])
        db.execute("DELETE FROM events WHERE pk = ?", [r["pk"]])
        removed += 1
    for table in ("actions", "objectives"):
        cur = db.execute(
            f"DELETE FROM {table} WHERE partnership_pk = ? AND deleted_at IS NOT NULL",
            [partnership_pk],
        )
        removed += max(cur.rowcount, 0)
    if removed:
        # Without the merge the removed words stay readable in the index's old segments.
        purge_deleted_text(db.conn)
    return removed
