"""The lines of a feedback report made from shared records: entries, events and actions as
printed (names resolved or hidden), and the phases and sides the report speaks of."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from app.domain import Phase, Role
from app.domain.model import parse_when
from app.domain.snapshot import known_on
from app.persistence.shared import (
    SharedAction,
    SharedEntry,
    SharedEvent,
    SharedOrganization,
    SharedPartnership,
)
from app.report.model import ActionLine, EntryLine, EventLine, PhaseSpan
from app.report.names import Namer
from app.report.titles import Titles


def day_of(when: str) -> date:
    return parse_when(when)[0]


def open_on(a: SharedAction, day: date) -> bool:
    if a.created_on > day:
        return False
    if a.status.is_closed:
        return a.done_on is not None and a.done_on > day
    return True


def entry_line(e: SharedEntry, titles: Titles, namer: Namer) -> EntryLine:
    return EntryLine(e.event_when, titles.get(e.event, ""), e.type, namer.text(e.text), e.tensions)


def event_line(e: SharedEvent, namer: Namer) -> EventLine:
    names = tuple(n for n in (namer.person(pk) for pk in e.attendees) if n)
    return EventLine(e.when, e.kind, namer.text(e.title), names)


def action_line(a: SharedAction, namer: Namer, as_of: date) -> ActionLine:
    org = namer.organization(a.organization) or namer.organization_of(a.owner)
    if namer.label_names_side(a.owner) and a.organization in (None, namer.side_of(a.owner)):
        org = None  # "HR manager (Pohjolan Tukku Oy)" already says it
    overdue = open_on(a, as_of) and a.due_on is not None and a.due_on < as_of
    return ActionLine(
        namer.text(a.text), namer.person(a.owner), org, a.due_on, a.status, a.done_on, overdue
    )


def phase_spans(p: SharedPartnership, as_of: date) -> tuple[PhaseSpan, ...]:
    moves = sorted((m for m in p.phases if known_on(m[1], as_of)), key=lambda m: m[1])
    return tuple(
        PhaseSpan(phase, start, moves[i + 1][1] if i + 1 < len(moves) else None)
        for i, (phase, start) in enumerate(moves)
    )


def phase_from(moves: tuple[tuple[Phase, date], ...], day: date) -> Phase | None:
    current = None
    for phase, start in sorted(moves, key=lambda m: m[1]):
        if start <= day:
            current = phase
    return current


def phase_on(p: SharedPartnership, day: date) -> Phase | None:
    current: Phase | None = None
    for phase, start in sorted(p.phases, key=lambda m: m[1]):
        if start <= day:
            current = phase
    return current


def capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def side_names(orgs: list[SharedOrganization], namer: Namer) -> dict[Role, str]:
    """Each side's name for chart legends and column heads (its role when names are hidden)."""
    names: dict[Role, list[str]] = defaultdict(list)
    for o in orgs:
        label = namer.organization(o.pk) or ""
        label = label[:1].upper() + label[1:]
        if label not in names[o.role]:
            names[o.role].append(label)
    return {role: " / ".join(n) for role, n in names.items()}
