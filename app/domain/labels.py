"""The translated names of the domain's vocabularies, in one place for every layer.

Each function takes an optional translation function, so the desktop application uses the
interface language (the default ``_``) and a report uses the language chosen for that document
(``app.i18n.translator(lang)``). The English texts are the msgids of the Finnish catalogues.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.enums import (
    ActionStatus,
    DecisionStatus,
    Dimension,
    EntryType,
    EventKind,
    Level,
    Outcome,
    Phase,
    Role,
    Tension,
)
from app.i18n import N_, _

Tr = Callable[[str], str]

PHASES = {
    Phase.NEGOTIATION: N_("Negotiation"),
    Phase.COMMITMENT: N_("Commitment"),
    Phase.EXECUTION: N_("Execution"),
    Phase.ENDED: N_("Ended"),
}
ROLES = {
    Role.CUSTOMER: N_("Customer"),
    Role.PROVIDER: N_("Provider"),
    Role.FACILITATOR: N_("Facilitator"),
    Role.OTHER: N_("Other"),
}
LEVELS = {
    Level.TOP: N_("Top management"),
    Level.MIDDLE: N_("Middle management"),
    Level.OPERATIONAL: N_("Operational"),
}
EVENT_KINDS = {
    EventKind.MEETING: N_("Meeting"),
    EventKind.WORKSHOP: N_("Workshop"),
    EventKind.INTERVIEW: N_("Interview"),
    EventKind.FOCUS_GROUP: N_("Focus group"),
    EventKind.QUESTIONNAIRE: N_("Questionnaire"),
    EventKind.PILOT: N_("Pilot"),
    EventKind.FEEDBACK_MEETING: N_("Feedback meeting"),
    EventKind.OTHER: N_("Other"),
}
ENTRY_TYPES = {
    EntryType.NOTE: N_("Note"),
    EntryType.IDEA: N_("Idea"),
    EntryType.DECISION: N_("Decision"),
    EntryType.OBSTACLE: N_("Obstacle"),
    EntryType.OBSERVATION: N_("Observation"),
    EntryType.ACCOMPLISHMENT: N_("Accomplishment"),
    EntryType.ASSESSMENT: N_("Assessment"),
}
STATUSES = {
    ActionStatus.OPEN: N_("Open"),
    ActionStatus.IN_PROGRESS: N_("In progress"),
    ActionStatus.DONE: N_("Done"),
    ActionStatus.DROPPED: N_("Dropped"),
}
TENSIONS = {
    Tension.ROLES: N_("Roles"),
    Tension.EXPLORATION: N_("Exploration"),
    Tension.LOGICS: N_("Logics"),
}
DIMENSIONS = {
    Dimension.COMMITMENT: N_("Commitment"),
    Dimension.PARTNER_COMMITMENT: N_("Partner's commitment"),
    Dimension.EQUITY: N_("Equity"),
    Dimension.EFFICIENCY: N_("Efficiency"),
    Dimension.CLARITY: N_("Clarity of objectives and roles"),
    Dimension.ACTION_CONFIDENCE: N_("Confidence that ideas become actions"),
    Dimension.TRUST: N_("Trust"),
}
# The partners' decision at the end of a cycle (Ring & Van de Ven).
OUTCOMES = {
    Outcome.CONTINUE: N_("Continue"),
    Outcome.RENEGOTIATE: N_("Renegotiate"),
    Outcome.ROUTINE: N_("Make it routine"),
    Outcome.END: N_("End the partnership"),
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


def outcome_name(outcome: Outcome, tr: Tr = _) -> str:
    return tr(OUTCOMES[outcome])


# What a path can be instead of a regular file (``app.safety.output.NotARegularFile.kind``).
FILE_KINDS = {
    "folder": N_("a folder"),
    "device": N_("a device"),
    "pipe": N_("a named pipe"),
    "other": N_("not a regular file"),
}


def file_kind_name(kind: str, tr: Tr = _) -> str:
    return tr(FILE_KINDS.get(kind, FILE_KINDS["other"]))


def os_reason(exc: OSError, tr: Tr = _) -> str:
    """Why a file could not be read or written, for a message: the system's words, or what
    the path is instead of a file."""
    kind = getattr(exc, "kind", None)
    if isinstance(kind, str):
        return file_kind_name(kind, tr)
    return exc.strerror or str(exc)


# What an objective may lack to be specific (``Objective.lacks``), as named to the user.
OBJECTIVE_LACKS = {
    "indicator": N_("no indicator"),
    "target": N_("no target"),
    "owner": N_("no owner"),
    "due_on": N_("no due date"),
}


def objective_lacks(parts: tuple[str, ...], tr: Tr = _) -> str:
    """What an objective lacks, e.g. "no target, no due date" ("" when it lacks nothing)."""
    return ", ".join(tr(OBJECTIVE_LACKS[part]) for part in parts)


DECISION_STATUSES = {
    DecisionStatus.PROPOSED: N_("Proposed"),
    DecisionStatus.AGREED: N_("Agreed"),
    DecisionStatus.CONTESTED: N_("Contested"),
    DecisionStatus.REVISITED: N_("Revisited"),
}


def decision_status_name(status: DecisionStatus, tr: Tr = _) -> str:
    """Where a decision stands: proposed, agreed, contested (one side disagrees) or revisited."""
    return tr(DECISION_STATUSES[status])
