"""Every early-warning rule at its boundaries: just below, at and just above each threshold,
and as of dates before and after the records that make it fire."""

from __future__ import annotations

from datetime import date

import pytest
from test_rules_support import Build, day

from app.domain import EntryType, EventKind, FeedbackReport, Objective, Phase, Visibility
from app.domain.enums import ReportKind, ReportStatus
from app.rules import EarlyWarning, EvidenceKind, Severity, evaluate

NEG, COM, EXE = Phase.NEGOTIATION, Phase.COMMITMENT, Phase.EXECUTION


def fired(b: Build, on: date, thresholds: dict | None = None) -> dict[str, EarlyWarning]:
    return {w.id: w for w in evaluate(b.snap, on, thresholds)}


def only(b: Build, rule: str, on: date, thresholds: dict | None = None) -> EarlyWarning | None:
    return fired(b, on, thresholds).get(rule)


# -- objectives-unspecified ----------------------------------------------------------------


def test_objectives_negotiation_lasting_more_than_60_days() -> None:
    b = Build((NEG, 0))
    b.snap.objectives = []
    assert only(b, "objectives-unspecified", day(59)) is None
    assert only(b, "objectives-unspecified", day(60)) is None
    w = only(b, "objectives-unspecified", day(61))
    assert w is not None and "no written objectives" in w.message


def test_objectives_without_indicator_in_commitment_are_evidence() -> None:
    b = Build((NEG, 0), (COM, 10))
    b.snap.objectives.append(Objective("Better wellbeing", indicator="  ", pk=2))
    assert only(b, "objectives-unspecified", day(9)) is None  # negotiation, day 9
    w = only(b, "objectives-unspecified", day(10))
    assert w is not None
    assert [(e.kind, e.pk) for e in w.evidence] == [(EvidenceKind.OBJECTIVE, 2)]
    assert w.message == (
        "1 of 2 objectives is not specific: “Better wellbeing”: no indicator, no target, "
        "no owner, no due date."
    )


def test_an_objective_with_an_indicator_but_no_target_is_not_specific() -> None:
    b = Build((NEG, 0), (COM, 10))
    vague = Objective("Better wellbeing", indicator="survey score", owner=1, pk=2)
    b.snap.objectives.append(vague)
    w = only(b, "objectives-unspecified", day(10))
    assert w is not None and "“Better wellbeing”: no target, no due date." in w.message
    assert [e.pk for e in w.evidence] == [2]
    vague.target, vague.due_on = "3.5 of 5", day(200)
    assert only(b, "objectives-unspecified", day(10)) is None  # all four: specific


def test_objectives_threshold_is_configurable() -> None:
    b = Build((NEG, 0))
    b.snap.objectives = []
    custom = {"objectives-unspecified": {"negotiation_days": 30}}
    assert only(b, "objectives-unspecified", day(30), custom) is None
    assert only(b, "objectives-unspecified", day(31), custom) is not None


# -- roles-unclear --------------------------------------------------------------------------


def test_roles_unclear_when_a_side_has_no_sponsor() -> None:
    b = Build()
    b.snap.people[1].sponsor = False
    assert only(b, "roles-unclear", day(29)) is None  # still negotiating
    w = only(b, "roles-unclear", day(30))
    assert w is not None and "OHS" in w.message
    assert (EvidenceKind.ORGANIZATION, 2) in [(e.kind, e.pk) for e in w.evidence]


def test_roles_unclear_for_an_ownerless_action_only_while_it_is_open() -> None:
    b = Build()
    a = b.action(35, owner=None, done=50)
    assert only(b, "roles-unclear", day(34)) is None  # not created yet
    w = only(b, "roles-unclear", day(49))
    assert w is not None and [e.pk for e in w.evidence] == [a.pk]
    assert only(b, "roles-unclear", day(50)) is None  # done that day


# -- drifting-boat --------------------------------------------------------------------------


def test_drifting_boat_needs_three_ideas_in_the_last_four_events() -> None:
    b = Build()
    b.event(40, ideas=1)
    b.event(41, ideas=1)
    assert only(b, "drifting-boat", day(45)) is None  # 2 ideas: below
    b.event(42, ideas=1)
    w = only(b, "drifting-boat", day(45))  # 3 ideas, none made an action
    assert w is not None and len(w.evidence) == 3
    assert w.message == (
        "No action has been made from 3 of the 3 ideas recorded at the last 3 events "
        "(since 2025-02-10)."
    )


def test_drifting_boat_looks_at_the_last_four_events_only() -> None:
    b = Build()
    b.event(40, ideas=3)
    for n in (41, 42, 43):
        b.event(n)
    assert only(b, "drifting-boat", day(43)) is not None
    b.event(44)  # the ideas fall out of the window of four
    assert only(b, "drifting-boat", day(44)) is None
    assert only(b, "drifting-boat", day(43)) is not None  # as of before that event


