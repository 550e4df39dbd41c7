"""How much a report covers and how long it gets, decided before anything is laid out.

By default a report covers the period since the last report given to the partners (or, before
the first one, the last six months): what is new to them. ``estimate_pages`` says about how many
pages a report and the optional appendix of every shared entry will take, so the facilitator
can choose before waiting for 10,000 pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.report.model import ReportData

DEFAULT_MONTHS = 6
# Calibrated on generated diaries (A4, the report's body style): lines of text per page and
# characters per line; an entry also takes its line of when/where and some space.
LINES_PER_PAGE = 46
CHARS_PER_LINE = 95
ENTRY_LINES = 2.0
ROW_LINES = 1.6
FIXED_PAGES = 4  # cover, contents, the phase chart, the commitment chart


def months_back(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def default_period_from(given: list[date], on: date) -> date:
    """The start of a report made on ``on``: the day of the last report given up to then,
    else ``DEFAULT_MONTHS`` months back."""
    earlier = [d for d in given if d <= on]
    return max(earlier) if earlier else months_back(on, DEFAULT_MONTHS)


@dataclass(frozen=True, slots=True)
class PageEstimate:
    report: int  # the report as chosen, without the appendix
    appendix: int  # what the appendix of every shared entry adds


def _entry_lines(count: int, chars: int) -> float:
    return count * ENTRY_LINES + chars / CHARS_PER_LINE


def estimate_pages(data: ReportData) -> PageEstimate:
    """Pages of the report of ``data`` and of the appendix of every shared entry (counted in
    ``data.counts``, their length taken to be that of the entries listed)."""
    listed = (*data.accomplishments, *data.decisions, *data.observations, *data.open_questions)
    learned = [text for _when, _title, text in data.learning.entries]
    chars = sum(len(e.text) for e in listed) + sum(len(t) for t in learned)
    lines = _entry_lines(len(listed) + len(learned), chars)
    rows = (
        len(data.meetings)
        + len(data.done_actions)
        + len(data.action_plan)
        + len(data.open_actions)
        + len(data.upcoming)
        + len(data.objectives)
        + len(data.counts)
    )
    lines += rows * ROW_LINES
    report = FIXED_PAGES + round(lines / LINES_PER_PAGE)
    every = next((c.since_start for c in data.counts if c.what == "entries"), 0)
    texts = len(listed) + len(learned)
    mean = chars / texts if texts else CHARS_PER_LINE
    appendix = round(_entry_lines(every, round(every * mean)) / LINES_PER_PAGE)
    return PageEstimate(report, appendix)
