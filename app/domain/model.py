"""Typed records of a partnership diary.

Records refer to each other by their database key (``pk``) once stored; ``id`` is the stable text
id that survives export and import (a UUID for records created in the app, the file's id for
imported ones). A record not yet stored has ``pk`` None.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache

from app.domain.days import iso_day, iso_minute
from app.domain.enums import (
    ActionStatus,
    DecisionStatus,
    Dimension,
    Direction,
    EntryType,
    EventKind,
    Fate,
    Level,
    MarkStatus,
    Names,
    Outcome,
    Phase,
    ReportKind,
    ReportStatus,
    Role,
    Tension,
    Visibility,
)


def new_id() -> str:
    """A fresh stable id for a record created in the app."""
    return str(uuid.uuid4())


@dataclass(slots=True)
class PhaseMove:
    """One step of the phase history: from this date on, ``phase`` is in force."""

    phase: Phase
    from_on: date
    note: str | None = None
    # Checklist item ids that were still open and that the facilitator confirmed moving past.
    confirmed_open: tuple[str, ...] = ()
    pk: int | None = None


# What makes an objective specific, in the order they are named when missing.
OBJECTIVE_PARTS = ("indicator", "target", "owner", "due_on")


@dataclass(slots=True)
class Measurement:
    """A dated value of an objective's indicator."""

    measured_on: date
    value: float
    note: str | None = None
    id: str = field(default_factory=new_id)
    pk: int | None = None


@dataclass(slots=True)
class Objective:
    text: str
    indicator: str | None = None
    target: str | None = None
    due_on: date | None = None
    owner: int | None = None
    id: str = field(default_factory=new_id)
    pk: int | None = None
    target_value: float | None = None
    unit: str | None = None
    direction: Direction | None = None
    measurements: list[Measurement] = field(default_factory=list)

    def lacks(self) -> tuple[str, ...]:
        """What the objective still lacks to be specific, among ``OBJECTIVE_PARTS``."""
        given = {
            "indicator": bool(self.indicator and self.indicator.strip()),
            "target": bool(self.target and self.target.strip()),
            "owner": self.owner is not None,
            "due_on": self.due_on is not None,
        }
        return tuple(part for part in OBJECTIVE_PARTS if not given[part])

    @property
    def is_specific(self) -> bool:
        """Specific: it has an indicator, a target, an owner and a due date."""
        return not self.lacks()


@dataclass(slots=True)
class Partnership:
    name: str
    started_on: date
    description: str | None = None
    language: str = "en"
    phases: list[PhaseMove] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    pk: int | None = None
    planned_end_on: date | None = None
    vision: str | None = None
    pilot_scope: str | None = None
    min_group_size: int = 3

    def phase_on(self, day: date) -> Phase | None:
        """The phase in force on ``day``: the last move whose date is on or before it."""
        current: Phase | None = None
        for move in sorted(self.phases, key=lambda m: m.from_on):
            if move.from_on <= day:
                current = move.phase
        return current


@dataclass(slots=True)
class Organization:
    name: str
    role: Role
    id: str = field(default_factory=new_id)
    pk: int | None = None


@dataclass(slots=True)
class Person:
    name: str
    organization: int
    title: str | None = None
    level: Level | None = None
    sponsor: bool = False
    pseudonym: str | None = None
    id: str = field(default_factory=new_id)
    pk: int | None = None
    # Used only for calendar invitations (``kumppani ical``); never printed for the partners.
    email: str | None = None


@dataclass(slots=True)
class Participant:
    person: int
    invited: bool = True
    attended: bool = False


@dataclass(slots=True)
class Rating:
    organization: int
    dimension: Dimension
    value: float
    respondent: int | None = None
    pk: int | None = None


@lru_cache(maxsize=8192)
def parse_when(text: str) -> tuple[date, time | None]:
    """Split an event's ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` into its date and time."""
    # Cached (the result is immutable): rules and series ask every event for its day many
    # times, and strptime is slow.
    if "T" in text:
        moment = iso_minute(text)
        return moment.date(), moment.time()
    return iso_day(text), None


def format_when(day: date, at: time | None) -> str:
    """The canonical text form of an event's date, as stored and exported."""
    if at is None:
        return day.isoformat()
    return f"{day.isoformat()}T{at.strftime('%H:%M')}"


@dataclass(slots=True)
class AgendaItem:
    """One timed item of an event's agenda; ``presenter`` a person key (a position on import)."""

    title: str
    minutes: int = 0
    purpose: str | None = None
    presenter: int | None = None
    id: str = field(default_factory=new_id)
    pk: int | None = None


