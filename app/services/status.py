"""The state of a partnership on a given day, as ``kumppani status`` reports it.

``partnership_status`` returns plain JSON-ready data; it counts only what is dated on or before
the day asked about (the read model's as-of rule, ``Snapshot.until``), so a past date shows what
the diary said then. Later parts of Kumppani add
their own keys (``warnings``, ``checklist``) to the same dictionary.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from app.domain import ActionStatus
from app.i18n import _
from app.persistence.snapshots import load_snapshot
from app.services import checklist, warnings


def partnership_status(db: Database, pk: int, as_of: date) -> dict[str, Any]:
    """Phase in force, events held and the state of the actions of partnership ``pk``."""
    snapshot = load_snapshot(db, pk)
    if snapshot is None:
        raise LookupError(_("There is no partnership with key {pk} in this diary.").format(pk=pk))
    p, cut = snapshot.partnership, snapshot.until(as_of)
    moves = cut.partnership.phases
    # The phase history is chronological; on a day with two moves the later one holds.
    current = moves[-1] if moves else None
    held = cut.events
    later = [e for e in snapshot.events if e.day > as_of]
    return {
        "partnership": p.id,
        "name": p.name,
        "as_of": as_of.isoformat(),
        "phase": current.phase.value if current else None,
        "phase_since": current.from_on.isoformat() if current else None,
        "planned_end_on": p.planned_end_on.isoformat() if p.planned_end_on else None,
        # The partners' end-of-cycle decisions taken by the day (their notes are private).
        "cycle_decisions": [
            {
                "id": c.id,
                "decided_on": c.decided_on.isoformat(),
                "outcome": c.outcome.value,
            }
            for c in cut.cycle_decisions
        ],
        "events": len(held),
        "last_event_on": held[-1].day.isoformat() if held else None,
        "next_event_on": later[0].day.isoformat() if later else None,
        "actions": {
            "open": sum(a.is_open_on(as_of) for a in cut.actions),
            "overdue": sum(a.is_overdue_on(as_of) for a in cut.actions),
            "done": sum(
                a.status is ActionStatus.DONE and a.done_on is not None for a in cut.actions
            ),
        },
        # Early warnings as of the day (acknowledged ones marked) and the phase's checklist.
        "warnings": [r.as_json() for r in warnings.review_snapshot(snapshot, as_of)],
        "checklist": checklist.status(db, pk, as_of, p).as_json(),
    }
