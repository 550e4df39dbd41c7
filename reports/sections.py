"""The pages of a feedback report, section by section, as lists of platypus flowables.

Each function takes the report data and the translation function of the report's language and
returns the flowables of one section. User text always goes through ``blocks`` (escaped).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from app.i18n import translator
from app.report.model import ActionLine, EntryLine, EventLine, ReportData
from reports import labels as lb
from reports.blocks import cell, gap, heading, long_text, markup, para, rich, subheading, table
from reports.charts import phase_timeline
from reports.confidential import confidential_counts
from reports.listing import in_numbers, more_note
from reports.styles import FRAME_WIDTH, mm

Tr = Callable[[str], str]
Flow = list[Flowable]


def _period_text(data: ReportData, tr: Tr) -> str:
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


def cover(data: ReportData, tr: Tr) -> Flow:
    """The first page: what this is, for whom, which period, and when it was made."""
    lang = data.options.language
    out: Flow = [gap(45 * mm), para(tr("Feedback report for the partners"), "cover_kicker"), gap(6)]
    out.append(para(data.partnership, "cover_title"))
    for partner in data.partners:
        out.append(
            rich(
                f"<b>{escape(tr(lb.ROLES[partner.role]))}:</b> {markup(partner.name)}", "cover_line"
            )
        )
    out += [gap(14), para(_period_text(data, tr), "cover_line")]
    if data.phase_now is not None:
        out.append(
            para(tr("Phase now: {phase}").format(phase=tr(lb.PHASES[data.phase_now])), "cover_line")
        )
    made = tr("Prepared on {date}").format(date=lb.long_date(data.options.generated_on, lang))
    if data.author:
        made += " · " + tr("by {author}").format(author=data.author)
    out += [para(made, "cover_line"), gap(40 * mm)]
    out.append(
        para(
            tr(
                "This report shows what the partners have achieved, decided and noted together. "
                "It contains only records marked as shared with the partners."
            ),
            "muted",
        )
    )
    return [*out, NextPageTemplate("body"), PageBreak()]


def empty(tr: Tr) -> Flowable:
    return para(tr("Nothing recorded in this period."), "muted")


def entry_list(items: Sequence[EntryLine], tr: Tr, lang: str, *, show_type: bool = False) -> Flow:
    out: Flow = []
    for e in items:
        meta = [lb.when_text(e.when, lang)]
        if e.event_title:
            meta.append(e.event_title)
        if show_type:
            meta.append(tr(lb.ENTRY_TYPES[e.type]))
        if e.tensions:
            meta.append(
                tr("Tensions: {list}").format(
                    list=", ".join(tr(lb.TENSIONS[t]) for t in e.tensions)
                )
            )
        out += [gap(3), para(" · ".join(meta), "meta")]  # the style keeps it with the text
        out += long_text(e.text)
    return out or [empty(tr)]


def _people(names: Sequence[str]) -> str:
    # A semicolon between people: a label may hold a comma of its own ("Edustaja, Tehdas Oy").
    return "; ".join(names) if names else "–"


def _events_table(events: Sequence[EventLine], tr: Tr, lang: str) -> Flowable:
    return table(
        [tr("Date"), tr("Event"), tr("Kind"), tr("Participants")],
        (
            [
                cell(lb.when_text(e.when, lang)),
                cell(e.title),
                cell(tr(lb.KINDS[e.kind])),
                cell(_people(e.attendees)),
            ]
            for e in events
        ),
        (0.15, 0.29, 0.20, 0.36),
    )


def where_we_are(data: ReportData, tr: Tr) -> Flow:
    lang = data.options.language
    out: Flow = [heading(lb.section_title("phase", tr), "phase")]
    intro = tr("The partnership started on {date}.").format(
        date=lb.long_date(data.started_on, lang)
    )
    stands = lb.phase_sentences(data.phase_now, data.outcomes, tr, lang)
    if stands:
        intro += " " + stands
    out += [para(intro), gap(8), *in_numbers(data, tr), gap(8)]
    if data.phases:
        out += [phase_timeline(data.phases, data.options.as_of, FRAME_WIDTH, tr, lang), gap(4)]
        out.append(
            table(
                [tr("Phase"), tr("From"), tr("Until")],
                (
                    [
                        cell(tr(lb.PHASES[span.phase])),
                        cell(lb.short_date(span.start, lang)),
                        cell(
                            lb.short_date(span.end - timedelta(days=1), lang) if span.end else "–"
                        ),
                    ]
                    for span in data.phases
                ),
                (0.4, 0.3, 0.3),
            )
        )
    if data.objectives:
        out.append(subheading(tr("Objectives")))
        out.append(
            table(
                [tr("Objective"), tr("Measured by"), tr("Target"), tr("Due"), tr("Owner")],
                (
                    [
                        cell(o.text),
                        cell(o.indicator),
                        cell(o.target),
                        cell(lb.short_date(o.due_on, lang)),
                        cell(o.owner),
                    ]
                    for o in data.objectives
                ),
                (0.31, 0.22, 0.14, 0.15, 0.18),
            )
        )
    out.append(subheading(tr("Meetings and events in this period")))
    if data.meetings or not data.confidential:
        out.append(_events_table(data.meetings, tr, lang) if data.meetings else empty(tr))
        out += more_note(data, "meetings", tr)
    out += confidential_counts(data.confidential, lang)
    return out


def _owner(a: ActionLine) -> str:
    if a.owner and a.organization and a.organization not in a.owner:
        return f"{a.owner} ({a.organization})"
    return a.owner or a.organization or "–"


def accomplishments(data: ReportData, tr: Tr) -> Flow:
    lang = data.options.language
    out: Flow = [heading(lb.section_title("accomplishments", tr), "accomplishments")]
    out.append(subheading(tr("Actions completed")))
    if data.done_actions:
        out.append(
            table(
                [tr("Action"), tr("Owner"), tr("Done on")],
                (
                    [cell(a.text), cell(_owner(a)), cell(lb.short_date(a.done_on, lang))]
                    for a in data.done_actions
                ),
                (0.55, 0.3, 0.15),
            )
        )
        out += more_note(data, "done_actions", tr)
    else:
        out.append(empty(tr))
    out.append(subheading(tr("Accomplishments")))
    out += entry_list(data.accomplishments, tr, lang) + more_note(data, "accomplishments", tr)
    out.append(subheading(tr("Checklist items completed")))
    if data.checklist_done:
        out.append(
            table(
                [tr("Date"), tr("Item")],
                ([cell(lb.short_date(d, lang)), cell(text)] for d, text in data.checklist_done),
                (0.15, 0.85),
            )
        )
    else:
        out.append(empty(tr))
    if data.checklist_not_met:
        out.append(subheading(tr("Checklist items not met")))
        out.append(
            table(
                [tr("Date"), tr("Item")],
                ([cell(lb.short_date(d, lang)), cell(t)] for d, t in data.checklist_not_met),
                (0.15, 0.85),
            )
        )
    return out


def _status(a: ActionLine, tr: Tr) -> str:
    status = escape(tr(lb.STATUSES[a.status]))
    if a.overdue:
        overdue = escape(tr("OVERDUE"))
        return f"{status}<br/><font color='#a32020'><b>{overdue}</b></font>"
    return status


def _action_table(actions: Sequence[ActionLine], tr: Tr, lang: str) -> Flowable:
    return table(
        [tr("Action"), tr("Owner"), tr("Due"), tr("Status")],
        (
            [
                cell(a.text),
                cell(_owner(a)),
                cell(lb.short_date(a.due_on, lang)),
                rich(_status(a, tr), "cell"),
            ]
            for a in actions
        ),
        (0.46, 0.24, 0.14, 0.16),
    )


def decisions_and_actions(data: ReportData, tr: Tr) -> Flow:
    lang = data.options.language
    out: Flow = [heading(lb.section_title("actions", tr), "actions")]
    out.append(subheading(tr("Decisions")))
    out += entry_list(data.decisions, tr, lang) + more_note(data, "decisions", tr)
    out.append(subheading(tr("Action plan")))
    out += _actions(data.action_plan, tr, lang) + more_note(data, "action_plan", tr)
    if data.private_actions:
        n = data.private_actions
        left_out = translator(lang).ngettext(
            "{n} private action of the facilitator is not shown.",
            "{n} private actions of the facilitator are not shown.",
            n,
        )
        out.append(para(left_out.format(n=n), "muted"))
    return out


def _actions(actions: Sequence[ActionLine], tr: Tr, lang: str) -> Flow:
    """An action table, with the OVERDUE legend under it only when a row is marked so."""
    if not actions:
        return [empty(tr)]
    out: Flow = [_action_table(actions, tr, lang)]
    if any(a.overdue for a in actions):
        out.append(gap(3))
        out.append(
            para(tr("OVERDUE: the due date has passed and the action is not done."), "muted")
        )
    return out


def next_steps(data: ReportData, tr: Tr) -> Flow:
    lang = data.options.language
    out: Flow = [heading(lb.section_title("next", tr), "next")]
    out.append(subheading(tr("Open questions")))
    out += entry_list(data.open_questions, tr, lang, show_type=True)
    out += more_note(data, "open_questions", tr)
    out.append(subheading(tr("Open actions")))
    out += _actions(data.open_actions, tr, lang) + more_note(data, "open_actions", tr)
    out.append(subheading(tr("Coming up")))
    if data.upcoming:
        out.append(_events_table(data.upcoming, tr, lang))
        out += more_note(data, "upcoming", tr)
    elif not data.upcoming_confidential:
        out.append(para(tr("No events planned yet."), "muted"))
    out += confidential_counts(data.upcoming_confidential, lang)
    return out


def appendix(data: ReportData, tr: Tr) -> Flow:
    """Every shared entry of the partnership up to the report's day, oldest first (chosen
    explicitly: the facilitator saw its page estimate first)."""
    if not data.appendix:
        return []
    lang = data.options.language
    return [
        PageBreak(),
        heading(tr("Appendix: every shared entry"), "appendix"),
        *entry_list(data.appendix, tr, lang, show_type=True),
    ]
