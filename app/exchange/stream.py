"""Reading a partnership file record by record: memory stays flat in the size of the file.

A file of 200,000 entries is never held as one parsed document. ``ijson`` walks the file; every
top-level value but ``events`` is built as usual (the partnership, organizations, people, the
plan: small), while the events (each with its entries) are built and handed on one at a time.

``check_file`` reads the file twice: once to note every id (a reference may point forwards),
then to check each record with the same ``RecordReader`` as ``parse``, so every problem is
reported with its JSON path, exactly as for a file read whole. Nothing is written. The
``CheckedFile`` it returns keeps only the small top-level values; ``store_checked`` reads the
events a third time and writes them as they come, inside the caller's transaction (the import
is still all or nothing). Objects that give a key twice are reported too (``_Keys``). The
top-level values are read event by event (``walk``); the events, read three times, are built by
ijson's own parser in C (``event_values``), and each event's entries are stored in a few
statements (``entries.insert_entries``): the import costs a small multiple of a plain SQLite
bulk insert of the same rows.

Versions 1 and 2 are read exactly as ``parse`` reads them: the same checks (the acknowledgements,
measurement and cycle decision ids included), the same upgrade of version 1
(``upgrade_v1_action``), and every version 2 addition stored by ``store_additions``, which the
in-memory importer uses too.
"""

from __future__ import annotations

import re
import uuid
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import ijson
from ijson.common import ObjectBuilder
from sqlite_utils import Database

from app.domain import Entry, Event, Partnership
from app.domain.enums import Visibility
from app.domain.labels import file_kind_name
from app.domain.model import CycleDecision
from app.exchange import additions as v2
from app.exchange import team, travel
from app.exchange.errors import ExchangeError, single
from app.exchange.parse import (
    TOP_OPTIONAL,
    TOP_REQUIRED,
    check_header,
    evidence_ids,
    unique_measurements,
    upgrade_v1_action,
)
from app.exchange.questionnaires import read_questionnaires, store_questionnaires
from app.exchange.reader import child, printable
from app.exchange.records import RecordReader, unique
from app.i18n import _
from app.persistence import (
    actions,
    checklist,
    entries,
    events,
    fts,
    measurements,
    partnerships,
    records,
)
from app.safety.output import NotARegularFile, require_regular_input

_BOM = b"\xef\xbb\xbf"
_OPEN = ("start_map", "start_array")
_CLOSE = ("end_map", "end_array")
# Stands for the events array in the top-level values: its elements come one at a time.
_STREAMED: list[Any] = []


class _Keys(dict[str, Any]):
    """A JSON object that remembers the keys the file gave it more than once."""

    def __init__(self) -> None:
        super().__init__()
        self.twice: list[str] = []

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            self.twice.append(key)
        super().__setitem__(key, value)


