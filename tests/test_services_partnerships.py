"""Creating, editing and summarising a partnership through the service, on a real diary file."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import Action, ActionStatus, Event, EventKind, Level, Phase, PhaseMove, Role
from app.domain.validation import ValidationError
from app.persistence import actions as action_rows
from app.persistence import events as event_rows
from app.persistence import partnerships as rows
from app.persistence.diary import Diary
from app.services.partnerships import (
    OrganizationDraft,
    PartnershipDraft,
    PersonDraft,
    check_draft,
    create_partnership,
    load_draft,
    overview,
    update_partnership,
)


def _draft() -> PartnershipDraft:
    return PartnershipDraft(
        name="  Wellbeing at Work  ",
        started_on=date(2024, 1, 15),
        description="Joint development",
        language="fi",
        initial_phase=Phase.NEGOTIATION,
        organizations=[
            OrganizationDraft(
                "Acme Oy",
                Role.CUSTOMER,
                [PersonDraft("Anna Aho", "HR director", Level.TOP, sponsor=True)],
            ),
            OrganizationDraft(
                "Terveys Oy", Role.PROVIDER, [PersonDraft("Pekka P", None, Level.OPERATIONAL)]
            ),
        ],
    )


def test_create_stores_everything_in_one_write(diary: Diary) -> None:
    seen: list[int] = []
    diary.subscribe(lambda _changes: seen.append(diary.changes))
    pk = create_partnership(diary, _draft())

    assert seen == [1]  # one transaction, one notification
    stored = rows.get_partnership(diary.db, pk)
    assert stored is not None
    assert stored.name == "Wellbeing at Work"
    assert stored.language == "fi"
    assert [(m.phase, m.from_on) for m in stored.phases] == [(Phase.NEGOTIATION, date(2024, 1, 15))]
    orgs = rows.list_organizations(diary.db, pk)
    assert [(o.name, o.role) for o in orgs] == [
        ("Acme Oy", Role.CUSTOMER),
        ("Terveys Oy", Role.PROVIDER),
    ]
    people = rows.list_people(diary.db, pk)
    assert [(p.name, p.organization, p.sponsor, p.level) for p in people] == [
        ("Anna Aho", orgs[0].pk, True, Level.TOP),
        ("Pekka P", orgs[1].pk, False, Level.OPERATIONAL),
    ]


def test_invalid_draft_names_fields_and_stores_nothing(diary: Diary) -> None:
    draft = _draft()
    draft.name = "   "
    draft.organizations[1].people[0].name = ""
    problems = check_draft(draft)
    assert [p.field for p in problems] == ["name", "organizations[1].people[0].name"]
    with pytest.raises(ValidationError):
        create_partnership(diary, draft)
    assert rows.list_partnerships(diary.db) == []
    assert diary.changes == 0


def test_edit_updates_fields_first_phase_and_adds_people(diary: Diary) -> None:
    pk = create_partnership(diary, _draft())
    draft = load_draft(diary, pk)
    assert draft is not None
    assert draft.organizations[0].people[0].name == "Anna Aho"
    person_id = rows.list_people(diary.db, pk)[0].id

    draft.name = "Renamed"
    draft.started_on = date(2024, 1, 10)
    draft.initial_phase = Phase.COMMITMENT
    draft.organizations[0].people[0].title = "CEO"
    draft.organizations[1].people.append(PersonDraft("New Person", sponsor=True))
    update_partnership(diary, draft)

    stored = rows.get_partnership(diary.db, pk)
    assert stored is not None
    assert stored.name == "Renamed"
    assert [(m.phase, m.from_on) for m in stored.phases] == [(Phase.COMMITMENT, date(2024, 1, 10))]
    people = rows.list_people(diary.db, pk)
    assert [(p.name, p.title) for p in people] == [
        ("Anna Aho", "CEO"),
        ("Pekka P", None),
        ("New Person", None),
    ]
    assert people[0].id == person_id  # the stable id survives an edit


def test_start_date_after_a_later_phase_move_is_refused(diary: Diary) -> None:
    pk = create_partnership(diary, _draft())
    with diary.write() as db:
        rows.add_phase(db, pk, PhaseMove(Phase.COMMITMENT, date(2024, 6, 1)))
    draft = load_draft(diary, pk)
    assert draft is not None
    draft.started_on = date(2024, 7, 1)
    with pytest.raises(ValidationError) as raised:
        update_partnership(diary, draft)
    assert raised.value.problems[0].field == "started_on"
    stored = rows.get_partnership(diary.db, pk)
    assert stored is not None and stored.started_on == date(2024, 1, 15)


def test_overview_counts_only_what_is_dated_by_the_day(diary: Diary) -> None:
    pk = create_partnership(diary, _draft())
    with diary.write() as db:
        rows.add_phase(db, pk, PhaseMove(Phase.COMMITMENT, date(2024, 5, 1)))
        for i, when in enumerate(["2024-02-01", "2024-03-01T09:30", "2024-06-01"]):
            event_rows.insert_event(db, pk, Event(EventKind.MEETING, f"Meeting {i}", when))
        action_rows.insert_action(
            db, pk, Action("Overdue", date(2024, 2, 1), due_on=date(2024, 3, 1))
        )
        action_rows.insert_action(db, pk, Action("Open", date(2024, 2, 1)))
        action_rows.insert_action(
            db,
            pk,
            Action("Done later", date(2024, 2, 1), ActionStatus.DONE, done_on=date(2024, 5, 1)),
        )

    early = overview(diary, pk, date(2024, 4, 1))
    assert early is not None
    assert early.phase is Phase.NEGOTIATION
    assert (early.events, early.open_actions, early.overdue_actions) == (2, 3, 1)
    assert [e.title for e in early.latest_events] == ["Meeting 1", "Meeting 0"]
    assert early.organizations[0].sponsors[0].name == "Anna Aho"

    late = overview(diary, pk, date(2024, 7, 1))
    assert late is not None
    assert late.phase is Phase.COMMITMENT
    assert (late.events, late.open_actions, late.overdue_actions) == (3, 2, 1)
    assert late.last_event_on == date(2024, 6, 1)
    assert overview(diary, pk + 99, date(2024, 7, 1)) is None
