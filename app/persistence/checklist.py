"""Per-partnership checklist changes, warning acknowledgements, and the facts the rules read.

Custom checklist items and hidden template items share ``checklist_custom``: a row with text
is the partnership's own item; a row with ``hidden`` set hides the item of that id (template or
own). Acknowledgements of warnings are never updated or deleted: they are the history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from app.domain import Dimension, EntryType, Participant, Rating, Visibility
from app.persistence.rows import d2s, now_stamp, rows, s2d

# Plain dictionaries: ``EntryType(value)`` per row is slow on a large partnership.
_TYPES = {t.value: t for t in EntryType}
_VISIBILITIES = {v.value: v for v in Visibility}


@dataclass(frozen=True, slots=True)
class CustomItem:
    item: str
    phase: str
    text: str | None
    hidden: bool


@dataclass(frozen=True, slots=True)
class WarningAck:
    warning: str
    acknowledged_on: date
    severity: str
    evidence_count: int
    # "kind:pk" keys of the evidence seen when acknowledging (None in acks without them).
    evidence: frozenset[str] | None
    note: str | None
    pk: int


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


def delete_custom(db: Database, partnership_pk: int, item: str) -> None:
    db.execute(
        "DELETE FROM checklist_custom WHERE partnership_pk = ? AND item = ?",
        [partnership_pk, item],
    )


def add_ack(
    db: Database,
    partnership_pk: int,
    warning: str,
    on: date,
    severity: str,
    evidence: list[str],
    note: str | None,
) -> int:
    cur = db.execute(
        "INSERT INTO warning_acks (partnership_pk, warning, acknowledged_on, severity, "
        "evidence_count, evidence, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            warning,
            d2s(on),
            severity,
            len(evidence),
            json.dumps(sorted(evidence)),
            note,
        ],
    )
    return int(cur.lastrowid or 0)


def delete_ack(db: Database, ack_pk: int) -> None:
    """Only for undoing an acknowledgement just made."""
    db.execute("DELETE FROM warning_acks WHERE pk = ?", [ack_pk])


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


def entry_facts(
    db: Database, partnership_pk: int
) -> list[tuple[int, int, str, EntryType, Visibility]]:
    """(pk, event pk, event date, type, visibility) of the live entries the rules count.

    Only ideas, accomplishments and assessments, and never their text: the index on
    (partnership, type) finds them without reading the other entries of a large diary.
    """
    return [
        (r[0], r[1], r[2][:10], _TYPES[r[3]], _VISIBILITIES[r[4]])
        for r in db.conn.execute(
            "SELECT n.pk, n.event_pk, e.date, n.type, n.visibility FROM entries n "
            "JOIN events e ON e.pk = n.event_pk WHERE n.partnership_pk = ? "
            "AND n.type IN ('idea', 'accomplishment', 'assessment') "
            "AND n.deleted_at IS NULL AND e.deleted_at IS NULL",
            [partnership_pk],
        )
    ]


def event_participants(db: Database, partnership_pk: int) -> list[tuple[int, Participant]]:
    """(event pk, participant) of every live event of the partnership, in list order."""
    return [
        (r[0], Participant(person=r[1], invited=bool(r[2]), attended=bool(r[3])))
        for r in db.conn.execute(
            "SELECT p.event_pk, p.person_pk, p.invited, p.attended FROM participants p "
            "JOIN events e ON e.pk = p.event_pk WHERE e.partnership_pk = ? "
            "AND e.deleted_at IS NULL ORDER BY p.event_pk, p.seq",
            [partnership_pk],
        )
    ]


def event_ratings(db: Database, partnership_pk: int) -> list[tuple[int, Rating]]:
    """(event pk, rating) of every live event of the partnership."""
    dimensions = {d.value: d for d in Dimension}
    return [
        (r[0], Rating(organization=r[1], dimension=dimensions[r[2]], value=r[3], respondent=r[4]))
        for r in db.conn.execute(
            "SELECT r.event_pk, r.organization_pk, r.dimension, r.value, r.respondent_pk "
            "FROM ratings r JOIN events e ON e.pk = r.event_pk WHERE e.partnership_pk = ? "
            "AND e.deleted_at IS NULL ORDER BY r.event_pk, r.seq",
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
