"""Creating and editing a partnership with its organizations and people, and its overview.

The partnership dialog works on a ``PartnershipDraft``: plain data that ``check_draft``
validates (each problem names its field, e.g. ``organizations[1].people[0].name``) and that
``create_partnership`` / ``update_partnership`` store in one transaction. ``overview`` gathers
what the overview page and ``kumppani status`` show about a partnership on a given day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain import (
    Event,
    Level,
    Organization,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Role,
)
from app.domain.model import CycleDecision
from app.domain.snapshot import Snapshot
from app.domain.validation import (
    Problem,
    check_organization,
    check_partnership,
    check_person,
    ensure,
)
from app.i18n import _
from app.persistence import partnerships as rows
from app.persistence.diary import Diary
from app.persistence.snapshots import load_snapshot


@dataclass
class PersonDraft:
    name: str
    title: str | None = None
    level: Level | None = None
    sponsor: bool = False
    pk: int | None = None
    email: str | None = None


@dataclass
class OrganizationDraft:
    name: str
    role: Role
    people: list[PersonDraft] = field(default_factory=list)
    pk: int | None = None


@dataclass
class PartnershipDraft:
    """What the partnership dialog edits. ``pk`` is None for a partnership not yet stored."""

    name: str
    started_on: date
    description: str | None = None
    language: str = "en"
    initial_phase: Phase = Phase.NEGOTIATION
    organizations: list[OrganizationDraft] = field(default_factory=list)
    pk: int | None = None
    # What the partners want in the end, and what the pilot tests of it (the report sets the
    # two side by side); a side's questionnaire mean prints only with this many respondents.
    vision: str | None = None
    pilot_scope: str | None = None
    min_group_size: int = 3
    # Optional: when the partners plan the cycle to end (the cycle-decision warning asks then).
    planned_end_on: date | None = None


# The range of the minimum group size (the schema's CHECK says the same).
GROUP_SIZES = (2, 50)


def _prefixed(prefix: str, problems: list[Problem]) -> list[Problem]:
    return [Problem(f"{prefix}.{p.field}", p.message) for p in problems]


def _phase_history(draft: PartnershipDraft, existing: list[PhaseMove]) -> list[PhaseMove]:
    """The draft's first phase move (its start) followed by the later moves already stored."""
    first = PhaseMove(draft.initial_phase, draft.started_on)
    if existing:
        first.note, first.pk = existing[0].note, existing[0].pk
        first.confirmed_open = existing[0].confirmed_open
    return [first, *existing[1:]]


def check_draft(draft: PartnershipDraft, existing: list[PhaseMove] | None = None) -> list[Problem]:
    """Every problem of the draft, each naming its field; ``existing`` is the stored history."""
    partnership = Partnership(
        name=draft.name,
        started_on=draft.started_on,
        description=draft.description,
        language=draft.language,
        phases=_phase_history(draft, existing or []),
        planned_end_on=draft.planned_end_on,
    )
    problems = []
    for p in check_partnership(partnership):
        if p.field.startswith("phases["):
            # The only phase move the dialog edits is the first, dated by the start date.
            problems.append(Problem("started_on", _("must not be after the later phase moves")))
        else:
            problems.append(p)
    low, high = GROUP_SIZES
    if not low <= draft.min_group_size <= high:
        problems.append(
            Problem(
                "min_group_size",
                _("must be from {low} to {high}").format(low=low, high=high),
            )
        )
    if not draft.organizations:
        problems.append(
            Problem("organizations", _("a partnership needs at least one organization"))
        )
    for i, org in enumerate(draft.organizations):
        prefix = f"organizations[{i}]"
        problems += _prefixed(prefix, check_organization(Organization(org.name, org.role)))
        for j, person in enumerate(org.people):
            checked = Person(
                name=person.name, organization=0, title=person.title, email=_clean(person.email)
            )
            problems += _prefixed(f"{prefix}.people[{j}]", check_person(checked))
    return problems


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _store_organizations(diary: Diary, partnership_pk: int, draft: PartnershipDraft) -> None:
    db = diary.db
    # The dialog does not edit stable ids or pseudonyms; stored people keep theirs.
    stored_people = {p.pk: p for p in rows.list_people(db, partnership_pk)}
    for org_draft in draft.organizations:
        org = Organization(org_draft.name.strip(), org_draft.role, pk=org_draft.pk)
        if org.pk is None:
            org_draft.pk = rows.insert_organization(db, partnership_pk, org)
        else:
            rows.update_organization(db, org)
        for person_draft in org_draft.people:
            person = Person(
                name=person_draft.name.strip(),
                organization=org_draft.pk or 0,
                title=_clean(person_draft.title),
                level=person_draft.level,
                sponsor=person_draft.sponsor,
                pk=person_draft.pk,
                email=_clean(person_draft.email),
            )
            old = stored_people.get(person.pk)
            if old is None:
                person_draft.pk = rows.insert_person(db, partnership_pk, person)
            else:
                person.id, person.pseudonym = old.id, old.pseudonym
                rows.update_person(db, person)


