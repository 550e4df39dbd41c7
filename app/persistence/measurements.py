"""Dated measurements of objectives' indicators, and the partners' end-of-cycle decisions."""

from __future__ import annotations

from sqlite_utils import Database

from app.domain.enums import Outcome
from app.domain.model import CycleDecision, Measurement
from app.persistence.rows import d2s, next_seq, rows, s2d


def list_measurements(db: Database, partnership_pk: int) -> dict[int, list[Measurement]]:
    """Each objective's measurements in the order entered, by the objective's key."""
    found: dict[int, list[Measurement]] = {}
    for r in rows(
        db,
        "SELECT * FROM measurements WHERE partnership_pk = ? ORDER BY objective_pk, seq",
        [partnership_pk],
    ):
        found.setdefault(r["objective_pk"], []).append(
            Measurement(
                measured_on=s2d(r["measured_on"]),  # type: ignore[arg-type]
                value=float(r["value"]),
                note=r["note"],
                id=r["id"],
                pk=r["pk"],
            )
        )
    return found


def insert_measurement(db: Database, partnership_pk: int, objective_pk: int, m: Measurement) -> int:
    cur = db.execute(
        "INSERT INTO measurements (partnership_pk, objective_pk, id, seq, measured_on, value, "
        "note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            objective_pk,
            m.id,
            next_seq(db, "measurements", "objective_pk", objective_pk),
            d2s(m.measured_on),
            m.value,
            m.note,
        ],
    )
    m.pk = int(cur.lastrowid or 0)
    return m.pk


def delete_measurement(db: Database, pk: int) -> None:
    db.execute("DELETE FROM measurements WHERE pk = ?", [pk])


def list_cycle_decisions(db: Database, partnership_pk: int) -> list[CycleDecision]:
    return [
        CycleDecision(
            decided_on=s2d(r["decided_on"]),  # type: ignore[arg-type]
            outcome=Outcome(r["outcome"]),
            note=r["note"],
            event=r["event_pk"],
            id=r["id"],
            pk=r["pk"],
        )
        for r in rows(
            db,
            "SELECT * FROM cycle_decisions WHERE partnership_pk = ? ORDER BY seq",
            [partnership_pk],
        )
    ]


def insert_cycle_decision(db: Database, partnership_pk: int, c: CycleDecision) -> int:
    cur = db.execute(
        "INSERT INTO cycle_decisions (partnership_pk, id, seq, decided_on, outcome, note, "
        "event_pk) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            c.id,
            next_seq(db, "cycle_decisions", "partnership_pk", partnership_pk),
            d2s(c.decided_on),
            c.outcome.value,
            c.note,
            c.event,
        ],
    )
    c.pk = int(cur.lastrowid or 0)
    return c.pk


def delete_cycle_decision(db: Database, pk: int) -> None:
    db.execute("DELETE FROM cycle_decisions WHERE pk = ?", [pk])
