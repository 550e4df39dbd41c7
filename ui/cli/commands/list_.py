"""``kumppani list [--json]``: the partnerships in the diary, to find the id to give the others."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from app.backup.opening import open_diary_file
from app.i18n import _

NAME = "list"
HELP = _("list the partnerships in the diary with their ids, phases and counts")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print the list as JSON"))


def _rows(db: Any, today: date) -> list[dict[str, Any]]:
    from app.persistence.read.partnerships import list_partnerships, partnership_counts

    counts = partnership_counts(db)
    found = []
    for p in list_partnerships(db):
        assert p.pk is not None
        moves = [m for m in p.phases if m.from_on <= today]
        found.append(
            {
                "id": p.id,
                "name": p.name,
                "phase": moves[-1].phase.value if moves else None,
                **counts.get(p.pk, {"events": 0, "entries": 0, "open_actions": 0}),
            }
        )
    return found


def _text(found: list[dict[str, Any]]) -> str:
    from app.domain import Phase
    from app.domain.labels import phase_name

    if not found:
        return _("The diary has no partnerships yet; kumppani demo adds one to look around.")
    head = [_("Id"), _("Name"), _("Phase"), _("Events"), _("Entries"), _("Open actions")]
    table = [head] + [
        [
            p["id"],
            p["name"],
            phase_name(Phase(p["phase"])) if p["phase"] else "–",
            str(p["events"]),
            str(p["entries"]),
            str(p["open_actions"]),
        ]
        for p in found
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    )


def run(args: argparse.Namespace) -> int:
    from ui.cli import diary_path

    diary = open_diary_file(diary_path(args))
    try:
        found = _rows(diary.db, date.today())
    finally:
        diary.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        print(_text(found))
    return 0
