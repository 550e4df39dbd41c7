"""The history's results read one page at a time, at a cost that does not grow with the diary.

Three orders, each read through an index that already holds it, so a page never ranks, sorts
or reads more than its own rows (plus the rows a filter skips):

- ``NEWEST``, the listing without search text: live events newest first (``events_live_date``),
  each event's entries in their order (``entries_event``); the next page starts after the last
  key shown (keyset pagination), so page 1,000 costs what page 1 does.
- ``BEST``, search text with few hits in the diary (at most ``RANK_LIMIT``): every hit ranked
  by bm25 once, best first; ranking a bounded number of hits is cheap.
- ``RECENT``, search text that matches a large share of the diary: no ranking at all. The
  full-text indexes are walked from their newest rowid down (entries and events as two streams,
  merged by when they were written), each page starting below the last rowid read.

The total is exact up to ``COUNT_LIMIT``; above it a page only knows that there are more
(``Pages.total`` is None and ``Pages.more_than`` says how many at least).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlite_utils import Database

from app.persistence.search_query import (
    Filters,
    Key,
    clean_query,
    entry_conditions,
    event_conditions,
    fts_query,
    query_words,
    ranked_keys,
)

RANK_LIMIT = 1000
# The full-text indexes hold prefix indexes for one and two letters; a longer last word is
# spelt out as the words of the diary it begins (up to this many), because FTS5 merges every
# matching word's whole list of rows for a prefix query, on every page.
PREFIX_INDEXED = 2
EXPANSION_LIMIT = 30
COUNT_LIMIT = 1000
PAGE = 100


class Order(StrEnum):
    NEWEST = "newest"  # newest event first, each event's entries in order
    BEST = "best"  # best match first
    RECENT = "recent"  # most recently written first


_LIVE = "n.partnership_pk = ? AND n.deleted_at IS NULL AND e.deleted_at IS NULL"


class Pages:
    """The results of one query (text and filters in one partnership), page by page."""

    def __init__(
        self,
        db: Database,
        partnership_pk: int,
        text: str = "",
        filters: Filters | None = None,
        *,
        count: bool = True,
    ) -> None:
        text = clean_query(text)
        self.db, self.pk, self.text = db, partnership_pk, text
        self.filters = filters or Filters()
        self.query = expanded_query(db, text) if text.strip() else None
        self.exhausted = bool(text.strip()) and self.query is None
        self._ranked: list[Key] = []
        self._after: tuple[Any, ...] | None = None  # keyset of the listing
        self._streams: dict[str, _Stream] = {}
        if not text.strip():
            self.order = Order.NEWEST
        elif self.query is not None and self._diary_hits() > RANK_LIMIT:
            self.order = Order.RECENT
            self._streams = {"entries": _Stream(self, "entries")}
            if not self.filters.entries_only:
                self._streams["events"] = _Stream(self, "events")
        else:
            self.order = Order.BEST
            if self.query is not None:
                self._ranked = ranked_keys(db, partnership_pk, self.query, self.filters)
            self.exhausted = not self._ranked
        self.total: int | None = None
        self.more_than = 0
        if count:
            self.total, self.more_than = self._count()

    # -- counting ----------------------------------------------------------------------------

    def _diary_hits(self) -> int:
        """Hits in the whole diary, counted up to just over ``RANK_LIMIT`` (index only)."""
        found = 0
        for table in ("entries_fts", "events_fts"):
            sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)"
            found += self.db.conn.execute(sql, [self.query, RANK_LIMIT + 1]).fetchone()[0]
        return found

    def _count(self) -> tuple[int | None, int]:
        if self.order is Order.BEST:
            return len(self._ranked), len(self._ranked)
        if self.exhausted:
            return 0, 0
        # A second reader of the same query, reading one bounded batch of keys only.
        probe = Pages(self.db, self.pk, self.text, self.filters, count=False)
        keys = probe._read(COUNT_LIMIT + 1)
        if len(keys) > COUNT_LIMIT:
            return None, COUNT_LIMIT
        return len(keys), len(keys)

    # -- reading -----------------------------------------------------------------------------

    def next_page(self, size: int = PAGE) -> list[Key]:
        """The next ``size`` keys in order; [] (and ``exhausted``) at the end."""
        keys = [] if self.exhausted else self._read(size)
        if len(keys) < size:
            self.exhausted = True
        return keys

    def _read(self, size: int) -> list[Key]:
        if self.order is Order.BEST:
            page, self._ranked = self._ranked[:size], self._ranked[size:]
            return page
        if self.order is Order.NEWEST:
            return self._listing(size)
        return self._merged(size)

    def _listing(self, size: int) -> list[Key]:
        params: list[Any] = [self.pk, self.pk]
        sql = (
            "SELECT e.pk, n.pk, e.date, n.seq FROM events e INDEXED BY events_live_date "
            "JOIN entries n ON n.event_pk = e.pk "
            f"WHERE e.partnership_pk = ? AND {_LIVE}"
        )
        if self._after is not None:
            day, event, seq = self._after
            # Rows up to the last event shown, less that event's entries already shown.
            sql += " AND (e.date, e.pk) <= (?, ?) AND (e.pk <> ? OR n.seq > ?)"
            params += [day, event, event, seq]
        sql += event_conditions(self.filters, params) + entry_conditions(self.filters, params)
        sql += " ORDER BY e.date DESC, e.pk DESC, n.seq LIMIT ?"
        found = self.db.conn.execute(sql, [*params, size]).fetchall()
        if found:
            last = found[-1]
            self._after = (last[2], last[0], last[3])
        return [(r[0], r[1]) for r in found]

    def _merged(self, size: int) -> list[Key]:
        """Entries and events, newest written first: the two streams merged by write time."""
        out: list[Key] = []
        while len(out) < size:
            heads = [(head, s) for s in self._streams.values() if (head := s.head()) is not None]
            if not heads:
                break
            out.append(max(heads, key=lambda h: h[0])[1].pop())
        return out


class _Stream:
    """One full-text index's hits in this partnership, newest rowid first, read in pages."""

    def __init__(self, pages: Pages, table: str) -> None:
        self.pages, self.table = pages, table
        self.buffer: list[tuple[str, int, Key]] = []
        self.below: int | None = None
        self.done = False

    def head(self) -> tuple[str, int] | None:
        if not self.buffer and not self.done:
            self._fill()
        return self.buffer[0][:2] if self.buffer else None

    def pop(self) -> Key:
        return self.buffer.pop(0)[2]

    def _fill(self) -> None:
        p = self.pages
        params: list[Any] = [p.query]
        if self.table == "entries":
            sql = (
                "SELECT n.created_at, n.pk, e.pk, n.pk FROM entries_fts f "
                "JOIN entries n ON n.pk = f.rowid JOIN events e ON e.pk = n.event_pk "
                "WHERE entries_fts MATCH ?"
            )
        else:
            sql = (
                "SELECT e.created_at, e.pk, e.pk, NULL FROM events_fts f "
                "JOIN events e ON e.pk = f.rowid WHERE events_fts MATCH ?"
            )
        if self.below is not None:
            sql += " AND f.rowid < ?"
            params.append(self.below)
        if self.table == "entries":
            sql += f" AND {_LIVE}"
            params.append(p.pk)
            sql += event_conditions(p.filters, params) + entry_conditions(p.filters, params)
        else:
            sql += " AND e.partnership_pk = ? AND e.deleted_at IS NULL"
            params.append(p.pk)
            sql += event_conditions(p.filters, params)
        sql += " ORDER BY f.rowid DESC LIMIT ?"
        found = p.db.conn.execute(sql, [*params, PAGE]).fetchall()
        self.buffer = [(r[0], r[1], (r[2], r[3])) for r in found]
        self.done = len(found) < PAGE
        if found:
            self.below = found[-1][1]


