"""How people are named in a report: by name, or — when names are hidden — by pseudonym or by
title and organization, consistently in tables, participant lists, owners and free text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from app.persistence.shared import SharedOrganization, SharedPerson


class Namer:
    """Resolves people to the label a report prints for them."""

    def __init__(
        self,
        people: Iterable[SharedPerson],
        organizations: Iterable[SharedOrganization],
        *,
        hide: bool,
        tr: Callable[[str], str],
    ) -> None:
        self._orgs = {o.pk: o.name for o in organizations}
        self._people = {p.pk: p for p in people}
        self._hide = hide
        self._labels = {pk: self._label(p, tr) for pk, p in self._people.items()}
        # Longest names first so "Anna Maria Virtanen" wins over "Anna Maria".
        names = sorted(
            {p.name.strip() for p in self._people.values() if p.name.strip()}, key=len, reverse=True
        )
        self._by_name = {p.name.strip(): self._labels[p.pk] for p in self._people.values()}
        self._pattern = (
            re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in names), re.IGNORECASE)
            if hide and names
            else None
        )

    def _label(self, p: SharedPerson, tr: Callable[[str], str]) -> str:
        if not self._hide:
            return p.name
        if p.pseudonym and p.pseudonym.strip():
            return p.pseudonym.strip()
        org = self._orgs.get(p.organization, "")
        if p.title and p.title.strip():
            return f"{p.title.strip()}, {org}" if org else p.title.strip()
        return tr("Representative of {organization}").format(organization=org)

    def person(self, pk: int | None) -> str | None:
        return self._labels.get(pk) if pk is not None else None

    def organization(self, pk: int | None) -> str | None:
        return self._orgs.get(pk) if pk is not None else None

    def organization_of(self, person_pk: int | None) -> str | None:
        p = self._people.get(person_pk) if person_pk is not None else None
        return self._orgs.get(p.organization) if p else None

    def text(self, text: str) -> str:
        """Free text with every person's name replaced by their label when names are hidden."""
        if self._pattern is None:
            return text
        lowered = {k.lower(): v for k, v in self._by_name.items()}
        return self._pattern.sub(lambda m: lowered.get(m.group(0).lower(), m.group(0)), text)
