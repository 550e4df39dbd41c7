"""``kumppani export --partnership REF --out FILE``: write a partnership as an exchange file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.backup.opening import open_diary_file
from app.i18n import _
from ui.cli.options import add_partnership

NAME = "export"
HELP = _("export a partnership as an exchange file (JSON)")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help=_("the file to write (- writes to standard output)"),
    )


def run(args: argparse.Namespace) -> int:
    from app.exchange import ExchangeError, export_stream, save_file, write_document
    from app.services.lookup import PartnershipNotFound, resolve_partnership
    from ui.cli import UserError, diary_path

    to_stdout = str(args.out) == "-"
    if not to_stdout and args.out.is_dir():
        raise UserError(_("{path} is a folder; give a file name to write.").format(path=args.out))
    diary = open_diary_file(diary_path(args))
    try:
        partnership = resolve_partnership(diary.db, args.partnership)
        assert partnership.pk is not None
        # Events are read one at a time as the file is written: the diary stays open until then.
        document = export_stream(diary.db, partnership.pk)
        if to_stdout:
            write_document(document, sys.stdout)
            return 0
        save_file(document, args.out)
    except PartnershipNotFound as exc:
        raise UserError(exc.message) from None
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    finally:
        diary.close()
    print(_('Exported "{name}" to {path}.').format(name=partnership.name, path=args.out))
    return 0
