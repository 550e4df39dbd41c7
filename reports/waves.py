"""The report's questionnaire results on the latest wave's own instrument dimensions, as plain
text tables the PDF (``reports.results``) and the DOCX (``reports.docx.sections``) both print.

Means only for sides with at least the minimum group size of respondents ("fewer than N
answers" otherwise); ▲ ▼ mark the change from the first and the previous wave of the same
instrument. No respondent's name, pseudonym or comment ever reaches these tables.
"""

from __future__ import annotations

from app.domain.labels import LEVELS
from app.report.waves import WaveResults, WaveRow
from reports import labels as lb
from reports.labels import Tr
from reports.levels import TextTable
from reports.summary_text import fewer_than


def waves_title(w: WaveResults, tr: Tr, lang: str) -> str:
    return tr("Questionnaire results: {instrument}, {date}").format(
        instrument=w.instrument, date=lb.short_date(w.held_on, lang)
    )


def waves_intro(w: WaveResults, tr: Tr, lang: str) -> str:
    """What the table shows, the minimum group size and the waves the changes are from."""
    text = tr(
        "{title}: each side's mean on each dimension of the questionnaire's own scale "
        "(n = number of respondents). A side's mean is shown only when at least {n} of its "
        "people answered."
    ).format(title=w.title, n=w.minimum)
    if w.baseline is not None and w.previous is not None:
        text += " " + tr(
            "▲ ▼ mark the change from the first questionnaire ({first}) and the previous one "
            "({previous})."
        ).format(first=lb.short_date(w.baseline, lang), previous=lb.short_date(w.previous, lang))
    else:
        text += " " + tr("This is the first questionnaire of its kind: no change to show yet.")
    return (
        text
        + " "
        + tr("The comparison of the sides on Kumppani's own dimensions is in the equity section.")
    )


def _side(r: WaveRow, tr: Tr) -> str:
    return r.side or tr(lb.ROLES[r.role])


def _mean(r: WaveRow, minimum: int, lang: str) -> str:
    if r.mean is None:
        return fewer_than(minimum, lang)
    return f"{lb.number(r.mean, lang)}  (n = {r.n})"


def _change(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    mark = "▲" if value >= 0.05 else "▼" if value <= -0.05 else "="
    return f"{mark} {lb.signed(value, lang)}"


def waves_tables(w: WaveResults, tr: Tr, lang: str) -> list[TextTable]:
    """The results table, and the split by level when respondents gave their level."""
    tables = [
        TextTable(
            "",
            (
                tr("Dimension"),
                tr("Side"),
                tr("Mean"),
                tr("From the first"),
                tr("From the previous"),
            ),
            tuple(
                (
                    r.dimension,
                    _side(r, tr),
                    _mean(r, w.minimum, lang),
                    _change(r.from_baseline, lang),
                    _change(r.from_previous, lang),
                )
                for r in w.rows
            ),
            (0.28, 0.22, 0.2, 0.15, 0.15),
        )
    ]
    if w.levels:
        tables.append(
            TextTable(
                tr("Questionnaire results by organizational level"),
                (tr("Dimension"), tr("Side"), tr("Level"), tr("Mean")),
                tuple(
                    (
                        r.dimension,
                        _side(r, tr),
                        tr(LEVELS[r.level]) if r.level else "–",
                        _mean(r, w.minimum, lang),
                    )
                    for r in w.levels
                ),
                (0.3, 0.25, 0.2, 0.25),
            )
        )
    return tables
