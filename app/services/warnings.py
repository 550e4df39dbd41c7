"""Early warnings of a partnership from the diary: load once, evaluate, acknowledge.

``load_snapshot`` reads what the rules need in a handful of queries; ``review`` evaluates the
rules as of a date and marks the warnings the facilitator has acknowledged. An acknowledged
warning stays quiet only while the situation is no worse than when it was acknowledged: a
higher severity or more evidence brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from app.domain import ValidationError
from app.persistence import actions, checklist, events, partnerships, records
from app.persistence.checklist import WarningAck
from app.persistence.diary import Diary
from app.rules import EarlyWarning, EntryFact, Severity, Snapshot, check, evaluate
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
    partnership = partnerships.get_partnership(db, partnership_pk)
    if partnership is None:
        raise LookupError(partnership_pk)
    # Events with participants and ratings in three flat queries: a large partnership has
    # hundreds of events, and building every event's details one by one would be slow.
    found = events.list_events(db, partnership_pk)
    by_pk = {e.pk: e for e in found}
    for event_pk, participant in checklist.event_participants(db, partnership_pk):
        by_pk[event_pk].participants.append(participant)
    for event_pk, rating in checklist.event_ratings(db, partnership_pk):
        by_pk[event_pk].ratings.append(rating)
    return Snapshot(
        partnership=partnership,
        objectives=partnerships.list_objectives(db, partnership_pk),
        organizations=partnerships.list_organizations(db, partnership_pk),
        people=partnerships.list_people(db, partnership_pk),
        events=found,
        entries=[
            EntryFact(pk, event, date.fromisoformat(day), kind, visibility)
            for pk, event, day, kind, visibility in checklist.entry_facts(db, partnership_pk)
        ],
        actions=actions.list_actions(db, partnership_pk),
        reports=records.list_feedback_reports(db, partnership_pk),
    )


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
    snapshot = load_snapshot(db, partnership_pk)
    return review_snapshot(db, snapshot, as_of)


def review_snapshot(db: Database, snapshot: Snapshot, as_of: date) -> list[Reviewed]:
    """Like ``review`` for a snapshot already loaded (the as-of slider reuses one)."""
    pk = snapshot.partnership.pk or 0
    found = evaluate(snapshot, as_of, partnerships.get_thresholds(db, pk))
    acks = checklist.list_acks(db, pk)
    return [Reviewed(w, quieting_ack(w, acks, as_of)) for w in found]


def warning_count(db: Database, partnership_pk: int, as_of: date) -> int:
    """How many warnings need attention (not acknowledged) as of a date."""
    return sum(1 for r in review(db, partnership_pk, as_of) if not r.acknowledged)


def acknowledge(
    diary: Diary, partnership_pk: int, warning: EarlyWarning, on: date, note: str | None
) -> int:
    """Record that the facilitator has seen ``warning`` on ``on`` (with an optional note)."""
    with diary.write() as db:
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
    with diary.write() as db:
        partnerships.set_thresholds(db, partnership_pk, custom)
