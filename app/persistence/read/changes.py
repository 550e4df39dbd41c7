"""What a write changed, as the diary's listeners receive it (no function here writes)."""

from app.persistence.changes import (
    ACKS,
    ACTIONS,
    CHECKLIST,
    CHECKLIST_CUSTOM,
    ENTRIES,
    EVENTS,
    EVERYTHING,
    OBJECTIVES,
    ORGANIZATIONS,
    PARTICIPANTS,
    PARTNERSHIPS,
    PEOPLE,
    PHASES,
    RATINGS,
    REPORTS,
    ChangeSet,
)

__all__ = [
    "ACKS",
    "ACTIONS",
    "CHECKLIST",
    "CHECKLIST_CUSTOM",
    "ENTRIES",
    "EVENTS",
    "EVERYTHING",
    "OBJECTIVES",
    "ORGANIZATIONS",
    "PARTICIPANTS",
    "PARTNERSHIPS",
    "PEOPLE",
    "PHASES",
    "RATINGS",
    "REPORTS",
    "ChangeSet",
]
