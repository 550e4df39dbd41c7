"""Writing one partnership of the diary as an exchange file (format version 2).

The output is canonical: the same diary content always gives the same JSON, apart from
``exported_at``. Optional fields without a value are left out; records in the deleted items are
not exported, and a reference to one (an action's source entry, a checklist mark's evidence) is
left out with it, so that every exported file imports again.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
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
from app.domain.authors import Author
from app.domain.model import (
    AgendaItem,
    CycleDecision,
    DecisionRecord,
    IdeaFate,
    Measurement,
    WarningAck,
)
from app.exchange import team, travel
from app.exchange.errors import single
from app.exchange.parse import FORMAT, VERSION
from app.exchange.questionnaires import export_questionnaires
from app.i18n import _
from app.persistence import (
    actions,
    checklist,
    entries,
    events,
    measurements,
    partnerships,
    records,
)


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
        self.events: dict[int, str] = {}
        self.objectives: dict[int, str] = {}
        self.actions: dict[int, str] = {}

    def person(self, pk: int | None) -> str | None:
        return self.people.get(pk) if pk is not None else None

    def evidence(self, key: str) -> str | None:
        """A warning's "kind:pk" evidence key as "kind:id" (None: the record is gone)."""
        kind, _sep, pk = key.partition(":")
        table = {
            "objective": self.objectives,
            "action": self.actions,
            "event": self.events,
            "person": self.people,
            "organization": self.orgs,
        }.get(kind, {})
        found = table.get(int(pk)) if pk.isdigit() else None
        return f"{kind}:{found}" if found is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _partnership(
    p: Partnership, db: Database, ids: _Ids, thresholds: dict[str, Any]
) -> dict[str, Any]:
    objectives = partnerships.list_objectives(db, p.pk or 0)
    ids.objectives = {o.pk: o.id for o in objectives if o.pk is not None}
    decisions = measurements.list_cycle_decisions(db, p.pk or 0)
    return _compact(
        {
            "id": p.id,
            "name": p.name,
            "description": p.description,
            "started_on": p.started_on.isoformat(),
            "language": p.language,
            "planned_end_on": _day(p.planned_end_on),
            "vision": p.vision,
            "pilot_scope": p.pilot_scope,
            "min_group_size": p.min_group_size,
            "thresholds": thresholds or None,
            "phases": [
                _compact({"phase": m.phase.value, "from": m.from_on.isoformat(), "note": m.note})
                for m in p.phases
            ],
            "objectives": [_objective(o, ids) for o in objectives] or None,
            "cycle_decisions": [_cycle_decision(c, ids) for c in decisions] or None,
        }
    )


def _objective(o: Objective, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": o.id,
            "text": o.text,
            "indicator": o.indicator,
            "target": o.target,
            "due_on": _day(o.due_on),
            "owner": ids.person(o.owner),
            "target_value": _number(o.target_value) if o.target_value is not None else None,
            "unit": o.unit,
            "direction": o.direction.value if o.direction else None,
            "measurements": [_measurement(m) for m in o.measurements] or None,
        }
    )


def _measurement(m: Measurement) -> dict[str, Any]:
    return _compact(
        {"id": m.id, "measured_on": _day(m.measured_on), "value": _number(m.value), "note": m.note}
    )


def _cycle_decision(c: CycleDecision, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": c.id,
            "decided_on": _day(c.decided_on),
            "outcome": c.outcome.value,
            "note": c.note,
            "event": ids.events.get(c.event) if c.event is not None else None,
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
            "email": p.email,
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


def _entry(e: Entry, ids: _Ids, agenda: dict[int, str]) -> dict[str, Any]:
    return _compact(
        {
            "id": e.id,
            "type": e.type.value,
            "text": e.text,
            "visibility": e.visibility.value if e.visibility else None,
            "tensions": [t.value for t in e.tensions] or None,
            "fate": _fate(e.fate) if e.fate else None,
            "decision": _decision(e.decision, ids) if e.decision else None,
            # An item since deleted from the agenda is not exported, nor the link to it.
            "agenda_item": agenda.get(e.agenda_item) if e.agenda_item is not None else None,
            "written_at": e.written_at,
        }
    )


def _fate(f: IdeaFate) -> dict[str, Any]:
    return _compact(
        {
            "status": f.status.value,
            "reason": f.reason,
            "on": _day(f.on),
            "revisit_on": _day(f.revisit_on),
        }
    )


def _decision(d: DecisionRecord, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "status": d.status.value,
            "agreed_by": [ids.orgs[o] for o in d.agreed_by] or None,
            "review_on": _day(d.review_on),
            "disagreement": d.disagreement,
        }
    )


def _agenda_item(a: AgendaItem, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": a.id,
            "title": a.title,
            "minutes": a.minutes,
            "purpose": a.purpose,
            "presenter": ids.person(a.presenter),
        }
    )


def _event(e: Event, its_entries: list[Entry], ids: _Ids) -> dict[str, Any]:
    agenda = {a.pk: a.id for a in e.agenda if a.pk is not None}
    return _compact(
        {
            "id": e.id,
            "kind": e.kind.value,
            "title": e.title,
            "date": e.when,
            "duration_minutes": e.duration_minutes,
            "phase": e.phase.value if e.phase else None,
            "purpose": e.purpose,
            "final_evaluation": e.final_evaluation or None,
            "place": e.place,
            "agenda": [_agenda_item(a, ids) for a in e.agenda] or None,
            "participants": [
                {"person": ids.people[p.person], "invited": p.invited, "attended": p.attended}
                for p in e.participants
            ],
            "entries": [_entry(n, ids, agenda) for n in its_entries],
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
            "visibility": a.visibility.value,
        }
    )


