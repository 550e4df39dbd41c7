"""Importing a partnership file into a diary: all of it in one transaction, or nothing.

The whole file is validated first (``parse``); only then is anything written, inside one
``diary.write()``. A partnership whose id is already in the diary is refused unless the caller
asks for a copy (every id renewed) or a replacement (the old partnership removed in the same
transaction).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, Protocol

from sqlite_utils import Database

from app.domain.model import new_id
from app.exchange import team, travel
from app.exchange.errors import AlreadyInDiary
from app.exchange.parse import Parsed, parse
from app.exchange.questionnaires import store_questionnaires
from app.exchange.stream import CheckedFile, store_additions, store_checked
from app.i18n import _
from app.persistence import (
    actions,
    entries,
    events,
    partnerships,
    records,
)
from app.persistence.diary import Diary

Mode = Literal["refuse", "copy", "replace"]


class HasId(Protocol):
    id: str


MODES: tuple[Mode, ...] = ("refuse", "copy", "replace")


def _renew_ids(parsed: Parsed) -> None:
    """Give every record a fresh id; text-id references follow their targets."""
    # Old id → record, taken before renaming: the records then carry their new ids.
    targets = {e.id: e for e in parsed.events} | {n.id: n for n in parsed.entries}
    orgs = {o.id: o for o in parsed.organizations}
    evidence = _evidence_records(parsed)
    groups: list[Sequence[HasId]] = [
        [parsed.partnership],
        parsed.objectives,
        [m for o in parsed.objectives for m in o.measurements],
        parsed.cycle_decisions,
        parsed.organizations,
        parsed.people,
        parsed.events,
        [a for e in parsed.events for a in e.agenda],
        parsed.entries,
        parsed.actions,
        parsed.reports,
        parsed.questionnaires.waves,
        [r for _position, r in parsed.questionnaires.responses],
    ]
    for group in groups:
        for record in group:
            record.id = new_id()
    for mark in parsed.checklist:
        if mark.evidence is not None:
            mark.evidence = targets[mark.evidence].id
    for report in parsed.reports:
        if report.audience != "all":
            report.audience = orgs[report.audience].id
    for ack in parsed.acknowledgements:
        if ack.evidence is not None:
            ack.evidence = [f"{k.split(':')[0]}:{evidence[k].id}" for k in ack.evidence]
    name = _("{name} (copy)").format(name=parsed.partnership.name)
    parsed.partnership.name = name[:200]


def _evidence_records(parsed: Parsed) -> dict[str, HasId]:
    """The records a warning's evidence may name, by their "kind:id" reference."""
    kinds: list[tuple[str, Sequence[HasId]]] = [
        ("objective", parsed.objectives),
        ("action", parsed.actions),
        ("event", parsed.events),
        ("person", parsed.people),
        ("organization", parsed.organizations),
    ]
    return {f"{kind}:{r.id}": r for kind, group in kinds for r in group}


def _store_v2(db: Database, pk: int, parsed: Parsed, event_pks: list[int]) -> None:
    """What version 2 adds: thresholds, cycle decisions, acknowledgements (after the rest)."""
    pks = {ref: getattr(r, "pk", None) for ref, r in _evidence_records(parsed).items()}
    store_additions(
        db, pk, parsed.thresholds, parsed.cycle_decisions, parsed.acknowledgements, event_pks, pks
    )


def _store(db: Database, parsed: Parsed) -> int:
    """Insert every record of a valid file; references become database keys on the way."""
    pk = partnerships.insert_partnership(db, parsed.partnership)
    org_pks = [partnerships.insert_organization(db, pk, o) for o in parsed.organizations]
    for person in parsed.people:
        person.organization = org_pks[person.organization]
    person_pks = [partnerships.insert_person(db, pk, x) for x in parsed.people]
    for o in parsed.objectives:
        o.owner = person_pks[o.owner] if o.owner is not None else None
        partnerships.insert_objective(db, pk, o)
    event_pks: list[int] = []
    for e in parsed.events:
        for part in e.participants:
            part.person = person_pks[part.person]
        for r in e.ratings:
            r.organization = org_pks[r.organization]
            r.respondent = person_pks[r.respondent] if r.respondent is not None else None
        for item in e.agenda:
            item.presenter = person_pks[item.presenter] if item.presenter is not None else None
        event_pks.append(events.insert_event(db, pk, e))
    entry_pks: list[int] = []
    for n in parsed.entries:
        if n.agenda_item is not None:
            n.agenda_item = parsed.events[n.event].agenda[n.agenda_item].pk
        n.event = event_pks[n.event]
        if n.decision is not None:
            n.decision.agreed_by = [org_pks[o] for o in n.decision.agreed_by]
        entry_pks.append(entries.insert_entry(db, pk, n))
    for a in parsed.actions:
        a.owner = person_pks[a.owner] if a.owner is not None else None
        a.organization = org_pks[a.organization] if a.organization is not None else None
        a.source_entry = entry_pks[a.source_entry] if a.source_entry is not None else None
        actions.insert_action(db, pk, a)
    for mark in parsed.checklist:
        records.upsert_checklist_mark(db, pk, mark)
    for report in parsed.reports:
        report.event = event_pks[report.event] if report.event is not None else None
        records.insert_feedback_report(db, pk, report)
    _store_v2(db, pk, parsed, event_pks)
    store_questionnaires(
        db, pk, parsed.questionnaires, (org_pks, person_pks, event_pks), lambda old: old
    )
    team.store(db, pk, parsed.authors, parsed.audits)
    travel.store(db, parsed.partnership.id, parsed.deleted, parsed.merges)
    return pk


def import_partnership(diary: Diary, data: Any, mode: Mode = "refuse") -> int:
    """Import a partnership file's content (parsed JSON); returns the new partnership's key.

    ``data`` may also be the ``Parsed`` result of ``parse`` (a caller that checked the file
    first need not check it twice); its records are used up by the import. A ``CheckedFile``
    (``stream.check_file``) is read again record by record as it is stored: a file of any size
    is imported in flat memory.

    Raises ``ExchangeError`` when the file has problems, and its subclass ``AlreadyInDiary``
    when the partnership is already in the diary (with ``mode="refuse"``); in both cases
    nothing is changed.
    """
    if mode not in MODES:
        raise ValueError(f"unknown import mode {mode!r}")
    parsed = data if isinstance(data, (Parsed, CheckedFile)) else parse(data)
    existing = partnerships.partnership_pk_by_id(diary.db, parsed.partnership.id)
    if existing is not None and mode == "refuse":
        current = partnerships.get_partnership(diary.db, existing)
        name = current.name if current else parsed.partnership.name
        raise AlreadyInDiary(name, parsed.partnership.id, existing)
    if mode == "copy" and isinstance(parsed, Parsed):
        _renew_ids(parsed)
        parsed.deleted, parsed.merges = [], []
        parsed.audits = {}  # a copy's records are new: written now, by whoever imports
    with diary.write() as db:
        if existing is not None and mode == "replace":
            partnerships.delete_partnership(db, existing)
        if isinstance(parsed, CheckedFile):
            return store_checked(db, parsed, renew=mode == "copy")
        return _store(db, parsed)
