"""Entries written into events: ideas, decisions, obstacles, observations and the rest."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from app.domain import Entry, EntryType, Tension, Visibility
from app.domain.enums import DecisionStatus, Fate
from app.domain.model import DecisionRecord, IdeaFate
from app.persistence import fts
from app.persistence.rows import d2s, next_seq, now_stamp, one, rows, s2d


def tensions_to_text(tensions: tuple[Tension, ...]) -> str:
    return ",".join(t.value for t in tensions)


@lru_cache(maxsize=64)
def text_to_tensions(text: str | None) -> tuple[Tension, ...]:
    # Cached: a diary holds only a handful of distinct tension strings, and reading a large
    # partnership converts tens of thousands of them (Enum lookups are slow in Python 3.11).
    return tuple(Tension(t) for t in text.split(",") if t) if text else ()


# Plain dictionaries: ``EntryType(value)`` costs several times more per row than a lookup.
_TYPES = {t.value: t for t in EntryType}
_VISIBILITIES = {v.value: v for v in Visibility}
_FATES = {f.value: f for f in Fate}


def _entry(r: dict[str, Any]) -> Entry:
    return Entry(
        event=r["event_pk"],
        type=_TYPES[r["type"]],
        text=r.get("text", ""),
        visibility=_VISIBILITIES[r["visibility"]],
        tensions=text_to_tensions(r["tensions"]),
        id=r["id"],
        pk=r["pk"],
        fate=_fate(r) if r["fate"] else None,
        decision=_decision(r) if r["decision_status"] else None,
        agenda_item=r.get("agenda_item_pk"),
        written_at=r.get("written_at"),
    )


def _fate(r: dict[str, Any]) -> IdeaFate:
    return IdeaFate(Fate(r["fate"]), r["fate_reason"], s2d(r["fate_on"]), s2d(r["revisit_on"]))  # type: ignore[arg-type]


def _decision(r: dict[str, Any]) -> DecisionRecord:
    return DecisionRecord(
        DecisionStatus(r["decision_status"]), [], s2d(r["review_on"]), r["disagreement"]
    )


def _status_fields(e: Entry) -> list[Any]:
    """The idea's fate and the decision's record, as the entry's columns."""
    f, d = e.fate, e.decision
    return [
        f.status.value if f else None,
        f.reason if f else None,
        d2s(f.on) if f else None,
        d2s(f.revisit_on) if f else None,
        d.status.value if d else None,
        d2s(d.review_on) if d else None,
        d.disagreement if d else None,
    ]


_STATUS_COLUMNS = "fate, fate_reason, fate_on, revisit_on, decision_status, review_on, disagreement"


def _store_agreements(db: Database, e: Entry) -> None:
    """Which organizations agreed to a decision (``agreed_by`` holds organization keys).

    Written when an entry is inserted; an edit of the entry leaves them as they are.
    """
    db.execute("DELETE FROM decision_agreements WHERE entry_pk = ?", [e.pk])
    for seq, org in enumerate(e.decision.agreed_by if e.decision else []):
        db.execute(
            "INSERT INTO decision_agreements (entry_pk, organization_pk, seq) VALUES (?, ?, ?)",
            [e.pk, org, seq],
        )


def decision_agreements(db: Database, partnership_pk: int) -> dict[int, list[int]]:
    """Organization keys that agreed to each decision of a partnership, by entry key."""
    found: dict[int, list[int]] = {}
    for entry_pk, org in db.conn.execute(
        "SELECT a.entry_pk, a.organization_pk FROM decision_agreements a "
        "JOIN entries n ON n.pk = a.entry_pk WHERE n.partnership_pk = ? "
        "ORDER BY a.entry_pk, a.seq",
        [partnership_pk],
    ):
        found.setdefault(entry_pk, []).append(org)
    return found


def list_entries(
    db: Database, event_pk: int, *, limit: int = -1, offset: int = 0, author: str | None = None
) -> list[Entry]:
    """Live entries of an event in order; ``limit``/``offset`` read one page (-1: all);
    ``author``: only those that author created or changed last."""
    by = " AND (created_by = ? OR updated_by = ?)" if author is not None else ""
    return [
        _entry(r)
        for r in rows(
            db,
            f"SELECT * FROM entries WHERE event_pk = ? AND deleted_at IS NULL{by} ORDER BY seq "
            "LIMIT ? OFFSET ?",
            [event_pk, *([author, author] if author is not None else []), limit, offset],
        )
    ]


# Every column of an entry but its text (the computations count entries, they never read them).
_NO_TEXT = "n.pk, n.event_pk, n.id, n.type, n.visibility, n.tensions"


