"""The Word document's summary parts, in the order and wording of the PDF's (``reports.glance``,
``reports.equity``): "At a glance", equity as the partners see it, and the learning log."""

from __future__ import annotations

from collections.abc import Callable

from app.report.model import ReportData
from app.report.parts import Glance, SideEquity
from reports import labels as lb
from reports import summary_text as st
from reports.docx.writer import DocWriter, Run
from reports.listing import more_text

Tr = Callable[[str], str]


def at_a_glance(w: DocWriter, data: ReportData, tr: Tr) -> None:
    g, lang = data.glance, data.options.language
    w.heading(lb.section_title("glance", tr))
    w.para(st.phase_line(g, data.options.as_of, lang))
    w.heading(st.achieved_title(g, lang), 2)
    if not g.achieved:
        w.para(tr("Nothing recorded since the last report."), "Kumppani Muted")
    for a in g.achieved:
        kind = tr("Action done") if a.action else tr("Accomplishment")
        w.runs([Run(f"{lb.short_date(a.day, lang)} · {kind}  ", colour="5F6B7A"), Run(a.text)])
    if g.achieved_more:
        w.para(st.more(g.achieved_more, lang), "Kumppani Muted")
    w.heading(tr("Objectives"), 2)
    _objectives(w, g, tr, lang)
    w.heading(tr("Actions by side"), 2)
    if not g.sides:
        w.para(tr("No actions yet."), "Kumppani Muted")
    else:
        w.table(
            [tr("Side"), tr("Done"), tr("Open"), tr("Overdue")],
            (
                [
                    s.name or (tr(lb.ROLES[s.side]) if s.side else tr("No owner")),
                    str(s.done),
                    str(s.open),
                    str(s.overdue),
                ]
                for s in g.sides
            ),
            (0.55, 0.15, 0.15, 0.15),
            right=(1, 2, 3),
        )
    w.heading(tr("To decide at this meeting"), 2)
    if not g.to_decide:
        w.para(tr("Nothing waiting for a decision."), "Kumppani Muted")
    else:
        w.table(
            [tr("What"), tr("Why"), tr("Date")],
            (
                [i.text, tr(st.DECIDE_KINDS[i.kind]), lb.short_date(i.day, lang)]
                for i in g.to_decide
            ),
            (0.59, 0.28, 0.13),
        )
    if g.to_decide_more:
        w.para(st.more(g.to_decide_more, lang), "Kumppani Muted")
    w.page_break()


def _objectives(w: DocWriter, g: Glance, tr: Tr, lang: str) -> None:
    if not g.objectives:
        w.para(tr("No objectives recorded yet."), "Kumppani Muted")
        return
    w.table(
        [tr("Objective"), tr("Indicator"), tr("Target"), tr("Latest"), tr("Status")],
        (
            [
                o.text,
                o.indicator or "",
                st.target_text(o, lang),
                st.latest_text(o, lang),
                [
                    Run(
                        tr(st.STANDINGS[o.standing]),
                        bold=True,
                        colour=st.STANDING_COLOURS[o.standing].lstrip("#").upper(),
                    )
                ],
            ]
            for o in g.objectives
        ),
        (0.28, 0.22, 0.14, 0.18, 0.18),
    )
    if not any(o.standing in st.JUDGED for o in g.objectives):
        return
    w.para(
        tr(
            "On track: the latest value is at least where a straight line from the first "
            "measurement to the target on the due date would be. At risk: short of that "
            "line, or past the due date."
        ),
        "Kumppani Muted",
    )


def equity(w: DocWriter, data: ReportData, tr: Tr) -> None:
    e = data.equity
    w.heading(lb.section_title("equity", tr))
    if not e.sides:
        w.para(tr("No partners recorded yet."), "Kumppani Muted")
        return
    w.table(
        [tr("Side"), tr("Actions owned"), tr("Actions done"), tr("Meetings with its managers")],
        (
            [
                s.name or tr(lb.ROLES[s.side]),
                str(s.actions_owned),
                str(s.actions_done),
                str(s.meetings_attended),
            ]
            for s in e.sides
        ),
        (0.4, 0.18, 0.18, 0.24),
        right=(1, 2, 3),
    )
    w.para(
        tr("Meetings in this period: {n}.").format(n=e.meetings)
        + " "
        + tr("Managers are the sponsors and the top-level people of each organization."),
        "Kumppani Muted",
    )
    if e.baseline_on is None:
        w.heading(tr("Questionnaires compared"), 2)
        w.para(st.no_comparison(e.waves, data.options.language), "Kumppani Muted")
        return
    for s in e.sides:
        _side_changes(w, data, s, tr)


def _side_changes(w: DocWriter, data: ReportData, s: SideEquity, tr: Tr) -> None:
    e, lang = data.equity, data.options.language
    w.heading(
        tr("{side}: the latest questionnaire compared").format(side=s.name or tr(lb.ROLES[s.side])),
        2,
    )
    if not s.changes:
        w.para(tr("This side did not answer."), "Kumppani Muted")
        return
    w.table(
        [tr("Dimension"), *st.comparison_head(e, lang)],
        ([tr(lb.DIMENSIONS[c.dimension]), *st.change_row(c, e, lang)] for c in s.changes),
        (0.28, 0.13, 0.13, 0.13, 0.165, 0.165) if st.three_waves(e) else (0.34, 0.2, 0.2, 0.26),
        right=(1, 2, 3, 4, 5) if st.three_waves(e) else (1, 2, 3),
    )
    w.para(
        tr(
            "Mean of the side's respondents, 1–5; ▲ higher, ▼ lower, = unchanged. A mean is "
            "shown only when at least {n} of the side's people answered."
        ).format(n=e.minimum),
        "Kumppani Muted",
    )


def learning(w: DocWriter, data: ReportData, tr: Tr) -> None:
    log, lang = data.learning, data.options.language
    w.heading(lb.section_title("learning", tr))
    if log.vision is not None and log.pilot_scope is not None:
        w.heading(tr("The vision and the pilot"), 2)
        w.table(
            [tr("The vision"), tr("What the pilot covers")],
            [[log.vision, log.pilot_scope]],
            (0.5, 0.5),
        )
    w.heading(tr("What we have learned"), 2)
    if not log.entries:
        w.para(tr("No shared assessments in this period."), "Kumppani Muted")
    for when, title, text in log.entries:
        w.para(" · ".join(x for x in (lb.when_text(when, lang), title) if x), "Kumppani Meta")
        for block in text.strip().split("\n\n"):
            if block.strip():
                w.para(block.strip(), "Kumppani Entry")
    more = more_text(data, "learning", tr)
    if more:
        w.para(more, "Kumppani Muted")
