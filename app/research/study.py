"""One partnership as a researcher receives it: pseudonymized, ready to be written out.

``build_study`` reads a partnership and replaces

- every person by a stable pseudonym, ``P01``, ``P02``… in the order the people were entered,
  keeping their title, side (the role of their organization), level and sponsorship;
- every organization by its role ("Customer", "Provider"; numbered when two share one);
- every name inside free text (event titles, entries) with the name matching of the
  anonymous partner report (``app.report.names.Namer``): all inflected forms of a person's
  name become the pseudonym, an organization's name its role.

Private entries are left out unless ``include_private`` is asked for; then they are kept and
marked. The facilitator's own notes beside the entries (event purposes, phase notes) never
leave. What the study holds is plain data: ``app.research.qdpx`` and ``app.research.table``
write it as a REFI-QDA project, a spreadsheet or a CSV file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from app.domain import EntryType, EventKind, Level, Phase, Role, Tension, Visibility
from app.domain.labels import role_name
from app.i18n import _
from app.persistence import entries, events, partnerships
from app.persistence.shared import SharedOrganization, SharedPerson
from app.report.names import Namer

Tr = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class StudyOrganization:
    key: str  # what the organization is called in the study: its role, numbered if shared
    role: Role


@dataclass(frozen=True, slots=True)
class StudyPerson:
    key: str  # the pseudonym, P01…
    title: str  # with names hidden
    organization: str  # the organization's key
    side: Role
    level: Level | None
    sponsor: bool


@dataclass(frozen=True, slots=True)
class StudyEntry:
    id: str
    type: EntryType
    tensions: tuple[Tension, ...]
    visibility: Visibility
    text: str  # with names hidden


@dataclass(frozen=True, slots=True)
class StudyEvent:
    id: str
    title: str  # with names hidden
    when: str
    kind: EventKind
    phase: Phase | None  # the event's own phase, else the phase in force on its date
    attended: tuple[str, ...]  # pseudonyms of the people who attended
    entries: tuple[StudyEntry, ...]


@dataclass(frozen=True, slots=True)
class Study:
    id: str  # the partnership's id (not a name)
    title: str  # a neutral title: the partnership's name is not kept
    organizations: tuple[StudyOrganization, ...]
    people: tuple[StudyPerson, ...]
    events: tuple[StudyEvent, ...]
    include_private: bool

    @property
    def entry_count(self) -> int:
        return sum(len(e.entries) for e in self.events)


def pseudonym(index: int) -> str:
    """The pseudonym of the ``index``-th person (0-based): P01… P99, then P100…"""
    return f"P{index + 1:02d}"


def build_study(
    db: Database, partnership_pk: int, *, include_private: bool = False, tr: Tr = _
) -> Study | None:
    """The pseudonymized study of partnership ``partnership_pk``; None when it does not exist."""
    partnership = partnerships.get_partnership(db, partnership_pk)
    if partnership is None:
        return None
    orgs = partnerships.list_organizations(db, partnership_pk)
    people = partnerships.list_people(db, partnership_pk)
    org_keys = _organization_keys([(o.pk or 0, o.role) for o in orgs], tr)
    people_keys = {p.pk or 0: pseudonym(i) for i, p in enumerate(people)}
    namer = Namer(
        [
            SharedPerson(p.pk or 0, p.name, p.organization, p.title, people_keys[p.pk or 0], False)
            for p in people
        ],
        [SharedOrganization(o.pk or 0, o.name, o.role) for o in orgs],
        hide=True,
        anonymous=True,
        tr=tr,
    )
    roles = {o.pk or 0: o.role for o in orgs}
    study_people = tuple(
        StudyPerson(
            key=people_keys[p.pk or 0],
            title=namer.text(p.title or ""),
            organization=org_keys.get(p.organization, ""),
            side=roles.get(p.organization, Role.OTHER),
            level=p.level,
            sponsor=p.sponsor,
        )
        for p in people
    )
    by_event: dict[int, list[StudyEntry]] = {}
    for _when, n in entries.list_partnership_entries(db, partnership_pk):
        visibility = n.visibility or Visibility.SHARED
        if visibility == Visibility.PRIVATE and not include_private:
            continue
        study_entry = StudyEntry(n.id, n.type, n.tensions, visibility, namer.text(n.text))
        by_event.setdefault(n.event, []).append(study_entry)
    study_events = tuple(
        StudyEvent(
            id=e.id,
            title=namer.text(e.title),
            when=e.when,
            kind=e.kind,
            phase=e.phase or partnership.phase_on(e.day),
            attended=tuple(
                people_keys[p.person]
                for p in e.participants
                if p.attended and p.person in people_keys
            ),
            entries=tuple(by_event.get(e.pk or 0, ())),
        )
        for e in events.list_events(db, partnership_pk, with_details=True)
    )
    return Study(
        id=partnership.id,
        title=namer.partnership(partnership.name),
        organizations=tuple(StudyOrganization(org_keys[o.pk or 0], o.role) for o in orgs),
        people=study_people,
        events=study_events,
        include_private=include_private,
    )


def _organization_keys(orgs: list[tuple[int, Role]], tr: Tr) -> dict[int, str]:
    """Each organization's role as its name; "Customer 1", "Customer 2" when two share one."""
    shared = Counter(role for _pk, role in orgs)
    seen: Counter[Role] = Counter()
    keys: dict[int, str] = {}
    for pk, role in orgs:
        seen[role] += 1
        name = role_name(role, tr)
        keys[pk] = f"{name} {seen[role]}" if shared[role] > 1 else name
    return keys
