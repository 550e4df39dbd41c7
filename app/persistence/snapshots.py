"""The one loader of the partnership read model, and the cache that shares its snapshots.

``load_snapshot(db, pk, include)`` reads one partnership into an immutable
``app.domain.snapshot.Snapshot`` in a dozen flat queries (the partnership row once). Every
computation that reads a whole partnership — the rules, the series and indicators, the overview,
``kumppani status`` — starts from it. The feedback report does not: it reads the shared view
(``app.persistence.shared``), so private entry texts cannot reach a report through this path.

``SnapshotCache`` remembers snapshots per partnership and options until the diary's change
counter moves. It is a plain object owned with the diary (the GUI's ``AppContext``), never a
module global, so the overview's panels and the partnership list's warning badges share one load.
"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from app.domain.snapshot import EVERYTHING, EntryFact, Include, Snapshot
from app.persistence import (
    actions,
    changes,
    checklist,
    entries,
    events,
    measurements,
    partnerships,
    records,
)
from app.persistence.diary import Diary

# Every table a snapshot is read from: a change to one of them may change what is computed.
SNAPSHOT_TABLES = frozenset(
    {
        changes.PARTNERSHIPS,
        changes.PHASES,
        changes.ORGANIZATIONS,
        changes.PEOPLE,
        changes.OBJECTIVES,
        changes.EVENTS,
        changes.PARTICIPANTS,
        changes.RATINGS,
        changes.ENTRIES,
        changes.ACTIONS,
        changes.REPORTS,
        changes.ACKS,
        changes.MEASUREMENTS,
        changes.CYCLE_DECISIONS,
    }
)


def load_snapshot(db: Database, pk: int, include: Include = EVERYTHING) -> Snapshot | None:
    """Read partnership ``pk`` with what ``include`` asks for; None when it does not exist."""
    found = partnerships.get_partnership_and_thresholds(db, pk)
    if found is None:
        return None
    partnership, thresholds = found
    facts: tuple[EntryFact, ...] = ()
    if include.entries or include.texts:
        days: dict[str, date] = {}  # an event's entries share its date: parsed once
        facts = tuple(
            EntryFact(
                n_pk,
                event,
                days.get(day) or days.setdefault(day, date.fromisoformat(day)),
                kind,
                visibility,
                text,
                fate,
                fate_on,
            )
            for n_pk, event, day, kind, visibility, text, fate, fate_on in entries.entry_facts(
                db, pk, texts=include.texts
            )
        )
    return Snapshot(
        partnership=partnership,
        organizations=tuple(partnerships.list_organizations(db, pk)),
        people=tuple(partnerships.list_people(db, pk)),
        events=tuple(events.list_events(db, pk, with_details=include.ratings)),
        actions=tuple(actions.list_actions(db, pk)) if include.actions else (),
        entries=facts,
        reports=tuple(records.list_feedback_reports(db, pk)),
        thresholds=thresholds,
        objectives=tuple(partnerships.list_objectives(db, pk)),
        acks=tuple(checklist.list_acks(db, pk)),
        cycle_decisions=tuple(measurements.list_cycle_decisions(db, pk)),
        include=include,
    )


class SnapshotCache:
    """Snapshots of one diary, reused until the diary is written to.

    A snapshot is remembered per partnership and options together with the diary's change
    counter; a request is served by any remembered snapshot of the partnership whose options
    cover it (one loaded with everything serves the chart that needs ratings only).
    """

    def __init__(self, diary: Diary) -> None:
        self.diary = diary
        self._changes = -1
        self._found: dict[int, list[Snapshot]] = {}
        self.loads = 0  # how many snapshots were read from the diary (for tests and the bench)

    def get(self, pk: int, include: Include = EVERYTHING) -> Snapshot | None:
        """Partnership ``pk`` with at least what ``include`` asks for; None if it is gone."""
        if self._changes != self.diary.changes:
            self._found.clear()
            self._changes = self.diary.changes
        for snapshot in self._found.get(pk, ()):
            if snapshot.include.covers(include):
                return snapshot
        loaded = load_snapshot(self.diary.db, pk, include)
        self.loads += 1
        if loaded is not None:
            self._found.setdefault(pk, []).append(loaded)
        return loaded

    def clear(self) -> None:
        self._found.clear()
