"""The PDF's "Equity as the partners see it" and "Learning log" sections."""

from __future__ import annotations

from reportlab.platypus import KeepTogether

from app.report.model import ReportData
from app.report.parts import SideEquity
from reports import labels as lb
from reports import summary_text as st
from reports.blocks import cell, gap, heading, long_text, para, subheading, table
from reports.listing import more_note
from reports.sections import Flow, Tr


def equity(data: ReportData, tr: Tr) -> Flow:
    e = data.equity
    out: Flow = [heading(lb.section_title("equity", tr), "equity")]
    if not e.sides:
        return [*out, para(tr("No partners recorded yet."), "muted")]
    meetings = tr("Meetings in this period: {n}.").format(n=e.meetings)
    out += [
        table(
            [tr("Side"), tr("Actions owned"), tr("Actions done"), tr("Meetings with its managers")],
            (
                [
                    cell(s.name or tr(lb.ROLES[s.side])),
                    cell(str(s.actions_owned)),
                    cell(str(s.actions_done)),
                    cell(str(s.meetings_attended)),
                ]
                for s in e.sides
            ),
            (0.4, 0.18, 0.18, 0.24),
        ),
        gap(3),
        para(
            meetings
            + " "
            + tr("Managers are the sponsors and the top-level people of each organization."),
            "muted",
        ),
    ]
    if e.baseline_on is None:
        out.append(subheading(tr("Questionnaires compared")))
        out.append(para(st.no_comparison(e.waves, data.options.language), "muted"))
        return out
    for s in e.sides:
        out += _side_changes(data, s, tr)
    return out


def _side_changes(data: ReportData, s: SideEquity, tr: Tr) -> Flow:
    e, lang = data.equity, data.options.language
    title = tr("{side}: the latest questionnaire compared").format(
        side=s.name or tr(lb.ROLES[s.side])
    )
    if not s.changes:
        return [subheading(title), para(tr("This side did not answer."), "muted")]
    head = [tr("Dimension"), *st.comparison_head(e, lang)]
    rows = (
        [cell(tr(lb.DIMENSIONS[c.dimension]))]
        + [cell(text, "cell_right") for text in st.change_row(c, e, lang)]
        for c in s.changes
    )
    widths = (0.28, 0.13, 0.13, 0.13, 0.165, 0.165) if st.three_waves(e) else (0.34, 0.2, 0.2, 0.26)
    note = tr(
        "Mean of the side's respondents, 1–5; ▲ higher, ▼ lower, = unchanged. A mean is shown "
        "only when at least {n} of the side's people answered."
    ).format(n=e.minimum)
    return [
        KeepTogether(
            [
                subheading(title),
                table(head, rows, widths),
                gap(3),
                para(note, "muted"),
            ]
        )
    ]


def learning(data: ReportData, tr: Tr) -> Flow:
    log, lang = data.learning, data.options.language
    out: Flow = [heading(lb.section_title("learning", tr), "learning")]
    if log.vision is not None and log.pilot_scope is not None:
        out.append(subheading(tr("The vision and the pilot")))
        out.append(
            table(
                [tr("The vision"), tr("What the pilot covers")],
                [[cell(log.vision), cell(log.pilot_scope)]],
                (0.5, 0.5),
            )
        )
    out.append(subheading(tr("What we have learned")))
    if not log.entries:
        out.append(para(tr("No shared assessments in this period."), "muted"))
    for when, title, text in log.entries:
        meta = " · ".join(x for x in (lb.when_text(when, lang), title) if x)
        out += [gap(3), para(meta, "meta"), *long_text(text)]
    return out + more_note(data, "learning", tr)
