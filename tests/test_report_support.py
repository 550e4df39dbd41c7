"""A partnership for report tests with a unique marker in every private and every shared field.

Not a test module of its own: the report tests import ``plant`` from here. It writes through
the real repositories into a real diary file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from pypdf import PdfReader

from app.domain import (
    Action,
    ActionStatus,
    ChecklistMark,
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
    Visibility,
)
from app.persistence import actions, entries, events, partnerships, records
from app.persistence.diary import Diary


@dataclass
class Planted:
    pk: int
    shared: list[str] = field(default_factory=list)
    private: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def _people(db: object, pk: int, cust: int, prov: int, planted: Planted) -> list[int]:
    specs = [
        ("Helmi Haapaniemi", cust, "HR director", None, True),
        ("Oskari Lindqvist", prov, "Occupational physician", "Doctor A", True),
        ("Áilu Ŋuvttá Čalmmiid", cust, None, None, False),
        ("Pertti Tuominen", prov, "Service manager", "Provider lead", False),
    ]
    pks = []
    for name, org, title, pseudo, sponsor in specs:
        person = Person(name, org, title=title, pseudonym=pseudo, sponsor=sponsor)
        pks.append(partnerships.insert_person(db, pk, person))  # type: ignore[arg-type]
        planted.names.append(name)
    planted.labels += ["HR director", "Doctor A", "Provider lead"]
    return pks


def plant(diary: Diary) -> Planted:
    """Write the marked partnership; returns its key and the markers to look for."""
    with diary.write() as db:
        p = Partnership(
            "Marker Partnership",
            date(2025, 1, 10),
            description="PRIVdescriptionQ1",
            phases=[
                PhaseMove(Phase.NEGOTIATION, date(2025, 1, 10), note="PRIVphasenoteQ2"),
                PhaseMove(Phase.COMMITMENT, date(2025, 4, 1), note="PRIVphasenoteQ3"),
                PhaseMove(Phase.EXECUTION, date(2025, 9, 1)),
            ],
        )
        pk = partnerships.insert_partnership(db, p)
        planted = Planted(pk, private=["PRIVdescriptionQ1", "PRIVphasenoteQ2", "PRIVphasenoteQ3"])
        cust = partnerships.insert_organization(db, pk, Organization("Tehdas Oy", Role.CUSTOMER))
        prov = partnerships.insert_organization(db, pk, Organization("Terveys Ab", Role.PROVIDER))
        people = _people(db, pk, cust, prov, planted)
        partnerships.insert_objective(
            db, pk, Objective("SHRDobjectiveQ4", indicator="SHRDindicatorQ5", owner=people[0])
        )
        planted.shared += ["SHRDobjectiveQ4", "SHRDindicatorQ5"]
        _events(db, pk, cust, prov, people, planted)
        records.upsert_checklist_mark(
            db, pk, ChecklistMark("shrdchecklistQ6", date(2025, 5, 2), note="PRIVchecknoteQ7")
        )
        planted.shared.append("ShrdchecklistQ6")
        planted.private.append("PRIVchecknoteQ7")
        db.execute(
            "INSERT INTO warning_acks (partnership_pk, warning, acknowledged_on, severity, note) "
            "VALUES (?, 'no-feedback', '2025-06-01', 'warning', 'PRIVacknoteQ8')",
            [pk],
        )
        planted.private.append("PRIVacknoteQ8")
    return planted


def _events(db: object, pk: int, cust: int, prov: int, people: list[int], planted: Planted) -> None:
    specs = [
        ("2025-01-20", EventKind.MEETING, 3.0, 4.0),
        ("2025-03-15T13:00", EventKind.WORKSHOP, 3.5, 4.0),
        ("2025-06-10", EventKind.QUESTIONNAIRE, 4.0, 4.5),
        ("2025-10-05", EventKind.MEETING, 4.5, 4.0),
    ]
    for i, (when, kind, c, v) in enumerate(specs):
        # The questionnaire's answers are one person's per side (too few for a mean in a
        # report); at the other events the facilitator rated each side (exempt, and charted).
        asked = kind == EventKind.QUESTIONNAIRE
        ratings = [
            Rating(cust, Dimension.COMMITMENT, c, respondent=people[0] if asked else None),
            Rating(prov, Dimension.COMMITMENT, v, respondent=people[1] if asked else None),
            Rating(cust, Dimension.EQUITY, 3.0),
            Rating(prov, Dimension.EQUITY, 4.0),
        ]
        ev = Event(
            kind,
            f"SHRDevent{i}Q9",
            when,
            purpose=f"PRIVpurpose{i}Q10",
            participants=[Participant(pp, attended=True) for pp in people],
            ratings=ratings,
        )
        event_pk = events.insert_event(db, pk, ev)  # type: ignore[arg-type]
        planted.shared.append(f"SHRDevent{i}Q9")
        planted.private.append(f"PRIVpurpose{i}Q10")
        if i == 1:
            _entries(db, pk, event_pk, planted)
    future = Event(EventKind.FEEDBACK_MEETING, "SHRDupcomingQ11", "2026-02-01")
    events.insert_event(db, pk, future)  # type: ignore[arg-type]
    gone = Event(EventKind.MEETING, "PRIVdeletedeventQ12", "2025-05-05")
    gone_pk = events.insert_event(db, pk, gone)  # type: ignore[arg-type]
    entries.insert_entry(  # type: ignore[arg-type]
        db, pk, Entry(gone_pk, EntryType.DECISION, "PRIVindeletedeventQ13", Visibility.SHARED)
    )
    events.set_event_deleted(db, gone_pk, True)  # type: ignore[arg-type]
    planted.shared.append("SHRDupcomingQ11")
    planted.private += ["PRIVdeletedeventQ12", "PRIVindeletedeventQ13"]
    _actions(db, pk, people, planted)


def _entries(db: object, pk: int, event_pk: int, planted: Planted) -> None:
    for t in EntryType:
        private = f"PRIV{t.value}Q14"
        shared = f"SHRD{t.value}Q15"
        entries.insert_entry(  # type: ignore[arg-type]
            db, pk, Entry(event_pk, t, private, Visibility.PRIVATE, (Tension.LOGICS,))
        )
        entries.insert_entry(  # type: ignore[arg-type]
            db, pk, Entry(event_pk, t, shared, Visibility.SHARED, (Tension.ROLES,))
        )
        planted.private.append(private)
        planted.shared.append(shared)
    mention = "SHRDmentionQ21 agreed with Helmi Haapaniemi and Pertti\nTuominen. Oskarin idea."
    entries.insert_entry(db, pk, Entry(event_pk, EntryType.NOTE, mention, Visibility.SHARED))  # type: ignore[arg-type]
    planted.shared.append("SHRDmentionQ21")
    deleted = Entry(event_pk, EntryType.NOTE, "PRIVdeletedentryQ16", Visibility.SHARED)
    epk = entries.insert_entry(db, pk, deleted)  # type: ignore[arg-type]
    entries.set_entry_deleted(db, epk, True)  # type: ignore[arg-type]
    planted.private.append("PRIVdeletedentryQ16")


def _actions(db: object, pk: int, people: list[int], planted: Planted) -> None:
    specs = [
        ("SHRDactiondoneQ17", ActionStatus.DONE, date(2025, 2, 1), date(2025, 3, 1)),
        ("SHRDactionopenQ18", ActionStatus.OPEN, date(2025, 12, 1), None),
        ("SHRDactionlateQ19", ActionStatus.IN_PROGRESS, date(2025, 7, 1), None),
    ]
    for i, (text, status, due, done) in enumerate(specs):
        a = Action(text, date(2025, 1, 20), status, owner=people[i], due_on=due, done_on=done)
        actions.insert_action(db, pk, a)  # type: ignore[arg-type]
        planted.shared.append(text)
    gone = Action("PRIVdeletedactionQ20", date(2025, 1, 20), owner=people[0])
    apk = actions.insert_action(db, pk, gone)  # type: ignore[arg-type]
    actions.set_action_deleted(db, apk, True)  # type: ignore[arg-type]
    planted.private.append("PRIVdeletedactionQ20")


def pdf_text(pdf: bytes) -> str:
    """Every text a reader of the PDF can get at: pages, metadata and the outline."""
    reader = PdfReader(io.BytesIO(pdf))
    parts = [page.extract_text() or "" for page in reader.pages]
    meta = reader.metadata or {}
    parts += [str(v) for v in meta.values()]

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                parts.append(str(getattr(item, "title", "")))

    walk(list(reader.outline))
    return "\n".join(parts)
