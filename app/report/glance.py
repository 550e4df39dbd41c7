"""The report's first page, "At a glance": what the managers read before anything else.

The phase and since when; what was achieved since the last report given; each objective with
its latest measurement and where it stands (``app.report.standing``); each side's actions done,
open and overdue; and what there is to decide at the meeting. Everything as of the report's
as-of date, from shared records only, with names hidden as everywhere in the report.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import ActionStatus, EntryType, Role
from app.domain.snapshot import known_on
from app.persistence.shared_lists import Pick, listed
from app.report.facts import Facts
from app.report.names import Namer
from app.report.parts import (
    Achieved,
    DecideItem,
    DecideKind,
    Glance,
    ObjectiveStatus,
    SideActions,
)
from app.report.standing import measured_by, standing

# Lines of "achieved" and of "to decide" on the page; the rest are counted.
ACHIEVED_LINES = 4
DECIDE_LINES = 6
# A text on the page is cut to about two lines (after names are hidden, never before: a cut
# name would no longer be recognised); the sections that follow print it in full.
TEXT_LIMIT = 130


def short(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters (with "…")."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit - 1)
    return flat[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:.") + "…"


def glance(f: Facts, namer: Namer) -> Glance:
    p = f.partnership()
    as_of = f.as_of
    moves = sorted((m for m in p.phases if known_on(m[1], as_of)), key=lambda m: m[1])
    since = last_report(f)
    achieved, achieved_all = _achieved(f, since)
    decide, decide_all = _to_decide(f)
    return Glance(
        phase=moves[-1][0] if moves else None,
        phase_since=moves[-1][1] if moves else None,
        last_report_on=since,
        achieved=tuple(achieved),
        achieved_more=max(0, achieved_all - len(achieved)),
        objectives=tuple(_objectives(f)),
        sides=_sides(f),
        to_decide=tuple(decide),
        to_decide_more=max(0, decide_all - len(decide)),
    )


def last_report(f: Facts) -> date | None:
    """The date the last report given before this one speaks from (the end of its period, or
    the day it was given), None when none was given by the as-of date."""
    given = [
        min(to or day, day)
        for day, to in f.view.reports_given()
        if known_on(day, f.as_of) and day < f.options.generated_on
    ]
    return max(given) if given else None


def _achieved(f: Facts, since: date | None) -> tuple[list[Achieved], int]:
    """The latest ``ACHIEVED_LINES`` accomplishments and done actions after ``since`` (all,
    without one), oldest first, and how many there are in all. Only the accomplishments
    printed are read, and only the texts printed go through the name hiding."""
    start = since + timedelta(days=1) if since else None
    pick = Pick(start, f.as_of, (EntryType.ACCOMPLISHMENT,))
    latest, accomplished = listed(f.view, pick, ACHIEVED_LINES)
    found: list[tuple[date, str, bool]] = [
        (date.fromisoformat(e.event_when[:10]), e.text, False) for e in latest
    ]
    done = [
        (a.done_on, a.text, True)
        for a in f.actions
        if a.status == ActionStatus.DONE
        and a.done_on is not None
        and known_on(a.done_on, f.as_of)
        and (since is None or a.done_on > since)
    ]
    kept = sorted([*found, *done], key=lambda x: x[0])[-ACHIEVED_LINES:]
    lines = [Achieved(day, short(f.namer.text(text)), action) for day, text, action in kept]
    return lines, accomplished + len(done)


def _objectives(f: Facts) -> list[ObjectiveStatus]:
    def text(value: str) -> str:
        return short(f.namer.text(value), 90)

    out = []
    for o in f.view.objectives():
        measured = measured_by(o, f.as_of)
        latest = measured[-1] if measured else None
        out.append(
            ObjectiveStatus(
                text=text(o.text),
                indicator=text(o.indicator) if o.indicator else None,
                target=text(o.target) if o.target else None,
                target_value=o.target_value,
                latest=latest.value if latest else None,
                latest_on=latest.measured_on if latest else None,
                unit=text(o.unit) if o.unit else None,
                standing=standing(o, f.as_of),
                due_on=o.due_on,
            )
        )
    return out


def _sides(f: Facts) -> tuple[SideActions, ...]:
    names = f.sides[1]
    out = []
    for side in (Role.CUSTOMER, Role.PROVIDER, None):
        mine = [a for a in f.actions if f.known(a) and f.side_of(a) == side]
        if side is not None and side not in names and not mine:
            continue
        if side is None and not mine:
            continue
        out.append(
            SideActions(
                side,
                names.get(side, "") if side is not None else "",
                sum(1 for a in mine if a.status == ActionStatus.DONE),
                sum(1 for a in mine if f.open(a)),
                sum(1 for a in mine if f.overdue(a)),
            )
        )
    return tuple(out)


def _to_decide(f: Facts) -> tuple[list[DecideItem], int]:
    """The first ``DECIDE_LINES`` things to decide, and how many there are in all: overdue
    actions (the longest overdue first), open ideas of the whole partnership (the oldest
    first), objectives without an indicator, decisions due for review. Only the ideas and
    decisions printed are read; only the texts printed go through the name hiding."""
    as_of = f.as_of
    overdue = sorted((a for a in f.actions if f.overdue(a)), key=lambda a: a.due_on or as_of)
    found = [(DecideKind.OVERDUE_ACTION, a.text, a.due_on) for a in overdue]
    ideas, idea_count = listed(
        f.view,
        Pick(until=as_of, types=(EntryType.IDEA,), open_on=as_of, undecided_on=as_of),
        DECIDE_LINES,
        first=True,
    )
    found += [(DecideKind.IDEA, e.text, date.fromisoformat(e.event_when[:10])) for e in ideas]
    unmeasured = [o for o in f.view.objectives() if not (o.indicator and o.indicator.strip())]
    found += [(DecideKind.NO_INDICATOR, o.text, None) for o in unmeasured]
    due, due_count = listed(
        f.view,
        Pick(until=as_of, types=(EntryType.DECISION,), review_due_on=as_of),
        DECIDE_LINES,
        first=True,
    )
    found += [(DecideKind.REVIEW, e.text, e.review_on) for e in due]
    total = len(overdue) + idea_count + len(unmeasured) + due_count
    shown = [
        DecideItem(kind, short(f.namer.text(text), 100), day)
        for kind, text, day in found[:DECIDE_LINES]
    ]
    return shown, total
