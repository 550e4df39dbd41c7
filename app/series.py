"""The commitment series: what the plot (and the report's chart) draws for one partnership.

``commitment_series(db, partnership_pk, measure)`` returns a ``Series``: one ``Line`` per
organization (points with date, value, n, event key and title), the gap customer − provider,
the phase bands and the markers (feedback meetings, pilots, phase moves, feedback reports).
``measure`` is a rating dimension (``"commitment"``, ``"equity"``, ...) or a derived indicator
from ``app.indicators`` (``"sponsor_attendance"``, ``"actions_on_time"``, ``"idea_conversion"``,
``"days_since_feedback"``). Everything is plain frozen data: Qt-free, reused by reports/.

For a dimension, each rated event is a point per organization: the mean of the ratings given
for it there (a facilitator's rating, or the respondents of a questionnaire wave), with n.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import fmean

from sqlite_utils import Database

from app.domain import Dimension, Event, EventKind, Rating, Role
from app.domain.labels import dimension_name, phase_name
from app.domain.snapshot import EVERYTHING, RATINGS_ONLY, Include, Snapshot
from app.i18n import _
from app.indicators import INDICATORS
from app.lines import Line, Point
from app.persistence.snapshots import load_snapshot
from app.scores.waves import (
    DEFAULT_GAP_FLAG,
    GAP_FLAG_KEY,
    WaveScores,
    respondent_scores,
    score_dimension,
    score_wave,
)


@dataclass(frozen=True, slots=True)
class GapPoint:
    day: date
    gap: float  # customer − provider
    flagged: bool
    event_pk: int | None
    title: str


@dataclass(frozen=True, slots=True)
class Band:
    """A phase in force from ``start`` up to (not including) ``end``."""

    phase: str
    label: str
    start: date
    end: date


class MarkerKind(StrEnum):
    FEEDBACK_MEETING = "feedback_meeting"
    PILOT = "pilot"
    PHASE_MOVE = "phase_move"
    FEEDBACK_REPORT = "feedback_report"


@dataclass(frozen=True, slots=True)
class Marker:
    day: date
    kind: MarkerKind
    label: str
    event_pk: int | None = None


@dataclass(frozen=True, slots=True)
class Series:
    """Everything one commitment chart shows."""

    measure: str
    label: str
    unit: str  # "" for ratings, "%" for shares, "days"
    y_min: float
    y_max: float
    lines: tuple[Line, ...]
    gap: tuple[GapPoint, ...]
    gap_flag: float | None  # the flag threshold; None when the measure has none
    bands: tuple[Band, ...]
    markers: tuple[Marker, ...]
    start: date
    end: date

    def line(self, organization_pk: int | None) -> Line | None:
        return next((ln for ln in self.lines if ln.organization_pk == organization_pk), None)

    @property
    def is_empty(self) -> bool:
        return not any(ln.points for ln in self.lines)


def measures() -> list[tuple[str, str]]:
    """Every measure a chart can show, as (key, translated label): dimensions, then indicators."""
    return [(d.value, dimension_name(d)) for d in Dimension] + [
        (key, spec.label()) for key, spec in INDICATORS.items()
    ]


def gap_flag_of(snapshot: Snapshot) -> float:
    """The partnership's gap flag threshold (``thresholds["gap_flag"]``, default 0.5)."""
    value = snapshot.thresholds.get(GAP_FLAG_KEY, DEFAULT_GAP_FLAG)
    return float(value) if isinstance(value, int | float) else DEFAULT_GAP_FLAG


def roles_of(snapshot: Snapshot) -> dict[int, Role]:
    return {o.pk: o.role for o in snapshot.organizations if o.pk is not None}


def _event_key(e: Event) -> tuple[date, str, int]:
    return (e.day, e.when, e.pk or 0)


def dimension_lines(snapshot: Snapshot, dimension: Dimension) -> tuple[Line, ...]:
    """One line per organization: a point for every event where it was rated on ``dimension``."""
    # One pass over the events, each event's ratings grouped by organization once (a diary of
    # thousands of rated events is read once, not once per organization).
    points: dict[int | None, list[Point]] = {org.pk: [] for org in snapshot.organizations}
    for e in sorted(snapshot.events, key=_event_key):
        rated: dict[int, list[Rating]] = {}
        for r in e.ratings:
            if r.dimension == dimension and r.organization in points:
                rated.setdefault(r.organization, []).append(r)
        for org_pk, ratings in rated.items():
            scores = respondent_scores(ratings)  # never empty: a rating is a score
            points[org_pk].append(Point(e.day, fmean(scores), len(scores), e.pk, e.title))
    return tuple(
        Line(org.pk, org.name, org.role, tuple(points[org.pk]))
        for org in snapshot.organizations
        if points[org.pk] or org.role in (Role.CUSTOMER, Role.PROVIDER)
    )


