"""The partnership domain: typed records, their vocabularies and their validation rules."""

from app.domain.enums import (
    ActionStatus,
    Dimension,
    EntryType,
    EventKind,
    Level,
    Phase,
    Role,
    Tension,
    Visibility,
)
from app.domain.model import (
    Action,
    ChecklistMark,
    Entry,
    Event,
    FeedbackReport,
    Objective,
    Organization,
    Participant,
    Partnership,
    Person,
    PhaseMove,
    Rating,
)
from app.domain.validation import Problem, ValidationError

__all__ = [
    "Action",
    "ActionStatus",
    "ChecklistMark",
    "Dimension",
    "Entry",
    "EntryType",
    "Event",
    "EventKind",
    "FeedbackReport",
    "Level",
    "Objective",
    "Organization",
    "Participant",
    "Partnership",
    "Person",
    "Phase",
    "PhaseMove",
    "Problem",
    "Rating",
    "Role",
    "Tension",
    "ValidationError",
    "Visibility",
]
