"""Assemble a feedback report's data from a ``SharedView`` — and from nothing else.

The assembler is given only the partner-facing view, so whatever it computes can contain shared
records only. It applies the period, resolves people to names or pseudonyms, and prepares the
chart series and the latest questionnaire results.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date

from app.checklists import TemplateError, template_items
from app.domain import ActionStatus, Dimension, EntryType, EventKind, Phase, Rating, Role, Tension
from app.domain.model import parse_when
from app.i18n import translator
from app.persistence.shared import (
    SharedAction,
    SharedEntry,
    SharedEvent,
    SharedOrganization,
    SharedPartnership,
    SharedRating,
    SharedView,
)
from app.report.model import (
    ActionLine,
    EntryLine,
    EventLine,
    ObjectiveLine,
    Partner,
    PhaseSpan,
    Questionnaire,
    ReportData,
    ReportOptions,
    ResultRow,
    Series,
)
from app.report.names import Namer
from app.scores.waves import SIDES, score_dimension, score_wave

ChecklistText = Callable[[str, str], str | None]


def humanize_item(item: str) -> str:
    """Fallback text of a checklist item: its id made readable ("sponsors-named")."""
    words = item.replace("_", " ").replace("-", " ").replace(".", " ").split()
    return " ".join(words).capitalize() if words else item


def template_text(item: str, language: str) -> str | None:
    """The shipped checklist's wording of ``item`` in ``language``, if it is a template item."""
    try:
        found = template_items().get(item)
    except TemplateError:
        return None
    return found.text(language) if found else None


class _Period:
    def __init__(self, options: ReportOptions) -> None:
        self.start = options.period_from
        self.end = options.period_to

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def assemble_report(
    view: SharedView, options: ReportOptions, checklist_text: ChecklistText = template_text
) -> ReportData:
    """The data of one feedback report; raises ``LookupError`` if the partnership is gone."""
    p = view.partnership()
    if p is None:
        raise LookupError("partnership not found")
    orgs = view.organizations()
    namer = Namer(view.people(), orgs, hide=options.hide_names, tr=translator(options.language))
    period = _Period(options)
    events = view.events()
    titles = {e.pk: namer.text(e.title) for e in events}
    entries = [e for e in view.entries() if period.holds(parse_when(e.event_when)[0])]
    actions = view.actions()
    ratings = view.ratings()
    as_of = options.as_of

    def lines(kinds: tuple[EntryType, ...]) -> tuple[EntryLine, ...]:
        return tuple(_entry_line(e, titles, namer) for e in entries if e.type in kinds)

    def action_lines(chosen: list[SharedAction]) -> tuple[ActionLine, ...]:
        return tuple(_action_line(a, namer, as_of) for a in chosen)

    # Ideas that became actions are answered; the rest are still open questions.
    converted = {a.source_entry for a in actions if a.source_entry is not None}
    in_period = [
        e for e in events if period.holds(parse_when(e.when)[0]) and parse_when(e.when)[0] <= as_of
    ]
    open_now = [a for a in actions if _open_on(a, as_of)]
    return ReportData(
        options=options,
        partnership=p.name,
        partners=tuple(Partner(o.name, o.role) for o in orgs if o.role != Role.FACILITATOR),
        started_on=p.started_on,
        phases=_phase_spans(p),
        phase_now=_phase_on(p, as_of),
        objectives=tuple(
            ObjectiveLine(
                namer.text(o.text),
                namer.text(o.indicator) if o.indicator else None,
                namer.text(o.target) if o.target else None,
                o.due_on,
                namer.person(o.owner),
            )
            for o in view.objectives()
        ),
        meetings=tuple(_event_line(e, namer) for e in in_period),
        done_actions=action_lines(
            [
                a
                for a in actions
                if a.status == ActionStatus.DONE and a.done_on and period.holds(a.done_on)
            ]
        ),
        accomplishments=lines((EntryType.ACCOMPLISHMENT,)),
        checklist_done=tuple(
            (day, checklist_text(item, options.language) or custom or humanize_item(item))
            for item, day, custom in view.checklist_done()
            if period.holds(day)
        ),
        decisions=lines((EntryType.DECISION,)),
        action_plan=action_lines(
            [a for a in actions if _open_on(a, as_of) or (a.done_on and period.holds(a.done_on))]
        ),
        commitment=_commitment_series(ratings, orgs, period),
        questionnaire=_latest_results(ratings, orgs, titles, period),
        observations=lines(
            (EntryType.OBSERVATION, EntryType.ASSESSMENT, EntryType.NOTE),
        ),
        tensions=_tension_counts(entries),
        open_questions=tuple(
            _entry_line(e, titles, namer)
            for e in entries
            if e.type == EntryType.OBSTACLE or (e.type == EntryType.IDEA and e.pk not in converted)
        ),
        open_actions=action_lines(open_now),
        upcoming=tuple(_event_line(e, namer) for e in events if parse_when(e.when)[0] > as_of),
    )


