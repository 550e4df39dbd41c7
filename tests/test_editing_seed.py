"""A small partnership for the diary tests, built through the real repositories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import (
    Organization,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Role,
)
from app.persistence import partnerships
from app.persistence.diary import Diary


@dataclass
class Seed:
    partnership: int
    customer: int
    provider: int
    anna: int
    pekka: int


def seed(diary: Diary) -> Seed:
    """Two organizations with one person each, negotiation from 2024-01-10."""
    with diary.write() as db:
        pk = partnerships.insert_partnership(
            db,
            Partnership(
                name="Wholesale & OH",
                started_on=date(2024, 1, 10),
                phases=[
                    PhaseMove(Phase.NEGOTIATION, date(2024, 1, 10)),
                    PhaseMove(Phase.COMMITMENT, date(2024, 3, 1)),
                ],
            ),
        )
        customer = partnerships.insert_organization(db, pk, Organization("Tukku Oy", Role.CUSTOMER))
        provider = partnerships.insert_organization(
            db, pk, Organization("Työterveys Ab", Role.PROVIDER)
        )
        anna = partnerships.insert_person(db, pk, Person("Anna Ääninen", customer))
        pekka = partnerships.insert_person(db, pk, Person("Pekka Virta", provider))
    return Seed(pk, customer, provider, anna, pekka)


def test_seed_builds_a_partnership(diary: Diary) -> None:
    s = seed(diary)
    assert [p.name for p in partnerships.list_people(diary.db, s.partnership)] == [
        "Anna Ääninen",
        "Pekka Virta",
    ]
