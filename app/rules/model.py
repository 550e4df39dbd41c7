"""What the early-warning rules read and what they say.

The rules read a ``Snapshot``: plain data about one partnership, loaded once from the diary
(``app.services.warnings.load_snapshot``) and never touched again, so evaluating the same
partnership at many dates costs no further queries. They answer with ``EarlyWarning`` values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.domain import (
    Action,
    EntryType,
    Event,
    FeedbackReport,
    Objective,
    Organization,
    Partnership,
    Person,
    Visibility,
)


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Order of seriousness: a warning that returns at a higher rank is shown again."""
        return _RANKS[self]


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.CRITICAL: 2}


class EvidenceKind(StrEnum):
    OBJECTIVE = "objective"
    ACTION = "action"
    EVENT = "event"
    PERSON = "person"
    ORGANIZATION = "organization"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A record a warning points at; ``pk`` opens it, ``label`` names it for the reader."""

    kind: EvidenceKind
    pk: int
    label: str
    # The record's stable text id (as in the exchange file), for readers outside the app.
    ref: str = ""

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind.value, "id": self.ref, "pk": self.pk, "label": self.label}


@dataclass(frozen=True, slots=True)
class EarlyWarning:
    """One warning: what is wrong, why we think so, and what to do next."""

    id: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...]
    suggestion: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "severity": self.severity.value,
            "message": self.message,
            "evidence": [e.as_json() for e in self.evidence],
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class EntryFact:
    """What the rules need of an entry: never its text."""

    pk: int
    event: int
    day: date
    type: EntryType
    visibility: Visibility


@dataclass(slots=True)
class Snapshot:
    """Everything the rules read about one partnership, loaded at once.

    Objectives, organizations and people carry no date in the diary, so they count as known on
    every date; events, entries, actions and reports are filtered by their own dates.
    """

    partnership: Partnership
    objectives: list[Objective] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entries: list[EntryFact] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    reports: list[FeedbackReport] = field(default_factory=list)
