"""Full-text search and filtered listing over a partnership's entries and events.

User text is never FTS5 syntax: it is split into words, each word quoted (a ``"`` doubled), the
last one matched as a prefix, so ``AND``, ``NEAR(``, ``*``, ``%`` and quotes are searched as text
and never raise. Snippets come back as plain text with highlight ranges, not markup, so a view
can show user text as plain text and paint the highlights itself. Deleted entries and entries of
deleted events are never found (soft-deleted rows stay in the index until the trash is emptied).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.domain import EntryType, EventKind, Visibility
from app.persistence.paging import Order, Pages
from app.persistence.rows import rows
from app.persistence.search_query import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    WORD,
    Filters,
    Key,
    clean_query,
    entry_conditions,
    event_conditions,
    fts_query,
    query_words,
    ranked_keys,
)

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "Filters",
    "Hit",
    "Key",
    "Order",
    "Pages",
    "Snippet",
    "clean_query",
    "entry_conditions",
    "event_conditions",
    "fts_query",
    "hits",
    "make_snippet",
    "query_words",
    "ranked_keys",
    "search",
    "search_keys",
]

_ELLIPSIS = "…"
PLAIN_SNIPPET = 240


@dataclass(frozen=True, slots=True)
class Snippet:
    """Plain text and the ``(start, end)`` character ranges of the matched words."""

    text: str
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: an entry (``entry_pk`` set) or an event's title/purpose."""

    event_pk: int
    entry_pk: int | None
    when: str
    event_title: str
    event_kind: EventKind
    entry_type: EntryType | None
    visibility: Visibility | None
    snippet: Snippet


def make_snippet(text: str, words: list[str]) -> Snippet:
    """A window of ``text`` around the first match, with every matched word's range.

    A word matches a searched word when equal (ignoring case); the last searched word also
    matches as a prefix, as in the query.
    """
    if not words:
        return _plain(text)
    flat = " ".join(text.split())
    last, exact = words[-1], set(words[:-1])
    spans = [
        (m.start(), m.end())
        for m in WORD.finditer(flat)
        if (w := m.group().casefold()) in exact or w.startswith(last)
    ]
    if not spans:
        return _plain(text)
    start = max(0, spans[0][0] - PLAIN_SNIPPET // 3)
    if start:
        start = flat.find(" ", start) + 1 or start  # begin at a word
    end = min(len(flat), start + PLAIN_SNIPPET)
    prefix = _ELLIPSIS if start else ""
    suffix = _ELLIPSIS if end < len(flat) else ""
    shift = len(prefix) - start
    ranges = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return Snippet(prefix + flat[start:end] + suffix, ranges)


def _plain(text: str) -> Snippet:
    flat = " ".join(text.split())
    if len(flat) > PLAIN_SNIPPET:
        flat = flat[: PLAIN_SNIPPET - 1] + _ELLIPSIS
    return Snippet(flat)


_ENTRY_COLUMNS = (
    "e.pk AS event_pk, n.pk AS entry_pk, e.date AS date, e.title AS title, e.kind AS kind, "
    "n.type AS type, n.visibility AS visibility"
)


def hits(db: Database, text: str, keys: list[Key]) -> list[Hit]:
    """The hits of ``keys`` (one page of ``paging.Pages``), in the same order, with snippets.

    Snippets are cut here rather than by FTS5's ``snippet()``, which would re-run the whole
    match for every page; the words are matched the way the index's tokenizer splits them.
    """
    words = query_words(text)
    entry_keys = [k[1] for k in keys if k[1] is not None]
    event_keys = [k[0] for k in keys if k[1] is None]
    found: dict[Key, Hit] = {}
    if entry_keys:
        marks = ",".join("?" * len(entry_keys))
        sql = (
            f"SELECT {_ENTRY_COLUMNS}, n.text AS text FROM entries n "
            f"JOIN events e ON e.pk = n.event_pk WHERE n.pk IN ({marks})"
        )
        for r in rows(db, sql, entry_keys):
            found[(r["event_pk"], r["entry_pk"])] = _hit(r, make_snippet(r["text"], words))
    if event_keys:
        marks = ",".join("?" * len(event_keys))
        sql = (
            "SELECT e.pk AS event_pk, NULL AS entry_pk, e.date AS date, e.title AS title, "
            "e.kind AS kind, NULL AS type, NULL AS visibility, e.purpose AS purpose "
            f"FROM events e WHERE e.pk IN ({marks})"
        )
        for r in rows(db, sql, event_keys):
            purpose = make_snippet(r["purpose"] or "", words)
            snippet = purpose if purpose.highlights else make_snippet(r["title"], words)
            found[(r["event_pk"], None)] = _hit(r, snippet)
    return [found[k] for k in keys if k in found]


def search_keys(
    db: Database, partnership_pk: int, text: str = "", filters: Filters | None = None
) -> list[Key]:
    """Every match of ``text`` and ``filters`` in the order ``paging.Pages`` gives, as keys (a
    script's whole result; the window reads one page at a time)."""
    pages = Pages(db, partnership_pk, text, filters, count=False)
    keys: list[Key] = []
    while page := pages.next_page(1000):
        keys += page
    return keys


def search(
    db: Database,
    partnership_pk: int,
    text: str = "",
    filters: Filters | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
) -> list[Hit]:
    """One page of the hits of ``text`` and ``filters``, in the order ``paging.Pages`` gives."""
    pages = Pages(db, partnership_pk, text, filters, count=False)
    if offset:
        pages.next_page(offset)
    return hits(db, text, pages.next_page(limit))


def _hit(r: dict[str, Any], snippet: Snippet) -> Hit:
    return Hit(
        event_pk=r["event_pk"],
        entry_pk=r["entry_pk"],
        when=r["date"],
        event_title=r["title"],
        event_kind=EventKind(r["kind"]),
        entry_type=EntryType(r["type"]) if r["type"] else None,
        visibility=Visibility(r["visibility"]) if r["visibility"] else None,
        snippet=snippet,
    )
