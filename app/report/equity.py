"""Equity as the partners see it: per side, the actions it owns and has done, the meetings its
managers attended, and its latest questionnaire compared with the first and the previous one.

A side's wave mean is compared only where the wave had at least the minimum group size of
that side's respondents (``app.report.ratings``); otherwise the comparison says so.
"""

from __future__ import annotations

from app.domain import ActionStatus, Dimension, EventKind, Role
from app.domain.model import parse_when
from app.persistence.shared import SharedRating
from app.report.facts import Facts
from app.report.parts import Change, Equity, SideEquity
from app.report.ratings import SMALLEST_GROUP, Group, groups, shown
from app.scores.waves import SIDES, score_dimension

# The events that count as meetings the managers may attend.
MEETING_KINDS = (EventKind.MEETING, EventKind.WORKSHOP, EventKind.FEEDBACK_MEETING)


def equity(f: Facts, ratings: list[SharedRating], minimum: int) -> Equity:
    roles, names = f.sides
    people = {p.pk: p for p in f.view.people()}
    meetings = [e for e in f.events if e.kind in MEETING_KINDS and f.holds(parse_when(e.when)[0])]
    waves = [
        g
        for g in groups(ratings, lambda day: day <= f.as_of)
        if g.first.event_kind == EventKind.QUESTIONNAIRE
    ]
    sides = []
    for side in SIDES:
        if side not in names:
            continue
        mine = [a for a in f.actions if f.known(a) and f.side_of(a) == side]
        attended = sum(
            1
            for e in meetings
            if any(
                (p := people.get(pk)) is not None
                and p.manager
                and roles.get(p.organization) == side
                for pk in e.attendees
            )
        )
        sides.append(
            SideEquity(
                side,
                names[side],
                len(mine),
                sum(1 for a in mine if a.status == ActionStatus.DONE),
                attended,
                _changes(waves, side, roles, minimum) if len(waves) >= 2 else (),
            )
        )
    return Equity(
        tuple(sides),
        len(meetings),
        waves[0].day if len(waves) >= 2 else None,
        waves[-2].day if len(waves) >= 2 else None,
        waves[-1].day if waves else None,
        max(minimum, SMALLEST_GROUP),
        len(waves),
    )


def _changes(
    waves: list[Group], side: Role, roles: dict[int, Role], minimum: int
) -> tuple[Change, ...]:
    baseline, previous, latest = waves[0], waves[-2], waves[-1]
    rated = {r.dimension for r in latest.ratings}
    out = []
    for d in Dimension:
        if d not in rated:
            continue
        cells = [_side_mean(w, d, side, roles, minimum) for w in (baseline, previous, latest)]
        if all(n == 0 for _m, n in cells):
            continue
        short = tuple(m is None and n > 0 for m, n in cells)
        out.append(Change(d, cells[0][0], cells[1][0], cells[2][0], short))  # type: ignore[arg-type]
    return tuple(out)


def _side_mean(
    wave: Group, d: Dimension, side: Role, roles: dict[int, Role], minimum: int
) -> tuple[float | None, int]:
    score = score_dimension(d, wave.ratings, roles)
    return shown(score.customer if side is Role.CUSTOMER else score.provider, minimum, False)
