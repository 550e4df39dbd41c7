"""The state of a partnership on a given day, as ``kumppani status`` reports it.

``partnership_status`` returns plain JSON-ready data; it counts only what is dated on or before
the day asked about, so a past date shows what the diary said then. Later parts of Kumppani add
their own keys (``warnings``, ``checklist``) to the same dictionary.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from app.domain import ActionStatus
from app.i18n import _
from app.persistence import actions, events, partnerships
from app.services import checklist, warnings


def partnership_status(db: Database, pk: int, as_of: date) -> dict[str, Any]:
    """Phase in force, events held and the state of the actions of partnership ``pk``."""
    p = partnerships.get_partnership(db, pk)
    if p is None:
        raise LookupError(_("There is no partnership with key {pk} in this diary.").format(pk=pk))
    moves = [m for m in p.phases if m.from_on <= as_of]
    # The phase history is chronological; on a day with two moves the later one holds.
    current = moves[-1] if moves else None
    held = [e for e in events.list_events(db, pk) if e.day <= as_of]
    later = [e for e in events.list_events(db, pk) if e.day > as_of]
    plan = actions.list_actions(db, pk)
    return {
        "partnership": p.id,
        "name": p.name,
        "as_of": as_of.isoformat(),
        "phase": current.phase.value if current else None,
        "phase_since": current.from_on.isoformat() if current else None,
        "events": len(held),
        "last_event_on": held[-1].day.isoformat() if held else None,
        "next_event_on": later[0].day.isoformat() if later else None,
        "actions": {
            "open": sum(a.is_open_on(as_of) for a in plan),
            "overdue": sum(a.is_overdue_on(as_of) for a in plan),
            "done": sum(
                a.status is ActionStatus.DONE and a.done_on is not None and a.done_on <= as_of
                for a in plan
            ),
        },
        # Early warnings as of the day (acknowledged ones marked) and the phase's checklist.
        "warnings": [r.as_json() for r in warnings.review(db, pk, as_of)],
        "checklist": checklist.status(db, pk, as_of).as_json(),
    }
