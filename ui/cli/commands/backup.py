"""``kumppani backup [--to DIR]``: make a verified backup of the diary now; prints its path.

Without ``--to`` the backup goes to the diary's backup folder, which is then thinned like the
automatic backups; a folder given with ``--to`` (an external drive) is never thinned.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.backup.opening import open_diary_file
from app.i18n import _

NAME = "backup"
HELP = _("make a verified backup of the diary now and print where it is")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--to",
        type=Path,
        metavar="DIR",
        help=_("the folder to write the backup into (default: the diary's backup folder)"),
    )


def run(args: argparse.Namespace) -> int:
    from app.backup.make import make_backup
    from app.backup.policy import BackupPolicy
    from ui.cli import diary_path

    diary = open_diary_file(diary_path(args))
    try:
        if args.to is not None:
            made = make_backup(diary.db.conn, args.to.expanduser(), diary.path.stem)
        else:
            made = BackupPolicy(diary).backup_now()
    finally:
        diary.close()
    print(made)
    return 0