_VOCABULARIES = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries_vocab USING fts5vocab(main, entries_fts, row)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.events_vocab USING fts5vocab(main, events_fts, row)",
)


def expanded_query(db: Database, text: str) -> str | None:
    """``fts_query(text)`` with its last word, when longer than the prefix indexes, spelt out
    as the (few) words of the diary that begin with it: the same hits, read row by row."""
    text = clean_query(text)
    query = fts_query(text)
    words = text.split()
    if query is None or not words:
        return query
    last = words[-1]
    tokens = query_words(last)
    if len(tokens) != 1 or len(tokens[0]) <= PREFIX_INDEXED or tokens[0] != last.casefold():
        return query
    for statement in _VOCABULARIES:
        db.conn.execute(statement)
    word = tokens[0]
    terms = {
        r[0]
        for vocab in ("entries_vocab", "events_vocab")
        for r in db.conn.execute(
            f"SELECT term FROM temp.{vocab} WHERE term >= ? AND term < ? LIMIT ?",
            [word, word + "\U0010ffff", EXPANSION_LIMIT + 1],
        )
    }
    if not terms or len(terms) > EXPANSION_LIMIT:
        return query
    head = query[: query.rindex('"' + last.replace('"', '""') + '"*')].strip()
    spelt = "(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in sorted(terms)) + ")"
    # FTS5 needs an explicit AND before a bracket (the phrases of ``head`` are ANDed already).
    return f"{head} AND {spelt}" if head else spelt
