"""``kumppani csv --partnership REF --what actions|entries --out FILE``: spreadsheet exports."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.backup.opening import open_diary_file
from app.i18n import _
from ui.cli.options import add_partnership

NAME = "csv"
HELP = _("export the action plan or the diary entries as a spreadsheet (CSV) file")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument("--what", required=True, choices=("actions", "entries"))
    parser.add_argument("--out", required=True, type=Path, metavar="FILE")
    parser.add_argument(
        "--separator",
        choices=(",", ";"),
        default=",",
        help=_("the column separator (';' for spreadsheets in Finnish)"),
    )
    parser.add_argument("--shared-only", action="store_true", help=_("leave private entries out"))


def run(args: argparse.Namespace) -> int:
    from app.domain.labels import os_reason
    from app.services import spreadsheet
    from app.services.lookup import PartnershipNotFound, resolve_partnership
    from ui.cli import UserError, diary_path

    if args.out.is_dir():
        raise UserError(_("{path} is a folder; give a file name to write.").format(path=args.out))
    diary = open_diary_file(diary_path(args))
    try:
        partnership = resolve_partnership(diary.db, args.partnership)
        assert partnership.pk is not None
        if args.what == "actions":
            text = spreadsheet.actions_csv(diary.db, partnership.pk, date.today(), args.separator)
        else:
            text = spreadsheet.entries_csv(
                diary.db, partnership.pk, shared_only=args.shared_only, separator=args.separator
            )
    except PartnershipNotFound as exc:
        raise UserError(exc.message) from None
    finally:
        diary.close()
    try:
        # Entries include private ones unless --shared-only: readable by the user only.
        shared = args.what == "entries" and args.shared_only
        spreadsheet.write_text(args.out, text, private=not shared)
    except OSError as exc:
        raise UserError(
            _("Could not write {path}: {reason}.").format(path=args.out, reason=os_reason(exc))
        ) from None
    print(_("Wrote {path}.").format(path=args.out))
    return 0
