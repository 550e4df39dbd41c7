"""Assemble a feedback report's data from a ``SharedView`` — and from nothing else.

The assembler is given only the partner-facing view, so whatever it computes can contain shared
records only. It applies the period, resolves people to names or pseudonyms, and prepares the
chart series and the latest questionnaire results. What is dated after the report's as-of date
is left out by the read model's as-of rule (``app.domain.snapshot.known_on``), as in the
warnings and the charts; only the "upcoming" section lists the events planned after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from app.checklists import TemplateError, template_items
from app.domain import ActionStatus, Dimension, EntryType, Role, Tension
from app.domain.snapshot import action_on, known_on
from app.i18n import translator
from app.persistence.shared import (
    SharedAction,
    SharedEntry,
    SharedPartnership,
    SharedView,
)
from app.persistence.shared_lists import Pick, listed, summary
from app.report.confidential import confidential_events, count_confidential, role_of_person
from app.report.equity import equity
from app.report.facts import Facts
from app.report.glance import glance
from app.report.learning import learning
from app.report.lines import (
    action_line,
    capital,
    day_of,
    entry_line,
    event_line,
    open_on,
    phase_from,
    phase_on,
    phase_spans,
    side_names,
)
from app.report.model import (
    COUNTED,
    ActionLine,
    ConfidentialCount,
    CountLine,
    EntryLine,
    EventLine,
    ObjectiveLine,
    Partner,
    ReportData,
    ReportOptions,
)
from app.report.names import Namer
from app.report.parts import Learning
from app.report.ratings import Sides, commitment_series, groups, latest_results
from app.report.titles import Titles
from app.report.waves import WaveResults, wave_results
from app.scores.levels import Invitation, LevelSplit, Round, split_levels

ChecklistText = Callable[[str, str], str | None]
T = TypeVar("T")


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
    """The report's period, cut at its as-of date by the read model's rule (``known_on``)."""

    def __init__(self, options: ReportOptions) -> None:
        self.start = options.period_from
        self.end = options.period_to
        self.as_of = options.as_of

    def holds(self, day: date) -> bool:
        in_period = (self.start is None or day >= self.start) and (
            self.end is None or day <= self.end
        )
        return in_period and known_on(day, self.as_of)


def assemble_report(
    view: SharedView, options: ReportOptions, checklist_text: ChecklistText = template_text
) -> ReportData:
    """The data of one feedback report; raises ``LookupError`` if the partnership is gone."""
    p = view.partnership()
    if p is None:
        raise LookupError("partnership not found")
    a = _Assembler(view, options)
    as_of = options.as_of
    name = a.namer.partnership(p.name)
    facts = a.facts()
    log = a.learning(facts, p)  # before ``omitted`` is read: it counts what the log leaves out
    data = ReportData(
        options=options,
        partnership=name,
        partners=tuple(
            Partner(a.namer.organization(o.pk) or "", o.role)
            for o in a.orgs
            # An organization printed only by its role needs no line of its own on the cover.
            if o.role != Role.FACILITATOR and a.namer.names_organization(o.pk)
        ),
        started_on=p.started_on,
        phases=phase_spans(p, as_of),
        phase_now=phase_on(p, as_of),
        outcomes=tuple((d, o) for d, o in p.outcomes if known_on(d, as_of)),
        objectives=a.objectives(),
        meetings=a.event_lines("meetings", lambda day: a.period.holds(day) and day <= as_of),
        done_actions=a.action_lines(
            "done_actions",
            lambda x: x.status == ActionStatus.DONE and a.in_period(x.done_on),
            by_day=True,
        ),
        accomplishments=a.entry_lines("accomplishments", (EntryType.ACCOMPLISHMENT,)),
        checklist_done=a.checklist(checklist_text),
        checklist_not_met=a.checklist(checklist_text, not_met=True),
        decisions=a.entry_lines("decisions", (EntryType.DECISION,)),
        action_plan=a.action_lines(
            "action_plan", lambda x: open_on(x, as_of) or a.in_period(x.done_on), soonest=True
        ),
        commitment=commitment_series(a.rated, a.sides, a.period.holds, p.min_group_size),
        questionnaire=latest_results(a.rated, a.sides, a.titles, a.period.holds, p.min_group_size),
        trust=commitment_series(
            a.rated, a.sides, a.period.holds, p.min_group_size, Dimension.TRUST
        ),
        levels=a.levels(p),
        waves=a.waves(p),
        observations=a.entry_lines("observations", _OBSERVATIONS),
        tensions=tuple((t, a.summary.tensions[t]) for t in Tension if a.summary.tensions[t]),
        # Ideas that became actions are answered; the rest are still open questions.
        open_questions=a.entry_lines("open_questions", (), open_questions=True),
        open_actions=a.action_lines("open_actions", lambda x: open_on(x, as_of), soonest=True),
        upcoming=a.event_lines("upcoming", lambda day: day > as_of, soonest=True),
        confidential=a.confidential(lambda day: a.period.holds(day) and day <= as_of),
        upcoming_confidential=a.confidential(lambda day: day > as_of),
        author=a.namer.author(options.author),
        counts=a.counts(),
        omitted=tuple(a.omitted.items()),
        appendix=a.appendix(),
        private_actions=view.private_actions(as_of),
        glance=glance(facts, a.namer),
        equity=equity(facts, a.ratings, p.min_group_size),
        learning=log,
    )
    # Read after everything is assembled: the review covers every text the report prints.
    known = [] if options.anonymous else [p.name]
    return replace(data, names_review=a.namer.review(known))


_OBSERVATIONS = (EntryType.OBSERVATION, EntryType.ASSESSMENT, EntryType.NOTE)
# The counts of shared entries by type (``COUNTED``), in the order they print.
_BY_TYPE = {
    "accomplishments": EntryType.ACCOMPLISHMENT,
    "decisions": EntryType.DECISION,
    "ideas": EntryType.IDEA,
    "obstacles": EntryType.OBSTACLE,
    "observations": EntryType.OBSERVATION,
    "assessments": EntryType.ASSESSMENT,
    "notes": EntryType.NOTE,
}


class _Assembler:
    """The shared records of one partnership, read once, turned into report lines."""

    def __init__(self, view: SharedView, options: ReportOptions) -> None:
        self.view, self.options = view, options
        self.orgs = view.organizations()
        tr = translator(options.language)
        self.namer = Namer(
            view.people(), self.orgs, hide=options.hide_names, anonymous=options.anonymous, tr=tr
        )
        self.sides: Sides = ({o.pk: o.role for o in self.orgs}, side_names(self.orgs, self.namer))
        self.period = _Period(options)
        self.events = view.events()
        # Interviews and focus groups are only counted: their titles would tell who spoke.
        self.counted = confidential_events(self.events, options.hide_names)
        self.titles = Titles(self.events, self.counted, self.namer.text)
        # Only the period's entries are counted, up to the day the report speaks from (a
        # planned event's notes are not yet news), and only the lines printed are read: their
        # texts are most of a large diary (``app.persistence.shared_lists``).
        self.summary = summary(view, options.period_from, options.as_of)
        # Each action as it stood on the as-of date (done later: still open then).
        self.actions = [action_on(a, options.as_of) for a in view.actions()]
        self.ratings = view.ratings()
        # The period's ratings, cut once: the charts, the latest results and the levels read
        # only these (the equity comparison reads every questionnaire up to the report's day).
        self.rated = [r for r in self.ratings if self.period.holds(day_of(r.event_when))]
        self.converted = {
            a.source_entry
            for a in self.actions
            if a.source_entry is not None and known_on(a.created_on, options.as_of)
        }
        self.omitted: dict[str, int] = {}

    def facts(self) -> Facts:
        """What the summary parts read: the records already cut at the as-of date."""
        return Facts(
            self.view,
            self.options,
            self.actions,
            self.events,
            self.converted,
            self.sides,
            self.period.holds,
            self.namer,
            self.titles,
        )

    def levels(self, p: SharedPartnership) -> LevelSplit | None:
        """Attendance and answers by organizational level up to the report's day (None: no
        one with a level was invited or answered)."""
        as_of = self.options.as_of
        facilitators = {o.pk for o in self.orgs if o.role == Role.FACILITATOR}
        levels = {
            person.pk: person.level
            for person in self.view.people()
            if person.level is not None and person.organization not in facilitators
        }
        phases = p.phases
        invitations = []
        for e in self.events:
            day = day_of(e.when)
            phase = e.phase or phase_from(phases, day)
            if phase is None or not known_on(day, as_of):
                continue
            came = set(e.attendees)
            invitations += [Invitation(phase, person, person in came) for person in e.invited]
        # Each round is named by its event's key here: only the round shown gets its title
        # printed, so only that title goes through the name hiding.
        rounds = [
            Round(g.day, str(g.first.event), tuple(g.ratings))
            for g in groups(self.rated, self.period.holds)
        ]
        split = split_levels(levels, invitations, rounds, p.min_group_size)
        shown = int(split.round_title) if split.round_title else None
        split = replace(split, round_title=self.titles.get(shown) if shown is not None else "")
        return None if split.is_empty else split

    def waves(self, p: SharedPartnership) -> WaveResults | None:
        """The latest questionnaire wave held in the period, by the report's end date."""
        end = self.options.as_of
        if self.options.period_to is not None:
            end = min(end, self.options.period_to)
        names = {o.pk: (capital(self.namer.organization(o.pk) or ""), o.role) for o in self.orgs}
        found = wave_results(
            self.view, end, self.period.holds, names, p.min_group_size, self.options.language
        )
        return replace(found, title=self.namer.text(found.title)) if found else None

    def in_period(self, day: date | None) -> bool:
        return day is not None and self.period.holds(day)

    def _limited(self, name: str, items: list[T], soonest: bool = False) -> list[T]:
        """At most ``listing_limit`` of ``items``: the latest (or, ``soonest``, the first)."""
        limit = self.options.listing_limit
        if limit is None or len(items) <= limit:
            return items
        self.omitted[name] = len(items) - limit
        return items[:limit] if soonest else items[len(items) - limit :]

    def listed(self, name: str, pick: Pick) -> list[SharedEntry]:
        """The most recent ``listing_limit`` entries of ``pick``; the rest are counted."""
        limit = self.options.listing_limit
        found, total = listed(self.view, pick, limit)
        if limit is not None and total > limit:
            self.omitted[name] = total - limit
        return found

    def entry_lines(
        self, name: str, types: tuple[EntryType, ...], *, open_questions: bool = False
    ) -> tuple[EntryLine, ...]:
        as_of = self.options.as_of
        pick = Pick(self.options.period_from, as_of, types, as_of if open_questions else None)
        kept = self.listed(name, pick)
        return tuple(entry_line(e, self.titles, self.namer) for e in kept)

    def learning(self, facts: Facts, p: SharedPartnership) -> Learning:
        """The learning log: the period's most recent shared assessments, the rest counted."""
        since, as_of = self.options.period_from, self.options.as_of
        pick = Pick(since, as_of, (EntryType.ASSESSMENT,), worded=True)
        return learning(facts, p, self.namer, self.listed("learning", pick))

    def action_lines(
        self,
        name: str,
        keep: Callable[[SharedAction], bool],
        *,
        soonest: bool = False,
        by_day: bool = False,
    ) -> tuple[ActionLine, ...]:
        """The actions ``keep`` chooses, in the plan's order (``by_day``: in the order they
        were done, so the lines kept are the ones done last)."""
        as_of = self.options.as_of
        chosen = [a for a in self.actions if keep(a)]
        if by_day:
            chosen.sort(key=lambda a: a.done_on or as_of)
        if soonest:  # the most urgent are kept: the earliest due (none due last)
            urgent = sorted(chosen, key=lambda a: (a.due_on is None, a.due_on or as_of))
            kept = {id(a) for a in self._limited(name, urgent, soonest)}
            chosen = [a for a in chosen if id(a) in kept]  # printed in the plan's order
        else:
            chosen = self._limited(name, chosen)
        return tuple(action_line(a, self.namer, as_of) for a in chosen)

    def event_lines(
        self, name: str, keep: Callable[[date], bool], *, soonest: bool = False
    ) -> tuple[EventLine, ...]:
        chosen = [e for e in self.events if e.pk not in self.counted and keep(day_of(e.when))]
        kept = self._limited(name, chosen, soonest)
        return tuple(event_line(e, self.namer) for e in kept)

    def counts(self) -> tuple[CountLine, ...]:
        """The partnership in numbers: in the period and since the start (up to its end)."""
        as_of = self.options.as_of
        whole = self.view.entry_counts(as_of)
        period = self.summary.types
        done = [a for a in self.actions if a.status == ActionStatus.DONE and a.done_on]
        days = [day_of(e.when) for e in self.events]
        numbers = {
            "events": (
                sum(1 for d in days if self.period.holds(d) and d <= as_of),
                sum(1 for d in days if d <= as_of),
            ),
            "entries": (self.summary.entries, sum(whole.values())),
            **{key: (period[kind], whole.get(kind, 0)) for key, kind in _BY_TYPE.items()},
            "actions_done": (
                sum(1 for a in done if self.in_period(a.done_on)),
                sum(1 for a in done if a.done_on and a.done_on <= as_of),
            ),
            "actions_open": (
                sum(1 for a in self.actions if open_on(a, as_of)),
                sum(1 for a in self.actions if open_on(a, as_of)),
            ),
        }
        return tuple(CountLine(key, *numbers[key]) for key in COUNTED)

    def appendix(self) -> tuple[EntryLine, ...]:
        """Every shared entry up to the report's day, when the facilitator asked for it."""
        if not self.options.appendix:
            return ()
        every = self.view.entries(None, self.options.as_of)
        return tuple(entry_line(e, self.titles, self.namer) for e in every)

    def confidential(self, keep: Callable[[date], bool]) -> tuple[ConfidentialCount, ...]:
        role = role_of_person(self.namer.side_of, self.sides[0])
        return count_confidential(self.events, self.counted, keep, role)

    def objectives(self) -> tuple[ObjectiveLine, ...]:
        text = self.namer.text
        return tuple(
            ObjectiveLine(
                text(o.text),
                text(o.indicator) if o.indicator else None,
                text(o.target) if o.target else None,
                o.due_on,
                self.namer.person(o.owner),
            )
            for o in self.view.objectives()
        )

    def checklist(
        self, checklist_text: ChecklistText, not_met: bool = False
    ) -> tuple[tuple[date, str], ...]:
        """Items marked done (``not_met``: marked not met) in the period, as printed."""
        lang = self.options.language
        text = self.namer.text
        marks = self.view.checklist_not_met() if not_met else self.view.checklist_done()
        return tuple(
            (day, text(checklist_text(item, lang) or custom or humanize_item(item)))
            for item, day, custom in marks
            if self.period.holds(day) and day <= self.options.as_of
        )
