"""``kumppani import FILE``: add a partnership from an exchange file; prints its id."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.backup.opening import open_diary_file
from app.i18n import _

NAME = "import"
HELP = _("import a partnership from an exchange file (JSON) and print its id")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=_("the partnership file"))
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--copy",
        action="store_true",
        help=_("when the diary already has this partnership, import a copy with new ids"),
    )
    how.add_argument(
        "--replace",
        action="store_true",
        help=_("when the diary already has this partnership, replace it with the file's"),
    )


def run(args: argparse.Namespace) -> int:
    from app.exchange import AlreadyInDiary, ExchangeError, Mode, check_file
    from app.persistence.read.partnerships import get_partnership
    from app.services.imports import import_partnership_file
    from ui.cli import UserError, diary_path

    mode: Mode = "copy" if args.copy else "replace" if args.replace else "refuse"
    try:
        # Check the whole file before a missing diary is created for it.
        parsed = check_file(args.file)  # record by record: any size in flat memory
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    diary = open_diary_file(diary_path(args), create=True)
    try:
        pk = import_partnership_file(diary, parsed, mode)  # a backup first
        imported = get_partnership(diary.db, pk)
    except AlreadyInDiary as exc:
        raise UserError(
            exc.headline + " " + _("Add --copy to import it with new ids, or --replace.")
        ) from None
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    finally:
        diary.close()
    assert imported is not None
    print(imported.id)
    return 0
