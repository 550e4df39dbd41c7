"""What the early-warning rules read and what they say.

The rules read a ``Snapshot``: the partnership read model of ``app.domain.snapshot``, loaded
once from the diary (``app.persistence.snapshots``) and never changed, so evaluating the same
partnership at many dates costs no further queries. They answer with ``EarlyWarning`` values.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.snapshot import EntryFact, Snapshot

__all__ = ["EarlyWarning", "EntryFact", "Evidence", "EvidenceKind", "Severity", "Snapshot"]


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
    # The label before it was shortened for the card (a tooltip shows it whole).
    full: str = ""
    # For an event: the ids of the people the warning says were invited to it and absent.
    missed_by: tuple[str, ...] = ()

    @property
    def whole(self) -> str:
        """The label as long as it is: what a tooltip shows."""
        return self.full or self.label

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind.value,
            "id": self.ref,
            "pk": self.pk,
            "label": self.label,
        }
        if self.kind == EvidenceKind.EVENT:
            data["missed_by"] = list(self.missed_by)
        return data


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
