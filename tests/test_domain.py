"""The domain rules: what a valid record is, and the small computations records carry."""

from __future__ import annotations

from datetime import date, time

import pytest

from app.domain import (
    Action,
    ActionStatus,
    Dimension,
    Entry,
    EntryType,
    Event,
    EventKind,
    Objective,
    Organization,
    Participant,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Rating,
    Role,
    Tension,
    ValidationError,
    Visibility,
)
from app.domain.model import format_when, parse_when
from app.domain.validation import (
    check_action,
    check_entry,
    check_event,
    check_objective,
    check_organization,
    check_partnership,
    check_person,
    check_rating,
    check_when,
    ensure,
)

D = date


def _fields(problems: list[object]) -> list[str]:
    return [str(p).split(":")[0] for p in problems]


def _partnership(*moves: tuple[Phase, date]) -> Partnership:
    return Partnership("P", D(2024, 1, 1), phases=[PhaseMove(p, d) for p, d in moves])


def test_phase_in_force_follows_the_history_including_renegotiation() -> None:
    p = _partnership(
        (Phase.NEGOTIATION, D(2024, 1, 1)),
        (Phase.COMMITMENT, D(2024, 3, 1)),
        (Phase.EXECUTION, D(2025, 1, 1)),
        (Phase.NEGOTIATION, D(2025, 6, 1)),
    )
    assert p.phase_on(D(2023, 12, 31)) is None
    assert p.phase_on(D(2024, 1, 1)) is Phase.NEGOTIATION
    assert p.phase_on(D(2024, 2, 29)) is Phase.NEGOTIATION
    assert p.phase_on(D(2024, 3, 1)) is Phase.COMMITMENT
    assert p.phase_on(D(2025, 5, 31)) is Phase.EXECUTION
    assert p.phase_on(D(2025, 6, 1)) is Phase.NEGOTIATION


def test_two_moves_on_one_day_the_later_holds() -> None:
    p = _partnership((Phase.NEGOTIATION, D(2024, 1, 1)), (Phase.COMMITMENT, D(2024, 1, 1)))
    assert p.phase_on(D(2024, 1, 1)) is Phase.COMMITMENT


def test_partnership_rules() -> None:
    good = _partnership((Phase.NEGOTIATION, D(2024, 1, 1)))
    assert check_partnership(good) == []
    bad = Partnership(" ", D(2024, 1, 1), language="sv")
    assert _fields(check_partnership(bad)) == ["name", "language", "phases"]
    backwards = _partnership((Phase.COMMITMENT, D(2024, 5, 1)), (Phase.EXECUTION, D(2024, 4, 1)))
    assert _fields(check_partnership(backwards)) == ["phases[1].from"]
    long = Partnership("x" * 201, D(2024, 1, 1), phases=good.phases)
    assert "at most 200" in str(check_partnership(long)[0])


def test_objective_is_specific_with_indicator_target_owner_and_due_date() -> None:
    assert Objective("Better well-being").lacks() == ("indicator", "target", "owner", "due_on")
    assert not Objective("Better well-being", indicator="  ").is_specific
    measured = Objective("Fewer absences", indicator="days per person")
    assert not measured.is_specific and measured.lacks() == ("target", "owner", "due_on")
    full = Objective("Fewer absences", "days per person", "under 8", D(2025, 12, 31), owner=1)
    assert full.is_specific and full.lacks() == ()
    assert _fields(check_objective(Objective(""))) == ["text"]


def test_organization_and_person_rules() -> None:
    assert check_organization(Organization("Tukku", Role.CUSTOMER)) == []
    assert _fields(check_organization(Organization("", Role.CUSTOMER))) == ["name"]
    assert check_person(Person("Päivi", 1, title="HR manager")) == []
    assert _fields(check_person(Person("Päivi", 1, title="x" * 201))) == ["title"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("2024-02-29", True),
        ("2024-02-29T23:59", True),
        ("2023-02-29", False),
        ("2024-02-29T24:00", False),
        ("2024-2-9", False),
        ("tomorrow", False),
    ],
)
def test_event_dates(text: str, ok: bool) -> None:
    assert (check_when(text) == []) is ok