def test_drifting_boat_counts_actions_made_from_the_ideas() -> None:
    b = Build()
    ideas = b.ideas_of(b.event(40, ideas=6))
    b.action(41, source=ideas[0])
    assert only(b, "drifting-boat", day(45)) is not None  # 1 of 6 taken up < 6/3
    b.action(42, source=ideas[1])
    assert only(b, "drifting-boat", day(45)) is None  # 2 of 6 = 6/3
    assert only(b, "drifting-boat", day(41)) is not None  # the second was not there yet


def test_drifting_boat_ignores_actions_unrelated_to_the_ideas() -> None:
    b = Build()
    b.event(40, ideas=3)
    for _ in range(5):
        b.action(40)  # actions agreed, but none made from these ideas
    w = only(b, "drifting-boat", day(40))
    assert w is not None and "3 of the 3 ideas" in w.message


def test_drifting_boat_over_two_windows_is_critical() -> None:
    b = Build()
    for n in (40, 41, 42, 43):
        b.event(n, ideas=1)
    w = only(b, "drifting-boat", day(43))
    assert w is not None and w.severity == Severity.WARNING
    for n in (50, 51, 52, 53):
        b.event(n, ideas=1)
    w = only(b, "drifting-boat", day(53))
    assert w is not None and w.severity == Severity.CRITICAL
    assert "The 4 events before them left their ideas without actions too." in w.message
    assert len(w.evidence) == 8
    for pk in b.ideas_of(b.snap.events[0]) + b.ideas_of(b.snap.events[1]):
        b.action(54, source=pk)  # the earlier window: 2 of 4 taken up
    w = only(b, "drifting-boat", day(54))
    assert w is not None and w.severity == Severity.WARNING


def test_drifting_boat_only_in_commitment_or_execution() -> None:
    b = Build((NEG, 0), (COM, 50))
    b.event(40, ideas=5)
    assert only(b, "drifting-boat", day(49)) is None
    assert only(b, "drifting-boat", day(50)) is not None


# -- sponsor-absent -------------------------------------------------------------------------


def test_sponsor_absent_from_the_latest_feedback_meeting_is_critical() -> None:
    b = Build()
    b.event(100, EventKind.FEEDBACK_MEETING, participants=((1, True), (2, True)))
    assert only(b, "sponsor-absent", day(150)) is None
    b.event(200, EventKind.FEEDBACK_MEETING, participants=((1, False), (2, True)))
    assert only(b, "sponsor-absent", day(199)) is None  # before the final meeting
    w = only(b, "sponsor-absent", day(200))
    assert w is not None and w.severity == Severity.CRITICAL
    assert w.message == (
        "The sponsor Cara Customer did not attend the latest feedback meeting, Event on day 200 "
        "(2025-07-20)."
    )
    kinds = {(e.kind, e.pk) for e in w.evidence}
    assert (EvidenceKind.PERSON, 1) in kinds and (EvidenceKind.PERSON, 2) not in kinds


def test_sponsor_missing_two_invitations_in_a_row() -> None:
    b = Build()
    b.event(40, participants=((2, False),))
    assert only(b, "sponsor-absent", day(45)) is None  # one miss
    b.event(50, participants=((2, False),))
    w = only(b, "sponsor-absent", day(50))
    assert w is not None and w.severity == Severity.WARNING
    assert w.message == (
        "The sponsor Pete Provider missed the last 2 events they were invited to: Event on day 40 "
        "(2025-02-10), Event on day 50 (2025-02-20)."
    )
    b.event(60, participants=((2, True),))
    assert only(b, "sponsor-absent", day(60)) is None  # came back


def test_sponsor_absent_not_for_events_they_were_not_invited_to() -> None:
    b = Build()
    b.event(40, participants=((2, False),))
    b.event(45, participants=((1, True),))  # sponsor 2 not on the list
    assert only(b, "sponsor-absent", day(46)) is None
    custom = {"sponsor-absent": {"missed_in_row": 1}}
    assert only(b, "sponsor-absent", day(46), custom) is not None


# -- no-feedback ----------------------------------------------------------------------------


def test_no_feedback_after_more_than_90_days_in_commitment() -> None:
    b = Build()  # commitment from day 30
    assert only(b, "no-feedback", day(120)) is None  # 90 days in commitment
    w = only(b, "no-feedback", day(121))  # 91 days
    assert w is not None and w.severity == Severity.WARNING
    assert w.message == (
        "No feedback has reached the management of Employer in 91 days of commitment and "
        "execution. No feedback has reached the management of OHS in 91 days of commitment "
        "and execution."
    )


