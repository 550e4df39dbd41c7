"""The options of a feedback report and the plain, frozen data the PDF builder lays out.

Names of people are already resolved here (real names, or pseudonyms when names are hidden), so
the builder never sees a ``Person``; vocabularies stay enums and are translated by the builder in
the report's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain import ActionStatus, Dimension, EntryType, EventKind, Phase, Role, Tension
from app.domain.enums import Outcome
from app.report.names import NameReview
from app.report.parts import Equity, Glance, Learning
from app.report.waves import WaveResults
from app.scores.levels import LevelSplit

# The sections a report can hold, in the order they print; the cover is always there.
SECTIONS: tuple[str, ...] = (
    "glance",
    "phase",
    "accomplishments",
    "actions",
    "commitment",
    "equity",
    "observations",
    "learning",
    "next",
)

LANGUAGES: tuple[str, ...] = ("en", "fi")

# Each list of a report (meetings, entries, actions) shows at most this many lines of its period,
# the most recent ones; the rest are counted ("… and 212 more"). The appendix lists every entry.
LISTING_LIMIT = 25


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the facilitator chose for one report."""

    generated_on: date
    period_from: date | None = None
    period_to: date | None = None
    sections: tuple[str, ...] = SECTIONS
    language: str = "en"
    hide_names: bool = False
    # Also organizations by their role and the partnership by a neutral title; implies
    # hide_names (set in __post_init__).
    anonymous: bool = False
    # Typed by the facilitator for the PDF's author field; never filled in automatically.
    author: str = ""
    audience: str = "all"
    # Lines per list (None: all of the period), and the appendix listing every shared entry of
    # the whole partnership: chosen explicitly, for it can run to thousands of pages.
    listing_limit: int | None = LISTING_LIMIT
    appendix: bool = False

    def __post_init__(self) -> None:
        if self.anonymous and not self.hide_names:
            object.__setattr__(self, "hide_names", True)
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ValueError(f"unknown report sections: {', '.join(unknown)}")
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown report language: {self.language}")
        if self.period_from and self.period_to and self.period_from > self.period_to:
            raise ValueError("the period ends before it starts")

    @property
    def as_of(self) -> date:
        """The day the report speaks from: the end of the period, else the day it is made."""
        return self.period_to or self.generated_on

    def to_record(self) -> dict[str, Any]:
        """The options as stored with the record of a report given to partners."""
        record: dict[str, Any] = {
            "from": self.period_from.isoformat() if self.period_from else None,
            "to": self.period_to.isoformat() if self.period_to else None,
            "language": self.language,
            "hide_names": self.hide_names,
            "anonymous": self.anonymous,
        }
        if self.appendix:
            record["appendix"] = True
        return record


@dataclass(frozen=True, slots=True)
class Partner:
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class PhaseSpan:
    phase: Phase
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ObjectiveLine:
    text: str
    indicator: str | None
    target: str | None
    due_on: date | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class EventLine:
    when: str
    kind: EventKind
    title: str
    attendees: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConfidentialCount:
    """Interviews or focus groups reported only by number (names hidden)."""

    kind: EventKind
    # The sides whose managers took part (customer, provider); empty when nobody is listed.
    sides: tuple[Role, ...]
    count: int


@dataclass(frozen=True, slots=True)
class EntryLine:
    when: str
    event_title: str
    type: EntryType
    text: str
    tensions: tuple[Tension, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionLine:
    text: str
    owner: str | None
    organization: str | None
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class Series:
    """One organization's line on the commitment chart: (date, mean rating) points."""

    organization: str
    points: tuple[tuple[date, float], ...]


@dataclass(frozen=True, slots=True)
class ResultRow:
    dimension: Dimension
    # Per side, in the order of ``Questionnaire.organizations``: (mean or None, n).
    cells: tuple[tuple[float | None, int], ...]
    gap: float | None  # customer − provider
    flagged: bool = False


@dataclass(frozen=True, slots=True)
class Questionnaire:
    title: str
    when: str
    organizations: tuple[str, ...]
    rows: tuple[ResultRow, ...]
    # The facilitator's own ratings (no respondents): exempt from the minimum group size.
    facilitator: bool = False
    # A side's mean is printed only with at least this many respondents (a cell (None, n > 0)
    # is "fewer than ``minimum`` answers").
    minimum: int = 3


@dataclass(frozen=True, slots=True)
class CountLine:
    """One line of "the partnership in numbers": what, in the period, since the start."""

    what: str  # a key of ``COUNTED``
    in_period: int
    since_start: int


# What the numbers count, in the order they print.
COUNTED: tuple[str, ...] = (
    "events",
    "entries",
    # The shared entries by type (they add up to "entries").
    "accomplishments",
    "decisions",
    "ideas",
    "obstacles",
    "observations",
    "assessments",
    "notes",
    "actions_done",
    "actions_open",
)


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything a feedback report prints, already filtered to what partners may see."""

    options: ReportOptions
    partnership: str
    partners: tuple[Partner, ...]
    started_on: date
    phases: tuple[PhaseSpan, ...] = ()
    phase_now: Phase | None = None
    # The partners' end-of-cycle decisions by the report's day: (date, outcome), no notes.
    outcomes: tuple[tuple[date, Outcome], ...] = ()
    objectives: tuple[ObjectiveLine, ...] = ()
    meetings: tuple[EventLine, ...] = ()
    done_actions: tuple[ActionLine, ...] = ()
    accomplishments: tuple[EntryLine, ...] = ()
    checklist_done: tuple[tuple[date, str], ...] = ()
    # Looked at and not fulfilled: printed as not met, never as completed (no note).
    checklist_not_met: tuple[tuple[date, str], ...] = ()
    decisions: tuple[EntryLine, ...] = ()
    action_plan: tuple[ActionLine, ...] = ()
    commitment: tuple[Series, ...] = ()
    # The facilitator's (and respondents') trust ratings per side, like ``commitment``.
    trust: tuple[Series, ...] = ()
    # Attendance and answers by organizational level (None: nobody with a level yet).
    levels: LevelSplit | None = None
    questionnaire: Questionnaire | None = None
    # The latest wave of the period on its instrument's own dimensions (app.report.waves).
    waves: WaveResults | None = None
    observations: tuple[EntryLine, ...] = ()
    tensions: tuple[tuple[Tension, int], ...] = ()
    open_questions: tuple[EntryLine, ...] = ()
    open_actions: tuple[ActionLine, ...] = ()
    upcoming: tuple[EventLine, ...] = field(default=())
    # With names hidden, interviews and focus groups are counted here instead of listed.
    confidential: tuple[ConfidentialCount, ...] = ()
    upcoming_confidential: tuple[ConfidentialCount, ...] = ()
    # The author as printed (hidden like any text; left out of an anonymous report).
    author: str = ""
    # With names hidden: what was replaced and which words may be names nobody entered.
    names_review: NameReview = field(default_factory=NameReview)
    counts: tuple[CountLine, ...] = ()
    # Lines of a list left out by ``options.listing_limit``: (list name, how many).
    omitted: tuple[tuple[str, int], ...] = ()
    # Every shared entry up to the report's day, when ``options.appendix``.
    appendix: tuple[EntryLine, ...] = ()
    # Private actions are not printed; the report says how many it left out.
    private_actions: int = 0
    glance: Glance = field(default_factory=Glance)
    equity: Equity = field(default_factory=Equity)
    learning: Learning = field(default_factory=Learning)

    def left_out(self, name: str) -> int:
        """How many lines of the list ``name`` (a field name) are not printed."""
        return dict(self.omitted).get(name, 0)
