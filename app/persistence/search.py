"""Full-text search and filtered listing over a partnership's entries and events.

User text is never FTS5 syntax: it is split into words, each word quoted (a ``"`` doubled), the
last one matched as a prefix, so ``AND``, ``NEAR(``, ``*``, ``%`` and quotes are searched as text
and never raise. Snippets come back as plain text with highlight ranges, not markup, so a view
can show user text as plain text and paint the highlights itself. Deleted entries and entries of
deleted events are never found (soft-deleted rows stay in the index until the trash is emptied).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.domain import EntryType, EventKind, Phase, Tension, Visibility
from app.persistence.rows import rows

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


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrowing of a search; ``None`` means any. Entry filters leave event hits out."""

    kind: EventKind | None = None
    phase: Phase | None = None
    organization: int | None = None
    person: int | None = None
    entry_type: EntryType | None = None
    tension: Tension | None = None
    visibility: Visibility | None = None

    @property
    def entries_only(self) -> bool:
        return any(v is not None for v in (self.entry_type, self.tension, self.visibility))


# A query longer than this is cut: nobody types more, and each word costs a pass over the index
# (a pasted 5,000-word text took seconds). The cut keeps the first words.
MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 32
# NUL ends an FTS5 string early ("unterminated string"); half of a surrogate pair cannot be
# encoded for SQLite at all. Both are dropped, as are the other control characters.
_UNSEARCHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_query(text: str) -> str:
    """The searchable part of ``text``: no NUL, control characters or lone surrogates, at most
    ``MAX_QUERY_CHARS`` characters and ``MAX_QUERY_WORDS`` words."""
    text = _UNSEARCHABLE.sub(" ", text[: MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]
    return " ".join(text.split()[:MAX_QUERY_WORDS])


def fts_query(text: str) -> str | None:
    """An FTS5 query that finds ``text`` as words; None when it holds no searchable word."""
    words = [w for w in clean_query(text).split() if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


# A word as the index's unicode61 tokenizer sees it: letters and digits (not "_").
_WORD = re.compile(r"[^\W_]+")


def query_words(text: str) -> list[str]:
    """The searched words of ``text``, case-folded, in order."""
    return [w.casefold() for w in _WORD.findall(clean_query(text))]


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
        for m in _WORD.finditer(flat)
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


def event_conditions(f: Filters, params: list[Any]) -> str:
    sql = ""
    if f.kind is not None:
        sql += " AND e.kind = ?"
        params.append(f.kind.value)
    if f.phase is not None:
        sql += " AND e.phase = ?"
        params.append(f.phase.value)
    if f.person is not None:
        sql += " AND EXISTS (SELECT 1 FROM participants pp WHERE pp.event_pk = e.pk AND pp.person_pk = ?)"
        params.append(f.person)
    if f.organization is not None:
        sql += (
            " AND EXISTS (SELECT 1 FROM participants pp JOIN people pe ON pe.pk = pp.person_pk"
            " WHERE pp.event_pk = e.pk AND pe.organization_pk = ?)"
        )
        params.append(f.organization)
    return sql


def entry_conditions(f: Filters, params: list[Any]) -> str:
    sql = ""
    if f.entry_type is not None:
        sql += " AND n.type = ?"
        params.append(f.entry_type.value)
    if f.visibility is not None:
        sql += " AND n.visibility = ?"
        params.append(f.visibility.value)
    if f.tension is not None:
        # Tensions are stored comma-separated; enum values hold no LIKE wildcards.
        sql += " AND (',' || n.tensions || ',') LIKE ?"
        params.append(f"%,{f.tension.value},%")
    return sql


_ENTRY_COLUMNS = (
    "e.pk AS event_pk, n.pk AS entry_pk, e.date AS date, e.title AS title, e.kind AS kind, "
    "n.type AS type, n.visibility AS visibility"
)


Key = tuple[int, int | None]  # (event key, entry key or None for the event itself)


def ranked_keys(db: Database, partnership_pk: int, query: str, f: Filters) -> list[Key]:
    """Every hit of the FTS5 ``query``, best match first (bm25), as keys.

    Ranking reads every hit: ``app.persistence.paging`` only asks for it when the diary holds
    few hits, and walks the index in write order otherwise.
    """
    params: list[Any] = [query, partnership_pk]
    sql = (
        "SELECT e.pk AS event_pk, n.pk AS entry_pk, e.date AS date, "
        "bm25(entries_fts) AS rank FROM entries_fts "
        "JOIN entries n ON n.pk = entries_fts.rowid JOIN events e ON e.pk = n.event_pk "
        "WHERE entries_fts MATCH ? AND n.partnership_pk = ? "
        "AND n.deleted_at IS NULL AND e.deleted_at IS NULL"
    )
    sql += event_conditions(f, params) + entry_conditions(f, params)
    if not f.entries_only:
        params += [query, partnership_pk]
        sql += (
            " UNION ALL SELECT e.pk, NULL, e.date, bm25(events_fts) FROM events_fts "
            "JOIN events e ON e.pk = events_fts.rowid "
            "WHERE events_fts MATCH ? AND e.partnership_pk = ? AND e.deleted_at IS NULL"
        )
        sql += event_conditions(f, params)
    # Ties are broken by keys so that the order is the same every time.
    sql += " ORDER BY rank, date DESC, event_pk DESC, entry_pk"
    return [(r[0], r[1]) for r in db.conn.execute(sql, params)]


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
    from app.persistence.paging import Pages

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
    from app.persistence.paging import Pages

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
