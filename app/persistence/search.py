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

from app.domain import EntryType, EventKind, Phase, Tension, Visibility
from app.persistence.rows import rows

# Private-use characters mark the match inside a snippet; they never reach the user.
_OPEN, _CLOSE = "\ue000", "\ue001"
_ELLIPSIS = "…"
SNIPPET_WORDS = 24
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


def fts_query(text: str) -> str | None:
    """An FTS5 query that finds ``text`` as words; None when it holds no searchable word."""
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def parse_snippet(marked: str) -> Snippet:
    """Turn FTS5 ``snippet()`` output with private markers into text and highlight ranges."""
    parts: list[str] = []
    ranges: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in marked:
        if ch == _OPEN:
            start = length
        elif ch == _CLOSE:
            if start is not None and length > start:
                ranges.append((start, length))
            start = None
        else:
            parts.append(ch)
            length += 1
    return Snippet("".join(parts), tuple(ranges))


def _plain(text: str) -> Snippet:
    flat = " ".join(text.split())
    if len(flat) > PLAIN_SNIPPET:
        flat = flat[: PLAIN_SNIPPET - 1] + _ELLIPSIS
    return Snippet(flat)


def _event_conditions(f: Filters, params: list[Any]) -> str:
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


def _entry_conditions(f: Filters, params: list[Any]) -> str:
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


def search(
    db: Database,
    partnership_pk: int,
    text: str = "",
    filters: Filters | None = None,
    *,
    limit: int = 100,
    offset: int = 0,
) -> list[Hit]:
    """Entries and events of a partnership matching ``text`` and ``filters``, one page.

    With text, results come best match first; without, entries come newest event first.
    """
    f = filters or Filters()
    if not text.strip():
        return _listing(db, partnership_pk, f, limit, offset)
    query = fts_query(text)
    if query is None:
        return []
    params: list[Any] = [_OPEN, _CLOSE, _ELLIPSIS, SNIPPET_WORDS, query, partnership_pk]
    sql = (
        f"SELECT {_ENTRY_COLUMNS}, snippet(entries_fts, 0, ?, ?, ?, ?) AS snip, "
        "bm25(entries_fts) AS rank FROM entries_fts "
        "JOIN entries n ON n.pk = entries_fts.rowid JOIN events e ON e.pk = n.event_pk "
        "WHERE entries_fts MATCH ? AND n.partnership_pk = ? "
        "AND n.deleted_at IS NULL AND e.deleted_at IS NULL"
    )
    sql += _event_conditions(f, params) + _entry_conditions(f, params)
    if not f.entries_only:
        params += [_OPEN, _CLOSE, _ELLIPSIS, SNIPPET_WORDS, query, partnership_pk]
        sql += (
            " UNION ALL SELECT e.pk, NULL, e.date, e.title, e.kind, NULL, NULL, "
            "snippet(events_fts, -1, ?, ?, ?, ?), bm25(events_fts) FROM events_fts "
            "JOIN events e ON e.pk = events_fts.rowid "
            "WHERE events_fts MATCH ? AND e.partnership_pk = ? AND e.deleted_at IS NULL"
        )
        sql += _event_conditions(f, params)
    # Ties are broken by keys so that pages never repeat or skip a hit.
    sql += " ORDER BY rank, date DESC, event_pk DESC, entry_pk LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [_hit(r, parse_snippet(r["snip"] or "")) for r in rows(db, sql, params)]


def _listing(db: Database, partnership_pk: int, f: Filters, limit: int, offset: int) -> list[Hit]:
    params: list[Any] = [partnership_pk]
    sql = (
        f"SELECT {_ENTRY_COLUMNS}, n.text AS text FROM entries n "
        "JOIN events e ON e.pk = n.event_pk WHERE n.partnership_pk = ? "
        "AND n.deleted_at IS NULL AND e.deleted_at IS NULL"
    )
    sql += _event_conditions(f, params) + _entry_conditions(f, params)
    sql += " ORDER BY e.date DESC, e.pk DESC, n.seq LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [_hit(r, _plain(r["text"])) for r in rows(db, sql, params)]


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
