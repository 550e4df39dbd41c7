"""Attendance and answers split by organizational level (top, middle, operational).

The paper's contrast: the pilot "was considered a satisfactory and successful activity, at least
from the standpoint of the executors and the middle managers", while "the top managers … lost
their interest" and were absent from a feedback meeting (Kork, Koskela & Turpeinen, Results,
execution phase). A split by level shows it: for each level, the share of invitations attended
in each phase, and the answers its people gave in the latest round of answers (an event where
named respondents rated the partnership).

People without a level, and the facilitators, count in no row. A level's answers to a dimension are shown
only when at least ``min_group_size`` of its people answered it (the partnership's setting), so a small
group's answers cannot be traced to a person; otherwise only how many answered is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain import Dimension, Level, Phase, Rating, Role
from app.domain.snapshot import Snapshot
from app.scores.waves import Summary, respondent_scores, summarize


@dataclass(frozen=True, slots=True)
class Attendance:
    attended: int
    invited: int

    @property
    def share(self) -> float | None:
        return self.attended / self.invited if self.invited else None


@dataclass(frozen=True, slots=True)
class LevelRow:
    """One level: attendance per working phase, and its answers in the round (if shown)."""

    level: Level
    attendance: tuple[tuple[Phase, Attendance], ...]
    answered: int  # how many of its people answered in the round
    # Per dimension answered in the round; empty when fewer than the group size answered.
    answers: tuple[tuple[Dimension, Summary], ...]

    def attendance_in(self, phase: Phase) -> Attendance:
        return dict(self.attendance).get(phase, Attendance(0, 0))

    def answer(self, dimension: Dimension) -> Summary | None:
        return dict(self.answers).get(dimension)


@dataclass(frozen=True, slots=True)
class LevelSplit:
    rows: tuple[LevelRow, ...]
    phases: tuple[Phase, ...]  # the working phases the partnership has been in
    dimensions: tuple[Dimension, ...]  # the dimensions answered in the round
    round_day: date | None  # the round of answers (None: nobody named has answered yet)
    round_title: str
    min_group: int

    @property
    def is_empty(self) -> bool:
        return not any(a.invited for r in self.rows for _p, a in r.attendance) and not any(
            r.answered for r in self.rows
        )


@dataclass(frozen=True, slots=True)
class Invitation:
    """One person invited to an event held in ``phase``, and whether they came."""

    phase: Phase
    person: int
    attended: bool


@dataclass(frozen=True, slots=True)
class Round:
    """An event's ratings (a round of answers when named respondents gave them)."""

    day: date
    title: str
    ratings: tuple[Rating, ...]


def split_levels(
    levels: Mapping[int, Level],
    invitations: Iterable[Invitation],
    rounds: Sequence[Round],
    min_group: int,
) -> LevelSplit:
    """The split from plain facts: each person's level (facilitators left out), every
    invitation, and the rated events in date order (the latest answered by people with a level
    is the round shown)."""
    counts: dict[tuple[Level, Phase], list[int]] = {}
    seen: set[Phase] = set()
    for inv in invitations:
        level = levels.get(inv.person)
        if level is None or inv.phase not in Phase.working():
            continue
        seen.add(inv.phase)
        tally = counts.setdefault((level, inv.phase), [0, 0])
        tally[0] += int(inv.attended)
        tally[1] += 1
    phases = tuple(p for p in Phase.working() if p in seen)
    answered_rounds = [r for r in rounds if any(levels.get(x.respondent or 0) for x in r.ratings)]
    latest = answered_rounds[-1] if answered_rounds else None
    rated = latest.ratings if latest is not None else ()
    dimensions = tuple(d for d in Dimension if any(r.dimension == d for r in rated))
    rows = []
    for level in Level:
        mine = [r for r in rated if levels.get(r.respondent or 0) == level]
        answered = len({r.respondent for r in mine})
        answers: list[tuple[Dimension, Summary]] = []
        for d in dimensions:
            summary = summarize(respondent_scores(r for r in mine if r.dimension == d))
            if summary is not None and summary.n >= min_group:
                answers.append((d, summary))
        attendance = tuple((p, Attendance(*counts.get((level, p), [0, 0]))) for p in phases)
        rows.append(LevelRow(level, attendance, answered, tuple(answers)))
    return LevelSplit(
        tuple(rows),
        phases,
        dimensions,
        latest.day if latest is not None else None,
        latest.title if latest is not None else "",
        min_group,
    )


def split_by_level(snapshot: Snapshot, as_of: date | None = None) -> LevelSplit:
    """The split of a loaded partnership as the diary stood on ``as_of`` (None: everything)."""
    cut = snapshot.until(as_of)
    facilitators = {o.pk for o in cut.organizations if o.role == Role.FACILITATOR}
    levels = {
        p.pk: p.level
        for p in cut.people
        if p.pk is not None and p.level is not None and p.organization not in facilitators
    }
    events = sorted(cut.events, key=lambda e: (e.day, e.pk or 0))
    invitations = []
    for e in events:
        phase = e.phase or cut.partnership.phase_on(e.day)
        if phase is None:
            continue
        invitations += [
            Invitation(phase, p.person, p.attended) for p in e.participants if p.invited
        ]
    rounds = [Round(e.day, e.title, tuple(e.ratings)) for e in events if e.ratings]
    return split_levels(levels, invitations, rounds, cut.partnership.min_group_size)
