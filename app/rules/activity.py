"""Rules about what happens over time: ideas, attendance, feedback, commitment, assessment.

The paper's failure signs: ideas that never became actions ("a drifting boat"), no feedback of
accomplishments during commitment, top managers who lost interest and missed the final
feedback meeting, and no continuous evaluation.
"""

from __future__ import annotations

from datetime import timedelta

from app.dates import short_date
from app.domain import Dimension, EntryType, Event, EventKind, Visibility
from app.domain.labels import phase_name
from app.i18n import _, language, ngettext
from app.rules.model import EarlyWarning, Evidence, EvidenceKind, Severity
from app.rules.view import ACTIVE_PHASES, View, event_ref

Params = dict[str, float]
# Ratings are means of small whole numbers; compare with a little tolerance.
_EPS = 1e-9


def drifting_boat(view: View, t: Params) -> EarlyWarning | None:
    """Many ideas in recent events, few actions created since: the boat is drifting."""
    if view.phase not in ACTIVE_PHASES or not view.events:
        return None
    recent = view.events[-int(t["events"]) :]
    pks = {e.pk for e in recent}
    ideas = sum(1 for n in view.entries if n.event in pks and n.type == EntryType.IDEA)
    if ideas < t["min_ideas"]:
        return None
    since = recent[0].day
    actions = sum(1 for a in view.snap.actions if since <= a.created_on <= view.day)
    if actions >= ideas * t["action_ratio"] - _EPS:
        return None
    if actions:
        message = ngettext(
            "The last event produced {ideas} but since {since} the partners have agreed on "
            "only {actions}.",
            "The last {events} events produced {ideas} but since {since} the partners have "
            "agreed on only {actions}.",
            len(recent),
        )
    else:
        message = ngettext(
            "The last event produced {ideas} but since {since} the partners have agreed on no "
            "action.",
            "The last {events} events produced {ideas} but since {since} the partners have "
            "agreed on no action.",
            len(recent),
        )
    return EarlyWarning(
        id="drifting-boat",
        severity=Severity.WARNING,
        message=message.format(
            events=len(recent),
            ideas=ngettext("{n} idea", "{n} ideas", ideas).format(n=ideas),
            actions=ngettext("{n} action", "{n} actions", actions).format(n=actions),
            since=short_date(since, language()),
        ),
        evidence=tuple(event_ref(e) for e in recent),
        suggestion=_(
            "Go through the open ideas with the partners: make each one an action with an "
            "owner and a date, park it with a reason, or drop it."
        ),
    )


def _person_ref(view: View, pk: int) -> Evidence:
    ref = next((p.id for p in view.snap.people if p.pk == pk), "")
    return Evidence(EvidenceKind.PERSON, pk, view.person_name(pk), ref)


def sponsor_absent(view: View, t: Params) -> EarlyWarning | None:
    """A sponsor missed the latest feedback meeting, or their last invitations in a row."""
    sponsors = {p.pk for p in view.snap.people if p.sponsor}
    if not sponsors:
        return None
    feedback = [e for e in view.events if e.kind == EventKind.FEEDBACK_MEETING]
    at_feedback: list[int] = []
    if feedback:
        at_feedback = [
            p.person
            for p in feedback[-1].participants
            if p.person in sponsors and p.invited and not p.attended
        ]
    in_row = int(t["missed_in_row"])
    missing: dict[int, list[Event]] = {}
    for sponsor in sorted(sponsors - set(at_feedback), key=lambda pk: pk or 0):
        invited = [e for e in view.events if _invited(e, sponsor or 0)]
        last = invited[-in_row:]
        if len(last) == in_row and all(not _attended(e, sponsor or 0) for e in last):
            missing[sponsor or 0] = last
    if not at_feedback and not missing:
        return None
    evidence: list[Evidence] = []
    if at_feedback:
        evidence += [_person_ref(view, pk) for pk in at_feedback] + [event_ref(feedback[-1])]
        names = at_feedback + list(missing)
        message = ngettext(
            "The sponsor {names} did not attend the latest feedback meeting.",
            "The sponsors {names} did not attend the latest feedback meeting.",
            len(names),
        )
    else:
        names = list(missing)
        message = (
            ngettext(
                "The sponsor {names} missed the last event they were invited to.",
                "The sponsor {names} missed the last {n} events they were invited to.",
                in_row,
            )
            if len(names) == 1
            else ngettext(
                "The sponsors {names} missed the last event they were invited to.",
                "The sponsors {names} missed the last {n} events they were invited to.",
                in_row,
            )
        )
    for pk, events in missing.items():
        evidence += [_person_ref(view, pk)] + [event_ref(e) for e in events]
    return EarlyWarning(
        id="sponsor-absent",
        severity=Severity.CRITICAL if at_feedback else Severity.WARNING,
        message=message.format(n=in_row, names=", ".join(view.person_name(pk) for pk in names)),
        evidence=tuple(dict.fromkeys(evidence)),
        suggestion=_(
            "Meet the sponsor in person: show what has been achieved so far and book the next "
            "feedback meeting in their calendar now."
        ),
    )


