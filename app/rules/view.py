"""A snapshot seen from one date: only what existed on or before it.

The cut is the read model's one as-of rule (``Snapshot.until``, see ``app.domain.snapshot``):
an event after the date does not exist yet; an action created after it does not exist; an
action done or dropped after it is still open then. Each rule reads this view, never the raw
snapshot, so no rule can look into the future by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from app.dates import sentence_date
from app.domain import Action, Event, Phase, PhaseMove
from app.i18n import language
from app.rules.model import EntryFact, Evidence, EvidenceKind, Snapshot

ACTIVE_PHASES = (Phase.COMMITMENT, Phase.EXECUTION)
LABEL_MAX = 80


def short(text: str, limit: int = LABEL_MAX) -> str:
    """A label short enough for a warning card; whole lines, no line breaks."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _event_order(e: Event) -> tuple[date, time, int]:
    return (e.day, e.time or time.min, e.pk or 0)


@dataclass(slots=True)
class View:
    """The partnership as it stood at the end of ``day``."""

    snap: Snapshot
    day: date
    events: list[Event] = field(default_factory=list)
    entries: list[EntryFact] = field(default_factory=list)
    open_actions: list[Action] = field(default_factory=list)
    moves: list[PhaseMove] = field(default_factory=list)

    @classmethod
    def of(cls, snap: Snapshot, day: date) -> View:
        cut = snap.until(day)
        return cls(
            snap=cut,
            day=day,
            events=sorted(cut.events, key=_event_order),
            entries=list(cut.entries),
            open_actions=[a for a in cut.actions if a.is_open_on(day)],
            moves=sorted(cut.partnership.phases, key=lambda m: m.from_on),
        )

    @property
    def phase(self) -> Phase | None:
        """The phase in force on the day (None before the first move)."""
        return self.moves[-1].phase if self.moves else None

    def spell_start(self) -> date | None:
        """Since when the phase in force has been in force (repeated moves to it merged)."""
        if not self.moves:
            return None
        start = self.moves[-1].from_on
        for move in reversed(self.moves):
            if move.phase != self.moves[-1].phase:
                break
            start = move.from_on
        return start

    def spell_days(self) -> int:
        start = self.spell_start()
        return (self.day - start).days if start else 0

    def active_days(self) -> int:
        """Days spent in commitment or execution, all spells together, up to the day."""
        total = 0
        for i, move in enumerate(self.moves):
            end = self.moves[i + 1].from_on if i + 1 < len(self.moves) else self.day
            if move.phase in ACTIVE_PHASES:
                total += (end - move.from_on).days
        return total

    def person_name(self, pk: int | None) -> str:
        for p in self.snap.people:
            if p.pk == pk:
                return p.name
        return "?"


def when(day: date) -> str:
    """A date inside a warning's sentence, as the interface writes its dates."""
    return sentence_date(day, language())


def event_label(e: Event, limit: int = 40) -> str:
    """An event as a warning names it: its title and its date as the interface writes it."""
    return f"{short(e.title, limit)} ({when(e.day)})"


def event_ref(e: Event, missed_by: tuple[str, ...] = ()) -> Evidence:
    """An event as evidence; ``missed_by``: ids of the people the warning says were absent."""
    whole = f"{' '.join(e.title.split())} ({when(e.day)})"
    return Evidence(
        EvidenceKind.EVENT, e.pk or 0, event_label(e), e.id, full=whole, missed_by=missed_by
    )


def action_ref(a: Action) -> Evidence:
    return Evidence(EvidenceKind.ACTION, a.pk or 0, short(a.text), a.id, " ".join(a.text.split()))
