"""Merging diaries: when two diaries last met, the deletions that travel, and the versions a
merge replaced (revisions). The tables are keyed by the partnership's text id, so they outlive
the merge storing the merged partnership anew."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.persistence.rows import rows

KINDS = {"event": "events", "entry": "entries", "action": "actions"}


@dataclass(frozen=True, slots=True)
class Revision:
    pk: int
    kind: str
    record_id: str
    saved_at: str
    reason: str
    diary: str | None
    body: dict[str, Any]


def _second(stamp: str) -> str:
    return stamp[:19] + "Z"


def tombstones(
    db: Database, partnership_id: str, partnership_pk: int | None
) -> list[dict[str, str]]:
    """The partnership's deletions: those kept from files and merges, and its deleted items."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for r in rows(
        db,
        "SELECT kind, id, deleted_at FROM tombstones WHERE partnership_id = ?",
        [partnership_id],
    ):
        found[(r["kind"], r["id"])] = {
            "kind": r["kind"],
            "id": r["id"],
            "deleted_at": r["deleted_at"],
        }
    if partnership_pk is not None:
        for kind, table in KINDS.items():
            for r in rows(
                db,
                f"SELECT id, deleted_at FROM {table} "
                "WHERE partnership_pk = ? AND deleted_at IS NOT NULL",
                [partnership_pk],
            ):
                stamp = _second(r["deleted_at"])
                old = found.get((kind, r["id"]))
                if old is None or old["deleted_at"] < stamp:
                    found[(kind, r["id"])] = {"kind": kind, "id": r["id"], "deleted_at": stamp}
    return [found[k] for k in sorted(found)]


def store_tombstones(db: Database, partnership_id: str, items: Iterable[dict[str, Any]]) -> None:
    db.execute("DELETE FROM tombstones WHERE partnership_id = ?", [partnership_id])
    for t in items:
        db.execute(
            "INSERT OR REPLACE INTO tombstones (partnership_id, kind, id, deleted_at, deleted_by) "
            "VALUES (?, ?, ?, ?, ?)",
            [partnership_id, t["kind"], t["id"], t["deleted_at"], t.get("deleted_by")],
        )


def meetings(db: Database, partnership_id: str) -> list[dict[str, str]]:
    """When this diary last met each other diary over the partnership, oldest diary id first."""
    return [
        {"diary": r["diary"], "merged_at": r["merged_at"]}
        for r in rows(
            db,
            "SELECT diary, merged_at FROM merges WHERE partnership_id = ? ORDER BY diary",
            [partnership_id],
        )
    ]


def store_meetings(db: Database, partnership_id: str, items: Iterable[dict[str, Any]]) -> None:
    for m in items:
        db.execute(
            "INSERT INTO merges (partnership_id, diary, merged_at) VALUES (?, ?, ?) "
            "ON CONFLICT DO UPDATE SET merged_at = max(merged_at, excluded.merged_at)",
            [partnership_id, m["diary"], m["merged_at"]],
        )


def add_revision(
    db: Database,
    partnership_id: str,
    kind: str,
    body: dict[str, Any],
    *,
    saved_at: str,
    reason: str,
    diary: str | None,
) -> None:
    db.execute(
        "INSERT INTO revisions (partnership_id, kind, record_id, saved_at, reason, diary, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_id,
            kind,
            body["id"],
            saved_at,
            reason,
            diary,
            json.dumps(body, sort_keys=True),
        ],
    )


def revisions(
    db: Database, partnership_id: str, kind: str | None = None, record_id: str | None = None
) -> list[Revision]:
    """The versions merges replaced, newest first (of one record, when given)."""
    sql = "SELECT * FROM revisions WHERE partnership_id = ?"
    args: list[Any] = [partnership_id]
    if kind is not None:
        sql += " AND kind = ?"
        args.append(kind)
    if record_id is not None:
        sql += " AND record_id = ?"
        args.append(record_id)
    return [
        Revision(
            r["pk"],
            r["kind"],
            r["record_id"],
            r["saved_at"],
            r["reason"],
            r["diary"],
            json.loads(r["body"]),
        )
        for r in rows(db, sql + " ORDER BY saved_at DESC, pk DESC", args)
    ]


def revision(db: Database, pk: int) -> tuple[str, Revision] | None:
    """A revision and its partnership's id."""
    for r in rows(db, "SELECT * FROM revisions WHERE pk = ?", [pk]):
        rev = Revision(
            r["pk"],
            r["kind"],
            r["record_id"],
            r["saved_at"],
            r["reason"],
            r["diary"],
            json.loads(r["body"]),
        )
        return str(r["partnership_id"]), rev
    return None


def entry_revisions(db: Database, entry_pk: int) -> list[Revision]:
    """The earlier versions of one entry of the diary, newest first."""
    return [
        Revision(
            r["pk"],
            r["kind"],
            r["record_id"],
            r["saved_at"],
            r["reason"],
            r["diary"],
            json.loads(r["body"]),
        )
        for r in rows(
            db,
            "SELECT v.* FROM revisions v JOIN entries n ON n.id = v.record_id "
            "JOIN partnerships p ON p.pk = n.partnership_pk AND p.id = v.partnership_id "
            "WHERE v.kind = 'entry' AND n.pk = ? ORDER BY v.saved_at DESC, v.pk DESC",
            [entry_pk],
        )
    ]


def trashed(db: Database, partnership_pk: int) -> list[tuple[str, dict[str, Any]]]:
    """The partnership's deleted items of the kinds that travel, as revision bodies: a merge
    stores the partnership anew, and keeps these as revisions rather than lose them."""
    found: list[tuple[str, dict[str, Any]]] = []
    for r in rows(
        db,
        "SELECT n.id, n.type, n.text, n.visibility, n.tensions, e.id AS event FROM entries n "
        "JOIN events e ON e.pk = n.event_pk WHERE n.partnership_pk = ? "
        "AND (n.deleted_at IS NOT NULL OR e.deleted_at IS NOT NULL)",
        [partnership_pk],
    ):
        tensions = [t for t in str(r["tensions"]).split(",") if t]
        found.append(
            (
                "entry",
                {
                    "id": r["id"],
                    "type": r["type"],
                    "text": r["text"],
                    "visibility": r["visibility"],
                    "tensions": tensions,
                    "__event": r["event"],
                },
            )
        )
    for kind, table, column in (
        ("event", "events", "title"),
        ("action", "actions", "text"),
        ("objective", "objectives", "text"),
    ):
        for r in rows(
            db,
            f"SELECT id, {column} AS label FROM {table} "
            "WHERE partnership_pk = ? AND deleted_at IS NOT NULL",
            [partnership_pk],
        ):
            found.append((kind, {"id": r["id"], column: r["label"]}))
    return found
