"""Writing one partnership of the diary as an exchange file (format version 1).

The output is canonical: the same diary content always gives the same JSON, apart from
``exported_at``. Optional fields without a value are left out; records in the deleted items are
not exported, and a reference to one (an action's source entry, a checklist mark's evidence) is
left out with it, so that every exported file imports again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from app.domain import (
    Action,
    ChecklistMark,
    Entry,
    Event,
    FeedbackReport,
    Objective,
    Partnership,
    Person,
    Rating,
)
from app.exchange.errors import single
from app.exchange.parse import FORMAT, VERSION
from app.i18n import _
from app.persistence import actions, entries, events, partnerships, records


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    """Leave out optional fields that hold nothing."""
    return {k: v for k, v in d.items() if v is not None}


def _number(value: float) -> int | float:
    # Ratings are stored as REAL; a whole number is written as the file wrote it: 4, not 4.0.
    return int(value) if float(value).is_integer() else value


class _Ids:
    """Database keys of one partnership's records → their stable text ids."""

    def __init__(self) -> None:
        self.orgs: dict[int, str] = {}
        self.people: dict[int, str] = {}
        self.entries: dict[int, str] = {}

    def person(self, pk: int | None) -> str | None:
        return self.people.get(pk) if pk is not None else None


def _partnership(p: Partnership, objectives: list[Objective], ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": p.id,
            "name": p.name,
            "description": p.description,
            "started_on": p.started_on.isoformat(),
            "language": p.language,
            "phases": [
                _compact({"phase": m.phase.value, "from": m.from_on.isoformat(), "note": m.note})
                for m in p.phases
            ],
            "objectives": [
                _compact(
                    {
                        "id": o.id,
                        "text": o.text,
                        "indicator": o.indicator,
                        "target": o.target,
                        "due_on": o.due_on.isoformat() if o.due_on else None,
                        "owner": ids.person(o.owner),
                    }
                )
                for o in objectives
            ]
            or None,
        }
    )


def _person(p: Person, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": p.id,
            "name": p.name,
            "organization": ids.orgs[p.organization],
            "title": p.title,
            "level": p.level.value if p.level else None,
            "sponsor": p.sponsor,
            "pseudonym": p.pseudonym,
        }
    )


def _rating(r: Rating, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "organization": ids.orgs[r.organization],
            "dimension": r.dimension.value,
            "value": _number(r.value),
            "respondent": ids.person(r.respondent),
        }
    )


def _entry(e: Entry) -> dict[str, Any]:
    return _compact(
        {
            "id": e.id,
            "type": e.type.value,
            "text": e.text,
            "visibility": e.visibility.value if e.visibility else None,
            "tensions": [t.value for t in e.tensions] or None,
        }
    )


def _event(e: Event, its_entries: list[Entry], ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": e.id,
            "kind": e.kind.value,
            "title": e.title,
            "date": e.when,
            "duration_minutes": e.duration_minutes,
            "phase": e.phase.value if e.phase else None,
            "purpose": e.purpose,
            "participants": [
                {"person": ids.people[p.person], "invited": p.invited, "attended": p.attended}
                for p in e.participants
            ],
            "entries": [_entry(n) for n in its_entries],
            "ratings": [_rating(r, ids) for r in e.ratings] or None,
        }
    )


def _action(a: Action, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": a.id,
            "text": a.text,
            "owner": ids.person(a.owner),
            "organization": ids.orgs.get(a.organization) if a.organization else None,
            "created_on": a.created_on.isoformat(),
            "due_on": a.due_on.isoformat() if a.due_on else None,
            "status": a.status.value,
            "done_on": a.done_on.isoformat() if a.done_on else None,
            "source_entry": ids.entries.get(a.source_entry) if a.source_entry else None,
        }
    )


def _mark(m: ChecklistMark, live_ids: set[str]) -> dict[str, Any]:
    return _compact(
        {
            "item": m.item,
            "done_on": m.done_on.isoformat(),
            "note": m.note,
            # Evidence in the deleted items is not exported, so the reference goes with it.
            "evidence": m.evidence if m.evidence in live_ids else None,
        }
    )


def _report(r: FeedbackReport) -> dict[str, Any]:
    return _compact(
        {
            "id": r.id,
            "generated_on": r.generated_on.isoformat(),
            "audience": r.audience,
            "sections": list(r.sections) if r.sections is not None else None,
            "sha256": r.sha256,
        }
    )


class EventStream:
    """The events of an export with their entries, read from the diary one event at a time as
    the file is written (``files.save_file``): 200,000 entries are never in memory at once."""

    def __init__(self, db: Database, live_events: list[Event], ids: _Ids) -> None:
        self.db, self.events, self.ids = db, live_events, ids

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for e in self.events:
            yield _event(e, entries.list_entries(self.db, e.pk or 0), self.ids)


def export_stream(db: Database, pk: int) -> dict[str, Any]:
    """The partnership with key ``pk`` as an exchange-format document whose ``events`` is an
    ``EventStream``: write it with ``save_file`` or ``write_document`` while the diary is open.
    """
    p = partnerships.get_partnership(db, pk)
    if p is None:
        raise single(_("There is no partnership with key {pk} in this diary.").format(pk=pk))
    ids = _Ids()
    orgs = partnerships.list_organizations(db, pk)
    ids.orgs = {o.pk: o.id for o in orgs if o.pk is not None}
    people = partnerships.list_people(db, pk)
    ids.people = {x.pk: x.id for x in people if x.pk is not None}
    live_events = events.list_events(db, pk, with_details=True)
    plan = actions.list_actions(db, pk)
    # Only the entries the plan points at: the live ones among them keep their reference.
    sources = [a.source_entry for a in plan if a.source_entry is not None]
    ids.entries = entries.live_entry_ids(db, pk, sources)
    marks = records.list_checklist_marks(db, pk)
    evidence = [m.evidence for m in marks if m.evidence is not None]
    live_ids = {e.id for e in live_events} | entries.live_entry_ids_among(db, pk, evidence)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "partnership": _partnership(p, partnerships.list_objectives(db, pk), ids),
        "organizations": [{"id": o.id, "name": o.name, "role": o.role.value} for o in orgs],
        "people": [_person(x, ids) for x in people],
        "events": EventStream(db, live_events, ids),
        "actions": [_action(a, ids) for a in plan],
        "checklist": [_mark(m, live_ids) for m in marks],
        "reports": [_report(r) for r in records.list_feedback_reports(db, pk)],
    }


def export_partnership(db: Database, pk: int) -> dict[str, Any]:
    """The partnership with key ``pk`` as an exchange-format document (a JSON-ready dict)."""
    doc = export_stream(db, pk)
    doc["events"] = list(doc["events"])
    return doc
