"""Interviews and focus groups in a report with names hidden: counted, never described.

What is said in an interview or a focus group was said in confidence. With names hidden, the
title and participants of such an event would still tell who spoke ("Interview: CEO of …"), so
the report lists these events only as counts by kind and by the side whose managers took part,
and prints their shared entries without the event's title.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date

from app.domain import Role
from app.domain.enums import CONFIDENTIAL_KINDS
from app.domain.model import parse_when
from app.persistence.shared import SharedEvent
from app.report.model import ConfidentialCount

_SIDES = (Role.CUSTOMER, Role.PROVIDER)


def confidential_events(events: Iterable[SharedEvent], hide_names: bool) -> set[int]:
    """The events a report with names hidden only counts (none when names are shown)."""
    return {e.pk for e in events if hide_names and e.kind in CONFIDENTIAL_KINDS}


def count_confidential(
    events: Iterable[SharedEvent],
    counted: set[int],
    keep: Callable[[date], bool],
    side_role: Callable[[int], Role | None],
) -> tuple[ConfidentialCount, ...]:
    """How many counted events of each kind were held with the managers of which sides."""
    tally: Counter[tuple[str, tuple[Role, ...]]] = Counter()
    kinds = {}
    for e in events:
        if e.pk in counted and keep(parse_when(e.when)[0]):
            roles = {side_role(person) for person in e.attendees}
            sides = tuple(r for r in _SIDES if r in roles)
            tally[(e.kind.value, sides)] += 1
            kinds[e.kind.value] = e.kind
    return tuple(
        ConfidentialCount(kinds[kind], sides, n) for (kind, sides), n in sorted(tally.items())
    )


def role_of_person(
    side_of: Callable[[int | None], int | None], roles: Mapping[int, Role]
) -> Callable[[int], Role | None]:
    """A person's side: the role of the organization they belong to."""

    def role(person: int) -> Role | None:
        org = side_of(person)
        return roles.get(org) if org is not None else None

    return role
