"""Merge a colleague's partnership file into the same partnership of this diary.

The file is checked first (``app.exchange.stream.check_file``: a file with any problem merges
nothing), then merged with the diary's partnership as a document (``merge_plan.plan``), and the
merged partnership is stored in the diary's place in one transaction, after a verified backup:
all or nothing. The versions the merge replaced are kept as revisions; the meeting of the two
diaries is recorded, so that a later merge knows which edits both made since.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.backup.policy import BackupPolicy
from app.exchange import check_file, export_partnership, import_partnership, load_file, parse
from app.exchange.errors import ExchangeError
from app.i18n import _
from app.persistence import merges
from app.persistence.authors import diary_id, install_stamps
from app.persistence.diary import Diary
from app.persistence.partnerships import get_partnership, partnership_pk_by_id
from app.persistence.rows import now_stamp
from app.services.merge_plan import Plan, plan

_IGNORED = ("exported_at", "source", "merges")


class NotSamePartnership(ExchangeError):
    """The diary has no partnership with the file's id: there is nothing to merge into."""


@dataclass(slots=True)
class MergeResult:
    plan: Plan
    partnership_pk: int
    name: str
    # The file's diary and author (``source``), to name them in the conflict view.
    their_diary: str | None
    their_author: str | None
    written: bool


def _now() -> str:
    return now_stamp()[:19] + "Z"  # as a file writes it


def _met(ours: dict[str, Any], theirs: dict[str, Any], mine: str | None) -> str:
    """When the two diaries last met ("" if never), by either one's record of it."""
    other = (theirs.get("source") or {}).get("diary")
    stamps = [m["merged_at"] for m in ours.get("merges", []) if m["diary"] == other]
    stamps += [m["merged_at"] for m in theirs.get("merges", []) if m["diary"] == mine]
    return max(stamps, default="")


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    def strip(d: dict[str, Any]) -> str:
        return json.dumps(
            {k: v for k, v in d.items() if k not in _IGNORED}, sort_keys=True, ensure_ascii=False
        )

    return strip(a) == strip(b)


def prepare(diary: Diary, path: Path | str) -> tuple[MergeResult, dict[str, Any]]:
    """Check the file and work out the merge without writing; raises ``ExchangeError``."""
    checked = check_file(path)
    pk = partnership_pk_by_id(diary.db, checked.partnership.id)
    if pk is None:
        raise NotSamePartnership(
            [],
            _(
                'This diary has no partnership "{name}" to merge the file into: the file '
                "holds another partnership. To add it to the diary, import it instead "
                "(kumppani import FILE, or import --copy to keep it beside one of the "
                "same id)."
            ).format(name=checked.partnership.name),
        )
    theirs = load_file(path)
    ours = export_partnership(diary.db, pk)
    mine = diary_id(diary.db)
    result = plan(ours, theirs, _met(ours, theirs, mine))
    source = theirs.get("source") or {}
    names = {a["id"]: a["name"] for a in theirs.get("authors", [])}
    author = source.get("author")
    current = get_partnership(diary.db, pk)
    return (
        MergeResult(
            result,
            pk,
            current.name if current else checked.partnership.name,
            source.get("diary"),
            (names.get(author) or author) if author else None,
            written=not _same(result.merged, ours),
        ),
        ours,
    )


@contextmanager
def _unstamped(diary: Diary) -> Iterator[None]:
    """The merged records keep the authors and times the files gave them."""
    install_stamps(diary.db.conn, None)
    try:
        yield
    finally:
        author = diary.author
        install_stamps(diary.db.conn, author.id if author else None)


def merge_file(
    diary: Diary,
    path: Path | str,
    *,
    dry_run: bool = False,
    choices: dict[tuple[str, str], str] | None = None,
    policy: BackupPolicy | None = None,
) -> MergeResult:
    """Merge a colleague's partnership file into the diary's same partnership.

    ``dry_run``: only work out what would change. ``choices``: (kind, id) → "ours" or "theirs"
    for conflicts whose other version the user chose to keep. Raises ``ExchangeError`` (nothing
    changed, no backup made) when the file has problems or holds another partnership;
    ``BackupFailed`` when no backup could be made.
    """
    result, ours = prepare(diary, path)
    if choices:
        _apply_choices(result, choices)
        result.written = not _same(result.plan.merged, ours)
    if dry_run or not result.written:
        result.written = False
        return result
    parsed = parse(result.plan.merged)  # the merge of two checked files is a valid file
    (policy or BackupPolicy(diary)).before_risky()
    partnership_id = parsed.partnership.id
    now = _now()
    mine = diary_id(diary.db)
    with diary.write(), _unstamped(diary):
        # The deleted items go with the partnership stored anew: kept as revisions.
        in_trash = merges.trashed(diary.db, result.partnership_pk)
        result.partnership_pk = import_partnership(diary, parsed, "replace")
        for kind, body in in_trash:
            merges.add_revision(
                diary.db, partnership_id, kind, body, saved_at=now, reason="deleted", diary=mine
            )
        for kind, body, reason, side in result.plan.revisions:
            came_from = mine if side == "ours" else result.their_diary
            merges.add_revision(
                diary.db, partnership_id, kind, body, saved_at=now, reason=reason, diary=came_from
            )
        if result.their_diary is not None and result.their_diary != mine:
            merges.store_meetings(
                diary.db, partnership_id, [{"diary": result.their_diary, "merged_at": now}]
            )
    return result


def _apply_choices(result: MergeResult, choices: dict[tuple[str, str], str]) -> None:
    """Keep, for each chosen conflict, the version the user chose instead of the newer one."""
    merged = result.plan.merged
    for c in result.plan.conflicts:
        choice = choices.get((c.kind, c.id))
        if choice is None or choice == c.kept:
            continue
        keep = c.ours if choice == "ours" else c.theirs
        _replace(merged, c.kind, keep)
        result.plan.revisions = [
            r for r in result.plan.revisions if not (r[0] == c.kind and r[1]["id"] == c.id)
        ]
        lost = (
            (c.kind, c.theirs, "conflict", "theirs")
            if choice == "ours"
            else (c.kind, c.ours, "conflict", "ours")
        )
        result.plan.revisions.append(lost)
        c.kept = choice


def _replace(merged: dict[str, Any], kind: str, record: dict[str, Any]) -> None:
    if kind == "action":
        merged["actions"] = [record if a["id"] == record["id"] else a for a in merged["actions"]]
    elif kind == "event":
        merged["events"] = [
            {**record, "entries": e["entries"]} if e["id"] == record["id"] else e
            for e in merged["events"]
        ]
    elif kind == "entry":
        plain = {k: v for k, v in record.items() if k != "__event"}
        for e in merged["events"]:
            e["entries"] = [plain if n["id"] == record["id"] else n for n in e["entries"]]
