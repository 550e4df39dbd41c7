"""What a search asks for, shared by the listing of results (``search``) and its pages
(``paging``): the filters, the cleaning of user text into an FTS5 query, the SQL conditions of
the filters, and ranking by bm25.

User text is never FTS5 syntax: it is split into words, each word quoted (a ``"`` doubled), the
last one matched as a prefix, so ``AND``, ``NEAR(``, ``*``, ``%`` and quotes are searched as text
and never raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from app.domain import EntryType, EventKind, Phase, Tension, Visibility


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
    # An author id: only entries this facilitator wrote or changed last.
    author: str | None = None

    @property
    def entries_only(self) -> bool:
        return any(
            v is not None for v in (self.entry_type, self.tension, self.visibility, self.author)
        )


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
WORD = re.compile(r"[^\W_]+")


def query_words(text: str) -> list[str]:
    """The searched words of ``text``, case-folded, in order."""
    return [w.casefold() for w in WORD.findall(clean_query(text))]


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
    if f.author is not None:
        sql += " AND (n.created_by = ? OR n.updated_by = ?)"
        params += [f.author, f.author]
    if f.tension is not None:
        # Tensions are stored comma-separated; enum values hold no LIKE wildcards.
        sql += " AND (',' || n.tensions || ',') LIKE ?"
        params.append(f"%,{f.tension.value},%")
    return sql


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
