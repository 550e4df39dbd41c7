"""The translated names of the domain's vocabularies, in one place for every layer.

Each function takes an optional translation function, so the desktop application uses the
interface language (the default ``_``) and a report uses the language chosen for that document
(``app.i18n.translator(lang)``). The English texts are the msgids of the Finnish catalogues.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.enums import (
    ActionStatus,
    Dimension,
    EntryType,
    EventKind,
    Level,
    Phase,
    Role,
    Tension,
)
from app.i18n import _

Tr = Callable[[str], str]

PHASES = {
    Phase.NEGOTIATION: "Negotiation",
    Phase.COMMITMENT: "Commitment",
    Phase.EXECUTION: "Execution",
}
ROLES = {
    Role.CUSTOMER: "Customer",
    Role.PROVIDER: "Provider",
    Role.FACILITATOR: "Facilitator",
    Role.OTHER: "Other",
}
LEVELS = {
    Level.TOP: "Top management",
    Level.MIDDLE: "Middle management",
    Level.OPERATIONAL: "Operational",
}
EVENT_KINDS = {
    EventKind.MEETING: "Meeting",
    EventKind.WORKSHOP: "Workshop",
    EventKind.INTERVIEW: "Interview",
    EventKind.FOCUS_GROUP: "Focus group",
    EventKind.QUESTIONNAIRE: "Questionnaire",
    EventKind.PILOT: "Pilot",
    EventKind.FEEDBACK_MEETING: "Feedback meeting",
    EventKind.OTHER: "Other",
}
ENTRY_TYPES = {
    EntryType.NOTE: "Note",
    EntryType.IDEA: "Idea",
    EntryType.DECISION: "Decision",
    EntryType.OBSTACLE: "Obstacle",
    EntryType.OBSERVATION: "Observation",
    EntryType.ACCOMPLISHMENT: "Accomplishment",
    EntryType.ASSESSMENT: "Assessment",
}
STATUSES = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}
TENSIONS = {
    Tension.ROLES: "Roles",
    Tension.EXPLORATION: "Exploration",
    Tension.LOGICS: "Logics",
}
DIMENSIONS = {
    Dimension.COMMITMENT: "Commitment",
    Dimension.PARTNER_COMMITMENT: "Partner's commitment",
    Dimension.EQUITY: "Equity",
    Dimension.EFFICIENCY: "Efficiency",
    Dimension.CLARITY: "Clarity of objectives and roles",
    Dimension.ACTION_CONFIDENCE: "Confidence that ideas become actions",
}


def phase_name(phase: Phase, tr: Tr = _) -> str:
    return tr(PHASES[phase])


def role_name(role: Role, tr: Tr = _) -> str:
    return tr(ROLES[role])


def level_name(level: Level, tr: Tr = _) -> str:
    return tr(LEVELS[level])


def event_kind_name(kind: EventKind, tr: Tr = _) -> str:
    return tr(EVENT_KINDS[kind])


def entry_type_name(kind: EntryType, tr: Tr = _) -> str:
    return tr(ENTRY_TYPES[kind])


def status_name(status: ActionStatus, tr: Tr = _) -> str:
    return tr(STATUSES[status])


def tension_name(tension: Tension, tr: Tr = _) -> str:
    return tr(TENSIONS[tension])


def dimension_name(dimension: Dimension, tr: Tr = _) -> str:
    return tr(DIMENSIONS[dimension])
