"""What keeps a report readable at any size: the partnership in numbers and a note under every
list that was cut to its most recent lines (the appendix of every entry is in ``sections``)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from app.i18n import N_
from app.report.model import ReportData
from reports.blocks import cell, para, subheading, table

Tr = Callable[[str], str]
Flow = list[Flowable]

# What each count is called (translated by the report's language).
COUNT_LABELS = {
    "events": N_("Meetings and events"),
    "entries": N_("Shared entries"),
    "accomplishments": N_("Accomplishments"),
    "decisions": N_("Decisions"),
    "actions_done": N_("Actions completed"),
    "actions_open": N_("Actions open"),
}
# Lists whose first lines are kept (the soonest); the others keep their most recent lines.
_SOONEST = ("action_plan", "open_actions", "upcoming")


def _number(n: int, lang: str) -> str:
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if lang == "fi" else text


def in_numbers(data: ReportData, tr: Tr) -> Flow:
    """A small table: each count in the period and since the partnership started."""
    if not data.counts:
        return []
    lang = data.options.language
    return [
        subheading(tr("The partnership in numbers")),
        table(
            [tr("What"), tr("In this period"), tr("Since the start")],
            (
                [
                    cell(tr(COUNT_LABELS[c.what])),
                    cell(_number(c.in_period, lang)),
                    cell(_number(c.since_start, lang)),
                ]
                for c in data.counts
            ),
            (0.5, 0.25, 0.25),
        ),
    ]


def more_note(data: ReportData, name: str, tr: Tr) -> Flow:
    """Under a list that was cut: how many lines are not printed, and where they are."""
    n = data.left_out(name)
    if not n:
        return []
    count = _number(n, data.options.language)
    if name in _SOONEST:
        text = tr("… and {n} more, not listed here.").format(n=count)
    elif data.appendix:
        text = tr("… and {n} earlier in this period, listed in the appendix.").format(n=count)
    else:
        text = tr("… and {n} earlier in this period, not listed here.").format(n=count)
    return [para(text, "muted")]
