"""Warnings from a real diary: the snapshot loader, thresholds, acknowledgement and its return."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import (
    Action,
    Entry,
    EntryType,
    Event,
    EventKind,
    Organization,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Role,
    ValidationError,
)
from app.persistence import actions, entries, events, partnerships
from app.persistence.diary import Diary
from app.rules import Severity
from app.services import warnings


def _setup(diary: Diary) -> int:
    with diary.write() as db:
        p = Partnership("Pilot", date(2025, 1, 1))
        p.phases = [
            PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1)),
            PhaseMove(Phase.COMMITMENT, date(2025, 2, 1)),
        ]
        pk = partnerships.insert_partnership(db, p)
        c = Organization("Employer", Role.CUSTOMER)
        partnerships.insert_organization(db, pk, c)
        o = Organization("OHS", Role.PROVIDER)
        partnerships.insert_organization(db, pk, o)
        partnerships.insert_person(db, pk, Person("Cara", c.pk or 0, sponsor=True))
        partnerships.insert_person(db, pk, Person("Pete", o.pk or 0, sponsor=True))
        ev = Event(EventKind.WORKSHOP, "Values workshop", "2025-02-10T09:00")
        events.insert_event(db, pk, ev)
        for n in range(3):
            entries.insert_entry(db, pk, Entry(ev.pk or 0, EntryType.IDEA, f"idea {n}"))
        actions.insert_action(
            db, pk, Action("Write plan", date(2025, 2, 5), due_on=date(2025, 3, 1))
        )
    return pk


def test_snapshot_holds_what_the_rules_need(diary: Diary) -> None:
    pk = _setup(diary)
    snap = warnings.load_snapshot(diary.db, pk)
    assert [e.day for e in snap.entries] == [date(2025, 2, 10)] * 3
    assert len(snap.people) == 2 and len(snap.actions) == 1
    with pytest.raises(LookupError):
        warnings.load_snapshot(diary.db, 999)


def test_review_as_of_dates(diary: Diary) -> None:
    pk = _setup(diary)
    early = {r.warning.id for r in warnings.review(diary.db, pk, date(2025, 2, 9))}
    assert "drifting-boat" not in early and "objectives-unspecified" in early
    later = {r.warning.id: r for r in warnings.review(diary.db, pk, date(2025, 3, 5))}
    assert {"drifting-boat", "overdue-actions", "roles-unclear"} <= set(later)
    # the only action has no owner: roles are unclear; one late action is not yet critical
    assert later["overdue-actions"].warning.severity == Severity.WARNING


def test_an_acknowledged_unchanged_warning_stays_quiet_until_it_turns_critical(
    diary: Diary,
) -> None:
    pk = _setup(diary)
    day = date(2025, 3, 5)
    seen = next(r for r in warnings.review(diary.db, pk, day) if r.warning.id == "overdue-actions")
    warnings.acknowledge(diary, pk, seen.warning, day, None)
    later = {r.warning.id: r for r in warnings.review(diary.db, pk, date(2025, 4, 30))}
    assert later["overdue-actions"].acknowledged  # unchanged: the same action, the same severity
    with diary.write() as db:
        for text in ("Book room", "Send invitations"):
            actions.insert_action(
                db, pk, Action(text, date(2025, 3, 6), owner=None, due_on=date(2025, 3, 20))
            )
    back = {r.warning.id: r for r in warnings.review(diary.db, pk, date(2025, 4, 30))}
    assert back["overdue-actions"].warning.severity == Severity.CRITICAL  # 3 of 3 late
    assert not back["overdue-actions"].acknowledged


def test_acknowledged_warning_returns_when_worse(diary: Diary) -> None:
    pk = _setup(diary)
    day = date(2025, 3, 5)
    roles = next(r for r in warnings.review(diary.db, pk, day) if r.warning.id == "roles-unclear")
    assert warnings.warning_count(diary.db, pk, day) == 4
    warnings.acknowledge(diary, pk, roles.warning, day, "  owner found next week ")
    again = {r.warning.id: r for r in warnings.review(diary.db, pk, day)}
    assert again["roles-unclear"].acknowledged
    assert again["roles-unclear"].ack is not None
    assert again["roles-unclear"].ack.note == "owner found next week"
    assert again["roles-unclear"].as_json()["acknowledged"] is True
    assert warnings.warning_count(diary.db, pk, day) == 3
    # as of before the acknowledgement it still counts
    assert warnings.warning_count(diary.db, pk, date(2025, 3, 4)) == 4
    # more evidence: a second action without an owner
    with diary.write() as db:
        actions.insert_action(db, pk, Action("Book room", date(2025, 3, 5)))
    back = {r.warning.id: r for r in warnings.review(diary.db, pk, day)}
    assert not back["roles-unclear"].acknowledged
    assert [a.note for a in warnings.history(diary.db, pk)] == ["owner found next week"]


def test_thresholds_per_partnership(diary: Diary) -> None:
    pk = _setup(diary)
    with pytest.raises(ValidationError, match=r"drifting-boat\.events"):
        warnings.set_thresholds(diary, pk, {"drifting-boat": {"events": 0}})
    with pytest.raises(ValidationError, match="no such warning rule"):
        warnings.set_thresholds(diary, pk, {"drifting": {}})
    assert warnings.thresholds(diary.db, pk)["drifting-boat"]["min_ideas"] == 3
    warnings.set_thresholds(diary, pk, {"drifting-boat": {"min_ideas": 4}})
    assert warnings.thresholds(diary.db, pk)["drifting-boat"]["min_ideas"] == 4
    ids = {r.warning.id for r in warnings.review(diary.db, pk, date(2025, 3, 5))}
    assert "drifting-boat" not in ids
