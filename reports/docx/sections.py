"""The sections of the feedback report in Word, in the order and wording of the PDF's
(``reports.sections``, ``reports.results``): the same report data, the same messages, the same
charts (as pictures). Only the layout differs: Word lays out, so nothing here paginates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import timedelta

from app.report.model import ActionLine, EntryLine, EventLine, Questionnaire, ReportData
from reports import labels as lb
from reports.charts import commitment_chart, phase_timeline
from reports.docx.images import drawing_png
from reports.docx.summary import at_a_glance, equity, learning
from reports.docx.writer import FRAME_WIDTH, WARN, DocWriter, Run
from reports.fonts import register_fonts
from reports.levels import level_tables
from reports.listing import count_head, count_rows, more_text
from reports.results import results_note, results_title
from reports.styles import FRAME_WIDTH as PDF_FRAME_WIDTH
from reports.summary_text import fewer_than
from reports.waves import waves_intro, waves_tables, waves_title

Tr = Callable[[str], str]
Section = Callable[[DocWriter, ReportData, Tr], None]


def period_text(data: ReportData, tr: Tr) -> str:
    o, lang = data.options, data.options.language
    if o.period_from and o.period_to:
        return tr("Period: {start} – {end}").format(
            start=lb.long_date(o.period_from, lang), end=lb.long_date(o.period_to, lang)
        )
    if o.period_from:
        return tr("Period: from {start}").format(start=lb.long_date(o.period_from, lang))
    if o.period_to:
        return tr("Period: until {end}").format(end=lb.long_date(o.period_to, lang))
    return tr("Period: the whole partnership so far")


def cover(w: DocWriter, data: ReportData, tr: Tr) -> None:
    """The first page: what this is, for whom, which period, and when it was made."""
    lang = data.options.language
    w.para(tr("Feedback report for the partners"), "Kumppani Kicker", before=120)
    w.para(data.partnership, "Kumppani Cover Title")
    for partner in data.partners:
        role = tr(lb.ROLES[partner.role])
        w.runs([Run(role + ": ", bold=True), Run(partner.name)], "Kumppani Cover Line")
    w.para(period_text(data, tr), "Kumppani Cover Line", before=14)
    if data.phase_now is not None:
        phase = tr(lb.PHASES[data.phase_now])
        w.para(tr("Phase now: {phase}").format(phase=phase), "Kumppani Cover Line")
    made = tr("Prepared on {date}").format(date=lb.long_date(data.options.generated_on, lang))
    if data.author:
        made += " · " + tr("by {author}").format(author=data.author)
    w.para(made, "Kumppani Cover Line")
    note = tr(
        "This report shows what the partners have achieved, decided and noted together. "
        "It contains only records marked as shared with the partners."
    )
    w.para(note, "Kumppani Muted", before=110)
    w.page_break()


def more(w: DocWriter, data: ReportData, name: str, tr: Tr) -> None:
    """Under a list that was cut: how many lines are not printed (as the PDF says it)."""
    text = more_text(data, name, tr)
    if text:
        w.para(text, "Kumppani Muted")


def _empty(w: DocWriter, tr: Tr) -> None:
    w.para(tr("Nothing recorded in this period."), "Kumppani Muted")


def _entries(w: DocWriter, items: Sequence[EntryLine], tr: Tr, lang: str, show_type: bool) -> None:
    if not items:
        _empty(w, tr)
    for e in items:
        meta = [lb.when_text(e.when, lang)]
        if e.event_title:
            meta.append(e.event_title)
        if show_type:
            meta.append(tr(lb.ENTRY_TYPES[e.type]))
        if e.tensions:
            tensions = ", ".join(tr(lb.TENSIONS[t]) for t in e.tensions)
            meta.append(tr("Tensions: {list}").format(list=tensions))
        w.para(" · ".join(meta), "Kumppani Meta")
        for block in re.split(r"\n\s*\n", e.text.strip()):
            if block:
                w.para(block, "Kumppani Entry")


def _events(w: DocWriter, events: Sequence[EventLine], tr: Tr, lang: str) -> None:
    w.table(
        [tr("Date"), tr("Event"), tr("Kind"), tr("Participants")],
        (
            [lb.when_text(e.when, lang), e.title, tr(lb.KINDS[e.kind]), "; ".join(e.attendees)]
            for e in events
        ),
        (0.15, 0.29, 0.20, 0.36),
    )


def _chart_width() -> int:
    return int(FRAME_WIDTH)


def where_we_are(w: DocWriter, data: ReportData, tr: Tr) -> None:
    lang = data.options.language
    w.heading(lb.section_title("phase", tr))
    intro = tr("The partnership started on {date}.").format(
        date=lb.long_date(data.started_on, lang)
    )
    stands = lb.phase_sentences(data.phase_now, data.outcomes, tr, lang)
    if stands:
        intro += " " + stands
    w.para(intro)
    if data.counts:
        w.heading(tr("The partnership in numbers"), 2)
        w.table(count_head(tr), count_rows(data, tr), (0.5, 0.25, 0.25), right=(1, 2))
    if data.phases:
        register_fonts()
        drawing = phase_timeline(data.phases, data.options.as_of, PDF_FRAME_WIDTH, tr, lang)
        w.picture(drawing_png(drawing), _chart_width(), lb.section_title("phase", tr))
        rows = (
            [
                tr(lb.PHASES[s.phase]),
                lb.short_date(s.start, lang),
                lb.short_date(s.end - timedelta(days=1), lang) if s.end else "–",
            ]
            for s in data.phases
        )
        w.table([tr("Phase"), tr("From"), tr("Until")], rows, (0.4, 0.3, 0.3))
    if data.objectives:
        w.heading(tr("Objectives"), 2)
        w.table(
            [tr("Objective"), tr("Measured by"), tr("Target"), tr("Due"), tr("Owner")],
            (
                [
                    o.text,
                    o.indicator or "",
                    o.target or "",
                    lb.short_date(o.due_on, lang),
                    o.owner or "",
                ]
                for o in data.objectives
            ),
            (0.31, 0.22, 0.14, 0.15, 0.18),
        )
    w.heading(tr("Meetings and events in this period"), 2)
    if data.meetings:
        _events(w, data.meetings, tr, lang)
        more(w, data, "meetings", tr)
    else:
        _empty(w, tr)


def owner(a: ActionLine) -> str:
    if a.owner and a.organization and a.organization not in a.owner:
        return f"{a.owner} ({a.organization})"
    return a.owner or a.organization or "–"


def accomplishments(w: DocWriter, data: ReportData, tr: Tr) -> None:
    lang = data.options.language
    w.heading(lb.section_title("accomplishments", tr))
    w.heading(tr("Actions completed"), 2)
    if data.done_actions:
        w.table(
            [tr("Action"), tr("Owner"), tr("Done on")],
            ([a.text, owner(a), lb.short_date(a.done_on, lang)] for a in data.done_actions),
            (0.55, 0.3, 0.15),
        )
        more(w, data, "done_actions", tr)
    else:
        _empty(w, tr)
    w.heading(tr("Accomplishments"), 2)
    _entries(w, data.accomplishments, tr, lang, show_type=False)
    more(w, data, "accomplishments", tr)
    w.heading(tr("Checklist items completed"), 2)
    if data.checklist_done:
        w.table(
            [tr("Date"), tr("Item")],
            ([lb.short_date(d, lang), text] for d, text in data.checklist_done),
            (0.15, 0.85),
        )
    else:
        _empty(w, tr)
    if data.checklist_not_met:
        w.heading(tr("Checklist items not met"), 2)
        w.table(
            [tr("Date"), tr("Item")],
            ([lb.short_date(d, lang), t] for d, t in data.checklist_not_met),
            (0.15, 0.85),
        )


def _actions(w: DocWriter, actions: Sequence[ActionLine], tr: Tr, lang: str) -> None:
    """An action table, with the OVERDUE legend under it only when a row is marked so."""
    if not actions:
        _empty(w, tr)
        return

    def status(a: ActionLine) -> list[Run]:
        runs = [Run(tr(lb.STATUSES[a.status]))]
        return [*runs, Run("\n" + tr("OVERDUE"), bold=True, colour=WARN)] if a.overdue else runs

    w.table(
        [tr("Action"), tr("Owner"), tr("Due"), tr("Status")],
        ([a.text, owner(a), lb.short_date(a.due_on, lang), status(a)] for a in actions),
        (0.46, 0.24, 0.14, 0.16),
    )
    if any(a.overdue for a in actions):
        w.para(tr("OVERDUE: the due date has passed and the action is not done."), "Kumppani Muted")


def decisions_and_actions(w: DocWriter, data: ReportData, tr: Tr) -> None:
    lang = data.options.language
    w.heading(lb.section_title("actions", tr))
    w.heading(tr("Decisions"), 2)
    _entries(w, data.decisions, tr, lang, show_type=False)
    more(w, data, "decisions", tr)
    w.heading(tr("Action plan"), 2)
    _actions(w, data.action_plan, tr, lang)
    more(w, data, "action_plan", tr)


def commitment(w: DocWriter, data: ReportData, tr: Tr) -> None:
    lang = data.options.language
    w.heading(lb.section_title("commitment", tr))
    if data.commitment:
        w.para(
            tr(
                "Each side's own commitment to the partnership at each rated meeting or "
                "questionnaire, on a scale from 1 (low) to 5 (high). The shaded bands are "
                "the phases."
            )
        )
        register_fonts()
        chart = commitment_chart(data.commitment, data.phases, PDF_FRAME_WIDTH, tr, lang)
        w.picture(drawing_png(chart), _chart_width(), lb.section_title("commitment", tr))
    else:
        w.para(tr("No commitment ratings in this period."), "Kumppani Muted")
    if data.trust:
        w.heading(tr("Trust over time"), 2)
        w.para(
            tr(
                "How far each side trusts the other to act as agreed, at each rated meeting "
                "or questionnaire, from 1 (low) to 5 (high)."
            )
        )
        register_fonts()
        chart = commitment_chart(data.trust, data.phases, PDF_FRAME_WIDTH, tr, lang)
        w.picture(drawing_png(chart), _chart_width(), tr("Trust over time"))
    if data.questionnaire is not None:
        _results(w, data.questionnaire, tr, lang)
    if data.waves is not None:
        w.heading(waves_title(data.waves, tr, lang), 2)
        w.para(waves_intro(data.waves, tr, lang), "Kumppani Muted")
        for t in waves_tables(data.waves, tr, lang):
            if t.title:
                w.heading(t.title, 3)
            w.table(list(t.header), t.rows, t.widths)
    if data.levels is not None:
        w.heading(tr("By organizational level"), 2)
        for t in level_tables(data.levels, tr, lang):
            w.heading(t.title, 3)
            w.table(list(t.header), t.rows, t.widths)
            if t.note:
                w.para(t.note, "Kumppani Muted")


def _results(w: DocWriter, q: Questionnaire, tr: Tr, lang: str) -> None:
    title = results_title(q, tr, lang)
    customer, provider = (name or "–" for name in q.organizations)

    def mean(value: float | None, n: int) -> str:
        if value is None:
            # Answers there were, but too few to print their mean (the minimum group size).
            return fewer_than(q.minimum, lang) if n else "–"
        return lb.number(value, lang) if q.facilitator else f"{lb.number(value, lang)}  (n = {n})"

    def gap(value: float | None, flagged: bool) -> list[Run]:
        if value is None:
            return [Run("–")]
        text = lb.signed(value, lang)
        return [Run(text + " ◆", bold=True)] if flagged else [Run(text)]

    w.heading(title, 2)
    w.table(
        [tr("Dimension"), customer, provider, tr("Gap")],
        (
            [
                tr(lb.DIMENSIONS[r.dimension]),
                mean(*r.cells[0]),
                mean(*r.cells[1]),
                gap(r.gap, r.flagged),
            ]
            for r in q.rows
        ),
        (0.4, 0.22, 0.22, 0.16),
        right=(1, 2, 3),
    )
    note = results_note(q, customer, provider, tr)
    w.para(note, "Kumppani Muted")


def observations(w: DocWriter, data: ReportData, tr: Tr) -> None:
    lang = data.options.language
    w.heading(lb.section_title("observations", tr))
    w.heading(tr("Tensions noted"), 2)
    if data.tensions:
        w.table(
            [tr("Tension"), tr("Shared entries")],
            ([tr(lb.TENSIONS[t]), str(n)] for t, n in data.tensions),
            (0.8, 0.2),
            right=(1,),
        )
    else:
        w.para(tr("No tensions noted in shared entries in this period."), "Kumppani Muted")
    w.heading(tr("Shared observations"), 2)
    _entries(w, data.observations, tr, lang, show_type=True)
    more(w, data, "observations", tr)


def next_steps(w: DocWriter, data: ReportData, tr: Tr) -> None:
    lang = data.options.language
    w.heading(lb.section_title("next", tr))
    w.heading(tr("Open questions"), 2)
    _entries(w, data.open_questions, tr, lang, show_type=True)
    more(w, data, "open_questions", tr)
    w.heading(tr("Open actions"), 2)
    _actions(w, data.open_actions, tr, lang)
    more(w, data, "open_actions", tr)
    w.heading(tr("Coming up"), 2)
    if data.upcoming:
        _events(w, data.upcoming, tr, lang)
        more(w, data, "upcoming", tr)
    else:
        w.para(tr("No events planned yet."), "Kumppani Muted")


SECTIONS: dict[str, Section] = {
    "glance": at_a_glance,
    "phase": where_we_are,
    "accomplishments": accomplishments,
    "actions": decisions_and_actions,
    "commitment": commitment,
    "equity": equity,
    "observations": observations,
    "learning": learning,
    "next": next_steps,
}
