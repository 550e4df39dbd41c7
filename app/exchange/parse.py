"""Checking a partnership file and turning it into domain records, before anything is stored.

``parse(data)`` validates the whole file (shape, types, dates, ranges, ids, references and the
domain rules) and collects every problem with its JSON path. Only a file without problems
becomes a ``Parsed`` partnership. In it, references between records are positions in the file
(the index of the organization in ``organizations``, of the entry among all entries) until the
importer has stored the target and knows its database key.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from app.domain import (
    Action,
    ChecklistMark,
    Entry,
    Event,
    FeedbackReport,
    Objective,
    Organization,
    Partnership,
    Person,
    Problem,
)
from app.domain.enums import Visibility
from app.domain.model import CycleDecision
from app.exchange import additions as v2
from app.exchange import team, travel
from app.exchange.errors import ExchangeError, single
from app.exchange.questionnaires import FileQuestionnaires, read_questionnaires
from app.exchange.reader import child
from app.exchange.records import RecordReader, unique
from app.i18n import _

FORMAT = "kumppani-partnership"
# The version written; every version from 1 up to it is read (docs/exchange-format.md).
VERSION = 2
READABLE = (1, 2)

T = TypeVar("T")

TOP_REQUIRED = ("format", "version", "partnership", "organizations", "people", "events", "actions")
TOP_OPTIONAL = ("exported_at", "checklist", "reports")


@dataclass
class Parsed:
    """A valid partnership file as domain records; references are positions in the file."""

    partnership: Partnership
    objectives: list[Objective] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Every entry of the file in file order; ``Entry.event`` is the event's position.
    entries: list[Entry] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    checklist: list[ChecklistMark] = field(default_factory=list)
    reports: list[FeedbackReport] = field(default_factory=list)
    thresholds: dict[str, Any] = field(default_factory=dict)
    cycle_decisions: list[CycleDecision] = field(default_factory=list)
    acknowledgements: list[v2.FileAck] = field(default_factory=list)
    questionnaires: FileQuestionnaires = field(default_factory=FileQuestionnaires)
    # The team fields (app.exchange.team): the file's authors and each record's stamps.
    authors: dict[str, str] = field(default_factory=dict)
    audits: team.Audits = field(default_factory=dict)
    # The merge fields (app.exchange.travel).
    deleted: list[dict[str, str]] = field(default_factory=list)
    merges: list[dict[str, str]] = field(default_factory=list)


def check_header(data: object) -> dict[str, Any]:
    """Refuse at once what is not a partnership file of a version this Kumppani reads."""
    if not isinstance(data, dict):
        raise single(_("The file is not a Kumppani partnership file: it is not a JSON object."))
    if data.get("format") != FORMAT:
        raise single(
            _('The file is not a Kumppani partnership file (its "format" is not "{f}").').format(
                f=FORMAT
            )
        )
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise single(
            _(
                "The file is in exchange format version {v}, written by a newer Kumppani; this "
                "version reads version {supported}. Update Kumppani to import it."
            ).format(v=version, supported=VERSION)
        )
    # ``1.0 == 1`` and ``True == 1`` in Python; the format's version is a JSON integer.
    if type(version) is not int or version not in READABLE:
        raise ExchangeError(
            [Problem("version", _("must be 1 or {supported}").format(supported=VERSION))]
        )
    return data


def _raw(d: dict[str, Any], key: str) -> list[Any]:
    """An array of the file as it is, for indexing ids (its problems are reported elsewhere)."""
    value = d.get(key)
    return value if isinstance(value, list) else []


def _ids(items: list[Any], key: str = "id") -> list[str | None]:
    return [
        i.get(key) if isinstance(i, dict) and isinstance(i.get(key), str) else None for i in items
    ]


def _index_all(p: RecordReader, top: dict[str, Any]) -> None:
    """Collect the ids every reference may point to, before any reference is read."""
    p.index(_raw(top, "organizations"), "organizations", p.org_ids)
    p.index(_raw(top, "people"), "people", p.person_ids)
    events = _raw(top, "events")
    p.index(events, "events", p.event_ids)
    seen = 0
    for i, ev in enumerate(events):
        entries = _raw(ev, "entries") if isinstance(ev, dict) else []
        p.index(entries, child(child("events", i), "entries"), p.entry_ids, seen)
        seen += len(entries)


def parse(data: object) -> Parsed:
    """Validate a whole partnership file; raises ``ExchangeError`` listing every problem."""
    top = check_header(data)
    p = RecordReader(top, top["version"])
    r = p.r
    r.obj(top, "", TOP_REQUIRED, TOP_OPTIONAL + p.added(v2.TOP_V2 + team.TOP + travel.TOP))
    r.moment(top, "exported_at", "")
    _index_all(p, top)
    organizations = p.items(top, "organizations", "", p.organization)
    if isinstance(top.get("organizations"), list) and not organizations:
        r.add("organizations", _("a partnership needs at least one organization"))
    p.people = p.items(top, "people", "", p.person)
    partnership: Partnership | None = None
    objectives: list[Objective | None] = []
    if "partnership" in top:
        partnership, objectives = p.partnership(top["partnership"])
        raw = top["partnership"]
        if isinstance(raw, dict):
            objective_ids = _ids(_raw(raw, "objectives"))
            unique(p, objective_ids, "partnership.objectives", "id", _("objective id"))
            unique_measurements(p, _raw(raw, "objectives"))
            decision_ids = _ids(_raw(raw, "cycle_decisions"))
            unique(p, decision_ids, "partnership.cycle_decisions", "id", _("cycle decision id"))
    events, entries = p.events(top) if "events" in top else ([], [])
    actions = p.items(top, "actions", "", p.action) if "actions" in top else []
    unique(p, _ids(_raw(top, "actions")), "actions", "id", _("action id"))
    checklist = p.items(top, "checklist", "", p.mark, required=False)
    unique(p, _ids(_raw(top, "checklist"), "item"), "checklist", "item", _("checklist item"))
    reports = p.items(top, "reports", "", p.report, required=False)
    unique(p, _ids(_raw(top, "reports")), "reports", "id", _("report id"))
    known = evidence_ids(p, top)
    acks = p.items(
        top, "acknowledgements", "", lambda v, at: v2.ack(r, v, at, known), required=False
    )
    questionnaires = read_questionnaires(r, top, p.org_ids, p.person_ids, p.event_ids)
    if r.problems or partnership is None:
        raise ExchangeError(r.problems)
    parsed = Parsed(
        partnership,
        _whole(objectives),
        _whole(organizations),
        _whole(p.people),
        _whole(events),
        _whole(entries),
        _whole(actions),
        _whole(checklist),
        _whole(reports),
        p.thresholds,
        _whole(p.cycle_decisions),
        _whole(acks),
        questionnaires,
    )
    parsed.authors, parsed.audits = p.authors, p.audits
    parsed.deleted, parsed.merges = p.deleted, p.merges
    if p.version == 1:
        _upgrade_v1(parsed)
    return parsed


def _upgrade_v1(parsed: Parsed) -> None:
    """Version 1 had no action visibility: an action made from a private entry is private."""
    private = {i for i, n in enumerate(parsed.entries) if n.visibility is Visibility.PRIVATE}
    for a in parsed.actions:
        upgrade_v1_action(a, private)


def upgrade_v1_action(a: Action, private_entries: Container[int]) -> None:
    """A version 1 action whose source entry (a position among the file's entries) is private
    becomes private: version 1 had no action visibility. Both import paths use it."""
    if a.source_entry is not None and a.source_entry in private_entries:
        a.visibility = Visibility.PRIVATE


def unique_measurements(p: RecordReader, objectives: list[Any]) -> None:
    """Measurement ids are unique across every objective of the partnership."""
    seen: set[str] = set()
    for i, o in enumerate(objectives):
        items = _raw(o, "measurements") if isinstance(o, dict) else []
        for j, mid in enumerate(_ids(items)):
            if mid is None:
                continue
            if mid in seen:
                where = child(child(child("partnership.objectives", i), "measurements"), j)
                p.r.add(
                    child(where, "id"),
                    _('the {what} "{id}" is listed twice').format(what=_("measurement id"), id=mid),
                )
            seen.add(mid)


def evidence_ids(p: RecordReader, top: dict[str, Any]) -> dict[str, set[str]]:
    """The ids a warning's fingerprint may name, by evidence kind."""
    raw = top.get("partnership")
    objectives = _raw(raw, "objectives") if isinstance(raw, dict) else []
    return {
        "objective": {i for i in _ids(objectives) if i},
        "action": {i for i in _ids(_raw(top, "actions")) if i},
        "event": set(p.event_ids),
        "person": set(p.person_ids),
        "organization": set(p.org_ids),
    }


def _whole(items: Sequence[T | None]) -> list[T]:
    """The records of a file without problems: every element was built."""
    built = [i for i in items if i is not None]
    assert len(built) == len(items), "a record without problems was not built"
    return built
