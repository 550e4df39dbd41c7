"""Everything the series and indicators read about one partnership, loaded in one go.

The computations in ``app.series`` and ``app.indicators`` are pure functions of this snapshot
(tests build one by hand, or load it from a real diary with ``load_snapshot``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlite_utils import Database

from app.domain import Action, Entry, Event, FeedbackReport, Organization, Partnership, Person
from app.persistence import actions as action_repo
from app.persistence import entries as entry_repo
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence import records


@dataclass
class Snapshot:
    """A partnership with its organizations, people, live events, actions, entries and reports."""

    partnership: Partnership
    organizations: list[Organization]
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # with participants and ratings
    actions: list[Action] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    reports: list[FeedbackReport] = field(default_factory=list)
    thresholds: dict[str, Any] = field(default_factory=dict)

    def until(self, as_of: date | None) -> Snapshot:
        """The snapshot as it was on ``as_of``: nothing dated after it exists yet."""
        if as_of is None:
            return self
        events = [e for e in self.events if e.day <= as_of]
        live = {e.pk for e in events}
        return Snapshot(
            partnership=self.partnership,
            organizations=self.organizations,
            people=self.people,
            events=events,
            actions=[a for a in self.actions if a.created_on <= as_of],
            entries=[e for e in self.entries if e.event in live],
            reports=[r for r in self.reports if r.generated_on <= as_of],
            thresholds=self.thresholds,
        )


def load_snapshot(
    db: Database, partnership_pk: int, *, with_entries: bool = True, with_actions: bool = True
) -> Snapshot | None:
    """Read one partnership for the computations; None when it does not exist.

    Only some indicators read entries and actions; ``with_entries=False`` and
    ``with_actions=False`` leave them out, which makes a partnership with 10,000 entries and
    1,000 actions load several times faster (the plot of a rating dimension).
    """
    partnership = partnership_repo.get_partnership(db, partnership_pk)
    if partnership is None:
        return None
    return Snapshot(
        partnership=partnership,
        organizations=partnership_repo.list_organizations(db, partnership_pk),
        people=partnership_repo.list_people(db, partnership_pk),
        events=event_repo.list_events(db, partnership_pk, with_details=True),
        actions=action_repo.list_actions(db, partnership_pk) if with_actions else [],
        entries=(
            [e for _, e in entry_repo.list_partnership_entries(db, partnership_pk)]
            if with_entries
            else []
        ),
        reports=records.list_feedback_reports(db, partnership_pk),
        thresholds=partnership_repo.get_thresholds(db, partnership_pk),
    )
