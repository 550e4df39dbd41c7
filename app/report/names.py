"""How people are named in a report: by name, or — when names are hidden — by pseudonym or by
title and organization, consistently in tables, participant lists, owners and free text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from app.persistence.shared import SharedOrganization, SharedPerson

# Finnish case endings and English possessives a name may carry in running text ("Päivin",
# "Hannulle", "Anna's"): the whole word is replaced, so no part of the name is left over.
_SUFFIX = r"(?:[:'’]?(?:n|s|a|ä|lle|lta|ltä|lla|llä|ssa|ssä|sta|stä|ksi|na|nä|kin|han|hän))?"


def _flexible(name: str) -> str:
    """A pattern for ``name`` whose words may be separated by any run of whitespace."""
    return r"\s+".join(re.escape(word) for word in name.split())


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
        by_token = self._tokens(tr("[name hidden]")) if hide else {}
        # Longest first, so a full name wins over the given name inside it.
        tokens = sorted(by_token, key=len, reverse=True)
        self._replacements = [by_token[t] for t in tokens]
        # One group per token (its replacement found by the group's number); the parts of a
        # full name may be separated by any whitespace, a line break included.
        self._pattern = (
            re.compile("|".join(rf"(?<!\w)({_flexible(t)}){_SUFFIX}(?!\w)" for t in tokens))
            if tokens
            else None
        )

    def _tokens(self, ambiguous: str) -> dict[str, str]:
        """Full names, and given names and surnames alone, with what replaces them.

        A part shared by two people (two Annas) cannot say who is meant, so it becomes a
        neutral placeholder rather than the wrong person's label.
        """
        found: dict[str, str] = {}
        parts: dict[str, set[int]] = {}
        for pk, p in self._people.items():
            name = " ".join(p.name.split())
            if name:
                found[name] = self._labels[pk]
            for part in name.split():
                if len(part) >= 3:
                    parts.setdefault(part, set()).add(pk)
        for part, owners in parts.items():
            if part not in found:
                found[part] = self._labels[next(iter(owners))] if len(owners) == 1 else ambiguous
        return found

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
        """Free text with people's names replaced by their labels when names are hidden."""
        if self._pattern is None:
            return text

        def label(match: re.Match[str]) -> str:
            return self._replacements[(match.lastindex or 1) - 1]

        return self._pattern.sub(label, text)