def _open_on(a: SharedAction, day: date) -> bool:
    if a.created_on > day:
        return False
    if a.status.is_closed:
        return a.done_on is not None and a.done_on > day
    return True


def _entry_line(e: SharedEntry, titles: dict[int, str], namer: Namer) -> EntryLine:
    return EntryLine(e.event_when, titles.get(e.event, ""), e.type, namer.text(e.text), e.tensions)


def _event_line(e: SharedEvent, namer: Namer) -> EventLine:
    names = tuple(n for n in (namer.person(pk) for pk in e.attendees) if n)
    return EventLine(e.when, e.kind, namer.text(e.title), names)


def _action_line(a: SharedAction, namer: Namer, as_of: date) -> ActionLine:
    org = namer.organization(a.organization) or namer.organization_of(a.owner)
    overdue = _open_on(a, as_of) and a.due_on is not None and a.due_on < as_of
    return ActionLine(
        namer.text(a.text), namer.person(a.owner), org, a.due_on, a.status, a.done_on, overdue
    )


def _phase_spans(p: SharedPartnership) -> tuple[PhaseSpan, ...]:
    moves = sorted(p.phases, key=lambda m: m[1])
    return tuple(
        PhaseSpan(phase, start, moves[i + 1][1] if i + 1 < len(moves) else None)
        for i, (phase, start) in enumerate(moves)
    )


def _phase_on(p: SharedPartnership, day: date) -> Phase | None:
    current: Phase | None = None
    for phase, start in sorted(p.phases, key=lambda m: m[1]):
        if start <= day:
            current = phase
    return current


def _ratings_by_event(
    ratings: list[SharedRating], period: _Period
) -> dict[int, tuple[SharedRating, list[Rating]]]:
    """Ratings in the period grouped by event (first rating kept for the event's date/kind)."""
    grouped: dict[int, tuple[SharedRating, list[Rating]]] = {}
    for r in ratings:
        if period.holds(parse_when(r.event_when)[0]):
            group = grouped.setdefault(r.event, (r, []))[1]
            group.append(Rating(r.organization, r.dimension, r.value, r.respondent))
    return grouped


def _side_names(orgs: list[SharedOrganization]) -> dict[Role, str]:
    names: dict[Role, list[str]] = defaultdict(list)
    for o in orgs:
        names[o.role].append(o.name)
    return {role: " / ".join(n) for role, n in names.items()}


def _commitment_series(
    ratings: list[SharedRating], orgs: list[SharedOrganization], period: _Period
) -> tuple[Series, ...]:
    """Per side (customer, provider), the ``commitment`` score of each rated event."""
    roles = {o.pk: o.role for o in orgs}
    points: dict[Role, list[tuple[date, float]]] = {side: [] for side in SIDES}
    for first, group in _ratings_by_event(ratings, period).values():
        score = score_dimension(Dimension.COMMITMENT, group, roles)
        day = parse_when(first.event_when)[0]
        for side, summary in ((Role.CUSTOMER, score.customer), (Role.PROVIDER, score.provider)):
            if summary is not None:
                points[side].append((day, summary.mean))
    names = _side_names(orgs)
    return tuple(
        Series(names.get(side, ""), tuple(sorted(points[side]))) for side in SIDES if points[side]
    )


def _latest_results(
    ratings: list[SharedRating],
    orgs: list[SharedOrganization],
    titles: dict[int, str],
    period: _Period,
) -> Questionnaire | None:
    """The latest rated event in the period (a questionnaire if there is one), side by side."""
    grouped = _ratings_by_event(ratings, period)
    if not grouped:
        return None
    events = sorted(grouped.values(), key=lambda g: (g[0].event_when, g[0].event))
    questionnaires = [g for g in events if g[0].event_kind == EventKind.QUESTIONNAIRE]
    first, group = (questionnaires or events)[-1]
    roles = {o.pk: o.role for o in orgs}
    wave = score_wave(first.event, parse_when(first.event_when)[0], "", group, roles)
    names = _side_names(orgs)
    rows = tuple(
        ResultRow(
            d.dimension,
            tuple((s.mean, s.n) if s is not None else (None, 0) for s in (d.customer, d.provider)),
            d.gap,
            d.flagged,
        )
        for d in wave.dimensions
    )
    return Questionnaire(
        titles.get(first.event, ""),
        first.event_when,
        (names.get(Role.CUSTOMER, ""), names.get(Role.PROVIDER, "")),
        rows,
    )


def _tension_counts(entries: list[SharedEntry]) -> tuple[tuple[Tension, int], ...]:
    counts = Counter(t for e in entries for t in e.tensions)
    return tuple((t, counts[t]) for t in Tension if counts[t])
