"""The PDF's "At a glance" page: phase, achievements since the last report, objectives and where
they stand, actions per side, and what there is to decide at the meeting."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from app.report.model import ReportData
from app.report.parts import Glance, Standing
from reports import labels as lb
from reports import summary_text as st
from reports.blocks import cell, gap, heading, para, rich, subheading, table
from reports.sections import Flow, Tr


def at_a_glance(data: ReportData, tr: Tr) -> Flow:
    g, lang = data.glance, data.options.language
    out: Flow = [heading(lb.section_title("glance", tr), "glance")]
    out.append(para(st.phase_line(g, data.options.as_of, lang)))
    out.append(subheading(st.achieved_title(g, lang)))
    out += _achieved(g, tr, lang)
    out.append(subheading(tr("Objectives")))
    out += _objectives(g, tr, lang)
    out.append(subheading(tr("Actions by side")))
    out += _sides(g, tr)
    # The list may continue on the next page rather than leave this one's end empty; the
    # heading stays with at least its first rows.
    out += [CondPageBreak(25 * mm), para(tr("To decide at this meeting"), "h2_free")]
    out += _to_decide(g, tr, lang)
    return [*out, PageBreak()]


def _achieved(g: Glance, tr: Tr, lang: str) -> Flow:
    if not g.achieved:
        return [para(tr("Nothing recorded since the last report."), "muted")]
    out: Flow = []
    for a in g.achieved:
        kind = tr("Action done") if a.action else tr("Accomplishment")
        meta = escape(f"{lb.short_date(a.day, lang)} · {kind}")
        out.append(rich(f"<font color='#5f6b7a'>{meta}</font> &nbsp;{escape(a.text)}", "cell"))
        out.append(gap(2))
    if g.achieved_more:
        out.append(para(st.more(g.achieved_more, lang), "muted"))
    return out


def _standing(g_standing: Standing, tr: Tr) -> Flowable:
    colour = st.STANDING_COLOURS[g_standing]
    return rich(f"<font color='{colour}'><b>{escape(tr(st.STANDINGS[g_standing]))}</b></font>")


def _objectives(g: Glance, tr: Tr, lang: str) -> Flow:
    if not g.objectives:
        return [para(tr("No objectives recorded yet."), "muted")]
    out: Flow = [
        table(
            [tr("Objective"), tr("Indicator"), tr("Target"), tr("Latest"), tr("Status")],
            (
                [
                    cell(o.text),
                    cell(o.indicator),
                    cell(st.target_text(o, lang)),
                    cell(st.latest_text(o, lang)),
                    _standing(o.standing, tr),
                ]
                for o in g.objectives
            ),
            (0.28, 0.22, 0.14, 0.18, 0.18),
        )
    ]
    if not any(o.standing in st.JUDGED for o in g.objectives):
        return out
    return [
        *out,
        gap(3),
        para(
            tr(
                "On track: the latest value is at least where a straight line from the first "
                "measurement to the target on the due date would be. At risk: short of that "
                "line, or past the due date."
            ),
            "muted",
        ),
    ]


def _sides(g: Glance, tr: Tr) -> Flow:
    if not g.sides:
        return [para(tr("No actions yet."), "muted")]
    return [
        table(
            [tr("Side"), tr("Done"), tr("Open"), tr("Overdue")],
            (
                [
                    cell(s.name or (tr(lb.ROLES[s.side]) if s.side else tr("No owner"))),
                    cell(str(s.done)),
                    cell(str(s.open)),
                    cell(str(s.overdue)),
                ]
                for s in g.sides
            ),
            (0.55, 0.15, 0.15, 0.15),
        )
    ]


def _to_decide(g: Glance, tr: Tr, lang: str) -> Flow:
    if not g.to_decide:
        return [para(tr("Nothing waiting for a decision."), "muted")]
    out: Flow = [
        table(
            [tr("What"), tr("Why"), tr("Date")],
            (
                [
                    cell(item.text),
                    cell(tr(st.DECIDE_KINDS[item.kind])),
                    cell(lb.short_date(item.day, lang)),
                ]
                for item in g.to_decide
            ),
            (0.59, 0.28, 0.13),
        )
    ]
    if g.to_decide_more:
        out.append(para(st.more(g.to_decide_more, lang), "muted"))
    return out
