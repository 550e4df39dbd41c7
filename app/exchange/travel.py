"""The merge fields of a partnership file (version 2): ``deleted`` and ``merges``.

- ``deleted``: tombstones ``{"kind", "id", "deleted_at", "deleted_by"?}`` (``kind`` ``event``,
  ``entry`` or ``action``): records deleted in the diary the file came from, so that a merge
  deletes them in the other diary too (unless that one changed them later);
- ``merges``: ``{"diary", "merged_at"}``: when the diary the file came from last met another
  diary, so that a merge knows which changes both sides made since.

Export writes them only when there is something to write (an export of a diary that never
deleted nor merged anything is as before).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

from app.exchange.reader import Reader, child
from app.exchange.team import read_audit
from app.i18n import _
from app.persistence import merges

TOP = ("deleted", "merges")
_KINDS = tuple(merges.KINDS)


def read(
    r: Reader, top: Mapping[str, Any], authors: Mapping[str, str]
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The file's tombstones and meetings, checked; problems in ``r``."""
    deleted: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for i, value in enumerate(r.array(top, "deleted", "", required=False)):
        path = child("deleted", i)
        d = r.obj(value, path, ("kind", "id", "deleted_at"), ("deleted_by",))
        if d is None:
            continue
        kind = d.get("kind")
        if kind not in _KINDS:
            r.add(
                child(path, "kind"),
                _("must be one of {allowed}, not {v}").format(
                    allowed='"event", "entry", "action"',
                    v=json.dumps(kind, ensure_ascii=False)[:40],
                ),
            )
            continue
        record_id = r.ident(d, "id", path)
        stamp = read_audit(r, {"updated_at": d.get("deleted_at")}, path, authors).get("updated_at")
        by = read_audit(r, {"updated_by": d.get("deleted_by")}, path, authors).get("updated_by")
        if record_id is None or stamp is None:
            continue
        if (kind, record_id) in seen:
            r.add(child(path, "id"), _('the id "{id}" is used twice').format(id=record_id))
            continue
        seen.add((kind, record_id))
        deleted.append(
            {
                "kind": kind,
                "id": record_id,
                "deleted_at": stamp,
                **({"deleted_by": by} if by else {}),
            }
        )
    met: list[dict[str, str]] = []
    diaries: set[str] = set()
    for i, value in enumerate(r.array(top, "merges", "", required=False)):
        path = child("merges", i)
        d = r.obj(value, path, ("diary", "merged_at"))
        if d is None:
            continue
        diary = r.ident(d, "diary", path)
        stamp = read_audit(r, {"updated_at": d.get("merged_at")}, path, authors).get("updated_at")
        if diary is None or stamp is None:
            continue
        if diary in diaries:
            r.add(child(path, "diary"), _('the id "{id}" is used twice').format(id=diary))
            continue
        diaries.add(diary)
        met.append({"diary": diary, "merged_at": stamp})
    return deleted, met


def store(
    db: Database, partnership_id: str, deleted: list[dict[str, str]], met: list[dict[str, str]]
) -> None:
    """Keep the file's tombstones and meetings for the partnership."""
    merges.store_tombstones(db, partnership_id, deleted)
    merges.store_meetings(db, partnership_id, met)


def top_fields(db: Database, partnership_id: str, partnership_pk: int) -> dict[str, Any]:
    """``deleted`` and ``merges`` of an export, each only when not empty."""
    fields: dict[str, Any] = {}
    deleted = merges.tombstones(db, partnership_id, partnership_pk)
    if deleted:
        fields["deleted"] = deleted
    met = merges.meetings(db, partnership_id)
    if met:
        fields["merges"] = met
    return fields
