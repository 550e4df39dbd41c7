"""``drifting-boat`` counts the ideas still open: one made into an action, parked (to revisit)
or declined has been dealt with, and an idea's fate counts only from the day it was given."""

from __future__ import annotations

import dataclasses
from datetime import date

from test_rules_support import Build, day

from app.domain.enums import Fate
from app.rules import evaluate


def _drifting(b: Build, on: date) -> str | None:
    found = {w.id: w for w in evaluate(b.snap, on)}.get("drifting-boat")
    return found.message if found else None


def _give_fate(b: Build, pk: int, fate: Fate, on: int) -> None:
    b.snap.entries = [
        dataclasses.replace(n, fate=fate, fate_on=day(on)) if n.pk == pk else n
        for n in b.snap.entries
    ]


def test_parked_and_declined_ideas_are_not_drifting() -> None:
    b = Build()
    ideas = b.ideas_of(b.event(40, ideas=4))
    assert _drifting(b, day(45)) is not None
    _give_fate(b, ideas[0], Fate.PARKED, 42)
    # 3 open ideas of 4 and 1 dealt with (< 4/3): still drifting, counting only the open ones.
    message = _drifting(b, day(45))
    assert message is not None and "3 of the 4 ideas" in message
    _give_fate(b, ideas[1], Fate.DECLINED, 43)
    # 2 open ideas: below the three an alarm needs.
    assert _drifting(b, day(45)) is None


def test_a_fate_counts_from_the_day_it_was_given() -> None:
    b = Build()
    ideas = b.ideas_of(b.event(40, ideas=4))
    _give_fate(b, ideas[0], Fate.DECLINED, 44)
    _give_fate(b, ideas[1], Fate.PARKED, 44)
    assert _drifting(b, day(45)) is None
    message = _drifting(b, day(43))  # before the partners dealt with them
    assert message is not None and "4 of the 4 ideas" in message


def test_parked_declined_and_actions_together_make_the_share() -> None:
    b = Build()
    ideas = b.ideas_of(b.event(40, ideas=9))
    b.action(41, source=ideas[0])
    _give_fate(b, ideas[1], Fate.PARKED, 41)
    assert _drifting(b, day(45)) is not None  # 2 of 9 dealt with < 9/3
    _give_fate(b, ideas[2], Fate.DECLINED, 41)
    assert _drifting(b, day(45)) is None  # 3 of 9 = 9/3