def test_when_round_trips_between_text_and_values() -> None:
    assert parse_when("2024-03-01T08:05") == (D(2024, 3, 1), time(8, 5))
    assert parse_when("2024-03-01") == (D(2024, 3, 1), None)
    assert format_when(D(2024, 3, 1), time(8, 5)) == "2024-03-01T08:05"
    assert format_when(D(2024, 3, 1), None) == "2024-03-01"


def test_event_rules() -> None:
    event = Event(
        EventKind.MEETING,
        "Kick-off",
        "2024-01-15T09:30",
        duration_minutes=-1,
        participants=[Participant(1), Participant(1)],
        ratings=[Rating(1, Dimension.COMMITMENT, 5.5)],
    )
    assert _fields(check_event(event)) == [
        "duration_minutes",
        "participants[1]",
        "ratings[0].value",
    ]
    assert event.day == D(2024, 1, 15) and event.time == time(9, 30)


@pytest.mark.parametrize(
    ("value", "ok"),
    [(1, True), (5, True), (2.5, True), (0.99, False), (5.01, False), (True, False)],
)
def test_rating_range(value: float, ok: bool) -> None:
    assert (check_rating(Rating(1, Dimension.EQUITY, value)) == []) is ok


def test_entry_visibility_defaults_keep_observations_private() -> None:
    assert Entry(1, EntryType.OBSERVATION, "t").visibility is Visibility.PRIVATE
    assert Entry(1, EntryType.OBSTACLE, "t").visibility is Visibility.PRIVATE
    assert Entry(1, EntryType.IDEA, "t").visibility is Visibility.SHARED
    chosen = Entry(1, EntryType.OBSERVATION, "t", visibility=Visibility.SHARED)
    assert chosen.visibility is Visibility.SHARED
    twice = Entry(1, EntryType.NOTE, "t", tensions=(Tension.ROLES, Tension.ROLES))
    assert _fields(check_entry(twice)) == ["tensions"]
    assert _fields(check_entry(Entry(1, EntryType.NOTE, "   "))) == ["text"]


def test_action_rules() -> None:
    created = D(2024, 5, 1)
    assert check_action(Action("Do", created, due_on=created)) == []
    early_due = Action("Do", created, due_on=D(2024, 4, 30))
    assert _fields(check_action(early_due)) == ["due_on"]
    undated = Action("Do", created, status=ActionStatus.DONE)
    assert _fields(check_action(undated)) == ["done_on"]
    early_done = Action("Do", created, status=ActionStatus.DROPPED, done_on=D(2024, 1, 1))
    assert _fields(check_action(early_done)) == ["done_on"]


def test_action_open_and_overdue_as_of_a_day() -> None:
    action = Action(
        "Do",
        D(2024, 5, 1),
        status=ActionStatus.DONE,
        due_on=D(2024, 5, 10),
        done_on=D(2024, 5, 20),
    )
    assert not action.is_open_on(D(2024, 4, 30))  # not yet created
    assert action.is_open_on(D(2024, 5, 10)) and not action.is_overdue_on(D(2024, 5, 10))
    assert action.is_overdue_on(D(2024, 5, 11))
    assert not action.is_open_on(D(2024, 5, 20))  # done that day
    still_open = Action("Do", D(2024, 5, 1), due_on=D(2024, 5, 10))
    assert still_open.is_overdue_on(D(2030, 1, 1))
    assert ActionStatus.DROPPED.is_closed and not ActionStatus.IN_PROGRESS.is_closed


def test_ensure_lists_every_problem_naming_its_field() -> None:
    ensure([])
    with pytest.raises(ValidationError) as caught:
        ensure(check_partnership(Partnership("", D(2024, 1, 1))))
    message = str(caught.value)
    assert message.splitlines() == [
        "name: must not be empty",
        "phases: a partnership needs at least one phase",
    ]
