"""Early warnings of a partnership from the diary: load once, evaluate, acknowledge.

``load_snapshot`` reads what the rules need (the read model of ``app.persistence.snapshots``);
``review`` evaluates the rules as of a date and marks the warnings the facilitator has
acknowledged (``review_snapshot`` does so for a snapshot already loaded). An acknowledged
warning stays quiet only while the situation is no worse than when it was acknowledged: a
higher severity or more evidence brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from app.domain import ValidationError
from app.domain.model import WarningAck
from app.domain.snapshot import Snapshot
from app.persistence import checklist, partnerships, snapshots
from app.persistence.changes import ACKS, PARTNERSHIPS, ChangeSet
from app.persistence.diary import Diary
from app.rules import EarlyWarning, Severity, check, evaluate
from app.rules.thresholds import resolve


@dataclass(frozen=True, slots=True)
class Reviewed:
    """A warning as the facilitator sees it: with the acknowledgement that quiets it, if any."""

    warning: EarlyWarning
    ack: WarningAck | None

    @property
    def acknowledged(self) -> bool:
        return self.ack is not None

    def as_json(self) -> dict[str, object]:
        data = self.warning.as_json()
        data["acknowledged"] = self.acknowledged
        return data


def load_snapshot(db: Database, partnership_pk: int) -> Snapshot:
    """Everything the rules read about one partnership (raises LookupError if it is gone)."""
    snapshot = snapshots.load_snapshot(db, partnership_pk)
    if snapshot is None:
        raise LookupError(partnership_pk)
    return snapshot


def evidence_keys(warning: EarlyWarning) -> list[str]:
    """Stable keys of a warning's evidence, as stored with an acknowledgement."""
    return [f"{e.kind.value}:{e.pk}" for e in warning.evidence]


def quieting_ack(warning: EarlyWarning, acks: list[WarningAck], as_of: date) -> WarningAck | None:
    """The latest acknowledgement made by ``as_of``, if the warning is no worse than it was.

    Worse means a higher severity, more evidence, or evidence the facilitator has not seen
    (another sponsor missing, another action overdue).
    """
    made = [a for a in acks if a.warning == warning.id and a.acknowledged_on <= as_of]
    if not made:
        return None
    latest = made[-1]
    if warning.severity.rank > Severity(latest.severity).rank:
        return None
    if len(warning.evidence) > latest.evidence_count:
        return None
    if latest.evidence is not None and not set(evidence_keys(warning)) <= latest.evidence:
        return None
    return latest


def review(db: Database, partnership_pk: int, as_of: date) -> list[Reviewed]:
    """The partnership's warnings as of a date, each with its quieting acknowledgement."""
    return review_snapshot(load_snapshot(db, partnership_pk), as_of)


def review_snapshot(snapshot: Snapshot, as_of: date) -> list[Reviewed]:
    """Like ``review`` for a snapshot already loaded (the overview and the badge share one)."""
    found = evaluate(snapshot, as_of, snapshot.thresholds)
    acks = list(snapshot.until(as_of).acks)
    return [Reviewed(w, quieting_ack(w, acks, as_of)) for w in found]


def needing_attention(snapshot: Snapshot, as_of: date) -> int:
    """How many of the snapshot's warnings as of a date are not acknowledged."""
    return sum(1 for r in review_snapshot(snapshot, as_of) if not r.acknowledged)


def warning_count(db: Database, partnership_pk: int, as_of: date) -> int:
    """How many warnings need attention (not acknowledged) as of a date."""
    return needing_attention(load_snapshot(db, partnership_pk), as_of)


def acknowledge(
    diary: Diary, partnership_pk: int, warning: EarlyWarning, on: date, note: str | None
) -> int:
    """Record that the facilitator has seen ``warning`` on ``on`` (with an optional note)."""
    with diary.write(ChangeSet.of(ACKS, partnership=partnership_pk)) as db:
        return checklist.add_ack(
            db,
            partnership_pk,
            warning.id,
            on,
            warning.severity.value,
            evidence_keys(warning),
            (note or "").strip() or None,
        )


def history(db: Database, partnership_pk: int) -> list[WarningAck]:
    """Every acknowledgement ever made for the partnership, oldest first."""
    return checklist.list_acks(db, partnership_pk)


def thresholds(db: Database, partnership_pk: int) -> dict[str, dict[str, float]]:
    """The thresholds in force for the partnership (its own over the defaults)."""
    return resolve(partnerships.get_thresholds(db, partnership_pk))


def set_thresholds(diary: Diary, partnership_pk: int, custom: dict[str, Any]) -> None:
    """Store a partnership's own thresholds; bad values change nothing and name the field."""
    problems = check(custom)
    if problems:
        raise ValidationError(problems)
    with diary.write(ChangeSet.of(PARTNERSHIPS, partnership=partnership_pk)) as db:
        partnerships.set_thresholds(db, partnership_pk, custom)
