"""What the report's summary parts read: the shared records, already cut at the as-of date.

``Facts`` is handed from the assembler to ``glance``, ``equity`` and ``learning`` so each of
them reads the same actions and events as the rest of the report, seen the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain import Role
from app.persistence.shared import SharedAction, SharedEvent, SharedPartnership, SharedView
from app.report.model import ReportOptions
from app.report.names import Namer
from app.report.ratings import Sides
from app.report.titles import Titles


@dataclass(frozen=True, slots=True)
class Facts:
    view: SharedView
    options: ReportOptions
    # Each action as it stood on the as-of date (done later: still open then).
    actions: list[SharedAction]
    events: list[SharedEvent]
    # Entries an action was made from by the as-of date.
    converted: set[int]
    sides: Sides
    # Whether a day is in the report's period (and not after its as-of date).
    holds: Callable[[date], bool]
    namer: Namer
    # Each event's title as printed ("" for an interview counted only, names hidden).
    titles: Titles

    @property
    def as_of(self) -> date:
        return self.options.as_of

    def partnership(self) -> SharedPartnership:
        found = self.view.partnership()
        if found is None:
            raise LookupError("partnership not found")
        return found

    def side_of(self, a: SharedAction) -> Role | None:
        """The side that owns an action: its organization's, else its owner's."""
        org = a.organization if a.organization is not None else self.namer.side_of(a.owner)
        role = self.sides[0].get(org) if org is not None else None
        return role if role in (Role.CUSTOMER, Role.PROVIDER) else None

    def known(self, a: SharedAction) -> bool:
        """Made by the as-of date."""
        return a.created_on <= self.as_of

    def open(self, a: SharedAction) -> bool:
        return self.known(a) and not a.status.is_closed

    def overdue(self, a: SharedAction) -> bool:
        return self.open(a) and a.due_on is not None and a.due_on < self.as_of
