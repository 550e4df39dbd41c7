"""How people and organizations are named in a report, on three levels:

- names shown: as typed;
- names hidden: people by pseudonym, or by title and organization ("HR director (Tehdas Oy)"),
  in every form their names take in free text (``app.names``); an organization named after a
  person (a sole trader, "Tmi Jyrki Kärkkäinen") by its role;
- anonymous: also every organization by its role ("the customer") and the partnership by a
  neutral title, for a report that leaves the partnership.

Everything the report prints as text passes through ``Namer.text``; what it replaced and the
words that look like unknown names are collected for review (``Namer.review``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.domain import Role
from app.i18n import N_
from app.names import Candidate, Found, Known, NameMatcher, fold_word, name_candidates
from app.persistence.shared import SharedOrganization, SharedPerson

Tr = Callable[[str], str]

# A side named in running text, and a person named by title and side, when names are hidden.
SIDES = {
    Role.CUSTOMER: N_("the customer"),
    Role.PROVIDER: N_("the provider"),
    Role.FACILITATOR: N_("the facilitator"),
    Role.OTHER: N_("another partner"),
}
TITLED = {
    Role.CUSTOMER: N_("the customer's {title}"),
    Role.PROVIDER: N_("the provider's {title}"),
    Role.FACILITATOR: N_("the facilitator's {title}"),
    Role.OTHER: N_("{title} of another partner"),
}
REPRESENTATIVE = {
    Role.CUSTOMER: N_("a representative of the customer"),
    Role.PROVIDER: N_("a representative of the provider"),
    Role.FACILITATOR: N_("the facilitator"),
    Role.OTHER: N_("a representative of another partner"),
}
# Words of a company's legal form: "Tehdas" alone names Tehdas Oy.
_LEGAL = frozenset(
    [
        "oy",
        "oyj",
        "ab",
        "ltd",
        "inc",
        "ry",
        "ky",
        "ay",
        "tmi",
        "gmbh",
        "as",
        "llc",
        "plc",
        "co",
        "corp",
    ]
)
# A sole trader's firm carries its owner's name: "Tmi Jyrki Kärkkäinen Fysio".
_SOLE_TRADER = re.compile(r"^\s*(?:t:?mi|toiminimi)\s+(\S+\s+\S+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NameReview:
    """What hiding names did to a report: replacements made and words to check."""

    replaced: tuple[tuple[str, str, int], ...] = ()  # (as written, replaced by, how often)
    candidates: tuple[Candidate, ...] = ()


class Namer:
    """Resolves people and organizations to what a report prints for them."""

    def __init__(
        self,
        people: Iterable[SharedPerson],
        organizations: Iterable[SharedOrganization],
        *,
        hide: bool,
        tr: Tr,
        anonymous: bool = False,
    ) -> None:
        self._tr = tr
        self._hide = hide or anonymous
        self._anonymous = anonymous
        self._orgs = {o.pk: o for o in organizations}
        self._people = {p.pk: p for p in people}
        self._by_role = _personal_orgs(self._orgs.values(), self._people.values())
        self._org_labels = {pk: self._org_label(o) for pk, o in self._orgs.items()}
        self._labels = {pk: self._label(p) for pk, p in self._people.items()}
        self._matcher = NameMatcher(self._known(), tr("[name hidden]")) if self._hide else None
        self._seen: list[tuple[str, list[Found]]] = []
        self._replaced: Counter[tuple[str, str]] = Counter()

    # -- labels ----------------------------------------------------------------------------

    def _org_label(self, o: SharedOrganization) -> str:
        if self._anonymous or (self._hide and o.pk in self._by_role):
            return self._tr(SIDES[o.role])
        return o.name

    def _label(self, p: SharedPerson) -> str:
        if not self._hide:
            return p.name
        if p.pseudonym and p.pseudonym.strip():
            return p.pseudonym.strip()
        org = self._orgs.get(p.organization)
        title = (p.title or "").strip()
        if org is not None and (self._anonymous or org.pk in self._by_role):
            if title:
                return self._tr(TITLED[org.role]).format(title=_inside_sentence(title))
            return self._tr(REPRESENTATIVE[org.role])
        name = org.name if org else ""
        tr = self._tr  # spelled tr( so the message extractor finds the messages
        if title:
            return tr("{title} ({organization})").format(title=title, organization=name)
        return tr("Representative of {organization}").format(organization=name)

    def _known(self) -> list[Known]:
        known = [Known(pk, self._labels[pk], (p.name,)) for pk, p in self._people.items()]
        for pk, o in self._orgs.items():
            if self._org_labels[pk] == o.name:
                continue
            core = " ".join(w for w in o.name.split() if fold_word(w) not in _LEGAL)
            label = self._org_labels[pk]
            known.append(Known(("org", pk), label, (o.name, core), phrase=True))
            words = tuple(w for w in core.split() if len(w) >= 4)
            if words:
                known.append(Known(("org", pk), label, words, capitalized=True))
            owner = _SOLE_TRADER.match(o.name)
            # The owner's name in a sole trader's firm, unless the owner is a known person.
            people = (n for k in known if not k.phrase for n in k.names)
            if owner and not any(_same_name(n, owner.group(1)) for n in people):
                known.append(Known(("owner", pk), self._org_labels[pk], (owner.group(1),)))
        return known

    # -- what the report prints ------------------------------------------------------------

    def person(self, pk: int | None) -> str | None:
        return self._labels.get(pk) if pk is not None else None

    def organization(self, pk: int | None) -> str | None:
        return self._org_labels.get(pk) if pk is not None else None

    def names_organization(self, pk: int) -> bool:
        """Whether the report prints the organization's own name (not only its role)."""
        o = self._orgs.get(pk)
        return o is not None and self._org_labels[pk] == o.name

    def side_of(self, person_pk: int | None) -> int | None:
        """The organization a person belongs to."""
        p = self._people.get(person_pk) if person_pk is not None else None
        return p.organization if p else None

    def label_names_side(self, person_pk: int | None) -> bool:
        """Whether the person's printed label already names their organization or its role
        (a title or representative label does; a name or a pseudonym does not)."""
        p = self._people.get(person_pk) if person_pk is not None else None
        return bool(self._hide and p and not (p.pseudonym and p.pseudonym.strip()))

    def organization_of(self, person_pk: int | None) -> str | None:
        p = self._people.get(person_pk) if person_pk is not None else None
        return self._org_labels.get(p.organization) if p else None

    def partnership(self, name: str) -> str:
        """The partnership's name: a neutral title when anonymous, else with names hidden."""
        if self._anonymous:
            tr = self._tr  # spelled tr( for the message extractor
            return tr("A co-creation partnership")
        return self.text(name)

    def author(self, author: str) -> str:
        """The author typed for the PDF: left out of an anonymous report."""
        return "" if self._anonymous else self.text(author.strip())

    def text(self, text: str) -> str:
        """Free text with people's (and, when anonymous, organizations') names replaced."""
        if self._matcher is None or not text:
            return text
        found = self._matcher.find(text)
        self._seen.append((text, found))
        hidden = self._matcher.hide(text, found)
        for r in hidden.replacements:
            self._replaced[(r.original, r.label)] += 1
        return hidden.text

    def review(self, vocabulary: Iterable[str] = ()) -> NameReview:
        """The replacements made so far and the words that may be names nobody entered;
        ``vocabulary`` holds more words known not to be names (the partnership's name…)."""
        # An organization printed by its role is to be hidden: a word of its name left in the
        # text ("Tukku" of Pohjolan Tukku Oy) is worth a look, so it is not vocabulary.
        shown = [o.name for pk, o in self._orgs.items() if self.names_organization(pk)]
        vocabulary = [*vocabulary, *shown]
        vocabulary += [p.title or "" for p in self._people.values()]
        vocabulary += [p.pseudonym or "" for p in self._people.values()]
        replaced = sorted(self._replaced.items(), key=lambda kv: (-kv[1], kv[0]))
        return NameReview(
            tuple((o, label, n) for (o, label), n in replaced),
            tuple(name_candidates(self._seen, vocabulary)),
        )


def _same_name(a: str, b: str) -> bool:
    return fold_word(" ".join(a.split())) == fold_word(" ".join(b.split()))


def _inside_sentence(title: str) -> str:
    """A title as it reads after "the customer's": lower case unless it starts with an
    acronym (HR manager)."""
    if len(title) > 1 and title[1].isupper():
        return title
    return title[:1].lower() + title[1:]


def _personal_orgs(orgs: Iterable[SharedOrganization], people: Iterable[SharedPerson]) -> set[int]:
    """Organizations whose name is a person's: a sole trader's firm, or one holding the name of
    someone known (they are named by their role once names are hidden)."""
    matcher = NameMatcher([Known(p.pk, "", (p.name,)) for p in people], "")
    return {o.pk for o in orgs if _SOLE_TRADER.match(o.name) or matcher.find(o.name)}