@contextmanager
def _opened(path: Path) -> Iterator[IO[bytes]]:
    """The file positioned after a UTF-8 byte order mark; unreadable files are refused."""
    try:
        require_regular_input(path)  # a pipe or a device would be read for ever
        f = path.open("rb")
    except NotARegularFile as exc:
        raise single(
            _("{path} is {kind}, not a file.").format(path=path, kind=file_kind_name(exc.kind))
        ) from None
    except FileNotFoundError:
        raise single(_("There is no file {path}.").format(path=path)) from None
    except IsADirectoryError:
        raise single(_("{path} is a folder, not a partnership file.").format(path=path)) from None
    except OSError as exc:
        raise single(
            _("The file {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror)
        ) from None
    with f:
        if f.read(3) != _BOM:
            f.seek(0)
        yield f


def walk(
    path: Path, *, build_top: bool = True, build_events: bool = True
) -> Iterator[tuple[str, int | None, Any]]:
    """The file's top-level values as ``(key, None, value)``, except that the elements of an
    ``events`` array come one by one as ``("events", i, event)`` (after ``("events", None,
    _STREAMED)``). ``build_top=False`` skips building the other values, ``build_events=False``
    the events (``None`` for each). ``event_values`` reads the events alone faster."""
    backend = _backend(path)
    with _opened(path) as f:
        try:
            yield from _values(backend.basic_parse(f, use_float=True), build_top, build_events)
        except ijson.JSONError:
            _explain(path)
            raise single(_("{path} is not valid JSON.").format(path=path)) from None


def event_values(path: Path) -> Iterator[tuple[int, Any]]:
    """The elements of the top-level ``events`` array as ``(i, event)``, one at a time, each
    built by the parser itself (in C, where ``walk`` builds them in Python event by event):
    the three readings of the events (index, check, store) cost a fraction of ``walk``'s. An
    object's keys given twice are noted as in ``walk``. Call after ``walk`` has read the top
    (which refuses a file that is not an object, or has two ``events``)."""
    backend = _backend(path)
    with _opened(path) as f:
        try:
            found = backend.items(f, "events.item", map_type=_Keys, use_float=True)
            yield from enumerate(found)
        except ijson.JSONError:
            _explain(path)
            raise single(_("{path} is not valid JSON.").format(path=path)) from None


# A \\u escape of half a surrogate pair (written by JSON writers that escape all non-ASCII).
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_CHUNK = 1 << 20


def _backend(path: Path) -> Any:
    """ijson's fast C parser, unless the file spells surrogates as escapes: the C parser turns a
    lone one (half a character) into "?" where the checks must see and refuse it."""
    with _opened(path) as f:
        tail = b""
        while chunk := f.read(_CHUNK):
            if _SURROGATE_ESCAPE.search(tail + chunk):
                return ijson.get_backend("python")
            tail = chunk[-5:]
    return ijson


def _explain(path: Path) -> None:
    """Say why a file is not JSON as ``load_file`` does (line and column, not UTF-8…): only a
    broken file is read whole, to find the place."""
    from app.exchange.files import load_file

    load_file(path)


def _values(
    parser: Iterator[tuple[str, Any]], build_top: bool, build_events: bool = True
) -> Iterator[tuple[str, int | None, Any]]:
    first, _value = next(parser, ("", None))
    if first != "start_map":
        raise single(_("The file is not a Kumppani partnership file: it is not a JSON object."))
    key, builder, depth, index = "", None, 0, None
    for event, value in parser:
        if builder is None and depth == 0:
            if index is None and event == "end_map":
                return
            if index is None and event == "map_key":
                key = value
                continue
            if index is not None and event == "end_array":
                index = None
                continue
            if index is None and key == "events" and event == "start_array":
                index = 0
                yield key, None, _STREAMED
                continue
            if build_events if index is not None else build_top:
                builder = ObjectBuilder(map_type=_Keys)
        if builder is not None:
            builder.event(event, value)
        depth += (event in _OPEN) - (event in _CLOSE)
        if depth == 0:
            if index is not None:
                yield key, index, builder.value if builder is not None else None
                index += 1
            elif builder is not None:
                yield key, None, builder.value
            builder = None


def report_repeated_keys(p: RecordReader, value: Any, path: str) -> None:
    """A problem for every key an object of ``value`` was given more than once."""
    if isinstance(value, _Keys):
        for key in dict.fromkeys(value.twice):
            p.r.add(printable(child(path, key)), _("the field appears more than once"))
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                report_repeated_keys(p, item, child(path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, (dict, list)):
                report_repeated_keys(p, item, child(path, i))


@dataclass
class CheckedFile:
    """A partnership file without problems: its small top-level values and where it is."""

    path: Path
    top: dict[str, Any]
    partnership: Partnership
    counts: dict[str, int] = field(default_factory=dict)
    # Event id → position: a cycle decision (read with the partnership, before the events are
    # stored again) may name any event.
    event_ids: dict[str, int] = field(default_factory=dict)


def _top(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The top-level values but the events; the keys given twice at the top."""
    top: dict[str, Any] = {}
    twice: list[str] = []
    for key, index, value in walk(path, build_events=False):
        if index is None:
            if key in top:
                twice.append(key)
            top[key] = value
    return top, twice


def _note_id(p: RecordReader, value: Any, path: str, into: dict[str, int], at: int) -> None:
    """As ``RecordReader.index`` for one element: its id and position, or "used twice"."""
    ident = value.get("id") if isinstance(value, dict) else None
    if not isinstance(ident, str) or not ident.strip():
        return
    if ident in into:
        p.r.add(child(path, "id"), _('the id "{id}" is used twice').format(id=ident))
    else:
        into[ident] = at


def _entries_of(value: Any) -> list[Any]:
    raw = value.get("entries") if isinstance(value, dict) else None
    return raw if isinstance(raw, list) else []


def _index_events(p: RecordReader, path: Path) -> dict[str, int]:
    """Note every event's and entry's id (references may point forwards); count them."""
    counts = {"events": 0, "entries": 0}
    for i, value in event_values(path):
        at = child("events", i)
        _note_id(p, value, at, p.event_ids, i)
        for j, item in enumerate(_entries_of(value)):
            _note_id(p, item, child(child(at, "entries"), j), p.entry_ids, counts["entries"] + j)
        counts["events"] += 1
        counts["entries"] += len(_entries_of(value))
    return counts


def check_file(path: Path | str) -> CheckedFile:
    """Check a partnership file as ``parse`` does, reading one event at a time.

    Raises ``ExchangeError`` with every problem and its JSON path; writes nothing.
    """
    path = Path(path)
    top, twice = _top(path)
    check_header(top)
    p = RecordReader(top, top["version"])
    r = p.r
    for key in dict.fromkeys(twice):
        r.add(printable(key), _("the field appears more than once"))
    report_repeated_keys(p, top, "")
    r.obj(top, "", TOP_REQUIRED, TOP_OPTIONAL + p.added(v2.TOP_V2 + team.TOP + travel.TOP))
    r.moment(top, "exported_at", "")
    p.index(_list(top, "organizations"), "organizations", p.org_ids)
    p.index(_list(top, "people"), "people", p.person_ids)
    counts = _index_events(p, path)
    organizations = p.items(top, "organizations", "", p.organization)
    if isinstance(top.get("organizations"), list) and not organizations:
        r.add("organizations", _("a partnership needs at least one organization"))
    p.people = p.items(top, "people", "", p.person)
    partnership = None
    if "partnership" in top:
        partnership, _objectives = p.partnership(top["partnership"])
        raw = top["partnership"]
        if isinstance(raw, dict):
            objective_ids = [_id_of(o) for o in _list(raw, "objectives")]
            unique(p, objective_ids, "partnership.objectives", "id", _("objective id"))
            unique_measurements(p, _list(raw, "objectives"))
            decision_ids = [_id_of(c) for c in _list(raw, "cycle_decisions")]
            unique(p, decision_ids, "partnership.cycle_decisions", "id", _("cycle decision id"))
    if top.get("events") is not _STREAMED and "events" in top:
        r.array(top, "events", "")  # not an array: says so
    for i, value in event_values(path):
        at = child("events", i)
        report_repeated_keys(p, value, at)
        p.event(value, at)
        for j, item in enumerate(_entries_of(value)):
            p.entry(item, child(child(at, "entries"), j), i)
    _check_plan(p, top)
    known = evidence_ids(p, top)
    p.items(top, "acknowledgements", "", lambda v, at: v2.ack(r, v, at, known), required=False)
    read_questionnaires(r, top, p.org_ids, p.person_ids, p.event_ids)
    if r.problems or partnership is None:
        raise ExchangeError(r.problems)
    return CheckedFile(path, top, partnership, counts, dict(p.event_ids))


def _check_plan(p: RecordReader, top: dict[str, Any]) -> None:
    if "actions" in top:
        p.items(top, "actions", "", p.action)
    unique(p, [_id_of(a) for a in _list(top, "actions")], "actions", "id", _("action id"))
    p.items(top, "checklist", "", p.mark, required=False)
    items = [_id_of(m, "item") for m in _list(top, "checklist")]
    unique(p, items, "checklist", "item", _("checklist item"))
    p.items(top, "reports", "", p.report, required=False)
    unique(p, [_id_of(x) for x in _list(top, "reports")], "reports", "id", _("report id"))


def _list(d: Any, key: str) -> list[Any]:
    value = d.get(key) if isinstance(d, dict) else None
    return value if isinstance(value, list) else []


def _id_of(item: Any, key: str = "id") -> str | None:
    value = item.get(key) if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def store_checked(db: Database, checked: CheckedFile, *, renew: bool = False) -> int:
    """Write a checked file inside the caller's transaction; returns the partnership's key.

    ``renew`` gives every record a fresh id (a copy): the same old id always becomes the same
    new one within this import, so text references (checklist evidence, report audiences)
    follow their targets without a table of every id in memory.
    """
    salt = uuid.uuid4()

    def fresh(old: str) -> str:
        return str(uuid.uuid5(salt, old)) if renew else old

    p = RecordReader(checked.top, checked.top["version"])
    p.index(_list(checked.top, "organizations"), "organizations", p.org_ids)
    p.index(_list(checked.top, "people"), "people", p.person_ids)
    p.event_ids = dict(checked.event_ids)
    partnership, objectives = p.partnership(checked.top["partnership"])
    cycle_decisions = [c for c in p.cycle_decisions if c is not None]
    assert partnership is not None
    partnership.id = fresh(partnership.id)
    if renew:
        partnership.name = _("{name} (copy)").format(name=partnership.name)[:200]
    pk = partnerships.insert_partnership(db, partnership)
    org_pks: list[int] = []
    for org in p.items(checked.top, "organizations", "", p.organization):
        assert org is not None
        org.id = fresh(org.id)
        org_pks.append(partnerships.insert_organization(db, pk, org))
    p.people = p.items(checked.top, "people", "", p.person)
    person_pks: list[int] = []
    for person in p.people:
        assert person is not None
        person.organization = org_pks[person.organization]
        person.id = fresh(person.id)
        person_pks.append(partnerships.insert_person(db, pk, person))
    # A warning's evidence "kind:id" (ids as in the file) → the record's key.
    evidence: dict[str, int | None] = {}
    for kind, items, pks in (
        ("organization", _list(checked.top, "organizations"), org_pks),
        ("person", _list(checked.top, "people"), person_pks),
    ):
        evidence.update((f"{kind}:{_id_of(x)}", key) for x, key in zip(items, pks, strict=True))
    for o in objectives:
        assert o is not None
        o.owner = person_pks[o.owner] if o.owner is not None else None
        old = o.id
        o.id = fresh(o.id)
        for m in o.measurements:
            m.id = fresh(m.id)
        evidence[f"objective:{old}"] = partnerships.insert_objective(db, pk, o)
    stored = _store_events(db, pk, checked.path, p, (org_pks, person_pks), fresh)
    evidence.update((f"event:{old}", key) for old, key in stored.event_keys.items())
    evidence.update(_store_plan(db, pk, p, (org_pks, person_pks, stored), fresh))
    for c in cycle_decisions:
        c.id = fresh(c.id)
    known = evidence_ids(p, checked.top)
    acks = p.items(
        checked.top, "acknowledgements", "", lambda v, at: v2.ack(p.r, v, at, known), required=False
    )
    store_additions(
        db,
        pk,
        p.thresholds,
        cycle_decisions,
        [a for a in acks if a is not None],
        stored.event_pks,
        evidence,
    )
    questionnaires = read_questionnaires(p.r, checked.top, p.org_ids, p.person_ids, p.event_ids)
    store_questionnaires(db, pk, questionnaires, (org_pks, person_pks, stored.event_pks), fresh)
    # A copy's records are new (written now, by whoever imports); the authors' names stay.
    team.store(db, pk, p.authors, {} if renew else p.audits)
    if not renew:  # a copy is a partnership of its own: it has met no one
        travel.store(db, partnership.id, p.deleted, p.merges)
    return pk


def store_additions(
    db: Database,
    pk: int,
    thresholds: dict[str, Any],
    cycle_decisions: list[CycleDecision],
    acks: list[v2.FileAck],
    event_pks: Sequence[int],
    evidence_pks: Mapping[str, int | None],
) -> None:
    """What version 2 adds, stored after the rest by both import paths: thresholds, cycle
    decisions (``event`` a position in the file) and acknowledgements (evidence "kind:id" as in
    the file, looked up in ``evidence_pks``)."""
    if thresholds:
        partnerships.set_thresholds(db, pk, thresholds)
    for c in cycle_decisions:
        c.event = event_pks[c.event] if c.event is not None else None
        measurements.insert_cycle_decision(db, pk, c)
    for ack in acks:
        seen = None
        if ack.evidence is not None:
            seen = [f"{ref.split(':')[0]}:{evidence_pks[ref]}" for ref in ack.evidence]
        checklist.add_ack(
            db,
            pk,
            ack.rule,
            ack.acknowledged_on,
            ack.severity,
            seen or [],
            ack.note,
            known=seen is not None,
        )


@dataclass
class _Stored:
    """What storing the events leaves for the rest: keys by position (flat arrays), which
    entries were private (a version 1 action from one becomes private), event keys by id."""

    entry_pks: array[int] = field(default_factory=lambda: array("q"))
    event_pks: array[int] = field(default_factory=lambda: array("q"))
    private: set[int] = field(default_factory=set)
    event_keys: dict[str, int] = field(default_factory=dict)


def _store_events(
    db: Database,
    pk: int,
    path: Path,
    p: RecordReader,
    keys: tuple[list[int], list[int]],
    fresh: Callable[[str], str],
) -> _Stored:
    org_pks, person_pks = keys
    stored = _Stored()
    entry_pks = stored.entry_pks
    for i, value in event_values(path):
        at = child("events", i)
        event: Event | None = p.event(value, at)
        assert event is not None
        p.event_ids[event.id] = i
        for part in event.participants:
            part.person = person_pks[part.person]
        for rating in event.ratings:
            rating.organization = org_pks[rating.organization]
            if rating.respondent is not None:
                rating.respondent = person_pks[rating.respondent]
        for item in event.agenda:
            item.id = fresh(item.id)
            if item.presenter is not None:
                item.presenter = person_pks[item.presenter]
        old = event.id
        event.id = fresh(event.id)
        event_pk = events.insert_event(db, pk, event)
        stored.event_pks.append(event_pk)
        stored.event_keys[old] = event_pk
        batch: list[Entry] = []
        for j, item in enumerate(_entries_of(value)):
            entry = p.entry(item, child(child(at, "entries"), j), i)
            assert entry is not None
            p.entry_ids[entry.id] = len(entry_pks) + j
            if entry.visibility is Visibility.PRIVATE:
                stored.private.add(len(entry_pks) + j)
            if entry.decision is not None:
                entry.decision.agreed_by = [org_pks[o] for o in entry.decision.agreed_by]
            if entry.agenda_item is not None:
                entry.agenda_item = event.agenda[entry.agenda_item].pk
            entry.event, entry.id = event_pk, fresh(entry.id)
            batch.append(entry)
        # The event's entries in a few statements (rows, keys, index), not three each.
        entries.insert_entries(db, pk, event_pk, batch, index=False)
        entry_pks.extend(e.pk or 0 for e in batch)
    fts.partnership_entries_added(db, pk)  # the new partnership's entries, indexed at once
    return stored


def _store_plan(
    db: Database,
    pk: int,
    p: RecordReader,
    keys: tuple[list[int], list[int], _Stored],
    fresh: Callable[[str], str],
) -> dict[str, int | None]:
    """Store the plan and the records around it; returns the actions' evidence keys."""
    org_pks, person_pks, stored = keys
    entry_pks = stored.entry_pks
    evidence: dict[str, int | None] = {}
    for seq, a in enumerate(p.items(p.data, "actions", "", p.action)):
        if p.version == 1:
            upgrade_v1_action(a, stored.private)
        a.owner = person_pks[a.owner] if a.owner is not None else None
        a.organization = org_pks[a.organization] if a.organization is not None else None
        a.source_entry = entry_pks[a.source_entry] if a.source_entry is not None else None
        old = a.id
        a.id = fresh(a.id)
        # The partnership is new: its plan is numbered here, in the file's order.
        evidence[f"action:{old}"] = actions.insert_action(db, pk, a, seq=seq)
    for mark in p.items(p.data, "checklist", "", p.mark, required=False):
        mark.evidence = fresh(mark.evidence) if mark.evidence is not None else None
        records.upsert_checklist_mark(db, pk, mark)
    for report in p.items(p.data, "reports", "", p.report, required=False):
        report.id = fresh(report.id)
        if report.audience != "all":
            report.audience = fresh(report.audience)
        report.event = stored.event_pks[report.event] if report.event is not None else None
        records.insert_feedback_report(db, pk, report)
    return evidence
