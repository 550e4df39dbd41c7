"""What a write changed: the tables, the partnerships and the records it touched.

The writer declares it (``with diary.write(ChangeSet.of(ENTRIES, partnership=pk)) as db:``), the
way Anki's operations return ``OpChanges``; the ``Diary`` merges the change sets of nested writes
and hands the result to its listeners after the commit, so each view refreshes only what a
change touches. A write that declares nothing changed everything: forgetting to declare can cost
a needless refresh, never a stale page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# The tables views care about (as named in ``app.persistence.schema``).
PARTNERSHIPS = "partnerships"
PHASES = "phases"
ORGANIZATIONS = "organizations"
PEOPLE = "people"
OBJECTIVES = "objectives"
EVENTS = "events"
PARTICIPANTS = "participants"
ENTRIES = "entries"
RATINGS = "ratings"
ACTIONS = "actions"
CHECKLIST = "checklist_marks"
CHECKLIST_CUSTOM = "checklist_custom"
REPORTS = "feedback_reports"
ACKS = "warning_acks"
MEASUREMENTS = "measurements"
CYCLE_DECISIONS = "cycle_decisions"
SETTINGS = "settings"
QUESTIONNAIRES = "questionnaire_waves"


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """One write's changes. ``tables``/``partnerships`` None: every table / any partnership."""

    tables: frozenset[str] | None = None
    partnerships: frozenset[int] | None = None
    records: frozenset[tuple[str, int]] = frozenset()  # (table, pk) where the writer knows them

    @classmethod
    def of(
        cls,
        *tables: str,
        partnership: int | None = None,
        records: Iterable[tuple[str, int]] = (),
    ) -> ChangeSet:
        """Changes to ``tables`` of one partnership (None: the partnership is not known)."""
        return cls(
            frozenset(tables),
            frozenset({partnership}) if partnership is not None else None,
            frozenset(records),
        )

    @property
    def everything(self) -> bool:
        return self.tables is None

    def touches(self, tables: Iterable[str], partnership: int | None = None) -> bool:
        """Whether a view reading ``tables`` (of ``partnership``, if given) must refresh."""
        known = self.partnerships
        if partnership is not None and known is not None and partnership not in known:
            return False
        return self.tables is None or not self.tables.isdisjoint(tables)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        """Both change sets together (unknown on either side stays unknown)."""
        tables = None if self.tables is None or other.tables is None else self.tables | other.tables
        partnerships = (
            None
            if self.partnerships is None or other.partnerships is None
            else self.partnerships | other.partnerships
        )
        return ChangeSet(tables, partnerships, self.records | other.records)


EVERYTHING = ChangeSet()  # what an undeclared write changed