def list_partnership_entries(
    db: Database, partnership_pk: int, *, texts: bool = True
) -> list[tuple[str, Entry]]:
    """All live entries of a partnership's live events as (event date, entry), in date order.

    ``texts=False`` leaves every text empty and never reads one: the entry rows stay unread
    past their small columns, which is what the plots and indicators need of 200,000 entries.
    """
    columns = "n.*" if texts else _NO_TEXT
    return [
        (r["date"], _entry(r))
        for r in rows(
            db,
            f"SELECT {columns}, e.date FROM entries n JOIN events e ON e.pk = n.event_pk "
            "WHERE n.partnership_pk = ? AND n.deleted_at IS NULL AND e.deleted_at IS NULL "
            "ORDER BY e.date, e.pk, n.seq",
            [partnership_pk],
        )
    ]


_LIVE = (
    "SELECT n.pk, n.id FROM entries n JOIN events e ON e.pk = n.event_pk "
    "WHERE n.partnership_pk = ? AND n.deleted_at IS NULL AND e.deleted_at IS NULL"
)


def live_entry_ids(db: Database, partnership_pk: int, pks: list[int]) -> dict[int, str]:
    """Key → id of those of ``pks`` that are live entries of live events of the partnership."""
    found: dict[int, str] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        sql = f"{_LIVE} AND n.pk IN ({','.join('?' * len(chunk))})"
        found.update((r[0], r[1]) for r in db.conn.execute(sql, [partnership_pk, *chunk]))
    return found


