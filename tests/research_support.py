"""A partnership planted for the research export: real names written in many forms inside the
free texts, a private entry with a marker, and a text a spreadsheet would run as a formula.

Not a test module of its own: the research tests import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from names_forms import finnish_forms, without_diacritics

from app.domain import (
    Entry,
    EntryType,
    Event,
    EventKind,
    Level,
    Organization,
    Participant,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Role,
    Tension,
    Visibility,
)
from app.persistence import entries, events, partnerships
from app.persistence.diary import Diary

PRIVATE_MARK = "PRIVATEcanaryZ7"
PEOPLE = (
    ("Mikko Virtanen", 0, "CEO", Level.TOP, True),
    ("Päivi Östman", 1, "Medical director", Level.TOP, True),
    ("Satu Lahti", 0, "HR manager", Level.MIDDLE, False),
)
ORGANIZATIONS = (("Pohjolan Tukku Oy", Role.CUSTOMER), ("Lähde Työterveys", Role.PROVIDER))


def real_name_forms() -> set[str]:
    """Every form of the planted people's names the texts use (and more), for the scan."""
    forms: set[str] = set()
    for name, *_rest in PEOPLE:
        for part in name.split():
            for form in finnish_forms(part):
                forms |= {form, without_diacritics(form)}
    return forms | {"Pohjolan Tukku", "Pohjolan Tukun", "Lähde Työterveys", "Lähteen"}


@dataclass
class Planted:
    pk: int
    texts: list[str] = field(default_factory=list)  # every entry text, in the order written


def plant(diary: Diary) -> Planted:
    with diary.write() as db:
        pk = partnerships.insert_partnership(
            db,
            Partnership(
                "Pohjolan Tukku × Lähde",
                date(2025, 1, 10),
                phases=[
                    PhaseMove(Phase.NEGOTIATION, date(2025, 1, 10)),
                    PhaseMove(Phase.COMMITMENT, date(2025, 3, 1)),
                ],
            ),
        )
        orgs = [
            partnerships.insert_organization(db, pk, Organization(n, r)) for n, r in ORGANIZATIONS
        ]
        people = [
            partnerships.insert_person(
                db, pk, Person(name, orgs[o], title=title, level=level, sponsor=sponsor)
            )
            for name, o, title, level, sponsor in PEOPLE
        ]
        planted = Planted(pk)
        specs = [
            (
                "2025-01-20T13:00",
                EventKind.MEETING,
                "Kick-off with Mikko Virtanen",
                [
                    (
                        EntryType.NOTE,
                        "Mikon mielestä Päivin ehdotus on hyvä; Virtasen tiimi aloittaa.",
                        (),
                    ),
                    (
                        EntryType.IDEA,
                        "Sadulle ja Lahden tiimille oma työpaja Pohjolan Tukun varastolla.",
                        (Tension.EXPLORATION,),
                    ),
                    (
                        EntryType.DECISION,
                        "=SUM(A1) is how Päivi Östman wrote the budget line.",
                        (Tension.ROLES, Tension.LOGICS),
                    ),
                ],
            ),
            (
                "2025-03-05",
                EventKind.INTERVIEW,
                "Interview",
                [
                    (
                        EntryType.OBSERVATION,
                        "Östmanin mukaan Lähde Työterveys joustaa.",
                        (Tension.ROLES,),
                    ),
                    (
                        EntryType.NOTE,
                        f"{PRIVATE_MARK}: Mikolle ei kerrottu, ja PAIVI oli vihainen.",
                        (),
                    ),
                ],
            ),
        ]
        for when, kind, title, written in specs:
            event_pk = events.insert_event(
                db,
                pk,
                Event(
                    kind,
                    title,
                    when,
                    participants=[Participant(p, attended=True) for p in people[:2]],
                ),
            )
            for kind_, text, tensions in written:
                visibility = Visibility.PRIVATE if PRIVATE_MARK in text else Visibility.SHARED
                entries.insert_entry(
                    db, pk, Entry(event_pk, kind_, text, visibility, tensions=tensions)
                )
                planted.texts.append(text)
    return planted
