"""A small partnership for the questionnaire tests: two sides and a person on each."""

from __future__ import annotations

from datetime import date

from app.domain import Organization, Partnership, Person, Role
from app.persistence import partnerships as partnership_repo
from app.persistence.diary import Diary


def small_partnership(diary: Diary, min_group_size: int = 2) -> int:
    with diary.write() as db:
        pk = partnership_repo.insert_partnership(
            db,
            Partnership("Pilot", date(2025, 1, 1), id="pilot", min_group_size=min_group_size),
        )
        emp = Organization("Työnantaja Oy", Role.CUSTOMER, id="org-emp")
        ohs = Organization("Terveyspalvelu", Role.PROVIDER, id="org-ohs")
        partnership_repo.insert_organization(db, pk, emp)
        partnership_repo.insert_organization(db, pk, ohs)
        partnership_repo.insert_person(db, pk, Person("Aino Ääninen", emp.pk or 0, id="p-aino"))
        partnership_repo.insert_person(db, pk, Person("Olli", ohs.pk or 0, id="p-olli"))
    return pk


def org_pks(diary: Diary, pk: int) -> dict[str, int]:
    return {o.id: o.pk or 0 for o in partnership_repo.list_organizations(diary.db, pk)}
