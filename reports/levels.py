"""The report's split by organizational level, as plain text tables for the PDF and the DOCX.

Two tables (``app.scores.levels``): the share of invitations each level attended in each phase,
and each level's answers in the latest round of answers, one row per dimension, a level's
column showing its mean only when enough of its people answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.labels import LEVELS
from app.scores.levels import Attendance, LevelSplit
from reports import labels as lb
from reports.labels import Tr


@dataclass(frozen=True, slots=True)
class TextTable:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    note: str = ""


def _share(a: Attendance, tr: Tr) -> str:
    if a.share is None:
        return "–"
    return tr("{share} % ({attended} of {invited})").format(
        share=round(100 * a.share), attended=a.attended, invited=a.invited
    )


def level_tables(split: LevelSplit, tr: Tr, language: str) -> list[TextTable]:
    """The attendance table, and the answers table when anyone with a level has answered."""
    levels = [tr(LEVELS[r.level]) for r in split.rows]
    phase_widths = tuple([0.34] + [0.66 / max(1, len(split.phases))] * len(split.phases))
    tables = [
        TextTable(
            tr("Invitations attended, by level"),
            (tr("Level"), *(tr(lb.PHASES[p]) for p in split.phases)),
            tuple(
                (level, *(_share(r.attendance_in(p), tr) for p in split.phases))
                for level, r in zip(levels, split.rows, strict=True)
            ),
            phase_widths,
        )
    ]
    if split.round_day is None:
        return tables
    answered = (tr("Answered"), *(str(r.answered) for r in split.rows))
    rows = [answered] + [
        (
            tr(lb.DIMENSIONS[d]),
            *(
                lb.number(s.mean, language) if (s := r.answer(d)) is not None else "–"
                for r in split.rows
            ),
        )
        for d in split.dimensions
    ]
    tables.append(
        TextTable(
            tr("Answers by level: {event}, {date}").format(
                event=split.round_title or tr("rated event"),
                date=lb.short_date(split.round_day, language),
            ),
            (tr("Dimension"), *levels),
            tuple(rows),
            (0.4, 0.2, 0.2, 0.2),
            tr(
                "Means 1–5. A level's mean is shown when at least {n} of its people answered; "
                "a dash means fewer did, or none."
            ).format(n=split.min_group),
        )
    )
    return tables
