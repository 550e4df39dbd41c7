"""A small builder of rule snapshots for the rules tests (plain data, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from app.domain import (
    Action,
    ActionStatus,
    Dimension,
    EntryType,
    Event,
    EventKind,
    FeedbackReport,
    Objective,
    Organization,
    Participant,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Rating,
    Role,
    Visibility,
)
from app.domain.model import CycleDecision
from app.rules import EntryFact, Snapshot

D0 = date(2025, 1, 1)


@dataclass
class Draft:
    """A snapshot still being built: lists a test may change at will.

    The rules read a snapshot only through ``until`` (``View.of``), so a test may hand the draft
    itself to ``evaluate``: ``until`` freezes it into the read model's ``Snapshot`` first.
    """

    partnership: Partnership
    objectives: list[Objective] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entries: list[EntryFact] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    reports: list[FeedbackReport] = field(default_factory=list)
    cycle_decisions: list[CycleDecision] = field(default_factory=list)

    def frozen(self) -> Snapshot:
        """The snapshot the rules read, as the read model's loader would give it."""
        return Snapshot(
            partnership=self.partnership,
            organizations=self.organizations,
            people=self.people,
            events=self.events,
            actions=self.actions,
            entries=self.entries,
            reports=self.reports,
            objectives=self.objectives,
            cycle_decisions=self.cycle_decisions,
        )

    def until(self, as_of: date | None) -> Snapshot:
        return self.frozen().until(as_of)


def day(n: int) -> date:
    """Day ``n`` of the test partnership (day 0 is 2025-01-01)."""
    return D0 + timedelta(days=n)


class Build:
    """Builds a snapshot: a customer (pk 1) and a provider (pk 2), each with a sponsor."""

    def __init__(self, *moves: tuple[Phase, int]) -> None:
        moves = moves or ((Phase.NEGOTIATION, 0), (Phase.COMMITMENT, 30))
        p = Partnership(name="Test", started_on=D0, pk=1)
        p.phases = [PhaseMove(phase, day(n)) for phase, n in moves]
        self.snap = Draft(partnership=p)
        self.snap.organizations = [
            Organization("Employer", Role.CUSTOMER, pk=1),
            Organization("OHS", Role.PROVIDER, pk=2),
        ]
        self.snap.people = [
            Person("Cara Customer", 1, sponsor=True, pk=1),
            Person("Pete Provider", 2, sponsor=True, pk=2),
            Person("Olli Operative", 1, pk=3),
        ]
        self.snap.objectives = [
            Objective(
                "Fewer sick days",
                indicator="days/person",
                target="under 8",
                owner=1,
                due_on=day(365),
                pk=1,
            )
        ]
        self._pk = 100

    def next_pk(self) -> int:
        self._pk += 1
        return self._pk

    def event(
        self,
        n: int,
        kind: EventKind = EventKind.MEETING,
        *,
        ideas: int = 0,
        entries: tuple[tuple[EntryType, Visibility], ...] = (),
        participants: tuple[tuple[int, bool], ...] = (),
        ratings: tuple[tuple[int, float], ...] = (),
    ) -> Event:
        e = Event(kind, f"Event on day {n}", day(n).isoformat(), pk=self.next_pk())
        e.participants = [Participant(p, True, att) for p, att in participants]
        e.ratings = [Rating(org, Dimension.COMMITMENT, v) for org, v in ratings]
        self.snap.events.append(e)
        facts = [(EntryType.IDEA, Visibility.SHARED)] * ideas + list(entries)
        for kind_, vis in facts:
            self.snap.entries.append(EntryFact(self.next_pk(), e.pk or 0, day(n), kind_, vis))
        return e

    def action(
        self,
        created: int,
        *,
        owner: int | None = 3,
        org: int | None = None,
        due: int | None = None,
        done: int | None = None,
        source: int | None = None,
    ) -> Action:
        a = Action(
            f"Action {self._pk}",
            day(created),
            status=ActionStatus.DONE if done is not None else ActionStatus.OPEN,
            owner=owner,
            organization=org,
            due_on=day(due) if due is not None else None,
            done_on=day(done) if done is not None else None,
            source_entry=source,
            pk=self.next_pk(),
        )
        self.snap.actions.append(a)
        return a

    def ideas_of(self, e: Event) -> list[int]:
        """The pks of the ideas recorded at ``e``."""
        return [n.pk for n in self.snap.entries if n.event == e.pk and n.type == EntryType.IDEA]

    def report(self, n: int) -> None:
        self.snap.reports.append(FeedbackReport(day(n), pk=self.next_pk()))
