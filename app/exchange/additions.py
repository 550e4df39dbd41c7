"""Reading what version 2 of the partnership file adds, one record kind per function.

Each function takes the file's ``Reader`` (which collects problems with their JSON paths), one
JSON value and its path, and returns the domain record or None when the value had problems.
References are checked against the id indexes the caller passes in (positions in the file).
The fields each record of version 1 gains are listed here too, so that ``RecordReader`` accepts
them only in a version 2 file.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.days import iso_moment
from app.domain.enums import (
    DecisionStatus,
    Direction,
    Fate,
    MarkStatus,
    Names,
    Outcome,
    ReportKind,
    ReportStatus,
)
from app.domain.model import AgendaItem, CycleDecision, DecisionRecord, IdeaFate, Measurement
from app.domain.validation import (
    AGENDA_MINUTES_MAX,
    MIN_GROUP_SIZE,
    VALUE_LIMIT,
    Problem,
    check_agenda_item,
    check_decision,
    check_fate,
    check_measurement,
)
from app.exchange.reader import Reader, child
from app.i18n import _

# The optional fields version 2 adds to the records of version 1.
PARTNERSHIP_V2 = (
    "planned_end_on",
    "vision",
    "pilot_scope",
    "min_group_size",
    "thresholds",
    "cycle_decisions",
)
OBJECTIVE_V2 = ("target_value", "unit", "direction", "measurements")
PERSON_V2 = ("email",)
EVENT_V2 = ("final_evaluation", "place", "agenda")
ENTRY_V2 = ("fate", "decision", "agenda_item", "written_at")
ACTION_V2 = ("visibility",)
REPORT_V2 = ("kind", "status", "period_from", "period_to", "event", "names", "language")
TOP_V2 = ("acknowledgements", "instruments", "waves", "responses")


def apply(r: Reader, path: str, problems: list[Problem]) -> bool:
    """Record a domain rule's problems under ``path``; True when there were none."""
    for p in problems:
        r.add(child(path, p.field), p.message)
    return not problems


def optional_number(r: Reader, d: Mapping[str, Any], key: str, path: str) -> float | None:
    """An optional number, finite and within the range of targets and measured values."""
    if d.get(key) is None:
        return None
    return r.number(d, key, path, -VALUE_LIMIT, VALUE_LIMIT)


def measurement(r: Reader, value: Any, path: str) -> Measurement | None:
    d = r.obj(value, path, ("id", "measured_on", "value"), ("note",))
    if d is None:
        return None
    mid = r.ident(d, "id", path)
    on = r.day(d, "measured_on", path)
    number = r.number(d, "value", path, -VALUE_LIMIT, VALUE_LIMIT)
    note = r.text(d, "note", path, required=False)
    if mid is None or on is None or number is None:
        return None
    m = Measurement(on, number, note, id=mid)
    return m if apply(r, path, check_measurement(m)) else None


def fate(r: Reader, value: Any, path: str) -> IdeaFate | None:
    d = r.obj(value, path, ("status", "reason", "on"), ("revisit_on",))
    if d is None:
        return None
    status = r.enum(d, "status", path, Fate)
    reason = r.text(d, "reason", path)
    on = r.day(d, "on", path)
    revisit = r.day(d, "revisit_on", path, required=False)
    if status is None or reason is None or on is None:
        return None
    if d.get("revisit_on") is not None and revisit is None:
        return None
    f = IdeaFate(status, reason, on, revisit)
    return f if apply(r, path, check_fate(f)) else None


def decision(r: Reader, value: Any, path: str, org_ids: Mapping[str, int]) -> DecisionRecord | None:
    d = r.obj(value, path, ("status",), ("agreed_by", "review_on", "disagreement"))
    if d is None:
        return None
    status = r.enum(d, "status", path, DecisionStatus)
    agreed: list[int | None] = []
    for i, org in enumerate(r.array(d, "agreed_by", path, required=False)):
        where = child(child(path, "agreed_by"), i)
        if isinstance(org, str) and org in org_ids:
            agreed.append(org_ids[org])
        else:
            r.add(where, _('no organization "{id}"').format(id=org))
            agreed.append(None)
    review = r.day(d, "review_on", path, required=False)
    disagreement = r.text(d, "disagreement", path, required=False)
    if status is None or None in agreed:
        return None
    if d.get("review_on") is not None and review is None:
        return None
    record = DecisionRecord(status, [a for a in agreed if a is not None], review, disagreement)
    return record if apply(r, path, check_decision(record)) else None


