"""What keeps a report readable at any size: the partnership in numbers and a note under every
list that was cut to its most recent lines (the appendix of every entry is in ``sections``)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from app.i18n import N_
from app.report.model import ReportData
from reports.blocks import cell, para, subheading, table
from reports.labels import count

Tr = Callable[[str], str]
Flow = list[Flowable]

# What each count is called (translated by the report's language).
COUNT_LABELS = {
    "events": N_("Meetings and events"),
    "entries": N_("Shared entries"),
    "accomplishments": N_("Accomplishments"),
    "decisions": N_("Decisions"),
    "ideas": N_("Ideas"),
    "obstacles": N_("Obstacles"),
    "observations": N_("Observations"),
    "assessments": N_("Assessments"),
    "notes": N_("Notes"),
    "actions_done": N_("Actions completed"),
    "actions_open": N_("Actions open"),
}
# Lists whose first lines are kept (the soonest); the others keep their most recent lines.
_SOONEST = ("action_plan", "open_actions", "upcoming")


def count_rows(data: ReportData, tr: Tr) -> list[list[str]]:
    """The rows of "the partnership in numbers": what, in this period, since the start."""
    lang = data.options.language
    return [
        [tr(COUNT_LABELS[c.what]), count(c.in_period, lang), count(c.since_start, lang)]
        for c in data.counts
    ]


def count_head(tr: Tr) -> list[str]:
    return [tr("What"), tr("In this period"), tr("Since the start")]


def in_numbers(data: ReportData, tr: Tr) -> Flow:
    """A small table: each count in the period and since the partnership started."""
    if not data.counts:
        return []
    return [
        subheading(tr("The partnership in numbers")),
        table(
            count_head(tr),
            ([cell(text) for text in row] for row in count_rows(data, tr)),
            (0.5, 0.25, 0.25),
        ),
    ]


def more_text(data: ReportData, name: str, tr: Tr) -> str | None:
    """Under a list that was cut: how many lines are not printed, and where they are."""
    n = data.left_out(name)
    if not n:
        return None
    shown = count(n, data.options.language)
    if name in _SOONEST:
        return tr("… and {n} more, not listed here.").format(n=shown)
    if data.appendix:
        return tr("… and {n} earlier in this period, listed in the appendix.").format(n=shown)
    return tr("… and {n} earlier in this period, not listed here.").format(n=shown)


def more_note(data: ReportData, name: str, tr: Tr) -> Flow:
    """``more_text`` as a muted paragraph (nothing when the list was not cut)."""
    text = more_text(data, name, tr)
    return [para(text, "muted")] if text else []
