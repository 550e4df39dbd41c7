"""The options of a meeting's minutes and the plain, frozen data the PDF, DOCX and text lay out.

As in a feedback report, people are already named (or hidden) here and every text has passed
through the report's ``Namer``; the builders only lay out and translate the vocabularies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain import EntryType, EventKind
from app.domain.enums import DecisionStatus
from app.report.model import LANGUAGES, ActionLine
from app.report.names import NameReview

# The formats minutes are written in, by file name extension.
FORMATS: tuple[str, ...] = ("pdf", "docx", "txt")


@dataclass(frozen=True, slots=True)
class MinutesOptions:
    """What the facilitator chose for the minutes of one event."""

    event: int  # the event's key
    generated_on: date
    language: str = "en"
    hide_names: bool = False

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown minutes language: {self.language}")

    def to_record(self) -> dict[str, Any]:
        """The options as stored with the record of minutes given to the partners."""
        return {"language": self.language, "hide_names": self.hide_names}


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    organization: str | None  # None when the name already says it (names hidden)


@dataclass(frozen=True, slots=True)
class AgendaLine:
    """One item of the meeting's agenda (read once meetings have agendas; see ``agenda``)."""

    title: str
    minutes: int | None = None
    purpose: str | None = None
    presenter: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionLine:
    text: str
    status: DecisionStatus | None
    agreed_by: tuple[str, ...] = ()  # the sides that agreed, as printed
    review_on: date | None = None
    disagreement: str | None = None


@dataclass(frozen=True, slots=True)
class NoteLine:
    """A shared entry of the meeting other than a decision."""

    type: EntryType
    text: str


@dataclass(frozen=True, slots=True)
class NextMeeting:
    when: str
    kind: EventKind
    title: str


@dataclass(frozen=True, slots=True)
class MinutesData:
    """Everything the minutes print, already filtered to what the partners may see."""

    options: MinutesOptions
    partnership: str
    title: str
    kind: EventKind
    when: str
    duration_minutes: int | None = None
    attendees: tuple[Attendee, ...] = ()
    # Invited but not there ("apologies").
    absent: tuple[Attendee, ...] = ()
    agenda: tuple[AgendaLine, ...] = ()
    decisions: tuple[DecisionLine, ...] = ()
    notes: tuple[NoteLine, ...] = ()
    new_actions: tuple[ActionLine, ...] = ()
    carried_over: tuple[ActionLine, ...] = ()
    next_meeting: NextMeeting | None = None
    names_review: NameReview = field(default_factory=NameReview)

    @property
    def day(self) -> date:
        return date.fromisoformat(self.when[:10])