def _mark(m: ChecklistMark, live_ids: set[str]) -> dict[str, Any]:
    return _compact(
        {
            "item": m.item,
            "status": m.status.value,
            "marked_on": m.marked_on.isoformat(),
            "note": m.note,
            # Evidence in the deleted items is not exported, so the reference goes with it.
            "evidence": m.evidence if m.evidence in live_ids else None,
            "text": m.text,
        }
    )


def _report(r: FeedbackReport, ids: _Ids) -> dict[str, Any]:
    return _compact(
        {
            "id": r.id,
            "kind": r.kind.value,
            "status": r.status.value,
            "generated_on": r.generated_on.isoformat(),
            "audience": r.audience,
            "period_from": _day(r.period_from),
            "period_to": _day(r.period_to),
            "event": ids.events.get(r.event) if r.event is not None else None,
            "names": r.names.value if r.names else None,
            "language": r.language,
            "sections": list(r.sections) if r.sections is not None else None,
            "sha256": r.sha256,
        }
    )


def _ack(a: WarningAck, ids: _Ids) -> dict[str, Any]:
    seen = None
    if a.evidence is not None:
        seen = ",".join(sorted(k for k in map(ids.evidence, a.evidence) if k is not None))
    return _compact(
        {
            "rule": a.warning,
            "key": a.warning,
            "severity": a.severity,
            "acknowledged_on": _day(a.acknowledged_on),
            "fingerprint": seen,
            "note": a.note,
        }
    )


class EventStream:
    """The events of an export with their entries, read from the diary one event at a time as
    the file is written (``files.save_file``): 200,000 entries are never in memory at once."""

    def __init__(
        self,
        db: Database,
        live_events: list[Event],
        ids: _Ids,
        agreed: dict[int, list[int]],
        stamped: _Stamped | None = None,
    ) -> None:
        self.db, self.events, self.ids, self.agreed = db, live_events, ids, agreed
        self.stamped = stamped or _Stamped({})

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for e in self.events:
            its_entries = entries.list_entries(self.db, e.pk or 0)
            for entry in its_entries:
                if entry.decision is not None and entry.pk is not None:
                    entry.decision.agreed_by = self.agreed.get(entry.pk, [])
            event = self.stamped("events", _event(e, its_entries, self.ids))
            event["entries"] = [self.stamped("entries", n) for n in event["entries"]]
            yield event


class _Stamped:
    """Adds a record's team fields (``app.exchange.team``) after its own fields."""

    def __init__(self, audits: team.Audits) -> None:
        self.audits = audits

    def __call__(self, table: str, record: dict[str, Any]) -> dict[str, Any]:
        fields = self.audits.get(table, {}).get(record["id"])
        return {**record, **fields} if fields else record


def export_stream(db: Database, pk: int, exporter: Author | None = None) -> dict[str, Any]:
    """The partnership with key ``pk`` as an exchange-format document whose ``events`` is an
    ``EventStream``: write it with ``save_file`` or ``write_document`` while the diary is open.
    ``exporter``: the facilitator exporting, named in the file's ``source``.
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
    ids.events = {e.pk: e.id for e in live_events if e.pk is not None}
    plan = actions.list_actions(db, pk)
    ids.actions = {a.pk: a.id for a in plan if a.pk is not None}
    # Only the entries the plan points at: the live ones among them keep their reference.
    sources = [a.source_entry for a in plan if a.source_entry is not None]
    ids.entries = entries.live_entry_ids(db, pk, sources)
    marks = records.list_checklist_marks(db, pk)
    evidence = [m.evidence for m in marks if m.evidence is not None]
    live_ids = {e.id for e in live_events} | entries.live_entry_ids_among(db, pk, evidence)
    agreed = entries.decision_agreements(db, pk)
    audits = team.audits_of(db, pk)
    stamped = _Stamped(audits)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **team.top_fields(db, audits, exporter),
        "partnership": _partnership(p, db, ids, partnerships.get_thresholds(db, pk)),
        "organizations": [
            stamped("organizations", {"id": o.id, "name": o.name, "role": o.role.value})
            for o in orgs
        ],
        "people": [stamped("people", _person(x, ids)) for x in people],
        "events": EventStream(db, live_events, ids, agreed, stamped),
        "actions": [stamped("actions", _action(a, ids)) for a in plan],
        "checklist": [_mark(m, live_ids) for m in marks],
        "reports": [_report(r, ids) for r in records.list_feedback_reports(db, pk)],
        "acknowledgements": [_ack(a, ids) for a in checklist.list_acks(db, pk)],
        **export_questionnaires(db, pk, ids.orgs, ids.people, ids.events),
        **travel.top_fields(db, p.id, pk),
    }


def export_partnership(db: Database, pk: int) -> dict[str, Any]:
    """The partnership with key ``pk`` as an exchange-format document (a JSON-ready dict)."""
    doc = export_stream(db, pk)
    doc["events"] = list(doc["events"])
    return doc