@dataclass(slots=True)
class Event:
    kind: EventKind
    title: str
    when: str
    duration_minutes: int | None = None
    phase: Phase | None = None
    purpose: str | None = None
    participants: list[Participant] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    pk: int | None = None
    # This feedback meeting is the final evaluation of the cycle.
    final_evaluation: bool = False
    # A room or a meeting link.
    place: str | None = None
    # The agenda in running order.
    agenda: list[AgendaItem] = field(default_factory=list)

    @property
    def day(self) -> date:
        return parse_when(self.when)[0]

    @property
    def time(self) -> time | None:
        return parse_when(self.when)[1]


@dataclass(slots=True)
class IdeaFate:
    """An idea parked (with a date to revisit) or declined, with the reason."""

    status: Fate
    reason: str
    on: date
    revisit_on: date | None = None


@dataclass(slots=True)
class DecisionRecord:
    """Where a decision stands; ``agreed_by`` holds organization keys (positions on import)."""

    status: DecisionStatus
    agreed_by: list[int] = field(default_factory=list)
    review_on: date | None = None
    disagreement: str | None = None


@dataclass(slots=True)
class Entry:
    event: int
    type: EntryType
    text: str
    visibility: Visibility | None = None
    tensions: tuple[Tension, ...] = ()
    id: str = field(default_factory=new_id)
    pk: int | None = None
    fate: IdeaFate | None = None
    decision: DecisionRecord | None = None
    # The agenda item it was written under (a key; on import, a position in the event's
    # agenda) and when it was written (local time, ``YYYY-MM-DDTHH:MM:SS``).
    agenda_item: int | None = None
    written_at: str | None = None

    def __post_init__(self) -> None:
        if self.visibility is None:
            self.visibility = self.type.default_visibility


@dataclass(slots=True)
class Action:
    text: str
    created_on: date
    status: ActionStatus = ActionStatus.OPEN
    owner: int | None = None
    organization: int | None = None
    due_on: date | None = None
    done_on: date | None = None
    source_entry: int | None = None
    id: str = field(default_factory=new_id)
    pk: int | None = None
    # A private action (made from a private entry) never reaches partner output.
    visibility: Visibility = Visibility.SHARED

    def is_open_on(self, day: date) -> bool:
        """Open as of ``day``: created by then and not yet done or dropped by then."""
        if self.created_on > day:
            return False
        if self.status.is_closed:
            return self.done_on is not None and self.done_on > day
        return True

    def is_overdue_on(self, day: date) -> bool:
        return self.is_open_on(day) and self.due_on is not None and self.due_on < day


@dataclass(slots=True)
class ChecklistMark:
    """A checklist item looked at on ``marked_on``: done, or not met; ``evidence`` is an event
    or entry id; ``text`` the wording of an item of the partnership's own."""

    item: str
    marked_on: date
    note: str | None = None
    evidence: str | None = None
    pk: int | None = None
    status: MarkStatus = MarkStatus.DONE
    text: str | None = None

    @property
    def done(self) -> bool:
        return self.status is MarkStatus.DONE


@dataclass(slots=True)
class FeedbackReport:
    """A report recorded in the diary: a draft, or given to the partners (only given ones count
    as feedback)."""

    generated_on: date
    audience: str = "all"
    sections: tuple[str, ...] | None = None
    sha256: str | None = None
    options: dict[str, object] | None = None
    id: str = field(default_factory=new_id)
    pk: int | None = None
    kind: ReportKind = ReportKind.FEEDBACK_REPORT
    status: ReportStatus = ReportStatus.GIVEN
    period_from: date | None = None
    period_to: date | None = None
    names: Names | None = None
    language: str | None = None
    # The meeting minutes are of (an event key; its position in a file being imported).
    event: int | None = None

    @property
    def given(self) -> bool:
        return self.status is ReportStatus.GIVEN


@dataclass(slots=True)
class CycleDecision:
    """The partners' decision at the end of a cycle; the note is the facilitator's (private)."""

    decided_on: date
    outcome: Outcome
    note: str | None = None
    event: int | None = None
    id: str = field(default_factory=new_id)
    pk: int | None = None


@dataclass(frozen=True, slots=True)
class WarningAck:
    """The facilitator saw an early warning on a day (a note, the evidence seen then)."""

    warning: str
    acknowledged_on: date
    severity: str
    evidence_count: int
    # "kind:pk" keys of the evidence seen when acknowledging (None in acks without them).
    evidence: frozenset[str] | None
    note: str | None
    pk: int
