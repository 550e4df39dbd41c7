"""The report's first page, "At a glance": what the managers read before anything else.

The phase and since when; what was achieved since the last report given; each objective with
its latest measurement and where it stands (``app.report.standing``); each side's actions done,
open and overdue; and what there is to decide at the meeting. Everything as of the report's
as-of date, from shared records only, with names hidden as everywhere in the report.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import ActionStatus, EntryType, Role
from app.domain.enums import DecisionStatus
from app.domain.snapshot import known_on
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
    achieved = _achieved(f, since)
    decide = _to_decide(f)
    return Glance(
        phase=moves[-1][0] if moves else None,
        phase_since=moves[-1][1] if moves else None,
        last_report_on=since,
        achieved=tuple(achieved[-ACHIEVED_LINES:]),
        achieved_more=max(0, len(achieved) - ACHIEVED_LINES),
        objectives=tuple(_objectives(f)),
        sides=_sides(f),
        to_decide=tuple(decide[:DECIDE_LINES]),
        to_decide_more=max(0, len(decide) - DECIDE_LINES),
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


def _achieved(f: Facts, since: date | None) -> list[Achieved]:
    """Accomplishments and done actions after ``since`` (all, without one), oldest first."""
    start = since + timedelta(days=1) if since else None
    found = [
        Achieved(date.fromisoformat(e.event_when[:10]), short(f.namer.text(e.text)), False)
        for e in f.view.entries(start, f.as_of, (EntryType.ACCOMPLISHMENT,))
    ]
    found += [
        Achieved(a.done_on, short(f.namer.text(a.text)), True)
        for a in f.actions
        if a.status == ActionStatus.DONE
        and a.done_on is not None
        and known_on(a.done_on, f.as_of)
        and (since is None or a.done_on > since)
    ]
    return sorted(found, key=lambda x: x.day)


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


def _to_decide(f: Facts) -> list[DecideItem]:
    as_of = f.as_of

    def text(value: str) -> str:
        return short(f.namer.text(value), 100)

    overdue = sorted((a for a in f.actions if f.overdue(a)), key=lambda a: a.due_on or as_of)
    out = [DecideItem(DecideKind.OVERDUE_ACTION, text(a.text), a.due_on) for a in overdue]
    entries = f.view.entries(None, as_of, (EntryType.IDEA, EntryType.DECISION))
    for e in entries:
        if e.type != EntryType.IDEA or e.pk in f.converted:
            continue
        if e.fate is not None and (e.fate_on is None or known_on(e.fate_on, as_of)):
            continue  # parked or declined by then: decided
        out.append(DecideItem(DecideKind.IDEA, text(e.text), date.fromisoformat(e.event_when[:10])))
    out += [
        DecideItem(DecideKind.NO_INDICATOR, text(o.text))
        for o in f.view.objectives()
        if not (o.indicator and o.indicator.strip())
    ]
    for e in entries:
        if (
            e.type == EntryType.DECISION
            and e.review_on is not None
            and e.review_on <= as_of
            and e.decision_status != DecisionStatus.REVISITED
        ):
            out.append(DecideItem(DecideKind.REVIEW, text(e.text), e.review_on))
    return out