def test_no_feedback_counts_all_active_spells() -> None:
    b = Build((NEG, 0), (COM, 10), (NEG, 60), (EXE, 100))
    # 50 days in commitment + 41 in execution = 91 at day 141
    assert only(b, "no-feedback", day(140)) is None
    assert only(b, "no-feedback", day(141)) is not None


@pytest.mark.parametrize("kind", ["report", "meeting"])
def test_feedback_that_reached_management_silences_it_for_90_days(kind: str) -> None:
    b = Build()
    if kind == "report":
        b.report(100)
    else:
        b.event(100, EventKind.FEEDBACK_MEETING, participants=((1, True), (2, True)))
    assert only(b, "no-feedback", day(190)) is None  # 90 days after it
    w = only(b, "no-feedback", day(191))
    assert w is not None
    assert "of Employer since 2025-04-11 (91 days ago)" in w.message
    assert "of OHS since 2025-04-11 (91 days ago)" in w.message
    if kind == "meeting":
        assert [e.kind for e in w.evidence] == [EvidenceKind.EVENT]
        assert w.evidence[0].missed_by == ()


def test_a_feedback_meeting_without_one_sides_sponsor_leaves_that_side_without_feedback() -> None:
    b = Build()
    b.snap.people[1].id = "p-pete"
    b.event(100, EventKind.FEEDBACK_MEETING, participants=((1, True), (2, False)))
    w = only(b, "no-feedback", day(150))
    assert w is not None
    assert w.message == (
        "No feedback has reached the management of OHS in 120 days of commitment and execution."
    )
    assert w.evidence[0].missed_by == ("p-pete",)


def test_accomplishment_entries_alone_are_not_feedback_to_management() -> None:
    b = Build()
    for n in (60, 90, 120):
        b.event(n, entries=((EntryType.ACCOMPLISHMENT, Visibility.SHARED),))
    w = only(b, "no-feedback", day(150))
    assert w is not None and "of Employer in 120 days" in w.message


def test_no_feedback_for_twice_the_window_is_critical() -> None:
    b = Build()
    b.report(40)
    w = only(b, "no-feedback", day(219))
    assert w is not None and w.severity == Severity.WARNING  # 179 days
    w = only(b, "no-feedback", day(220))
    assert w is not None and w.severity == Severity.CRITICAL  # 180 days = twice 90


def test_minutes_given_count_as_feedback_for_the_sides_whose_sponsor_attended() -> None:
    b = Build()
    # Only the employer's sponsor was at the meeting; its minutes were given a week later.
    meeting = b.event(100, participants=((1, True), (2, False)))
    b.snap.reports.append(
        FeedbackReport(day(107), kind=ReportKind.MINUTES, event=meeting.pk, pk=b.next_pk())
    )
    w = only(b, "no-feedback", day(150))
    assert w is not None
    assert w.message == (
        "No feedback has reached the management of OHS in 120 days of commitment and execution."
    )
    b.snap.reports[-1].event = None  # minutes of no known meeting reached nobody
    w = only(b, "no-feedback", day(150))
    assert w is not None and "management of Employer" in w.message


def test_draft_minutes_and_draft_reports_are_not_feedback() -> None:
    b = Build()
    meeting = b.event(100, participants=((1, True), (2, True)))
    draft = ReportStatus.DRAFT
    b.snap.reports += [
        FeedbackReport(day(101), kind=ReportKind.MINUTES, event=meeting.pk, status=draft),
        FeedbackReport(day(102), status=draft),
    ]
    w = only(b, "no-feedback", day(150))
    assert w is not None and "of Employer in 120 days" in w.message
    b.snap.reports[0].status = ReportStatus.GIVEN
    assert only(b, "no-feedback", day(150)) is None


def test_feedback_after_the_date_does_not_count() -> None:
    b = Build()
    b.report(130)
    assert only(b, "no-feedback", day(125)) is not None
    assert only(b, "no-feedback", day(130)) is None


# -- commitment-falling ---------------------------------------------------------------------


@pytest.mark.parametrize(("latest", "fires"), [(3.1, False), (3.0, True), (2.9, True)])
def test_commitment_falling_by_one_point(latest: float, fires: bool) -> None:
    b = Build()
    b.event(40, ratings=((1, 4.0), (2, 4.0)))
    b.event(50, ratings=((1, 4.0),))
    b.event(55)  # not rated: does not count
    b.event(60, ratings=((1, latest), (1, latest)))
    w = only(b, "commitment-falling", day(60))
    assert (w is not None) == fires
    if w:
        assert "Employer" in w.message
        assert (EvidenceKind.ORGANIZATION, 1) in [(e.kind, e.pk) for e in w.evidence]


