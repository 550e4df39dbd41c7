"""Actions of a partnership's plan."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from app.domain import Action, ActionStatus, Visibility
from app.persistence.rows import d2s, next_seq, now_stamp, one, rows, s2d

# A plain dictionary: ``ActionStatus(value)`` per row is slow for a 1,000-action plan.
_STATUSES = {s.value: s for s in ActionStatus}


def _action(r: dict[str, Any]) -> Action:
    return Action(
        text=r["text"],
        created_on=s2d(r["created_on"]),  # type: ignore[arg-type]
        status=_STATUSES[r["status"]],
        owner=r["owner_pk"],
        organization=r["organization_pk"],
        due_on=s2d(r["due_on"]),
        done_on=s2d(r["done_on"]),
        source_entry=r["source_entry_pk"],
        id=r["id"],
        pk=r["pk"],
        visibility=Visibility(r["visibility"]),
    )


def list_actions(db: Database, partnership_pk: int) -> list[Action]:
    return [
        _action(r)
        for r in rows(
            db,
            "SELECT * FROM actions WHERE partnership_pk = ? AND deleted_at IS NULL ORDER BY seq",
            [partnership_pk],
        )
    ]


def get_action(db: Database, pk: int) -> Action | None:
    row = one(db, "SELECT * FROM actions WHERE pk = ?", [pk])
    return _action(row) if row else None


def insert_action(db: Database, partnership_pk: int, a: Action, *, seq: int | None = None) -> int:
    """Store a new action last in the plan; ``seq``: its place, when the caller knows it (an
    import numbers a new partnership's plan itself: finding the last place reads every action
    of the partnership, which made importing a large plan quadratic)."""
    cur = db.execute(
        "INSERT INTO actions (partnership_pk, id, seq, text, owner_pk, organization_pk, "
        "created_on, due_on, status, done_on, source_entry_pk, visibility) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            a.id,
            next_seq(db, "actions", "partnership_pk", partnership_pk) if seq is None else seq,
            a.text,
            a.owner,
            a.organization,
            d2s(a.created_on),
            d2s(a.due_on),
            a.status.value,
            d2s(a.done_on),
            a.source_entry,
            a.visibility.value,
        ],
    )
    a.pk = int(cur.lastrowid or 0)
    return a.pk


def update_action(db: Database, a: Action) -> None:
    db.execute(
        "UPDATE actions SET text = ?, owner_pk = ?, organization_pk = ?, created_on = ?, "
        "due_on = ?, status = ?, done_on = ?, source_entry_pk = ?, visibility = ?, updated_at = ? "
        "WHERE pk = ?",
        [
            a.text,
            a.owner,
            a.organization,
            d2s(a.created_on),
            d2s(a.due_on),
            a.status.value,
            d2s(a.done_on),
            a.source_entry,
            a.visibility.value,
            now_stamp(),
            a.pk,
        ],
    )


def set_action_deleted(db: Database, pk: int, deleted: bool) -> None:
    db.execute(
        "UPDATE actions SET deleted_at = ? WHERE pk = ?", [now_stamp() if deleted else None, pk]
    )
