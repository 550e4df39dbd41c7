"""Scores of one rated event (a questionnaire wave or a facilitator's ratings) per dimension.

The scoring rule (docs: shared notes, "Measuring the relationship"): each rating is one
respondent's score on one dimension; a side's score is the mean of its respondents; the
partnership's score is the mean of the two side means, so the larger organization does not
dominate; the signed gap customer − provider is what partners discuss, flagged when its size
reaches the threshold (0.5 on the 5-point scale unless the partnership sets ``gap_flag``).

Everything here is plain data in, plain data out: the report builder uses it as it is.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from app.domain import Dimension, Rating, Role

DEFAULT_GAP_FLAG = 0.5
GAP_FLAG_KEY = "gap_flag"
SIDES = (Role.CUSTOMER, Role.PROVIDER)


@dataclass(frozen=True, slots=True)
class Summary:
    """Mean, number of respondents and spread of a set of scores."""

    mean: float
    n: int
    sd: float | None  # sample standard deviation; None with one respondent
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class DimensionScore:
    """One dimension of one wave: each side, the partnership score and the gap."""

    dimension: Dimension
    customer: Summary | None
    provider: Summary | None
    partnership: float | None  # mean of the side means; None unless both sides answered
    gap: float | None  # customer − provider
    flagged: bool


@dataclass(frozen=True, slots=True)
class WaveScores:
    """All dimensions of one rated event."""

    event_pk: int
    day: date
    title: str
    dimensions: tuple[DimensionScore, ...]

    def score(self, dimension: Dimension) -> DimensionScore | None:
        return next((d for d in self.dimensions if d.dimension == dimension), None)


def summarize(values: Iterable[float]) -> Summary | None:
    """Mean, n, SD and min–max of ``values``; None when there are none."""
    data = list(values)
    if not data:
        return None
    return Summary(
        mean=statistics.fmean(data),
        n=len(data),
        sd=statistics.stdev(data) if len(data) > 1 else None,
        low=min(data),
        high=max(data),
    )


def respondent_scores(ratings: Iterable[Rating]) -> list[float]:
    """One score per respondent: a named respondent rated twice counts once (their mean).

    Anonymous ratings (no respondent) each stand for a respondent of their own.
    """
    named: dict[int, list[float]] = {}
    scores: list[float] = []
    for r in ratings:
        if r.respondent is None:
            scores.append(float(r.value))
        else:
            named.setdefault(r.respondent, []).append(float(r.value))
    for values in named.values():
        scores.append(math.fsum(values) / len(values))  # statistics.fmean, without its overhead
    return scores


def score_dimension(
    dimension: Dimension,
    ratings: Iterable[Rating],
    roles: Mapping[int, Role],
    gap_flag: float = DEFAULT_GAP_FLAG,
) -> DimensionScore:
    """Score one dimension; ``roles`` maps organization keys to their role.

    Ratings of organizations that are neither customer nor provider do not count for a side.
    """
    by_side: dict[Role, list[Rating]] = {side: [] for side in SIDES}
    for r in ratings:
        role = roles.get(r.organization)
        if r.dimension == dimension and role in by_side:
            by_side[role].append(r)
    customer = summarize(respondent_scores(by_side[Role.CUSTOMER]))
    provider = summarize(respondent_scores(by_side[Role.PROVIDER]))
    partnership = gap = None
    if customer is not None and provider is not None:
        partnership = (customer.mean + provider.mean) / 2
        gap = customer.mean - provider.mean
    # A small tolerance so that 4.0 − 3.5 computed in floating point still counts as 0.5.
    flagged = gap is not None and abs(gap) >= gap_flag - 1e-9
    return DimensionScore(dimension, customer, provider, partnership, gap, flagged)


def score_wave(
    event_pk: int,
    day: date,
    title: str,
    ratings: Iterable[Rating],
    roles: Mapping[int, Role],
    gap_flag: float = DEFAULT_GAP_FLAG,
) -> WaveScores:
    """Scores of every dimension rated at one event, in the order of ``Dimension``."""
    data = list(ratings)
    rated = {r.dimension for r in data}
    return WaveScores(
        event_pk=event_pk,
        day=day,
        title=title,
        dimensions=tuple(
            score_dimension(d, data, roles, gap_flag) for d in Dimension if d in rated
        ),
    )
