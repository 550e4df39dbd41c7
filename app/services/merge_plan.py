"""Merging two exchange documents of one partnership: the pure part of a merge.

``plan(ours, theirs)`` gives the merged document, what changes in ours, the conflicts and the
versions a merge replaces. It is symmetric: ``plan(a, b)`` and ``plan(b, a)`` give the same
merged content (only what is reported as changed differs), so merging A into B and B into A
gives both diaries the same partnership.

- Records are matched by their ids. What only one side has is added, unless the other side
  deleted it (a tombstone in ``deleted``) and the record was not changed after the deletion.
- A record both sides have and that differs: the newer edit (``updated_at``) is kept; with equal
  or no stamps, a fixed choice (the larger canonical JSON) keeps the merge symmetric. Events,
  entries and actions changed on both sides since the two diaries last met are conflicts: the
  version not kept is returned as a revision, so it can be brought back.
- Organizations, people and objectives are matched and added; when both changed, the newer
  (or the fixed choice) is kept, without a revision. The partnership's own fields, checklist
  marks, reports and acknowledgements are matched the same way.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from app.exchange.team import AUDIT

Record = dict[str, Any]
KINDS = ("event", "entry", "action", "organization", "person", "objective")
_TOP_IGNORED = ("exported_at", "source", "merges")


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _content(record: Record, *, without: tuple[str, ...] = ()) -> str:
    """A record's content, without its team fields (and ``without``)."""
    return _canon({k: v for k, v in record.items() if k not in AUDIT and k not in without})


def _newer(a: Record, b: Record, *, without: tuple[str, ...] = ()) -> Record:
    """The version a merge keeps: the newer edit, or the same fixed choice from either side."""
    ka = (str(a.get("updated_at") or ""), _canon({k: v for k, v in a.items() if k not in without}))
    kb = (str(b.get("updated_at") or ""), _canon({k: v for k, v in b.items() if k not in without}))
    return a if ka >= kb else b


def _changed_since(record: Record, met: str) -> bool:
    """Was the record edited after ``met`` (two diaries' last meeting; "" if never)?"""
    updated = str(record.get("updated_at") or "")
    created = str(record.get("created_at") or "")
    if not updated:
        return True  # unknown: treat as changed, so a difference is shown rather than lost
    return updated > max(met, created)


@dataclass(slots=True)
class Conflict:
    kind: str
    id: str
    ours: Record
    theirs: Record
    kept: str  # "ours" or "theirs"


@dataclass(slots=True)
class Plan:
    merged: dict[str, Any]
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    # (kind, a version the merge does not keep, reason "conflict" / "deleted", "ours" / "theirs")
    revisions: list[tuple[str, Record, str, str]] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.added or self.updated or self.deleted or self.conflicts)


def _ordered(ours: list[Record], theirs: list[Record], key: Callable[[Record], str]) -> list[str]:
    """The merged order of two lists' keys, the same whichever side is ``ours``.

    Records both sides have keep their order; one side's own records follow the record both
    have that they followed, ordered among themselves by creation time and key."""
    common = {key(r) for r in ours} & {key(r) for r in theirs}
    groups: dict[str, list[tuple[str, str]]] = {}
    for side in (ours, theirs):
        anchor = ""
        for r in side:
            k = key(r)
            if k in common:
                anchor = k
            else:
                groups.setdefault(anchor, []).append((str(r.get("created_at") or ""), k))
    out: list[str] = []
    seen: set[str] = set()

    def group(anchor: str) -> None:
        for _stamp, k in sorted(set(groups.get(anchor, []))):
            if k not in seen:
                seen.add(k)
                out.append(k)

    group("")
    for r in ours:
        k = key(r)
        if k in common and k not in seen:
            seen.add(k)
            out.append(k)
            group(k)
    return out


class _Merger:
    def __init__(self, ours: dict[str, Any], theirs: dict[str, Any], met: str) -> None:
        self.ours, self.theirs, self.met = ours, theirs, met
        self.plan = Plan({})
        self.tomb_ours = {(t["kind"], t["id"]): t for t in ours.get("deleted", [])}
        self.tomb_theirs = {(t["kind"], t["id"]): t for t in theirs.get("deleted", [])}

    def pick(
        self,
        kind: str,
        a: Record | None,
        b: Record | None,
        *,
        revisions: bool,
        without: tuple[str, ...] = (),
    ) -> Record | None:
        """The merged version of one record (``a`` ours, ``b`` theirs); None: deleted."""
        p = self.plan
        if a is None and b is None:
            return None
        if a is None or b is None:
            live = a if a is not None else b
            assert live is not None
            tombs = self.tomb_theirs if a is not None else self.tomb_ours
            tomb = tombs.get((kind, live["id"])) if revisions else None
            if tomb is None and kind == "entry":  # the entry's event was deleted
                tomb = tombs.get(("event", live["__event"]))
            stamp = str(live.get("updated_at") or "")
            if tomb is not None and tomb["deleted_at"] >= stamp:
                if a is not None:
                    p.deleted[kind] += 1
                    if revisions:
                        p.revisions.append((kind, a, "deleted", "ours"))
                return None
            if a is None:
                p.added[kind] += 1
            return live
        kept = _newer(a, b, without=without)
        if _content(a, without=without) == _content(b, without=without):
            return kept
        if kept is b:
            p.updated[kind] += 1
        if revisions and _changed_since(a, self.met) and _changed_since(b, self.met):
            p.conflicts.append(Conflict(kind, a["id"], a, b, "ours" if kept is a else "theirs"))
            # Nothing is lost: the version not kept stays, whichever side it came from.
            p.revisions.append(
                (kind, b, "conflict", "theirs") if kept is a else (kind, a, "conflict", "ours")
            )
        return kept

    def records(
        self,
        kind: str,
        ours: list[Record],
        theirs: list[Record],
        *,
        revisions: bool,
        key: Callable[[Record], str] = lambda r: str(r["id"]),
        without: tuple[str, ...] = (),
    ) -> list[Record]:
        a = {key(r): r for r in ours}
        b = {key(r): r for r in theirs}
        out = []
        for k in _ordered(ours, theirs, key):
            r = self.pick(kind, a.get(k), b.get(k), revisions=revisions, without=without)
            if r is not None:
                out.append(r)
        return out


