"""``kumppani merge FILE [--dry-run]``: merge a colleague's file of the same partnership."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.backup.opening import open_diary_file
from app.i18n import _

if TYPE_CHECKING:
    from app.services.merge import MergeResult

NAME = "merge"
HELP = _("merge a colleague's file of the same partnership into the diary")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", type=Path, metavar="FILE", help=_("the colleague's partnership file")
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=_("print what would change; change nothing")
    )


def _kinds() -> dict[str, str]:
    return {
        "partnership": _("partnership"),
        "organization": _("organizations"),
        "person": _("people"),
        "objective": _("objectives"),
        "event": _("events"),
        "entry": _("entries"),
        "action": _("actions"),
        "checklist": _("checklist marks"),
        "report": _("reports"),
        "acknowledgement": _("acknowledged warnings"),
    }


def describe(result: MergeResult) -> list[str]:
    """What the merge changes (or would change), in lines for a terminal."""
    p = result.plan
    lines = []
    for kind, label in _kinds().items():
        added, updated, deleted = p.added[kind], p.updated[kind], p.deleted[kind]
        if added or updated or deleted:
            lines.append(
                "  "
                + _("{kind}: {added} added, {updated} updated, {deleted} deleted").format(
                    kind=label, added=added, updated=updated, deleted=deleted
                )
            )
    if p.conflicts:
        lines.append(
            _(
                "Edited on both sides since the diaries last met (the newer edit is kept, "
                "the other is kept as an earlier version):"
            )
        )
        for c in p.conflicts:
            kept = (
                _("kept this diary's version") if c.kept == "ours" else _("kept the file's version")
            )
            first = str(c.ours.get("text") or c.ours.get("title") or "").split("\n")[0][:60]
            lines.append(f"  {_kinds()[c.kind]} {c.id}: {kept} — {first}")
    return lines


def run(args: argparse.Namespace) -> int:
    from app.exchange import ExchangeError
    from app.services.merge import merge_file
    from ui.cli import UserError, diary_path

    path = diary_path(args)
    if not path.exists():
        raise UserError(_("There is no diary at {path} to merge into.").format(path=path))
    diary = open_diary_file(path)
    try:
        result = merge_file(diary, args.file, dry_run=args.dry_run)
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    finally:
        diary.close()
    lines = describe(result)
    who = result.their_author or result.their_diary or _("an unknown diary")
    print(_('Merging "{name}" with the file from {who}:').format(name=result.name, who=who))
    print("\n".join(lines) if lines else "  " + _("nothing to merge: the diary has it all"))
    if args.dry_run:
        print(_("Nothing was changed (--dry-run)."))
    elif result.written:
        print(_("Merged; a backup was made first."))
    return 0
