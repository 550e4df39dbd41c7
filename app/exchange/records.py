"""Reading each kind of record of a partnership file into a domain record.

``RecordReader`` knows the fields of every record of the exchange format. Each method takes
one JSON value and its path, records the problems it finds in its ``Reader`` and returns the
domain record, or None when the value had problems. References are resolved to positions in
the file through the id indexes filled before any record is read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.domain import (
    Action,
    ActionStatus,
    ChecklistMark,
    Dimension,
    Entry,
    EntryType,
    Event,
    EventKind,
    FeedbackReport,
    Level,
    Objective,
    Organization,
    Participant,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Problem,
    Rating,
    Role,
    Tension,
    Visibility,
)
from app.domain import validation as rules
from app.domain.enums import MarkStatus
from app.exchange import additions as v2
from app.exchange import team, travel
from app.exchange.reader import Reader, child
from app.i18n import _


class RecordReader:
    """Reads the records of one file, collecting problems in ``self.r``."""

    def __init__(self, data: dict[str, Any], version: int = 1) -> None:
        self.data = data
        self.version = version
        self.r = Reader()
        # Version 2's additions are accepted only in a version 2 file.
        self.thresholds: dict[str, Any] = {}
        self.cycle_decisions: list[Any] = []
        self.org_ids: dict[str, int] = {}
        self.person_ids: dict[str, int] = {}
        self.event_ids: dict[str, int] = {}
        self.entry_ids: dict[str, int] = {}
        # The agenda item ids of the event read last (its entries are read right after it).
        self.agenda_ids: dict[str, int] = {}
        self.people: list[Person | None] = []
        # Messages for references that point nowhere (translated when a file is read).
        self.no_person = _('no person "{id}"')
        self.no_organization = _('no organization "{id}"')
        self.no_entry = _('no entry "{id}"')
        # The team fields (app.exchange.team): the file's authors and each record's stamps.
        self.authors = team.read_authors(self.r, data) if version >= 2 else {}
        self.audits: team.Audits = {table: {} for table in team.TABLES}
        # The merge fields (app.exchange.travel): tombstones and when diaries last met.
        self.deleted, self.merges = (
            travel.read(self.r, data, self.authors) if version >= 2 else ([], [])
        )

    def audit(self, table: str, d: dict[str, Any], path: str) -> None:
        """Note a record's team fields (version 2), checked against the file's authors."""
        found = team.read_audit(self.r, d, path, self.authors) if self.version >= 2 else {}
        if found and isinstance(d.get("id"), str):
            self.audits[table][d["id"]] = found

    def added(self, fields: tuple[str, ...]) -> tuple[str, ...]:
        """The optional fields version 2 adds to a record, when the file is version 2."""
        return fields if self.version >= 2 else ()

    def rule(self, path: str, problems: list[Problem]) -> bool:
        """Apply a domain rule's problems under ``path``; True when there were none."""
        for p in problems:
            self.r.add(child(path, p.field), p.message)
        return not problems

    def index(self, items: Sequence[Any], path: str, into: dict[str, int], at: int = 0) -> None:
        """Note each item's id and position, reporting ids used twice."""
        for i, item in enumerate(items):
            value = item.get("id") if isinstance(item, dict) else None
            if not isinstance(value, str) or not value.strip():
                continue
            if value in into:
                self.r.add(
                    child(child(path, i), "id"), _('the id "{id}" is used twice').format(id=value)
                )
            else:
                into[value] = at + i

    def items(
        self, d: dict[str, Any], key: str, path: str, read: Callable[[Any, str], Any], **kw: bool
    ) -> list[Any]:
        """Read every element of an array with ``read``; None marks an element with problems."""
        return [
            read(item, child(child(path, key), i))
            for i, item in enumerate(self.r.array(d, key, path, **kw))
        ]

    # -- the partnership and who takes part ---------------------------------------------------

    def partnership(self, value: Any) -> tuple[Partnership | None, list[Objective | None]]:
        path = "partnership"
        d = self.r.obj(
            value,
            path,
            ("id", "name", "started_on", "phases"),
            ("description", "language", "objectives", *self.added(v2.PARTNERSHIP_V2)),
        )
        if d is None:
            return None, []
        pid = self.r.ident(d, "id", path)
        name = self.r.text(d, "name", path)
        started = self.r.day(d, "started_on", path)
        description = self.r.text(d, "description", path, required=False)
        language = self.r.text(d, "language", path, required=False) or "en"
        phases = self.items(d, "phases", path, self.phase_move)
        objectives = self.items(d, "objectives", path, self.objective, required=False)
        planned_end = self.r.day(d, "planned_end_on", path, required=False)
        vision = self.r.text(d, "vision", path, required=False)
        scope = self.r.text(d, "pilot_scope", path, required=False)
        group = v2.min_group_size(self.r, d, path)
        self.thresholds = v2.thresholds(self.r, d, path)
        self.cycle_decisions = self.items(
            d, "cycle_decisions", path, self.cycle_decision, required=False
        )
        if pid is None or name is None or started is None or None in phases:
            return None, objectives
        p = Partnership(name, started, description, language, phases, id=pid)
        p.planned_end_on, p.vision, p.pilot_scope, p.min_group_size = (
            planned_end,
            vision,
            scope,
            group,
        )
        self.rule(path, rules.check_partnership(p))
        for i, c in enumerate(self.cycle_decisions):
            if c is not None:
                where = child(child(path, "cycle_decisions"), i)
                self.rule(where, rules.check_cycle_decision(c, p))
        return p, objectives

    def cycle_decision(self, value: Any, path: str) -> Any:
        return v2.cycle_decision(self.r, value, path, self.event_ids)

    def phase_move(self, value: Any, path: str) -> PhaseMove | None:
        d = self.r.obj(value, path, ("phase", "from"), ("note",))
        if d is None:
            return None
        phase = self.r.enum(d, "phase", path, Phase)
        start = self.r.day(d, "from", path)
        note = self.r.text(d, "note", path, required=False)
        return PhaseMove(phase, start, note) if phase and start else None

    def objective(self, value: Any, path: str) -> Objective | None:
        d = self.r.obj(
            value,
            path,
            ("id", "text"),
            ("indicator", "target", "due_on", "owner", *self.added(v2.OBJECTIVE_V2)),
        )
        if d is None:
            return None
        oid = self.r.ident(d, "id", path)
        text = self.r.text(d, "text", path)
        indicator = self.r.text(d, "indicator", path, required=False)
        target = self.r.text(d, "target", path, required=False)
        due = self.r.day(d, "due_on", path, required=False)
        owner = self.r.ref(d, "owner", path, self.person_ids, self.no_person, required=False)
        target_value = v2.optional_number(self.r, d, "target_value", path)
        unit = self.r.text(d, "unit", path, required=False)
        direction, direction_ok = v2.direction(self.r, d, path)
        measured = self.items(
            d, "measurements", path, lambda v, p: v2.measurement(self.r, v, p), required=False
        )
        if oid is None or text is None or (d.get("owner") is not None and owner is None):
            return None
        if None in measured or not direction_ok:
            return None
        if d.get("target_value") is not None and target_value is None:
            return None
        o = Objective(text, indicator, target, due, owner, id=oid)
        o.target_value, o.unit, o.direction, o.measurements = (
            target_value,
            unit,
            direction,
            measured,
        )
        return o if self.rule(path, rules.check_objective(o)) else None

    def organization(self, value: Any, path: str) -> Organization | None:
        d = self.r.obj(value, path, ("id", "name", "role"), self.added(team.AUDIT))
        if d is None:
            return None
        self.audit("organizations", d, path)
        oid = self.r.ident(d, "id", path)
        name = self.r.text(d, "name", path)
        role = self.r.enum(d, "role", path, Role)
        if oid is None or name is None or role is None:
            return None
        o = Organization(name, role, id=oid)
        return o if self.rule(path, rules.check_organization(o)) else None

    def person(self, value: Any, path: str) -> Person | None:
        d = self.r.obj(
            value,
            path,
            ("id", "name", "organization"),
            (
                "title",
                "level",
                "sponsor",
                "pseudonym",
                *self.added(v2.PERSON_V2),
                *self.added(team.AUDIT),
            ),
        )
        if d is None:
            return None
        self.audit("people", d, path)
        pid = self.r.ident(d, "id", path)
        name = self.r.text(d, "name", path)
        org = self.r.ref(d, "organization", path, self.org_ids, self.no_organization)
        title = self.r.text(d, "title", path, required=False)
        level = self.r.enum(d, "level", path, Level, required=False)
        sponsor = self.r.flag(d, "sponsor", path, False)
        pseudonym = self.r.text(d, "pseudonym", path, required=False)
        email = self.r.text(d, "email", path, required=False)
        if pid is None or name is None or org is None or (d.get("level") and level is None):
            return None
        p = Person(name, org, title, level, sponsor, pseudonym, id=pid, email=email)
        return p if self.rule(path, rules.check_person(p)) else None

    # -- events, their entries, participants and ratings --------------------------------------

    def event(self, value: Any, path: str) -> Event | None:
        d = self.r.obj(
            value,
            path,
            ("id", "kind", "title", "date", "participants", "entries"),
            (
                "duration_minutes",
                "phase",
                "purpose",
                "ratings",
                *self.added(v2.EVENT_V2),
                *self.added(team.AUDIT),
            ),
        )
        if d is None:
            return None
        self.audit("events", d, path)
        eid = self.r.ident(d, "id", path)
        kind = self.r.enum(d, "kind", path, EventKind)
        title = self.r.text(d, "title", path)
        when = self.r.when(d, "date", path)
        minutes = self.r.integer(d, "duration_minutes", path, 0, rules.DURATION_MAX, required=False)
        phase = self.r.enum(d, "phase", path, Phase, required=False)
        purpose = self.r.text(d, "purpose", path, required=False)
        participants = self.items(d, "participants", path, self.participant)
        self.r.array(d, "entries", path)  # entries are read by ``events``; here only the type
        ratings = self.items(d, "ratings", path, self.rating, required=False)
        final = self.r.flag(d, "final_evaluation", path, False)
        place = self.r.text(d, "place", path, required=False)
        agenda = self.items(d, "agenda", path, self.agenda_item, required=False)
        self.agenda_ids = v2.agenda_ids(self.r, agenda, path)
        if eid is None or kind is None or title is None or when is None:
            return None
        if None in participants or None in ratings or None in agenda:
            return None
        if d.get("place") is not None and place is None:
            return None
        if d.get("phase") is not None and phase is None:
            return None
        if phase is Phase.ENDED:
            self.r.add(child(path, "phase"), _('an event cannot be in the phase "ended"'))
            return None
        e = Event(kind, title, when, minutes, phase, purpose, participants, ratings, id=eid)
        e.final_evaluation, e.place = final, place
        e.agenda = [a for a in agenda if a is not None]
        return e if self.rule(path, rules.check_event(e)) else None

    def agenda_item(self, value: Any, path: str) -> Any:
        return v2.agenda_item(self.r, value, path, self.person_ids)

    def participant(self, value: Any, path: str) -> Participant | None:
        d = self.r.obj(value, path, ("person", "attended"), ("invited",))
        if d is None:
            return None
        person = self.r.ref(d, "person", path, self.person_ids, self.no_person)
        invited = self.r.flag(d, "invited", path, True)
        attended = self.r.flag(d, "attended", path, False)
        return Participant(person, invited, attended) if person is not None else None

    def rating(self, value: Any, path: str) -> Rating | None:
        d = self.r.obj(value, path, ("organization", "dimension", "value"), ("respondent",))
        if d is None:
            return None
        org = self.r.ref(d, "organization", path, self.org_ids, self.no_organization)
        dimension = self.r.enum(d, "dimension", path, Dimension)
        number = self.r.number(d, "value", path, rules.RATING_MIN, rules.RATING_MAX)
        respondent = self.r.ref(
            d, "respondent", path, self.person_ids, self.no_person, required=False
        )
        if org is None or dimension is None or number is None:
            return None
        if d.get("respondent") is not None and respondent is None:
            return None
        return Rating(org, dimension, number, respondent)

    def entry(self, value: Any, path: str, event_index: int) -> Entry | None:
        d = self.r.obj(
            value,
            path,
            ("id", "type", "text", "visibility"),
            ("tensions", *self.added(v2.ENTRY_V2), *self.added(team.AUDIT)),
        )
        if d is None:
            return None
        self.audit("entries", d, path)
        nid = self.r.ident(d, "id", path)
        kind = self.r.enum(d, "type", path, EntryType)
        text = self.r.text(d, "text", path)
        visibility = self.r.enum(d, "visibility", path, Visibility)
        tensions = [
            self.r.member(t, child(child(path, "tensions"), i), Tension)
            for i, t in enumerate(self.r.array(d, "tensions", path, required=False))
        ]
        fate = v2.fate(self.r, d["fate"], child(path, "fate")) if d.get("fate") else None
        decision = (
            v2.decision(self.r, d["decision"], child(path, "decision"), self.org_ids)
            if d.get("decision")
            else None
        )
        item, written, meeting_ok = v2.entry_meeting(self.r, d, path, self.agenda_ids)
        if nid is None or kind is None or text is None or visibility is None or None in tensions:
            return None
        if (d.get("fate") and fate is None) or (d.get("decision") and decision is None):
            return None
        if not meeting_ok:
            return None
        e = Entry(event_index, kind, text, visibility, tuple(t for t in tensions if t), id=nid)
        e.fate, e.decision = fate, decision
        e.agenda_item, e.written_at = item, written
        return e if self.rule(path, rules.check_entry(e)) else None

    def events(self, d: dict[str, Any]) -> tuple[list[Event | None], list[Entry | None]]:
        events: list[Event | None] = []
        entries: list[Entry | None] = []
        for i, value in enumerate(self.r.array(d, "events", "")):
            path = child("events", i)
            events.append(self.event(value, path))
            raw = value.get("entries") if isinstance(value, dict) else None
            for j, item in enumerate(raw if isinstance(raw, list) else []):
                entries.append(self.entry(item, child(child(path, "entries"), j), i))
        return events, entries

    # -- the plan and the records around it ---------------------------------------------------

    def action(self, value: Any, path: str) -> Action | None:
        d = self.r.obj(
            value,
            path,
            ("id", "text", "created_on", "status"),
            (
                "owner",
                "organization",
                "due_on",
                "done_on",
                "source_entry",
                *self.added(v2.ACTION_V2),
                *self.added(team.AUDIT),
            ),
        )
        if d is None:
            return None
        self.audit("actions", d, path)
        aid = self.r.ident(d, "id", path)
        text = self.r.text(d, "text", path)
        created = self.r.day(d, "created_on", path)
        status = self.r.enum(d, "status", path, ActionStatus)
        owner = self.r.ref(d, "owner", path, self.person_ids, self.no_person, required=False)
        org = self.r.ref(
            d, "organization", path, self.org_ids, self.no_organization, required=False
        )
        due = self.r.day(d, "due_on", path, required=False)
        done = self.r.day(d, "done_on", path, required=False)
        source = self.r.ref(d, "source_entry", path, self.entry_ids, self.no_entry, required=False)
        visibility = self.r.enum(d, "visibility", path, Visibility, required=False)
        if aid is None or text is None or created is None or status is None:
            return None
        if d.get("visibility") is not None and visibility is None:
            return None
        if org is None and owner is not None and self.people[owner] is not None:
            # The spec's default: an action belongs to its owner's organization.
            org = self.people[owner].organization  # type: ignore[union-attr]
        a = Action(text, created, status, owner, org, due, done, source, id=aid)
        a.visibility = visibility or Visibility.SHARED
        return a if self.rule(path, rules.check_action(a)) else None

    def mark(self, value: Any, path: str) -> ChecklistMark | None:
        if self.version >= 2:
            d = self.r.obj(
                value, path, ("item", "status", "marked_on"), ("note", "evidence", "text")
            )
        else:
            d = self.r.obj(value, path, ("item", "done_on"), ("note", "evidence"))
        if d is None:
            return None
        item = self.r.ident(d, "item", path)
        done = self.r.day(d, "marked_on" if self.version >= 2 else "done_on", path)
        status = v2.mark_status(self.r, d, path) if self.version >= 2 else MarkStatus.DONE
        own_text = self.r.text(d, "text", path, required=False)
        note = self.r.text(d, "note", path, required=False)
        evidence = self.r.text(d, "evidence", path, required=False)
        if (
            evidence is not None
            and evidence not in self.event_ids
            and evidence not in self.entry_ids
        ):
            self.r.add(child(path, "evidence"), _('no event or entry "{id}"').format(id=evidence))
            return None
        if own_text is not None and not own_text.strip():
            self.r.add(child(path, "text"), _("must not be empty"))
            return None
        if item is None or done is None or status is None:
            return None
        return ChecklistMark(item, done, note, evidence, status=status, text=own_text)

    def report(self, value: Any, path: str) -> FeedbackReport | None:
        d = self.r.obj(
            value,
            path,
            ("id", "generated_on", "audience"),
            ("sections", "sha256", *self.added(v2.REPORT_V2)),
        )
        if d is None:
            return None
        extra = v2.ReportFields(self.r, d, path)
        event = self.r.ref(d, "event", path, self.event_ids, _('no event "{id}"'), required=False)
        rid = self.r.ident(d, "id", path)
        generated = self.r.day(d, "generated_on", path)
        audience = self.r.text(d, "audience", path)
        if audience is not None and audience != "all" and audience not in self.org_ids:
            self.r.add(
                child(path, "audience"),
                _('must be "all" or an organization id; no organization "{id}"').format(
                    id=audience
                ),
            )
            audience = None
        sections: tuple[str, ...] | None = None
        if d.get("sections") is not None:
            raw = self.r.array(d, "sections", path)
            sections = tuple(s for s in raw if isinstance(s, str))
            if len(sections) != len(raw):
                self.r.add(child(path, "sections"), _("must be an array of text strings"))
                return None
            at = child(path, "sections")
            if any(
                self.r.clean_text(s, child(at, i), breaks=False) is None
                for i, s in enumerate(sections)
            ):
                return None
        sha = self.r.text(d, "sha256", path, required=False)
        if rid is None or generated is None or audience is None or not extra.ok:
            return None
        if d.get("event") is not None and event is None:
            return None
        report = FeedbackReport(generated, audience, sections, sha, id=rid)
        report.kind, report.status, report.names = extra.kind, extra.status, extra.names
        report.period_from, report.period_to = extra.period_from, extra.period_to
        report.language, report.event = extra.language, event
        return report


def unique(parser: RecordReader, values: list[str | None], path: str, key: str, what: str) -> None:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value is None:
            continue
        if value in seen:
            parser.r.add(
                child(child(path, i), key),
                _('the {what} "{id}" is listed twice').format(what=what, id=value),
            )
        seen.add(value)
