"""Per-partnership checklist changes and warning acknowledgements.

Custom checklist items and hidden template items share ``checklist_custom``: a row with text
is the partnership's own item; a row with ``hidden`` set hides the item of that id (template or
own). Acknowledgements of warnings are never updated or deleted: they are the history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from app.domain.model import WarningAck
from app.persistence.rows import d2s, now_stamp, rows, s2d

__all__ = ["CustomItem", "WarningAck"]  # WarningAck lives in app.domain.model


@dataclass(frozen=True, slots=True)
class CustomItem:
    item: str
    phase: str
    text: str | None
    hidden: bool


def list_custom(db: Database, partnership_pk: int) -> list[CustomItem]:
    return [
        CustomItem(r["item"], r["phase"], r["text"], bool(r["hidden"]))
        for r in rows(
            db,
            "SELECT * FROM checklist_custom WHERE partnership_pk = ? ORDER BY pk",
            [partnership_pk],
        )
    ]


def add_custom(db: Database, partnership_pk: int, item: str, phase: str, text: str) -> None:
    db.execute(
        "INSERT INTO checklist_custom (partnership_pk, item, phase, text) VALUES (?, ?, ?, ?)",
        [partnership_pk, item, phase, text],
    )


def set_hidden(db: Database, partnership_pk: int, item: str, phase: str, hidden: bool) -> None:
    """Hide or show an item; hiding a template item records a row with no text."""
    db.execute(
        "INSERT INTO checklist_custom (partnership_pk, item, phase, hidden) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (partnership_pk, item) DO UPDATE SET hidden = excluded.hidden, "
        "updated_at = ?",
        [partnership_pk, item, phase, int(hidden), now_stamp()],
    )


def add_ack(
    db: Database,
    partnership_pk: int,
    warning: str,
    on: date,
    severity: str,
    evidence: list[str],
    note: str | None,
    *,
    known: bool = True,
) -> int:
    """Record an acknowledgement; ``known``: the evidence seen is known (an imported version 1
    acknowledgement without it is not)."""
    cur = db.execute(
        "INSERT INTO warning_acks (partnership_pk, warning, acknowledged_on, severity, "
        "evidence_count, evidence, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            warning,
            d2s(on),
            severity,
            len(evidence),
            json.dumps(sorted(evidence)) if known else None,
            note,
        ],
    )
    return int(cur.lastrowid or 0)


def list_acks(db: Database, partnership_pk: int) -> list[WarningAck]:
    """Every acknowledgement of the partnership, oldest first."""
    return [
        WarningAck(
            warning=r["warning"],
            acknowledged_on=s2d(r["acknowledged_on"]),  # type: ignore[arg-type]
            severity=r["severity"],
            evidence_count=r["evidence_count"],
            evidence=frozenset(json.loads(r["evidence"])) if r["evidence"] else None,
            note=r["note"],
            pk=r["pk"],
        )
        for r in rows(
            db,
            "SELECT * FROM warning_acks WHERE partnership_pk = ? ORDER BY acknowledged_on, pk",
            [partnership_pk],
        )
    ]


def find_evidence(db: Database, partnership_pk: int, ref: str) -> tuple[str, int, str] | None:
    """The live event or entry with text id ``ref``: (kind, pk, label), or None."""
    found = rows(
        db,
        "SELECT pk, title, date FROM events WHERE partnership_pk = ? AND id = ? "
        "AND deleted_at IS NULL",
        [partnership_pk, ref],
    )
    if found:
        r = found[0]
        return ("event", int(r["pk"]), f"{r['title']} ({r['date'][:10]})")
    found = rows(
        db,
        "SELECT pk, text FROM entries WHERE partnership_pk = ? AND id = ? AND deleted_at IS NULL",
        [partnership_pk, ref],
    )
    if found:
        return ("entry", int(found[0]["pk"]), str(found[0]["text"]))
    return None
