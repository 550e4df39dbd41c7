"""Ratings in a report: the commitment series, the latest results, and the minimum group size.

A side's mean of a questionnaire (or of any respondents' ratings) is printed only when at least
``minimum`` respondents of that side answered (the partnership's ``min_group_size``, 3 unless
set, never below 2): beside the list of participants, the mean of one or two answers tells what
a named person answered. The gap and the chart point need the mean, so they follow it. The
facilitator's own ratings (an event other than a questionnaire, rated without respondents) are
not anybody's answers: they are exempt, and labelled as the facilitator's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date

from app.domain import Dimension, EventKind, Rating, Role
from app.domain.model import parse_when
from app.persistence.shared import SharedRating
from app.report.model import Questionnaire, ResultRow, Series
from app.report.titles import Titles
from app.scores.waves import SIDES, Summary, score_dimension, score_wave

Holds = Callable[[date], bool]
# Each organization's side, and each side's printed name.
Sides = tuple[dict[int, Role], dict[Role, str]]
# The smallest minimum group size a partnership may set.
SMALLEST_GROUP = 2


class Group:
    """One rated event: the first rating (for its date and kind) and every rating of it."""

    def __init__(self, first: SharedRating) -> None:
        self.first = first
        self.ratings: list[Rating] = []

    @property
    def day(self) -> date:
        return parse_when(self.first.event_when)[0]

    @property
    def facilitators(self) -> bool:
        """The facilitator's own ratings: not a questionnaire, and no respondent named."""
        return self.first.event_kind != EventKind.QUESTIONNAIRE and all(
            r.respondent is None for r in self.ratings
        )


def groups(ratings: Iterable[SharedRating], holds: Holds) -> list[Group]:
    """The rated events whose date ``holds``, in date order."""
    grouped: dict[int, Group] = {}
    for r in ratings:
        if holds(parse_when(r.event_when)[0]):
            group = grouped.setdefault(r.event, Group(r))
            group.ratings.append(Rating(r.organization, r.dimension, r.value, r.respondent))
    return sorted(grouped.values(), key=lambda g: (g.first.event_when, g.first.event))


def shown(summary: Summary | None, minimum: int, exempt: bool) -> tuple[float | None, int]:
    """(mean, n) of a side as the report may print it: the mean is None below ``minimum``."""
    if summary is None:
        return None, 0
    if exempt or summary.n >= max(minimum, SMALLEST_GROUP):
        return summary.mean, summary.n
    return None, summary.n


def commitment_series(
    ratings: list[SharedRating],
    sides: Sides,
    holds: Holds,
    minimum: int,
    dimension: Dimension = Dimension.COMMITMENT,
) -> tuple[Series, ...]:
    """Per side (customer, provider), the ``dimension`` score (commitment unless another is
    asked, such as trust) of each rated event."""
    roles, names = sides
    points: dict[Role, list[tuple[date, float]]] = {side: [] for side in SIDES}
    for group in groups(ratings, holds):
        score = score_dimension(dimension, group.ratings, roles)
        for side, summary in ((Role.CUSTOMER, score.customer), (Role.PROVIDER, score.provider)):
            mean = shown(summary, minimum, group.facilitators)[0]
            if mean is not None:
                points[side].append((group.day, mean))
    return tuple(
        Series(names.get(side, ""), _thinned(sorted(points[side])))
        for side in SIDES
        if points[side]
    )


# A chart of years of weekly meetings shows its trend with this many points at most.
CHART_POINTS = 120


def _thinned(points: list[tuple[date, float]]) -> tuple[tuple[date, float], ...]:
    """At most ``CHART_POINTS`` points: beyond that, the mean of equal spans of time (dated at
    each span's last point), so a long period draws in a moment and still shows its trend."""
    if len(points) <= CHART_POINTS:
        return tuple(points)
    first, last = points[0][0].toordinal(), points[-1][0].toordinal()
    width = (last - first + 1) / CHART_POINTS
    spans: dict[int, list[tuple[date, float]]] = defaultdict(list)
    for day, value in points:
        spans[min(int((day.toordinal() - first) / width), CHART_POINTS - 1)].append((day, value))
    return tuple(
        (group[-1][0], sum(v for _d, v in group) / len(group))
        for _k, group in sorted(spans.items())
    )


def latest_results(
    ratings: list[SharedRating],
    sides: Sides,
    titles: Titles,
    holds: Holds,
    minimum: int,
) -> Questionnaire | None:
    """The latest rated event in the period (a questionnaire if there is one), side by side."""
    events = groups(ratings, holds)
    if not events:
        return None
    questionnaires = [g for g in events if g.first.event_kind == EventKind.QUESTIONNAIRE]
    group = (questionnaires or events)[-1]
    roles, names = sides
    wave = score_wave(group.first.event, group.day, "", group.ratings, roles)
    exempt = group.facilitators
    rows = []
    for d in wave.dimensions:
        cells = (shown(d.customer, minimum, exempt), shown(d.provider, minimum, exempt))
        both = cells[0][0] is not None and cells[1][0] is not None
        rows.append(ResultRow(d.dimension, cells, d.gap if both else None, both and d.flagged))
    return Questionnaire(
        titles.get(group.first.event, ""),
        group.first.event_when,
        (names.get(Role.CUSTOMER, ""), names.get(Role.PROVIDER, "")),
        tuple(rows),
        facilitator=exempt,
        minimum=max(minimum, SMALLEST_GROUP),
    )