def _invited(e: Event, person: int) -> bool:
    return any(p.person == person and p.invited for p in e.participants)


def _attended(e: Event, person: int) -> bool:
    return any(p.person == person and p.attended for p in e.participants)


def no_feedback(view: View, t: Params) -> EarlyWarning | None:
    """Long in commitment or execution with no feedback of accomplishments to the partners."""
    active = view.active_days()
    if active <= t["active_days"]:
        return None
    meetings = [e for e in view.events if e.kind == EventKind.FEEDBACK_MEETING]
    given = [r.generated_on for r in view.snap.reports if r.generated_on <= view.day]
    given += [e.day for e in meetings]
    given += [
        n.day
        for n in view.entries
        if n.type == EntryType.ACCOMPLISHMENT and n.visibility == Visibility.SHARED
    ]
    last = max(given, default=None)
    if last is not None and last >= view.day - timedelta(days=int(t["window_days"])):
        return None
    if last is None:
        message = ngettext(
            "The partners have had no feedback on what has been achieved in {n} day of "
            "commitment and execution.",
            "The partners have had no feedback on what has been achieved in {n} days of "
            "commitment and execution.",
            active,
        ).format(n=active)
    else:
        ago = (view.day - last).days
        message = ngettext(
            "The partners have had no feedback on what has been achieved since {day} "
            "({n} day ago).",
            "The partners have had no feedback on what has been achieved since {day} "
            "({n} days ago).",
            ago,
        ).format(day=short_date(last, language()), n=ago)
    return EarlyWarning(
        id="no-feedback",
        severity=Severity.WARNING,
        message=message,
        evidence=(event_ref(meetings[-1]),) if meetings else (),
        suggestion=_(
            "Prepare a short feedback report of accomplishments so far and present it at the "
            "next partner meeting."
        ),
    )


def commitment_falling(view: View, t: Params) -> EarlyWarning | None:
    """An organization's commitment rating fell clearly below its own recent level."""
    previous = int(t["previous"])
    evidence: list[Evidence] = []
    drops: list[str] = []
    for org in view.snap.organizations:
        series = _commitment_series(view, org.pk or 0)
        if len(series) < previous + 1:
            continue
        (latest_event, latest), before = series[-1], series[-previous - 1 : -1]
        baseline = sum(v for _e, v in before) / len(before)
        if baseline - latest < t["drop"] - _EPS:
            continue
        drops.append(
            _("{org} from {before:.1f} to {now:.1f}").format(
                org=org.name, before=baseline, now=latest
            )
        )
        evidence.append(Evidence(EvidenceKind.ORGANIZATION, org.pk or 0, org.name, org.id))
        evidence += [event_ref(e) for e, _v in [*before, (latest_event, latest)]]
    if not drops:
        return None
    return EarlyWarning(
        id="commitment-falling",
        severity=Severity.WARNING,
        message=_("Commitment is falling: {details}.").format(details="; ".join(drops)),
        evidence=tuple(dict.fromkeys(evidence)),
        suggestion=_(
            "Ask that side what has changed — workload, people, or doubts about the benefits — "
            "and whether the plan needs renegotiating."
        ),
    )


def _commitment_series(view: View, org: int) -> list[tuple[Event, float]]:
    """(event, mean commitment rating of ``org`` there) for each rated event, in order."""
    series = []
    for e in view.events:
        values = [
            r.value
            for r in e.ratings
            if r.organization == org and r.dimension == Dimension.COMMITMENT
        ]
        if values:
            series.append((e, sum(values) / len(values)))
    return series


def no_assessment(view: View, t: Params) -> EarlyWarning | None:
    """The phase in force has run for a long time without anyone assessing how it goes."""
    start, phase = view.spell_start(), view.phase
    if start is None or phase is None or view.spell_days() <= t["phase_days"]:
        return None
    in_phase = [e for e in view.events if e.day >= start]
    pks = {e.pk for e in in_phase}
    assessed = any(n.event in pks and n.type == EntryType.ASSESSMENT for n in view.entries)
    if assessed or any(e.ratings for e in in_phase):
        return None
    return EarlyWarning(
        id="no-assessment",
        severity=Severity.INFO,
        message=ngettext(
            "The {phase} phase has lasted {days} day without an assessment entry or a rating.",
            "The {phase} phase has lasted {days} days without an assessment entry or a rating.",
            view.spell_days(),
        ).format(phase=phase_name(phase).lower(), days=view.spell_days()),
        evidence=(),
        suggestion=_(
            "Ask both sides at the next meeting how efficient and how fair the work feels, and "
            "record their ratings."
        ),
    )
