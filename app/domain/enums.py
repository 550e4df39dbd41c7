"""The closed vocabularies of the domain, spelled exactly as in the exchange format."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """Ring and Van de Ven's stages; assessment runs throughout and is not a phase of its own."""

    NEGOTIATION = "negotiation"
    COMMITMENT = "commitment"
    EXECUTION = "execution"


class Role(StrEnum):
    CUSTOMER = "customer"
    PROVIDER = "provider"
    FACILITATOR = "facilitator"
    OTHER = "other"


class Level(StrEnum):
    TOP = "top"
    MIDDLE = "middle"
    OPERATIONAL = "operational"


class EventKind(StrEnum):
    MEETING = "meeting"
    WORKSHOP = "workshop"
    INTERVIEW = "interview"
    FOCUS_GROUP = "focus_group"
    QUESTIONNAIRE = "questionnaire"
    PILOT = "pilot"
    FEEDBACK_MEETING = "feedback_meeting"
    OTHER = "other"


class EntryType(StrEnum):
    NOTE = "note"
    IDEA = "idea"
    DECISION = "decision"
    OBSTACLE = "obstacle"
    OBSERVATION = "observation"
    ACCOMPLISHMENT = "accomplishment"
    ASSESSMENT = "assessment"

    @property
    def default_visibility(self) -> Visibility:
        """Observations and obstacles are the facilitator's own until they choose otherwise."""
        if self in (EntryType.OBSERVATION, EntryType.OBSTACLE):
            return Visibility.PRIVATE
        return Visibility.SHARED


class Visibility(StrEnum):
    SHARED = "shared"
    PRIVATE = "private"


# What is said in an interview or a focus group was said in confidence.
CONFIDENTIAL_KINDS = frozenset({EventKind.INTERVIEW, EventKind.FOCUS_GROUP})


def default_visibility(entry_type: EntryType, event_kind: EventKind | None) -> Visibility:
    """A new entry's visibility: private in a confidential event, else as its type says."""
    if event_kind in CONFIDENTIAL_KINDS:
        return Visibility.PRIVATE
    return entry_type.default_visibility


class Tension(StrEnum):
    """The three tensions the research found in partnership formation."""

    ROLES = "roles"
    EXPLORATION = "exploration"
    LOGICS = "logics"


class Dimension(StrEnum):
    """The six rating dimensions of the pulse and the exchange format (1–5)."""

    COMMITMENT = "commitment"
    PARTNER_COMMITMENT = "partner_commitment"
    EQUITY = "equity"
    EFFICIENCY = "efficiency"
    CLARITY = "clarity"
    ACTION_CONFIDENCE = "action_confidence"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.DROPPED)
