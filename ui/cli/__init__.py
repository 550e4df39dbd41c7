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


class _Version(argparse.Action):
    """``--version``: the version is looked up (in the package metadata) only when asked for."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        parser._print_message(f"{parser.prog} {version()}\n", sys.stdout)
        parser.exit()


# The options the window takes; a command line of only these opens the window.
_GUI_FLAGS = ("--partner-view", "--smoke-test")


def opens_the_window(argv: Sequence[str]) -> bool:
    """Whether ``argv`` only opens the window (no command, no help, no version): then the
    commands, which take a few dozen milliseconds to load, are not loaded before it shows."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            if next(tokens, None) is None:
                return False
        elif not token.startswith("--db=") and token not in _GUI_FLAGS:
            return False
    return True


def build_parser(
    *, with_commands: bool = True
) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The command line's parser and its commands by name (``with_commands=False``: the
    window's options only, no command loaded)."""
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
    parser.add_argument("--version", action=_Version, help=_("show the version"))
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
    if not with_commands:
        parser.set_defaults(command=None)
        return parser, {}
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
    argv = sys.argv[1:] if argv is None else list(argv)
    parser, commands = build_parser(with_commands=not opens_the_window(argv))
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