def agenda_item(
    r: Reader, value: Any, path: str, person_ids: Mapping[str, int]
) -> AgendaItem | None:
    """One item of an event's agenda; ``presenter`` becomes the person's position."""
    d = r.obj(value, path, ("id", "title", "minutes"), ("purpose", "presenter"))
    if d is None:
        return None
    aid = r.ident(d, "id", path)
    title = r.text(d, "title", path)
    minutes = r.integer(d, "minutes", path, 0, AGENDA_MINUTES_MAX)
    purpose = r.text(d, "purpose", path, required=False)
    presenter = r.ref(d, "presenter", path, person_ids, _('no person "{id}"'), required=False)
    if aid is None or title is None or minutes is None:
        return None
    if d.get("presenter") is not None and presenter is None:
        return None
    item = AgendaItem(title, minutes, purpose, presenter, id=aid)
    return item if apply(r, path, check_agenda_item(item)) else None


def agenda_ids(r: Reader, items: list[AgendaItem | None], path: str) -> dict[str, int]:
    """Agenda item id → position in its event (each id once per event)."""
    found: dict[str, int] = {}
    for i, item in enumerate(items):
        if item is None:
            continue
        if item.id in found:
            where = child(child(child(path, "agenda"), i), "id")
            r.add(where, _('the id "{id}" is used twice').format(id=item.id))
        else:
            found[item.id] = i
    return found


def entry_meeting(
    r: Reader, d: Mapping[str, Any], path: str, agenda: Mapping[str, int]
) -> tuple[int | None, str | None, bool]:
    """An entry's agenda item (a position in its event's agenda) and the date-time it was
    written, and whether both were read cleanly."""
    item = r.ref(
        d, "agenda_item", path, agenda, _('no agenda item "{id}" in this event'), required=False
    )
    written = r.text(d, "written_at", path, required=False, breaks=False)
    ok = d.get("agenda_item") is None or item is not None
    if written is not None:
        try:
            iso_moment(written)
        except ValueError:
            r.add(
                child(path, "written_at"),
                _("must be an ISO 8601 date-time, not {v}").format(v=written),
            )
            ok = False
    elif d.get("written_at") is not None:
        ok = False
    return item, written, ok


def cycle_decision(
    r: Reader, value: Any, path: str, event_ids: Mapping[str, int]
) -> CycleDecision | None:
    d = r.obj(value, path, ("id", "decided_on", "outcome"), ("note", "event"))
    if d is None:
        return None
    cid = r.ident(d, "id", path)
    on = r.day(d, "decided_on", path)
    outcome = r.enum(d, "outcome", path, Outcome)
    note = r.text(d, "note", path, required=False)
    event = r.ref(d, "event", path, event_ids, _('no event "{id}"'), required=False)
    if cid is None or on is None or outcome is None:
        return None
    if d.get("event") is not None and event is None:
        return None
    return CycleDecision(on, outcome, note, event, id=cid)


def thresholds(r: Reader, d: Mapping[str, Any], path: str) -> dict[str, Any]:
    """The partnership's own warning thresholds, each within the range its rule declares."""
    from app.rules.thresholds import check  # the rules are read only when a file has them

    value = d.get("thresholds")
    if value is None:
        return {}
    where = child(path, "thresholds")
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        r.add(where, _("must be an object of rule ids, each with its parameters and numbers"))
        return {}
    for rule, values in value.items():
        for name, number in values.items():
            if isinstance(number, bool) or not isinstance(number, int | float):
                r.add(child(child(where, rule), name), _("must be a number"))
                return {}
    problems = check(value)
    for p in problems:
        r.add(child(where, p.field), p.message)
    return {} if problems else value