def test_commitment_falling_uses_the_mean_at_an_event_and_needs_two_before() -> None:
    b = Build()
    b.event(40, ratings=((2, 5.0),))
    b.event(60, ratings=((2, 2.0), (2, 4.0)))  # mean 3
    assert only(b, "commitment-falling", day(60)) is None  # only one before
    b.event(30, ratings=((2, 5.0),))
    assert only(b, "commitment-falling", day(59)) is None  # the fall has not happened yet
    assert only(b, "commitment-falling", day(60)) is not None


# -- one-sided-ownership --------------------------------------------------------------------


def test_one_sided_ownership_needs_five_open_and_over_80_percent() -> None:
    b = Build()
    for _ in range(4):
        b.action(35, owner=1)
    assert only(b, "one-sided-ownership", day(40)) is None  # 4 open: below the minimum
    other = b.action(35, owner=2)
    assert only(b, "one-sided-ownership", day(40)) is None  # 4 of 5 = 80 %: not more
    b.action(36, owner=None, org=1)
    w = only(b, "one-sided-ownership", day(40))  # 5 of 6 = 83 %
    assert w is not None and "Employer" in w.message
    assert only(b, "one-sided-ownership", day(35)) is None  # as of before the sixth
    other.done_on, other.status = day(38), other.status.DONE
    assert only(b, "one-sided-ownership", day(37)) is not None


# -- overdue-actions ------------------------------------------------------------------------


def test_overdue_actions_critical_only_at_half_and_three() -> None:
    b = Build()
    late = b.action(31, due=40)
    for _ in range(3):
        b.action(31, due=90)
    assert only(b, "overdue-actions", day(40)) is None  # due today is not late
    w = only(b, "overdue-actions", day(41))
    assert w is not None and w.severity == Severity.WARNING  # 1 of 4
    assert [e.pk for e in w.evidence] == [late.pk]
    assert w.message == "1 of 4 open actions is past its due date (due 2025-02-10)."
    b.action(31, due=41)
    w = only(b, "overdue-actions", day(42))
    assert w is not None and w.severity == Severity.WARNING  # 2 of 5: neither half nor three
    b.action(31, due=41)
    w = only(b, "overdue-actions", day(42))
    assert w is not None and w.severity == Severity.CRITICAL  # 3 of 6: half, and three
    assert w.message == "3 of 6 open actions are past their due date, the oldest since 2025-02-10."
    b.action(31, due=90)
    w = only(b, "overdue-actions", day(42))
    assert w is not None and w.severity == Severity.WARNING  # 3 of 7: less than half


def test_an_action_done_later_is_overdue_before_then() -> None:
    b = Build()
    b.action(31, due=40, done=60)
    assert only(b, "overdue-actions", day(59)) is not None
    assert only(b, "overdue-actions", day(60)) is None


# -- no-assessment --------------------------------------------------------------------------


def test_no_assessment_after_60_days_in_a_phase() -> None:
    b = Build()  # commitment from day 30
    assert only(b, "no-assessment", day(90)) is None
    w = only(b, "no-assessment", day(91))
    assert w is not None and w.severity == Severity.INFO


def test_an_assessment_or_rating_in_the_phase_silences_it() -> None:
    b = Build()
    b.event(20, entries=((EntryType.ASSESSMENT, Visibility.SHARED),))  # before the phase
    assert only(b, "no-assessment", day(91)) is not None
    b.event(80, ratings=((1, 4.0),))
    assert only(b, "no-assessment", day(91)) is None
    assert only(b, "no-assessment", day(79)) is None  # 49 days: not yet due anyway


# -- the engine -----------------------------------------------------------------------------


def test_a_rule_can_be_switched_off_and_results_are_ordered_by_severity() -> None:
    b = Build()
    b.snap.objectives = []
    for _ in range(3):
        b.action(31, due=35)
    found = evaluate(b.snap, day(100))
    assert found[0].severity == Severity.CRITICAL
    assert [w.severity.rank for w in found] == sorted(
        (w.severity.rank for w in found), reverse=True
    )
    off = {"overdue-actions": {"enabled": 0}}
    assert "overdue-actions" not in {w.id for w in evaluate(b.snap, day(100), off)}


def test_nothing_before_the_first_phase_and_json_shape() -> None:
    b = Build((NEG, 10))
    b.snap.objectives = []
    assert evaluate(b.snap, day(5)) == []
    w = evaluate(b.snap, day(200))[0]
    assert set(w.as_json()) == {"id", "severity", "message", "evidence", "suggestion"}
