"""The plain data of the report's summary parts: "At a glance", equity as the partners see it,
and the learning log with the vision beside the pilot.

Like ``app.report.model``, everything here is frozen and already filtered: names resolved or
hidden, private records left out, and nothing dated after the report's as-of date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain import Dimension, Phase, Role


class Standing(StrEnum):
    """Where an objective stands on the report's date (see ``app.report.standing``)."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    NOT_MEASURED = "not_measured"
    # Measured, but without a numeric target and direction nothing can be judged.
    MEASURED = "measured"


@dataclass(frozen=True, slots=True)
class ObjectiveStatus:
    text: str
    indicator: str | None
    target: str | None  # the target in words
    target_value: float | None
    latest: float | None
    latest_on: date | None
    unit: str | None
    standing: Standing
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class SideActions:
    """One side's actions as of the report's date (side None: actions nobody owns)."""

    side: Role | None
    name: str
    done: int
    open: int
    overdue: int


class DecideKind(StrEnum):
    OVERDUE_ACTION = "overdue_action"
    IDEA = "idea"
    NO_INDICATOR = "no_indicator"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class DecideItem:
    """One thing for the partners to decide at the meeting the report is given at."""

    kind: DecideKind
    text: str
    # The due date of an action, the date of an idea's event, a decision's review date.
    day: date | None = None


@dataclass(frozen=True, slots=True)
class Achieved:
    """Something achieved since the last report given: an accomplishment or a done action."""

    day: date
    text: str
    action: bool


@dataclass(frozen=True, slots=True)
class Glance:
    """The first page the managers read."""

    phase: Phase | None = None
    phase_since: date | None = None
    # The last report given before this one (None: this is the first).
    last_report_on: date | None = None
    achieved: tuple[Achieved, ...] = ()
    achieved_more: int = 0
    objectives: tuple[ObjectiveStatus, ...] = ()
    sides: tuple[SideActions, ...] = ()
    to_decide: tuple[DecideItem, ...] = ()
    to_decide_more: int = 0


@dataclass(frozen=True, slots=True)
class Change:
    """One dimension of one side: baseline, previous and latest wave means (None: no mean,
    ``short`` when the wave had answers but fewer than the minimum group size)."""

    dimension: Dimension
    baseline: float | None
    previous: float | None
    latest: float | None
    short: tuple[bool, bool, bool] = (False, False, False)

    @property
    def since_previous(self) -> float | None:
        if self.latest is None or self.previous is None:
            return None
        return self.latest - self.previous

    @property
    def since_baseline(self) -> float | None:
        if self.latest is None or self.baseline is None:
            return None
        return self.latest - self.baseline


@dataclass(frozen=True, slots=True)
class SideEquity:
    side: Role
    name: str
    actions_owned: int
    actions_done: int
    # Meetings of the period attended by at least one of the side's managers (sponsors, top).
    meetings_attended: int
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class Equity:
    sides: tuple[SideEquity, ...] = ()
    meetings: int = 0  # meetings of the period, attended or not
    # The waves compared: (date) of the first, the previous and the latest questionnaire.
    baseline_on: date | None = None
    previous_on: date | None = None
    latest_on: date | None = None
    minimum: int = 3  # the minimum group size the comparison respects
    waves: int = 0  # questionnaires up to the report's date


@dataclass(frozen=True, slots=True)
class Learning:
    """The shared assessments of the period, and the vision beside the pilot's scope."""

    entries: tuple[tuple[str, str, str], ...] = ()  # (when, event title, text)
    vision: str | None = None
    pilot_scope: str | None = None