def min_group_size(r: Reader, d: Mapping[str, Any], path: str) -> int:
    """The minimum number of respondents per side (default 3); its range is checked with the
    partnership."""
    low, high = MIN_GROUP_SIZE
    value = r.integer(d, "min_group_size", path, low, high, required=False)
    return 3 if value is None else value


def mark_status(r: Reader, d: Mapping[str, Any], path: str) -> MarkStatus | None:
    return r.enum(d, "status", path, MarkStatus)


class ReportFields:
    """What version 2 adds to a report record (all optional; v1's reports were all given)."""

    def __init__(self, r: Reader, d: Mapping[str, Any], path: str) -> None:
        self.ok = True
        self.kind = self._enum(r, d, path, "kind", ReportKind) or ReportKind.FEEDBACK_REPORT
        self.status = self._enum(r, d, path, "status", ReportStatus) or ReportStatus.GIVEN
        self.names = self._enum(r, d, path, "names", Names)
        self.period_from = self._day(r, d, path, "period_from")
        self.period_to = self._day(r, d, path, "period_to")
        self.language = r.text(d, "language", path, required=False)
        if self.language is not None and self.language not in ("en", "fi"):
            r.add(child(path, "language"), _("must be 'en' or 'fi'"))
            self.ok = False
        if self.period_from and self.period_to and self.period_to < self.period_from:
            r.add(child(path, "period_to"), _("must not be before period_from"))
            self.ok = False

    def _enum(self, r: Reader, d: Mapping[str, Any], path: str, key: str, kind: Any) -> Any:
        found = r.enum(d, key, path, kind, required=False)
        if d.get(key) is not None and found is None:
            self.ok = False
        return found

    def _day(self, r: Reader, d: Mapping[str, Any], path: str, key: str) -> date | None:
        found = r.day(d, key, path, required=False)
        if d.get(key) is not None and found is None:
            self.ok = False
        return found


def direction(r: Reader, d: Mapping[str, Any], path: str) -> tuple[Direction | None, bool]:
    """An objective's direction and whether it was read cleanly."""
    found = r.enum(d, "direction", path, Direction, required=False)
    return found, d.get("direction") is None or found is not None


@dataclass(slots=True)
class FileAck:
    """An acknowledged warning as the file carries it; evidence as "kind:id" references."""

    rule: str
    severity: str
    acknowledged_on: date
    evidence: list[str] | None
    note: str | None


SEVERITIES = ("info", "warning", "critical")
EVIDENCE_KINDS = ("objective", "action", "event", "person", "organization")


def ack(r: Reader, value: Any, path: str, known: Mapping[str, Collection[str]]) -> FileAck | None:
    """``known``: the ids of the file by evidence kind, which a fingerprint may name."""
    d = r.obj(value, path, ("rule", "key", "severity", "acknowledged_on"), ("fingerprint", "note"))
    if d is None:
        return None
    rule = r.ident(d, "rule", path)
    key = r.ident(d, "key", path)
    severity = r.text(d, "severity", path)
    on = r.day(d, "acknowledged_on", path)
    fingerprint = r.text(d, "fingerprint", path, required=False)
    note = r.text(d, "note", path, required=False)
    if severity is not None and severity not in SEVERITIES:
        r.add(child(path, "severity"), _('must be one of "info", "warning", "critical"'))
        return None
    if rule is not None and key is not None and key != rule:
        r.add(child(path, "key"), _("must be the rule id (one warning per rule)"))
        return None
    evidence = None if fingerprint is None else [k for k in fingerprint.split(",") if k]
    for k in evidence or []:
        kind, _sep, ident = k.partition(":")
        if ident not in known.get(kind, ()):
            r.add(child(path, "fingerprint"), _('no record "{ref}"').format(ref=k))
            return None
    if rule is None or severity is None or on is None:
        return None
    return FileAck(rule, severity, on, evidence, note)