def _entries(events: Iterable[Record]) -> list[Record]:
    return [{**n, "__event": e["id"]} for e in events for n in e.get("entries", [])]


def plan(ours: dict[str, Any], theirs: dict[str, Any], met: str = "") -> Plan:
    """Merge ``theirs`` into ``ours`` (two documents of the same partnership).

    ``met``: when the two diaries last met (a UTC stamp, "" if never)."""
    m = _Merger(ours, theirs, met)
    p = m.plan
    merged: dict[str, Any] = {k: v for k, v in ours.items() if k not in _TOP_IGNORED}
    part_a, part_b = ours["partnership"], theirs["partnership"]
    objectives = m.records(
        "objective", part_a.get("objectives", []), part_b.get("objectives", []), revisions=False
    )
    partnership = _newer(part_a, part_b, without=("objectives",))
    differs = _content(part_a, without=("objectives",)) != _content(part_b, without=("objectives",))
    if differs and partnership is part_b:
        p.updated["partnership"] += 1
    merged["partnership"] = {**partnership, "objectives": objectives}
    if not objectives:
        merged["partnership"].pop("objectives")
    merged["organizations"] = m.records(
        "organization", ours["organizations"], theirs["organizations"], revisions=False
    )
    merged["people"] = m.records("person", ours["people"], theirs["people"], revisions=False)
    events = m.records(
        "event", ours["events"], theirs["events"], revisions=True, without=("entries",)
    )
    entries = m.records(
        "entry", _entries(ours["events"]), _entries(theirs["events"]), revisions=True
    )
    # An entry added to an event the other side deleted keeps that event (it changed later).
    live_events = {e["id"] for e in events}
    for e in [*ours["events"], *theirs["events"]]:
        if e["id"] not in live_events and any(n["__event"] == e["id"] for n in entries):
            events.append(e)
            live_events.add(e["id"])
            p.deleted["event"] -= 1
    merged["events"] = [
        {**e, "entries": [_plain(n) for n in entries if n["__event"] == e["id"]]} for e in events
    ]
    merged["actions"] = m.records("action", ours["actions"], theirs["actions"], revisions=True)
    for key, name, ident in (
        ("checklist", "checklist", "item"),
        ("reports", "report", "id"),
        ("acknowledgements", "acknowledgement", ""),
    ):
        if key in ours or key in theirs:
            merged[key] = m.records(
                name,
                ours.get(key, []),
                theirs.get(key, []),
                revisions=False,
                key=_keyed(ident),
            )
    _tombstones(merged, ours, theirs)
    _authors(merged, ours, theirs)
    _references(merged)
    p.merged = merged
    for counter in (p.added, p.updated, p.deleted):
        for k in [k for k, v in counter.items() if v <= 0]:
            del counter[k]
    return p


def _keyed(ident: str) -> Callable[[Record], str]:
    """How records without an id of their own are matched (an acknowledgement: rule and key)."""

    def key(r: Record) -> str:
        return str(r[ident]) if ident else f"{r['rule']}\t{r['key']}"

    return key


def _plain(entry: Record) -> Record:
    return {k: v for k, v in entry.items() if k != "__event"}


def _tombstones(merged: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    live = {("event", e["id"]) for e in merged["events"]}
    live |= {("entry", n["id"]) for e in merged["events"] for n in e["entries"]}
    live |= {("action", a["id"]) for a in merged["actions"]}
    found: dict[tuple[str, str], Record] = {}
    for t in [*ours.get("deleted", []), *theirs.get("deleted", [])]:
        k = (t["kind"], t["id"])
        if k not in live and (k not in found or _canon(t) > _canon(found[k])):
            found[k] = t
    merged.pop("deleted", None)
    if found:
        merged["deleted"] = [found[k] for k in sorted(found)]


def _authors(merged: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> None:
    names: dict[str, str] = {}
    for side in (theirs, ours):
        for a in side.get("authors", []):
            if a["id"] not in names or (a["name"] and a["name"] > names[a["id"]]):
                names[a["id"]] = a["name"]
    merged.pop("authors", None)
    if names:
        merged["authors"] = [{"id": i, "name": names[i]} for i in sorted(names)]


def _references(merged: dict[str, Any]) -> None:
    """Leave out references to records the merge deleted, so the merged file imports."""
    events = {e["id"] for e in merged["events"]}
    entries = {n["id"] for e in merged["events"] for n in e["entries"]}
    for e in merged["events"]:
        items = {a["id"] for a in e.get("agenda", [])}
        for n in e["entries"]:
            if n.get("agenda_item") is not None and n["agenda_item"] not in items:
                n.pop("agenda_item")
    for a in merged["actions"]:
        if a.get("source_entry") is not None and a["source_entry"] not in entries:
            a.pop("source_entry")
    for mark in merged.get("checklist", []):
        if mark.get("evidence") is not None and mark["evidence"] not in events | entries:
            mark.pop("evidence")
    for c in merged["partnership"].get("cycle_decisions", []):
        if c.get("event") is not None and c["event"] not in events:
            c.pop("event")