def live_entry_ids_among(db: Database, partnership_pk: int, ids: list[str]) -> set[str]:
    """Those of ``ids`` that are ids of live entries of live events of the partnership."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"{_LIVE} AND n.id IN ({','.join('?' * len(chunk))})"
        found.update(r[1] for r in db.conn.execute(sql, [partnership_pk, *chunk]))
    return found


def get_entry(db: Database, pk: int) -> Entry | None:
    row = one(db, "SELECT * FROM entries WHERE pk = ?", [pk])
    if not row:
        return None
    entry = _entry(row)
    if entry.decision is not None:
        entry.decision.agreed_by = [
            r[0]
            for r in db.conn.execute(
                "SELECT organization_pk FROM decision_agreements WHERE entry_pk = ? ORDER BY seq",
                [pk],
            )
        ]
    return entry


def update_decision(db: Database, e: Entry) -> None:
    """Store an entry with its decision record, the sides that agreed included."""
    update_entry(db, e)
    _store_agreements(db, e)


def insert_entry(db: Database, partnership_pk: int, e: Entry) -> int:
    cur = db.execute(
        "INSERT INTO entries (partnership_pk, event_pk, id, seq, type, text, visibility, tensions, "
        f"{_STATUS_COLUMNS}, agenda_item_pk, written_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            e.event,
            e.id,
            next_seq(db, "entries", "event_pk", e.event),
            e.type.value,
            e.text,
            (e.visibility or e.type.default_visibility).value,
            tensions_to_text(e.tensions),
            *_status_fields(e),
            e.agenda_item,
            e.written_at,
        ],
    )
    e.pk = int(cur.lastrowid or 0)
    fts.entry_added(db, e.pk, e.text)
    if e.decision and e.decision.agreed_by:
        _store_agreements(db, e)
    return e.pk


def insert_entries(
    db: Database, partnership_pk: int, event_pk: int, found: list[Entry], *, index: bool = True
) -> None:
    """Insert ``found``, the entries of event ``event_pk`` in order, after those it has: one
    statement for the rows, one for their keys, one for the full-text index (the import's bulk
    path; ``insert_entry`` writes the same rows one by one). Sets each entry's ``pk``.
    ``index=False`` leaves the full-text index to the caller, who must then index the rows in
    the same transaction (``fts.partnership_entries_added``, once for a whole import)."""
    if not found:
        return
    first = next_seq(db, "entries", "event_pk", event_pk)
    db.conn.executemany(
        "INSERT INTO entries (partnership_pk, event_pk, id, seq, type, text, visibility, tensions, "
        f"{_STATUS_COLUMNS}, agenda_item_pk, written_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                partnership_pk,
                event_pk,
                e.id,
                first + j,
                e.type.value,
                e.text,
                (e.visibility or e.type.default_visibility).value,
                tensions_to_text(e.tensions),
                *_status_fields(e),
                e.agenda_item,
                e.written_at,
            )
            for j, e in enumerate(found)
        ],
    )
    keys = db.conn.execute(
        "SELECT pk FROM entries WHERE event_pk = ? AND seq >= ? ORDER BY seq", [event_pk, first]
    ).fetchall()
    for e, (pk,) in zip(found, keys, strict=True):
        e.event, e.pk = event_pk, int(pk)
        if e.decision and e.decision.agreed_by:
            _store_agreements(db, e)
    if index:
        fts.entries_added(db, event_pk, first)


def update_entry(db: Database, e: Entry) -> None:
    old = one(db, "SELECT text FROM entries WHERE pk = ?", [e.pk])
    if old is not None and old["text"] != e.text and e.pk is not None:
        fts.entry_removed(db, e.pk, old["text"])
        fts.entry_added(db, e.pk, e.text)
    db.execute(
        "UPDATE entries SET type = ?, text = ?, visibility = ?, tensions = ?, fate = ?, "
        "fate_reason = ?, fate_on = ?, revisit_on = ?, decision_status = ?, review_on = ?, "
        "disagreement = ?, agenda_item_pk = ?, updated_at = ? WHERE pk = ?",
        [
            e.type.value,
            e.text,
            (e.visibility or e.type.default_visibility).value,
            tensions_to_text(e.tensions),
            *_status_fields(e),
            e.agenda_item,
            now_stamp(),
            e.pk,
        ],
    )


def set_entry_deleted(db: Database, pk: int, deleted: bool) -> None:
    db.execute(
        "UPDATE entries SET deleted_at = ? WHERE pk = ?", [now_stamp() if deleted else None, pk]
    )


# Entry types the computations count: the rules and the indicators read no other type.
COUNTED_TYPES = ("idea", "accomplishment", "assessment")


def entry_facts(
    db: Database, partnership_pk: int, *, texts: bool = False
) -> list[tuple[int, int, str, EntryType, Visibility, str, Fate | None, date | None]]:
    """(pk, event pk, event date, type, visibility, text, an idea's fate, the day of its fate)
    of the live entries of live events.

    Without ``texts`` only the counted types, and never their text ("" instead): the index on
    (partnership, type) finds them without reading the other entries of a large diary.
    """
    text, where = ("n.text", "") if texts else ("''", " AND n.type IN (?, ?, ?)")
    params: list[object] = [partnership_pk] + ([] if texts else list(COUNTED_TYPES))
    return [
        (
            r[0],
            r[1],
            r[2][:10],
            _TYPES[r[3]],
            _VISIBILITIES[r[4]],
            r[5],
            _FATES[r[6]] if r[6] else None,
            s2d(r[7]),
        )
        for r in db.conn.execute(
            f"SELECT n.pk, n.event_pk, e.date, n.type, n.visibility, {text}, n.fate, n.fate_on "
            "FROM entries n "
            f"JOIN events e ON e.pk = n.event_pk WHERE n.partnership_pk = ?{where} "
            "AND n.deleted_at IS NULL AND e.deleted_at IS NULL ORDER BY e.date, e.pk, n.seq",
            params,
        )
    ]


def _dated_entries(db: Database, partnership_pk: int, where: str, until: date) -> list[Entry]:
    return [
        _entry(r)
        for r in rows(
            db,
            "SELECT n.* FROM entries n JOIN events e ON e.pk = n.event_pk "
            f"WHERE n.partnership_pk = ? AND {where} "
            "AND n.deleted_at IS NULL AND e.deleted_at IS NULL ORDER BY e.date, n.seq",
            [partnership_pk, d2s(until)],
        )
    ]


def decisions_for_review(db: Database, partnership_pk: int, until: date) -> list[Entry]:
    """Live decisions whose review date is on or before ``until``, the earliest first."""
    found = _dated_entries(
        db,
        partnership_pk,
        "n.type = 'decision' AND n.review_on IS NOT NULL AND n.review_on <= ?",
        until,
    )
    agreed = decision_agreements(db, partnership_pk) if found else {}
    for e in found:
        if e.decision is not None and e.pk is not None:
            e.decision.agreed_by = agreed.get(e.pk, [])
    return sorted(found, key=lambda e: e.decision.review_on or until if e.decision else until)


def ideas_to_revisit(db: Database, partnership_pk: int, until: date) -> list[Entry]:
    """Live ideas parked to be revisited on or before ``until``, the earliest first."""
    found = _dated_entries(
        db, partnership_pk, "n.type = 'idea' AND n.fate = 'parked' AND n.revisit_on <= ?", until
    )
    return sorted(found, key=lambda e: e.fate.revisit_on or until if e.fate else until)
