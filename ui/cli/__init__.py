"""The ``kumppani`` command: the desktop application and its commands in one program.

``kumppani [--db PATH] [COMMAND ...]``. Without a command the GUI opens on the diary. Each
command lives in its own module under ``ui/cli/commands`` and is found there at start; a module
provides ``NAME``, ``HELP``, ``configure(parser)`` and ``run(args) -> int``. Commands import what
they need inside ``run`` so that ``kumppani status`` does not pay for Qt or reportlab.

User mistakes end as one or two plain sentences on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from app.i18n import _
from app.persistence.errors import DamagedDiary, DiaryError
from app.version import version

if TYPE_CHECKING:
    from app.domain import Partnership


class UserError(Exception):
    """A mistake the user can correct; its message is printed as it is."""


def _commands() -> dict[str, ModuleType]:
    from ui.cli import commands

    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"ui.cli.commands.{info.name}")
        found[module.NAME] = module
    return found


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    parser = argparse.ArgumentParser(
        prog="kumppani",
        description=_("Kumppani — a facilitator's diary for co-creation partnerships."),
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        help=_("the diary file (default: $KUMPPANI_DB or diary.sqlite3 in the data folder)"),
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {version()}", help=_("show the version")
    )
    parser.add_argument(
        "--partner-view",
        action="store_true",
        help=_("start in partner view: only what the partners may see, for a projector"),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=_("open the window and quit once it is drawn (checks an installation)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands = _commands()
    for name, module in commands.items():
        module.configure(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser, commands


def diary_path(args: argparse.Namespace) -> Path:
    from app.paths import default_diary_path

    return Path(args.db) if args.db else default_diary_path()


def partnership_named(db: Any, ref: str) -> Partnership:
    """The partnership ``ref`` names (its id, or its name in any letter case), or a UserError
    that lists the candidates when the name is ambiguous or matches nothing."""
    from app.services.lookup import PartnershipNotFound, resolve_partnership

    try:
        found = resolve_partnership(db, ref)
    except PartnershipNotFound as exc:
        raise UserError(exc.message) from None
    assert found.pk is not None
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kumppani`` console script and of ``python main.py``."""
    parser, commands = build_parser()
    args = parser.parse_args(argv)
    if args.smoke_test and args.command is not None:
        parser.error(_("--smoke-test opens the window; it takes no command"))
    try:
        if args.command is None:
            from ui.application import run_gui

            # Without --db the GUI may reopen the diary last chosen in its File menu.
            return run_gui(
                Path(args.db) if args.db else None,
                partner_view=args.partner_view,
                smoke_test=args.smoke_test,
            )
        return int(commands[args.command].run(args))
    except DiaryError as exc:
        from ui.cli.messages import cli_message

        # In a terminal's words; a damaged diary names the backup that holds the data.
        print(f"kumppani: {cli_message(exc)}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"kumppani: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:
        # An unexpected error may come from a value damaged on disk that the checks at open
        # do not read: then the cause is the damage, not a bug. Otherwise the traceback stands.
        damage = _damage(args)
        if damage is None:
            raise
        from ui.cli.messages import cli_message

        print(f"kumppani: {cli_message(damage)}", file=sys.stderr)
        return 2


def _damage(args: argparse.Namespace) -> DamagedDiary | None:
    """The diary's damage found by the full check, read-only; None when healthy or absent."""
    from app.backup.health import check_diary

    if args.command is None:
        return None
    path = diary_path(args)
    if not path.is_file():
        return None
    try:
        health = check_diary(path)
    except DamagedDiary as exc:
        return exc
    except DiaryError:
        return None  # cannot be read even for the check: the original error stands
    return DamagedDiary(path, "\n".join(health.problems[:20])) if not health.healthy else None


def gui_main() -> int:
    """Entry point of the ``kumppani-gui`` launcher (no console window on Windows)."""
    return main(sys.argv[1:])
