"""The closed vocabularies of the domain, spelled exactly as in the exchange format."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """Ring and Van de Ven's stages; assessment runs throughout and is not a phase of its own."""

    NEGOTIATION = "negotiation"
    COMMITMENT = "commitment"
    EXECUTION = "execution"
    # The partnership has ended (a cycle decision "end"); the step's note says how.
    ENDED = "ended"

    @classmethod
    def working(cls) -> tuple[Phase, ...]:
        """The phases work happens in (an event's phase; where a partnership starts)."""
        return (cls.NEGOTIATION, cls.COMMITMENT, cls.EXECUTION)


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
    """The rating dimensions of the pulse and the exchange format (1–5)."""

    COMMITMENT = "commitment"
    PARTNER_COMMITMENT = "partner_commitment"
    EQUITY = "equity"
    EFFICIENCY = "efficiency"
    CLARITY = "clarity"
    ACTION_CONFIDENCE = "action_confidence"
    TRUST = "trust"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.DROPPED)


class Direction(StrEnum):
    """Which way an objective's measured value is better."""

    UP = "up"
    DOWN = "down"


class Fate(StrEnum):
    """What became of an idea that no action names (an idea without a fate is open)."""

    PARKED = "parked"
    DECLINED = "declined"


class DecisionStatus(StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    CONTESTED = "contested"
    REVISITED = "revisited"


class Outcome(StrEnum):
    """The partners' decision at the end of a cycle (Ring & Van de Ven)."""

    CONTINUE = "continue"
    RENEGOTIATE = "renegotiate"
    ROUTINE = "routine"
    END = "end"


class MarkStatus(StrEnum):
    DONE = "done"
    NOT_MET = "not_met"


class ReportKind(StrEnum):
    FEEDBACK_REPORT = "feedback_report"
    MINUTES = "minutes"


class ReportStatus(StrEnum):
    DRAFT = "draft"
    GIVEN = "given"


class Names(StrEnum):
    SHOWN = "shown"
    HIDDEN = "hidden"
    ANONYMOUS = "anonymous"
