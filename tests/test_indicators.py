"""Derived indicators and the commitment series, computed from a hand-built partnership."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import (
    Action,
    ActionStatus,
    Dimension,
    Entry,
    EntryType,
    Event,
    EventKind,
    FeedbackReport,
    Organization,
    Participant,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Rating,
    Role,
)
from app.domain.snapshot import Snapshot
from app.indicators import (
    actions_on_time,
    days_since_feedback,
    idea_conversion,
    sponsor_attendance,
)
from app.persistence.diary import Diary
from app.series import MarkerKind, build_series, commitment_series, measures

CUST, PROV = 1, 2
BOSS_C, BOSS_P, WORKER_C = 11, 12, 13


def event(pk: int, day: str, kind: EventKind = EventKind.MEETING, **kw: object) -> Event:
    return Event(kind, f"Event {pk}", day, pk=pk, **kw)  # type: ignore[arg-type]


def snapshot(events: list[Event], **kw: object) -> Snapshot:
    partnership = Partnership(
        "Demo",
        date(2025, 1, 1),
        phases=[
            PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1)),
            PhaseMove(Phase.COMMITMENT, date(2025, 3, 1)),
        ],
        pk=1,
    )
    orgs = [
        Organization("Employer", Role.CUSTOMER, pk=CUST),
        Organization("OHS", Role.PROVIDER, pk=PROV),
        Organization("Facilitator", Role.FACILITATOR, pk=3),
    ]
    people = [
        Person("Boss C", CUST, sponsor=True, pk=BOSS_C),
        Person("Boss P", PROV, sponsor=True, pk=BOSS_P),
        Person("Worker C", CUST, pk=WORKER_C),
    ]
    return Snapshot(partnership, orgs, people, events, **kw)  # type: ignore[arg-type]


def invite(attended_c: bool, attended_p: bool) -> list[Participant]:
    return [
        Participant(BOSS_C, invited=True, attended=attended_c),
        Participant(BOSS_P, invited=True, attended=attended_p),
    ]


def test_sponsor_attendance_is_a_window_of_the_latest_five_invited_events() -> None:
    pattern = [True, True, True, True, True, False, False]
    events = [
        event(i, f"2025-0{i}-01", participants=invite(a, True)) for i, a in enumerate(pattern, 1)
    ]
    events.append(event(8, "2025-08-01"))  # no sponsor invited: no point
    lines = {
        ln.organization_pk: ln for ln in sponsor_attendance(snapshot(events), date(2025, 8, 1))
    }
    customer = lines[CUST].points
    assert [p.event_pk for p in customer] == [1, 2, 3, 4, 5, 6, 7]
    assert [p.value for p in customer] == [100, 100, 100, 100, 100, 80, 60]
    assert [p.n for p in customer] == [1, 2, 3, 4, 5, 5, 5]
    assert {p.value for p in lines[PROV].points} == {100}
    assert 3 not in lines  # the facilitator's organization gets no line


def test_actions_on_time_count_due_actions_by_organization_or_owner() -> None:
    actions = [
        # on time (organization from the owner)
        Action("a", date(2025, 1, 1), ActionStatus.DONE, owner=WORKER_C,
               due_on=date(2025, 2, 1), done_on=date(2025, 1, 30)),
        # late
        Action("b", date(2025, 1, 1), ActionStatus.DONE, organization=CUST,
               due_on=date(2025, 2, 1), done_on=date(2025, 2, 10)),
        # still open and due later
        Action("c", date(2025, 1, 1), owner=BOSS_C, due_on=date(2025, 4, 1)),
        # dropped: left out
        Action("d", date(2025, 1, 1), ActionStatus.DROPPED, organization=CUST,
               due_on=date(2025, 1, 15), done_on=date(2025, 1, 20)),
    ]  # fmt: skip
    events = [event(1, "2025-01-20"), event(2, "2025-03-01"), event(3, "2025-05-01")]
    lines = actions_on_time(snapshot(events, actions=actions), date(2025, 5, 1))
    customer = lines[0].points
    assert [(p.event_pk, p.value, p.n) for p in customer] == [
        (2, 50.0, 2),
        (3, pytest.approx(100 / 3), 3),
    ]
    assert lines[1].points == ()


def test_idea_conversion_is_partnership_wide() -> None:
    events = [event(1, "2025-01-10"), event(2, "2025-02-10")]
    entries = [
        Entry(1, EntryType.IDEA, "idea one", pk=101),
        Entry(1, EntryType.IDEA, "idea two", pk=102),
        Entry(2, EntryType.NOTE, "not an idea", pk=103),
    ]
    actions = [Action("from idea one", date(2025, 2, 1), source_entry=101)]
    (line,) = idea_conversion(snapshot(events, entries=entries, actions=actions), date(2025, 2, 10))
    assert line.organization_pk is None
    assert [(p.value, p.n) for p in line.points] == [(0.0, 2), (50.0, 2)]


def test_days_since_feedback_per_organization() -> None:
    fb = event(2, "2025-03-01", EventKind.FEEDBACK_MEETING,
               participants=[Participant(BOSS_P, attended=True), Participant(BOSS_C, attended=False)])  # fmt: skip
    events = [event(1, "2025-01-31"), fb, event(3, "2025-03-11")]
    reports = [FeedbackReport(date(2025, 4, 1), audience="all")]
    lines = days_since_feedback(snapshot(events, reports=reports), date(2025, 4, 11))
    customer = {p.day: p.value for p in lines[0].points}
    provider = {p.day: p.value for p in lines[1].points}
    assert customer[date(2025, 1, 31)] == 30  # since the start: no feedback yet
    assert customer[date(2025, 3, 11)] == 69  # the customer's sponsor missed the meeting
    assert provider[date(2025, 3, 11)] == 10
    assert customer[date(2025, 4, 1)] == 0 and customer[date(2025, 4, 11)] == 10


def test_dimension_series_lines_gap_bands_and_markers() -> None:
    r = Dimension.COMMITMENT
    events = [
        event(1, "2025-02-01", ratings=[Rating(CUST, r, 4), Rating(PROV, r, 4)]),
        event(2, "2025-04-01", EventKind.QUESTIONNAIRE, ratings=[
            Rating(CUST, r, 2, respondent=BOSS_C), Rating(CUST, r, 3),
            Rating(PROV, r, 4, respondent=BOSS_P), Rating(PROV, r, 5),
        ]),
        event(3, "2025-05-01", EventKind.PILOT),
        event(4, "2025-06-01", EventKind.FEEDBACK_MEETING),
    ]  # fmt: skip
    series = build_series(snapshot(events), "commitment")
    customer = series.line(CUST)
    assert customer is not None
    assert [(p.day, p.value, p.n, p.event_pk) for p in customer.points] == [
        (date(2025, 2, 1), 4.0, 1, 1),
        (date(2025, 4, 1), 2.5, 2, 2),
    ]
    assert [(g.gap, g.flagged) for g in series.gap] == [(0.0, False), (-2.0, True)]
    assert [(b.phase, b.start, b.end) for b in series.bands] == [
        ("negotiation", date(2025, 1, 1), date(2025, 3, 1)),
        ("commitment", date(2025, 3, 1), date(2025, 6, 1)),
    ]
    kinds = [(m.kind, m.event_pk) for m in series.markers]
    assert (MarkerKind.PILOT, 3) in kinds and (MarkerKind.FEEDBACK_MEETING, 4) in kinds
    assert sum(k == MarkerKind.PHASE_MOVE for k, _ in kinds) == 2
    assert (series.y_min, series.y_max, series.gap_flag) == (1.0, 5.0, 0.5)


def test_unknown_measure_is_refused_and_every_measure_builds() -> None:
    with pytest.raises(ValueError, match="Unknown measure"):
        build_series(snapshot([]), "loyalty")
    for key, label in measures():
        assert label
        assert build_series(snapshot([event(1, "2025-02-01")]), key).measure == key


def test_series_as_of_leaves_out_later_events(diary: Diary) -> None:
    from app.persistence import events as event_repo
    from app.persistence import partnerships as partnership_repo

    with diary.write() as db:
        pk = partnership_repo.insert_partnership(db, Partnership("P", date(2025, 1, 1)))
        org = Organization("Employer", Role.CUSTOMER)
        partnership_repo.insert_organization(db, pk, org)
        for day, v in (("2025-02-01", 4), ("2025-06-01", 2)):
            ratings = [Rating(org.pk or 0, Dimension.EQUITY, v)]
            event_repo.insert_event(db, pk, Event(EventKind.MEETING, day, day, ratings=ratings))
    full = commitment_series(diary.db, pk, "equity")
    early = commitment_series(diary.db, pk, "equity", as_of=date(2025, 3, 1))
    assert full is not None and early is not None
    assert [p.value for p in full.lines[0].points] == [4, 2]
    assert [p.value for p in early.lines[0].points] == [4]
    assert commitment_series(diary.db, 999) is None
