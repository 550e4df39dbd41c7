"""The PDF's "Equity as the partners see it" and "Learning log" sections."""

from __future__ import annotations

from reportlab.platypus import KeepTogether

from app.report.model import ReportData
from app.report.parts import SideEquity
from reports import labels as lb
from reports import summary_text as st
from reports.blocks import cell, gap, heading, long_text, para, subheading, table
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
                    cell(str(s.actions_owned), "cell_right"),
                    cell(str(s.actions_done), "cell_right"),
                    cell(str(s.meetings_attended), "cell_right"),
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
        out.append(
            para(tr("A comparison needs at least two questionnaires; there is not yet."), "muted")
        )
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
    head = [
        tr("Dimension"),
        tr("First ({date})").format(date=lb.short_date(e.baseline_on, lang)),
        tr("Previous ({date})").format(date=lb.short_date(e.previous_on, lang)),
        tr("Latest ({date})").format(date=lb.short_date(e.latest_on, lang)),
        tr("Since previous"),
        tr("Since first"),
    ]
    rows = (
        [cell(tr(lb.DIMENSIONS[c.dimension]))]
        + [cell(text, "cell_right") for text in st.change_row(c, e.minimum, lang)]
        for c in s.changes
    )
    note = tr(
        "Mean of the side's respondents, 1–5; ▲ higher, ▼ lower, = unchanged. A mean is shown "
        "only when at least {n} of the side's people answered."
    ).format(n=e.minimum)
    return [
        KeepTogether(
            [
                subheading(title),
                table(head, rows, (0.28, 0.13, 0.13, 0.13, 0.165, 0.165)),
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
    for when, text in log.entries:
        out += [gap(3), para(lb.when_text(when, lang), "meta"), *long_text(text)]
    return out
