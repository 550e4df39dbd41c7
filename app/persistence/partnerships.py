"""Partnerships and what defines them: phase history, objectives, organizations and people."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from app.domain import (
    Level,
    Objective,
    Organization,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Role,
)
from app.domain.enums import Direction
from app.persistence import fts, measurements
from app.persistence.rows import d2s, next_seq, now_stamp, one, rows, s2d

# -- partnerships ---------------------------------------------------------------------------


def _partnership(db: Database, row: dict[str, Any]) -> Partnership:
    p = Partnership(
        name=row["name"],
        started_on=s2d(row["started_on"]),  # type: ignore[arg-type]
        description=row["description"],
        language=row["language"],
        id=row["id"],
        pk=row["pk"],
        planned_end_on=s2d(row["planned_end_on"]),
        vision=row["vision"],
        pilot_scope=row["pilot_scope"],
        min_group_size=row["min_group_size"],
    )
    p.phases = list_phases(db, row["pk"])
    return p


def insert_partnership(db: Database, p: Partnership) -> int:
    """Store a new partnership with its phase history; returns its key."""
    cur = db.execute(
        "INSERT INTO partnerships (id, name, description, started_on, language, planned_end_on, "
        "vision, pilot_scope, min_group_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [p.id, p.name, p.description, d2s(p.started_on), p.language, *_v2_fields(p)],
    )
    p.pk = int(cur.lastrowid or 0)
    for move in p.phases:
        add_phase(db, p.pk, move)
    return p.pk


def update_partnership(db: Database, p: Partnership) -> None:
    db.execute(
        "UPDATE partnerships SET name = ?, description = ?, started_on = ?, language = ?, "
        "planned_end_on = ?, vision = ?, pilot_scope = ?, min_group_size = ?, updated_at = ? "
        "WHERE pk = ?",
        [
            p.name,
            p.description,
            d2s(p.started_on),
            p.language,
            *_v2_fields(p),
            now_stamp(),
            p.pk,
        ],
    )


def _v2_fields(p: Partnership) -> list[Any]:
    return [d2s(p.planned_end_on), p.vision, p.pilot_scope, p.min_group_size]


def get_partnership(db: Database, pk: int) -> Partnership | None:
    row = one(db, "SELECT * FROM partnerships WHERE pk = ? AND deleted_at IS NULL", [pk])
    return _partnership(db, row) if row else None


def get_partnership_and_thresholds(
    db: Database, pk: int
) -> tuple[Partnership, dict[str, Any]] | None:
    """The partnership and its own warning thresholds, from one read of its row."""
    row = one(db, "SELECT * FROM partnerships WHERE pk = ? AND deleted_at IS NULL", [pk])
    if row is None:
        return None
    return _partnership(db, row), json.loads(row["thresholds"]) if row["thresholds"] else {}


def find_partnership(db: Database, ref: str) -> Partnership | None:
    """A partnership by its id, or else by its exact name (the CLI uses services.lookup)."""
    row = one(db, "SELECT * FROM partnerships WHERE id = ? AND deleted_at IS NULL", [ref])
    if row is None:
        row = one(
            db,
            "SELECT * FROM partnerships WHERE name = ? AND deleted_at IS NULL ORDER BY pk",
            [ref],
        )
    return _partnership(db, row) if row else None


def partnership_pk_by_id(db: Database, partnership_id: str) -> int | None:
    row = one(db, "SELECT pk FROM partnerships WHERE id = ?", [partnership_id])
    return int(row["pk"]) if row else None


def list_partnerships(db: Database) -> list[Partnership]:
    return [
        _partnership(db, r)
        for r in rows(
            db, "SELECT * FROM partnerships WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"
        )
    ]


def partnership_counts(db: Database) -> dict[int, dict[str, int]]:
    """For each live partnership: its events, entries and open actions (deleted ones left out)."""
    found = rows(
        db,
        "SELECT p.pk AS pk, "
        "(SELECT COUNT(*) FROM events e WHERE e.partnership_pk = p.pk "
        " AND e.deleted_at IS NULL) AS events, "
        "(SELECT COUNT(*) FROM entries n JOIN events v ON v.pk = n.event_pk "
        " WHERE n.partnership_pk = p.pk AND n.deleted_at IS NULL AND v.deleted_at IS NULL)"
        " AS entries, "
        "(SELECT COUNT(*) FROM actions a WHERE a.partnership_pk = p.pk "
        " AND a.deleted_at IS NULL AND a.status IN ('open', 'in_progress')) AS open_actions "
        "FROM partnerships p WHERE p.deleted_at IS NULL",
    )
    return {
        int(r["pk"]): {k: int(r[k]) for k in ("events", "entries", "open_actions")} for r in found
    }


def delete_partnership(db: Database, pk: int) -> None:
    """Remove a partnership and everything in it (used when an import replaces it)."""
    fts.forget_partnership(db, pk)
    db.execute("DELETE FROM partnerships WHERE pk = ?", [pk])


def get_thresholds(db: Database, pk: int) -> dict[str, Any]:
    row = one(db, "SELECT thresholds FROM partnerships WHERE pk = ?", [pk])
    return json.loads(row["thresholds"]) if row and row["thresholds"] else {}


def set_thresholds(db: Database, pk: int, thresholds: dict[str, Any]) -> None:
    db.execute(
        "UPDATE partnerships SET thresholds = ?, updated_at = ? WHERE pk = ?",
        [json.dumps(thresholds, sort_keys=True), now_stamp(), pk],
    )


# -- phase history --------------------------------------------------------------------------


def list_phases(db: Database, partnership_pk: int) -> list[PhaseMove]:
    return [
        PhaseMove(
            phase=Phase(r["phase"]),
            from_on=s2d(r["from_on"]),  # type: ignore[arg-type]
            note=r["note"],
            confirmed_open=tuple(json.loads(r["confirmed_open"])) if r["confirmed_open"] else (),
            pk=r["pk"],
        )
        for r in rows(
            db, "SELECT * FROM phases WHERE partnership_pk = ? ORDER BY seq", [partnership_pk]
        )
    ]


def add_phase(db: Database, partnership_pk: int, move: PhaseMove) -> int:
    cur = db.execute(
        "INSERT INTO phases (partnership_pk, seq, phase, from_on, note, confirmed_open) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            next_seq(db, "phases", "partnership_pk", partnership_pk),
            move.phase.value,
            d2s(move.from_on),
            move.note,
            json.dumps(list(move.confirmed_open)) if move.confirmed_open else None,
        ],
    )
    move.pk = int(cur.lastrowid or 0)
    return move.pk


def update_phase(db: Database, move: PhaseMove) -> None:
    db.execute(
        "UPDATE phases SET phase = ?, from_on = ?, note = ?, updated_at = ? WHERE pk = ?",
        [move.phase.value, d2s(move.from_on), move.note, now_stamp(), move.pk],
    )


def delete_phase(db: Database, phase_pk: int) -> None:
    db.execute("DELETE FROM phases WHERE pk = ?", [phase_pk])


# -- objectives -----------------------------------------------------------------------------


def _objective(r: dict[str, Any]) -> Objective:
    return Objective(
        text=r["text"],
        indicator=r["indicator"],
        target=r["target"],
        due_on=s2d(r["due_on"]),
        owner=r["owner_pk"],
        id=r["id"],
        pk=r["pk"],
        target_value=r["target_value"],
        unit=r["unit"],
        direction=Direction(r["direction"]) if r["direction"] else None,
    )


def list_objectives(db: Database, partnership_pk: int) -> list[Objective]:
    """The live objectives in order, each with its measurements."""
    found = [
        _objective(r)
        for r in rows(
            db,
            "SELECT * FROM objectives WHERE partnership_pk = ? AND deleted_at IS NULL ORDER BY seq",
            [partnership_pk],
        )
    ]
    by_objective = measurements.list_measurements(db, partnership_pk)
    for o in found:
        o.measurements = by_objective.get(o.pk or 0, [])
    return found


def insert_objective(db: Database, partnership_pk: int, o: Objective) -> int:
    cur = db.execute(
        "INSERT INTO objectives (partnership_pk, id, seq, text, indicator, target, due_on, "
        "owner_pk, target_value, unit, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            o.id,
            next_seq(db, "objectives", "partnership_pk", partnership_pk),
            o.text,
            o.indicator,
            o.target,
            d2s(o.due_on),
            o.owner,
            *_measure_fields(o),
        ],
    )
    o.pk = int(cur.lastrowid or 0)
    for m in o.measurements:
        measurements.insert_measurement(db, partnership_pk, o.pk, m)
    return o.pk


def _measure_fields(o: Objective) -> list[Any]:
    return [o.target_value, o.unit, o.direction.value if o.direction else None]


def update_objective(db: Database, o: Objective) -> None:
    db.execute(
        "UPDATE objectives SET text = ?, indicator = ?, target = ?, due_on = ?, owner_pk = ?, "
        "target_value = ?, unit = ?, direction = ?, updated_at = ? WHERE pk = ?",
        [
            o.text,
            o.indicator,
            o.target,
            d2s(o.due_on),
            o.owner,
            *_measure_fields(o),
            now_stamp(),
            o.pk,
        ],
    )


def set_objective_deleted(db: Database, pk: int, deleted: bool) -> None:
    db.execute(
        "UPDATE objectives SET deleted_at = ? WHERE pk = ?", [now_stamp() if deleted else None, pk]
    )


# -- organizations and people ---------------------------------------------------------------


def list_organizations(db: Database, partnership_pk: int) -> list[Organization]:
    return [
        Organization(name=r["name"], role=Role(r["role"]), id=r["id"], pk=r["pk"])
        for r in rows(
            db,
            "SELECT * FROM organizations WHERE partnership_pk = ? ORDER BY seq",
            [partnership_pk],
        )
    ]


def insert_organization(db: Database, partnership_pk: int, o: Organization) -> int:
    cur = db.execute(
        "INSERT INTO organizations (partnership_pk, id, seq, name, role) VALUES (?, ?, ?, ?, ?)",
        [
            partnership_pk,
            o.id,
            next_seq(db, "organizations", "partnership_pk", partnership_pk),
            o.name,
            o.role.value,
        ],
    )
    o.pk = int(cur.lastrowid or 0)
    return o.pk


def update_organization(db: Database, o: Organization) -> None:
    db.execute(
        "UPDATE organizations SET name = ?, role = ?, updated_at = ? WHERE pk = ?",
        [o.name, o.role.value, now_stamp(), o.pk],
    )


def _person(r: dict[str, Any]) -> Person:
    return Person(
        name=r["name"],
        organization=r["organization_pk"],
        title=r["title"],
        level=Level(r["level"]) if r["level"] else None,
        sponsor=bool(r["sponsor"]),
        pseudonym=r["pseudonym"],
        id=r["id"],
        pk=r["pk"],
        email=r["email"],
    )


def list_people(db: Database, partnership_pk: int) -> list[Person]:
    return [
        _person(r)
        for r in rows(
            db, "SELECT * FROM people WHERE partnership_pk = ? ORDER BY seq", [partnership_pk]
        )
    ]


def insert_person(db: Database, partnership_pk: int, p: Person) -> int:
    cur = db.execute(
        "INSERT INTO people (partnership_pk, id, seq, organization_pk, name, title, level, "
        "sponsor, pseudonym, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            p.id,
            next_seq(db, "people", "partnership_pk", partnership_pk),
            p.organization,
            p.name,
            p.title,
            p.level.value if p.level else None,
            int(p.sponsor),
            p.pseudonym,
            p.email,
        ],
    )
    p.pk = int(cur.lastrowid or 0)
    return p.pk


def update_person(db: Database, p: Person) -> None:
    db.execute(
        "UPDATE people SET organization_pk = ?, name = ?, title = ?, level = ?, sponsor = ?, "
        "pseudonym = ?, email = ?, updated_at = ? WHERE pk = ?",
        [
            p.organization,
            p.name,
            p.title,
            p.level.value if p.level else None,
            int(p.sponsor),
            p.pseudonym,
            p.email,
            now_stamp(),
            p.pk,
        ],
    )