def dimension_gap(snapshot: Snapshot, dimension: Dimension) -> tuple[GapPoint, ...]:
    roles, flag = roles_of(snapshot), gap_flag_of(snapshot)
    gaps = []
    for e in sorted(snapshot.events, key=_event_key):
        if not any(r.dimension == dimension for r in e.ratings):
            continue  # no gap without ratings (most events of a large diary)
        score = score_dimension(dimension, e.ratings, roles, flag)
        if score.gap is not None:
            gaps.append(GapPoint(e.day, score.gap, score.flagged, e.pk, e.title))
    return tuple(gaps)


def phase_bands(snapshot: Snapshot, end: date) -> tuple[Band, ...]:
    """The phase history as consecutive bands; the last one runs to ``end`` (at least a day)."""
    moves = sorted(snapshot.partnership.phases, key=lambda m: m.from_on)
    bands = []
    for i, move in enumerate(moves):
        until = moves[i + 1].from_on if i + 1 < len(moves) else max(end, move.from_on)
        if until == move.from_on:
            until = move.from_on + timedelta(days=1)
        bands.append(Band(move.phase.value, phase_name(move.phase), move.from_on, until))
    return tuple(bands)


def markers(snapshot: Snapshot) -> tuple[Marker, ...]:
    """Feedback meetings, pilots, phase moves and feedback reports, in date order."""
    found = []
    for e in snapshot.events:
        if e.kind == EventKind.FEEDBACK_MEETING:
            found.append(Marker(e.day, MarkerKind.FEEDBACK_MEETING, e.title, e.pk))
        elif e.kind == EventKind.PILOT:
            found.append(Marker(e.day, MarkerKind.PILOT, e.title, e.pk))
    for move in snapshot.partnership.phases:
        label = _("Phase: {phase}").format(phase=phase_name(move.phase))
        found.append(Marker(move.from_on, MarkerKind.PHASE_MOVE, label))
    for report in snapshot.reports:
        found.append(Marker(report.generated_on, MarkerKind.FEEDBACK_REPORT, _("Feedback report")))
    return tuple(sorted(found, key=lambda m: (m.day, m.kind.value)))


def time_span(snapshot: Snapshot) -> tuple[date, date]:
    """First and last date of anything dated in the partnership."""
    days = [snapshot.partnership.started_on]
    days += [e.day for e in snapshot.events]
    days += [m.from_on for m in snapshot.partnership.phases]
    days += [r.generated_on for r in snapshot.reports]
    return min(days), max(days)


def build_series(snapshot: Snapshot, measure: str = "commitment") -> Series:
    """The chart data of ``measure`` (a dimension or an indicator key) for a snapshot."""
    start, end = time_span(snapshot)
    gap: tuple[GapPoint, ...] = ()
    gap_flag: float | None = None
    if measure in INDICATORS:
        spec = INDICATORS[measure]
        lines = spec.compute(snapshot, end)
        label = spec.label()
        unit, y_min, y_max = spec.unit, spec.y_min, spec.y_max(lines)
    else:
        try:
            dimension = Dimension(measure)
        except ValueError:
            raise ValueError(_("Unknown measure: {name}").format(name=measure)) from None
        lines = dimension_lines(snapshot, dimension)
        gap, gap_flag = dimension_gap(snapshot, dimension), gap_flag_of(snapshot)
        label, unit, y_min, y_max = dimension_name(dimension), "", 1.0, 5.0
    return Series(
        measure=measure,
        label=label,
        unit=unit,
        y_min=y_min,
        y_max=y_max,
        lines=lines,
        gap=gap,
        gap_flag=gap_flag,
        bands=phase_bands(snapshot, end),
        markers=markers(snapshot),
        start=start,
        end=end,
    )


def commitment_series(
    db: Database, partnership_pk: int, measure: str = "commitment", as_of: date | None = None
) -> Series | None:
    """The chart data of a stored partnership (None if it does not exist).

    ``as_of`` leaves out everything dated after it, by the read model's as-of rule
    (``Snapshot.until``), as the warnings do.
    """
    # A rating dimension is drawn from events and ratings alone: entries and actions are only
    # read for the indicators.
    snapshot = load_snapshot(db, partnership_pk, include_for(measure))
    if snapshot is None:
        return None
    return build_series(snapshot.until(as_of), measure)


def include_for(measure: str) -> Include:
    """What a chart of ``measure`` reads: a rating dimension needs no entries nor actions."""
    return EVERYTHING if measure in INDICATORS else RATINGS_ONLY


def questionnaire_waves(snapshot: Snapshot) -> list[WaveScores]:
    """Every questionnaire event with ratings, scored per dimension, oldest first."""
    roles, flag = roles_of(snapshot), gap_flag_of(snapshot)
    return [
        score_wave(e.pk or 0, e.day, e.title, e.ratings, roles, flag)
        for e in sorted(snapshot.events, key=_event_key)
        if e.kind == EventKind.QUESTIONNAIRE and e.ratings
    ]


def latest_wave(db: Database, partnership_pk: int) -> WaveScores | None:
    """The latest questionnaire wave of a stored partnership, scored (for small multiples)."""
    snapshot = load_snapshot(db, partnership_pk, RATINGS_ONLY)
    waves = questionnaire_waves(snapshot) if snapshot else []
    return waves[-1] if waves else None
