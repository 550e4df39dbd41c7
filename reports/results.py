"""The report's measurement sections: commitment over time with the latest questionnaire results,
and the shared observations with the tensions noted."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether

from app.report.model import Questionnaire, ReportData
from app.report.waves import WaveResults
from reports import labels as lb
from reports.blocks import cell, gap, heading, para, rich, subheading, table
from reports.charts import commitment_chart
from reports.levels import level_tables
from reports.listing import more_note
from reports.sections import Flow, Tr, empty, entry_list
from reports.styles import FRAME_WIDTH
from reports.summary_text import fewer_than
from reports.waves import waves_intro, waves_tables, waves_title


def commitment(data: ReportData, tr: Tr) -> Flow:
    lang = data.options.language
    out: Flow = [heading(lb.section_title("commitment", tr), "commitment")]
    if data.commitment:
        out.append(
            para(
                tr(
                    "Each side's own commitment to the partnership at each rated meeting or "
                    "questionnaire, on a scale from 1 (low) to 5 (high). The shaded bands are "
                    "the phases."
                )
            )
        )
        out += [gap(6), commitment_chart(data.commitment, data.phases, FRAME_WIDTH, tr, lang)]
    else:
        out.append(para(tr("No commitment ratings in this period."), "muted"))
    if data.trust:
        out.append(subheading(tr("Trust over time")))
        out.append(
            para(
                tr(
                    "How far each side trusts the other to act as agreed, at each rated meeting "
                    "or questionnaire, from 1 (low) to 5 (high)."
                )
            )
        )
        out += [gap(6), commitment_chart(data.trust, data.phases, FRAME_WIDTH, tr, lang)]
    if data.questionnaire is not None:
        out += _results(data.questionnaire, tr, lang)
    if data.waves is not None:
        out += _waves(data.waves, tr, lang)
    if data.levels is not None:
        out.append(subheading(tr("By organizational level")))
        for t in level_tables(data.levels, tr, lang):
            block: Flow = [
                rich(f"<b>{escape(t.title)}</b>"),
                table(list(t.header), ([cell(c) for c in row] for row in t.rows), t.widths),
            ]
            if t.note:
                block += [gap(3), para(t.note, "muted")]
            out.append(KeepTogether([*block, gap(6)]))
    return out


def _waves(w: WaveResults, tr: Tr, lang: str) -> Flow:
    out: Flow = []
    for i, t in enumerate(waves_tables(w, tr, lang)):
        head: Flow = (
            [subheading(waves_title(w, tr, lang)), para(waves_intro(w, tr, lang), "muted"), gap(3)]
            if i == 0
            else [rich(f"<b>{escape(t.title)}</b>")]
        )
        body = table(list(t.header), ([cell(c) for c in row] for row in t.rows), t.widths)
        out.append(KeepTogether([*head, body, gap(6)]))
    return out


def _mean_cell(q: Questionnaire, mean: float | None, n: int, lang: str) -> Flowable:
    if mean is None:
        # Answers there were, but too few to print their mean (the minimum group size).
        return cell(fewer_than(q.minimum, lang) if n else "–", "cell_right")
    if q.facilitator:
        return cell(lb.number(mean, lang), "cell_right")
    return cell(f"{lb.number(mean, lang)}  (n = {n})", "cell_right")


def _gap_cell(gap_value: float | None, flagged: bool, lang: str) -> Flowable:
    if gap_value is None:
        return cell("–", "cell_right")
    text = escape(lb.signed(gap_value, lang))
    return rich(f"<b>{text} ◆</b>" if flagged else text, "cell_right")


def results_title(q: Questionnaire, tr: Tr, lang: str) -> str:
    """The heading of the latest results; the facilitator's ratings are labelled as such."""
    if q.facilitator:
        return tr("Latest ratings by the facilitator: {event}, {date}").format(
            event=q.title or tr("rated event"), date=lb.when_text(q.when, lang)
        )
    return tr("Latest results: {event}, {date}").format(
        event=q.title or tr("rated event"), date=lb.when_text(q.when, lang)
    )


def _results(q: Questionnaire, tr: Tr, lang: str) -> Flow:
    title = results_title(q, tr, lang)
    customer, provider = (name or "–" for name in q.organizations)
    body = [
        [
            cell(tr(lb.DIMENSIONS[r.dimension])),
            _mean_cell(q, r.cells[0][0], r.cells[0][1], lang),
            _mean_cell(q, r.cells[1][0], r.cells[1][1], lang),
            _gap_cell(r.gap, r.flagged, lang),
        ]
        for r in q.rows
    ]
    note = results_note(q, customer, provider, tr)
    return [
        KeepTogether(
            [
                subheading(title),
                table(
                    [tr("Dimension"), customer, provider, tr("Gap")],
                    body,
                    (0.4, 0.22, 0.22, 0.16),
                ),
                gap(3),
                para(note, "muted"),
            ]
        )
    ]


def results_note(q: Questionnaire, customer: str, provider: str, tr: Tr) -> str:
    """The note under the results table: whose ratings, what n and the gap mean."""
    if q.facilitator:
        return tr(
            "The facilitator's own ratings of each side, 1–5 (not a questionnaire: no "
            "respondents). Gap = {customer} minus {provider}; ◆ marks a gap of 0.5 or more."
        ).format(customer=customer, provider=provider)
    minimum = tr("A side's mean is shown only when at least {n} of its people answered.").format(
        n=q.minimum
    )
    if all(q.organizations):
        note = tr(
            "Mean of the respondents of each side (n = number of respondents), 1–5. "
            "Gap = {customer} minus {provider}; ◆ marks a gap of 0.5 or more, worth discussing."
        ).format(customer=customer, provider=provider)
    else:  # only one side rated: there is no gap to explain
        note = tr("Mean of the respondents of each side (n = number of respondents), 1–5.")
    return note + " " + minimum


def observations(data: ReportData, tr: Tr) -> Flow:
    lang = data.options.language
    out: Flow = [heading(lb.section_title("observations", tr), "observations")]
    out.append(subheading(tr("Tensions noted")))
    if data.tensions:
        out.append(
            table(
                [tr("Tension"), tr("Shared entries")],
                ([cell(tr(lb.TENSIONS[t])), cell(str(n), "cell_right")] for t, n in data.tensions),
                (0.8, 0.2),
            )
        )
    else:
        out.append(para(tr("No tensions noted in shared entries in this period."), "muted"))
    out.append(subheading(tr("Shared observations")))
    out += (
        entry_list(data.observations, tr, lang, show_type=True)
        if data.observations
        else [empty(tr)]
    )
    return out + more_note(data, "observations", tr)
