"""The partnership read model: one immutable snapshot, and the one "as of" rule.

A ``Snapshot`` is everything the computations read about one partnership — the early-warning
rules, the commitment series and indicators, the overview, ``kumppani status`` — loaded at once
by ``app.persistence.snapshots.load_snapshot`` and never changed afterwards (frozen, tuples), so
the same snapshot can be shared by every panel of a window and evaluated at many dates.

``Include`` says what to load beyond the partnership, its organizations, people, objectives,
events, feedback reports, thresholds and acknowledgements: entry facts, entry texts, actions,
participants and ratings. A snapshot loaded with more serves a request for less.

The as-of rule
--------------
``known_on(day, as_of)`` and ``Snapshot.until(as_of)`` are the one definition of "as the diary
stood at the end of ``as_of``", used by the rules, the series, the indicators, the overview,
the status and the report:

- undated facts (organizations, people, objectives, thresholds) count on every date;
- an event counts when its date is on or before ``as_of``, with its participants and ratings;
- an entry counts when its event counts (an entry is dated by its event);
- a phase move counts from its date; a feedback report from the day it was given;
- an acknowledgement counts from the day it was made; a cycle decision from the day it was
  taken; an idea's fate (parked, declined) from the day it was given; an objective's
  measurement from the day it was measured;
- an action counts from the day it was created; done or dropped after ``as_of``, it is seen as
  still open (``action_on``).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeVar

from app.domain.enums import ActionStatus, EntryType, Fate, Visibility
from app.domain.model import (
    Action,
    CycleDecision,
    Event,
    FeedbackReport,
    Objective,
    Organization,
    Partnership,
    Person,
    WarningAck,
)


def known_on(day: date, as_of: date | None) -> bool:
    """Whether a fact dated ``day`` exists as of ``as_of`` (None: no cut)."""
    return as_of is None or day <= as_of


class Closable(Protocol):
    """An action as any layer holds it (the domain's, or the shared view's)."""

    @property
    def status(self) -> ActionStatus: ...

    @property
    def done_on(self) -> date | None: ...


A = TypeVar("A", bound=Closable)


def action_on(action: A, as_of: date) -> A:
    """The action as it stood on ``as_of``: done or dropped later means still open then.

    Call only for an action created by ``as_of`` (``known_on(action.created_on, as_of)``).
    """
    if action.status.is_closed and action.done_on is not None and action.done_on > as_of:
        # Both kinds of action are dataclasses; the protocol cannot say so to mypy.
        return dataclasses.replace(action, status=ActionStatus.OPEN, done_on=None)  # type: ignore[type-var]
    return action


@dataclass(frozen=True, slots=True)
class EntryFact:
    """An entry as the computations see it: its type and visibility, its text only if asked."""

    pk: int
    event: int
    day: date  # the date of its event
    type: EntryType
    visibility: Visibility
    text: str = ""  # "" unless loaded with ``Include(texts=True)``
    fate: Fate | None = None  # an idea parked or declined (None: open, or became an action)
    fate_on: date | None = None


@dataclass(frozen=True, slots=True)
class Include:
    """What a snapshot holds beyond the partnership and its undated facts.

    ``entries``: the facts of the entries the computations count (ideas, accomplishments,
    assessments), without text; ``texts``: every live entry with its text (implies entries);
    ``actions``: the action plan; ``ratings``: each event's participants and ratings.
    """

    entries: bool = True
    texts: bool = False
    actions: bool = True
    ratings: bool = True

    def covers(self, other: Include) -> bool:
        """Whether a snapshot loaded with these options serves a request for ``other``."""
        return all(
            getattr(self, name) or not getattr(other, name)
            for name in ("entries", "texts", "actions", "ratings")
        )


EVERYTHING = Include()  # what the rules, the overview and the badge read (no texts)
RATINGS_ONLY = Include(entries=False, actions=False)  # a rating dimension's chart


def _tuple(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else tuple(value)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One partnership as loaded from the diary (or built by hand in a test).

    Sequences are stored as tuples (lists given are converted); the records inside are the
    domain's, shared with whoever else holds the snapshot: read them, never change them.
    """

    partnership: Partnership
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()  # live events in date order, with participants and ratings
    actions: tuple[Action, ...] = ()
    entries: tuple[EntryFact, ...] = ()
    reports: tuple[FeedbackReport, ...] = ()
    thresholds: dict[str, Any] = field(default_factory=dict)
    objectives: tuple[Objective, ...] = ()
    acks: tuple[WarningAck, ...] = ()  # acknowledged warnings, oldest first
    # The partners' end-of-cycle decisions, oldest first; their notes are the facilitator's.
    cycle_decisions: tuple[CycleDecision, ...] = ()
    include: Include = EVERYTHING
    as_of: date | None = None  # set by ``until``: nothing dated later is in the snapshot

    def __post_init__(self) -> None:
        for name in (
            "organizations",
            "people",
            "events",
            "actions",
            "entries",
            "reports",
            "objectives",
            "acks",
            "cycle_decisions",
        ):
            object.__setattr__(self, name, _tuple(getattr(self, name)))

    @property
    def pk(self) -> int:
        return self.partnership.pk or 0

    def until(self, as_of: date | None) -> Snapshot:
        """The snapshot as the diary stood at the end of ``as_of`` (the module's as-of rule)."""
        if as_of is None:
            return self
        events = tuple(e for e in self.events if known_on(e.day, as_of))
        live = {e.pk for e in events}
        moves = [m for m in self.partnership.phases if known_on(m.from_on, as_of)]
        return dataclasses.replace(
            self,
            partnership=dataclasses.replace(self.partnership, phases=moves),
            events=events,
            actions=tuple(
                action_on(a, as_of) for a in self.actions if known_on(a.created_on, as_of)
            ),
            entries=tuple(_fate_on(n, as_of) for n in self.entries if n.event in live),
            reports=tuple(r for r in self.reports if known_on(r.generated_on, as_of)),
            acks=tuple(a for a in self.acks if known_on(a.acknowledged_on, as_of)),
            objectives=tuple(_measured_by(o, as_of) for o in self.objectives),
            cycle_decisions=tuple(c for c in self.cycle_decisions if known_on(c.decided_on, as_of)),
            as_of=as_of,
        )


def _fate_on(fact: EntryFact, as_of: date) -> EntryFact:
    """An idea whose fate was given after ``as_of`` was still open then."""
    if fact.fate_on is not None and not known_on(fact.fate_on, as_of):
        return dataclasses.replace(fact, fate=None, fate_on=None)
    return fact


def _measured_by(objective: Objective, as_of: date) -> Objective:
    """The objective with the measurements taken by ``as_of``."""
    kept = [m for m in objective.measurements if known_on(m.measured_on, as_of)]
    if len(kept) == len(objective.measurements):
        return objective
    return dataclasses.replace(objective, measurements=kept)
