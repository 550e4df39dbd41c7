"""The team fields of a partnership file (version 2): who wrote each record, and from where.

- ``authors``: ``[{"id", "name"}]``, the facilitators whose ids the records name;
- ``source``: ``{"diary", "author"}``, the diary the file was exported from (its id, made once
  per diary) and the facilitator who exported it;
- on organizations, people, events, entries and actions: ``created_at`` and ``updated_at``
  (UTC, ``YYYY-MM-DDTHH:MM:SSZ``) and ``created_by`` and ``updated_by`` (author ids).

Export writes the four fields for every such record written by a known author (records made
before Kumppani knew its authors, or imported from a file without them, carry none); import
checks them (a date-time in UTC, an author the file lists) and keeps them, except in a copy,
whose records are new.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from app.domain.authors import Author, valid_author_id
from app.exchange.reader import Reader, child
from app.i18n import _
from app.persistence import authors as authors_repo
from app.persistence.authors import diary_id

AUDIT = ("created_at", "updated_at", "created_by", "updated_by")
TOP = ("source", "authors")
# The tables whose records carry the four fields in a file, by the key records are read as.
TABLES = ("organizations", "people", "events", "entries", "actions")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$")

Audits = dict[str, dict[str, dict[str, str]]]  # table → record id → field → value


def read_authors(r: Reader, top: Mapping[str, Any]) -> dict[str, str]:
    """The file's ``authors`` (id → name) and its ``source``, checked; problems in ``r``."""
    found: dict[str, str] = {}
    for i, value in enumerate(r.array(top, "authors", "", required=False)):
        path = child("authors", i)
        d = r.obj(value, path, ("id", "name"))
        if d is None:
            continue
        author_id = r.ident(d, "id", path)
        name = "" if d.get("name") == "" else r.text(d, "name", path, breaks=False)
        if author_id is None or name is None:
            continue
        if not valid_author_id(author_id):
            r.add(child(path, "id"), _("an author id holds only a–z, 0–9 and hyphens"))
        elif author_id in found:
            r.add(child(path, "id"), _('the id "{id}" is used twice').format(id=author_id))
        else:
            found[author_id] = name
    source = top.get("source")
    if source is not None:
        d = r.obj(source, "source", ("diary",), ("author",))
        if d is not None:
            r.ident(d, "diary", "source")
            _author(r, d, "author", "source", found)
    return found


def _author(
    r: Reader, d: Mapping[str, Any], key: str, path: str, known: Mapping[str, str]
) -> str | None:
    value = d.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value not in known:
        r.add(child(path, key), _('no author "{id}" in "authors"').format(id=value))
        return None
    return value


def read_audit(
    r: Reader, d: Mapping[str, Any], path: str, known: Mapping[str, str]
) -> dict[str, str]:
    """A record's four team fields, checked; only those given."""
    found: dict[str, str] = {}
    for key in ("created_at", "updated_at"):
        value = d.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not _STAMP.match(value) or not _valid(value):
            r.add(child(path, key), _("must be a UTC date and time, YYYY-MM-DDTHH:MM:SSZ"))
            continue
        found[key] = value
    for key in ("created_by", "updated_by"):
        author = _author(r, d, key, path, known)
        if author is not None:
            found[key] = author
    if (
        "created_at" in found
        and "updated_at" in found
        and found["updated_at"] < found["created_at"]
    ):
        r.add(child(path, "updated_at"), _("is before created_at"))
    return found


def _valid(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def store(db: Database, partnership_pk: int, authors: Mapping[str, str], audits: Audits) -> None:
    """Keep the file's authors (a name the diary already has stays) and each record's fields."""
    authors_repo.keep_authors(db, dict(authors))
    for table, records in audits.items():
        assert table in TABLES
        for record_id, fields in records.items():
            values = [fields.get(k) for k in AUDIT]
            authors_repo.keep_audit(db, table, partnership_pk, record_id, values)


def _second(stamp: str) -> str:
    """A stored time stamp (milliseconds) as the file writes it: to the second, with Z."""
    return stamp[:19] + "Z"


def audits_of(db: Database, partnership_pk: int) -> Audits:
    """Each authored record's four fields, for the records a known author wrote."""
    found: Audits = {}
    for table in TABLES:
        rows = authors_repo.audit_rows(db, table, partnership_pk)
        found[table] = {
            r[0]: {
                "created_at": _second(r[1]),
                "updated_at": _second(r[2]),
                "created_by": r[3],
                "updated_by": r[4] or r[3],
            }
            for r in rows
        }
    return found


def top_fields(db: Database, audits: Audits, exporter: Author | None) -> dict[str, Any]:
    """``source`` and ``authors`` of an export: every author its records name, and the
    exporter's own id and name (the file says whose diary it comes from). Left out when
    the export names no author at all (a diary used without authors, the command line)."""
    names = authors_repo.stored_names(db)
    ids = {
        v
        for records in audits.values()
        for f in records.values()
        for k, v in f.items()
        if k.endswith("_by")
    }
    if exporter is not None:
        ids.add(exporter.id)
        names[exporter.id] = exporter.name
    if not ids:
        return {}  # a diary that knows no authors writes the file as before
    fields: dict[str, Any] = {}
    diary = diary_id(db)
    if diary is not None:
        fields["source"] = {"diary": diary, **({"author": exporter.id} if exporter else {})}
    fields["authors"] = [{"id": i, "name": names.get(i, "")} for i in sorted(ids)]
    return fields