def create_partnership(diary: Diary, draft: PartnershipDraft) -> int:
    """Store a new partnership, its first phase, organizations and people; returns its key."""
    ensure(check_draft(draft))
    partnership = Partnership(
        name=draft.name.strip(),
        started_on=draft.started_on,
        description=_clean(draft.description),
        language=draft.language,
        phases=[PhaseMove(draft.initial_phase, draft.started_on)],
        vision=_clean(draft.vision),
        pilot_scope=_clean(draft.pilot_scope),
        min_group_size=draft.min_group_size,
        planned_end_on=draft.planned_end_on,
    )
    with diary.write() as db:
        draft.pk = rows.insert_partnership(db, partnership)
        _store_organizations(diary, draft.pk, draft)
    return draft.pk


def update_partnership(diary: Diary, draft: PartnershipDraft) -> None:
    """Store the edited draft: fields, the first phase move, organizations and people.

    Organizations and people missing from the draft are kept: they may be referred to by events
    and actions, so the dialog only adds and edits them.
    """
    if draft.pk is None:
        raise ValueError("update_partnership needs a stored partnership")
    stored = rows.get_partnership(diary.db, draft.pk)
    if stored is None:
        raise LookupError(draft.pk)
    history = _phase_history(draft, stored.phases)
    ensure(check_draft(draft, stored.phases))
    stored.name = draft.name.strip()
    stored.description = _clean(draft.description)
    stored.started_on = draft.started_on
    stored.language = draft.language
    stored.vision = _clean(draft.vision)
    stored.pilot_scope = _clean(draft.pilot_scope)
    stored.min_group_size = draft.min_group_size
    stored.planned_end_on = draft.planned_end_on
    with diary.write() as db:
        rows.update_partnership(db, stored)
        first = history[0]
        if first.pk is None:
            rows.add_phase(db, draft.pk, first)
        else:
            rows.update_phase(db, first)
        _store_organizations(diary, draft.pk, draft)


def load_draft(diary: Diary, pk: int) -> PartnershipDraft | None:
    """The stored partnership as a draft for the edit dialog; None when there is none."""
    stored = rows.get_partnership(diary.db, pk)
    if stored is None:
        return None
    people = rows.list_people(diary.db, pk)
    organizations = [
        OrganizationDraft(
            name=org.name,
            role=org.role,
            pk=org.pk,
            people=[
                PersonDraft(p.name, p.title, p.level, p.sponsor, pk=p.pk, email=p.email)
                for p in people
                if p.organization == org.pk
            ],
        )
        for org in rows.list_organizations(diary.db, pk)
    ]
    return PartnershipDraft(
        name=stored.name,
        started_on=stored.started_on,
        description=stored.description,
        language=stored.language,
        initial_phase=stored.phases[0].phase if stored.phases else Phase.NEGOTIATION,
        organizations=organizations,
        pk=pk,
        vision=stored.vision,
        pilot_scope=stored.pilot_scope,
        min_group_size=stored.min_group_size,
        planned_end_on=stored.planned_end_on,
    )


# -- the overview ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganizationSummary:
    organization: Organization
    people: list[Person]

    @property
    def sponsors(self) -> list[Person]:
        return [p for p in self.people if p.sponsor]


@dataclass(frozen=True)
class Overview:
    """What the overview page shows of a partnership as of ``as_of``."""

    partnership: Partnership
    as_of: date
    phase: Phase | None
    organizations: list[OrganizationSummary]
    events: int
    open_actions: int
    overdue_actions: int
    latest_events: list[Event]
    last_event_on: date | None
    event_days: list[date]
    # The partners' latest end-of-cycle decision taken by ``as_of`` (None: none yet).
    decision: CycleDecision | None = None


def overview(diary: Diary, pk: int, as_of: date, latest: int = 6) -> Overview | None:
    """The overview of partnership ``pk`` using only what is dated on or before ``as_of``."""
    snapshot = load_snapshot(diary.db, pk)
    return overview_of(snapshot, as_of, latest) if snapshot is not None else None


def overview_of(snapshot: Snapshot, as_of: date, latest: int = 6) -> Overview:
    """The overview of a loaded partnership as the diary stood on ``as_of`` (its as-of rule)."""
    cut = snapshot.until(as_of)
    partnership = snapshot.partnership  # the whole phase history: the timeline draws it
    organizations = [
        OrganizationSummary(org, [p for p in cut.people if p.organization == org.pk])
        for org in cut.organizations
    ]
    events = list(cut.events)
    return Overview(
        partnership=partnership,
        as_of=as_of,
        phase=partnership.phase_on(as_of),
        organizations=organizations,
        events=len(events),
        open_actions=sum(a.is_open_on(as_of) for a in cut.actions),
        overdue_actions=sum(a.is_overdue_on(as_of) for a in cut.actions),
        latest_events=list(reversed(events[-latest:])),
        last_event_on=events[-1].day if events else None,
        event_days=[e.day for e in events],
        decision=cut.cycle_decisions[-1] if cut.cycle_decisions else None,
    )


def add_person(
    diary: Diary, partnership_pk: int, organization_pk: int, name: str, title: str | None = None
) -> int:
    """Add one person to an organization of the partnership (for example a name the report
    review found in the text); raises ``ValidationError`` for an empty name."""
    person = Person(name=name.strip(), organization=organization_pk, title=_clean(title))
    ensure(check_person(person))
    with diary.write() as db:
        return rows.insert_person(db, partnership_pk, person)
