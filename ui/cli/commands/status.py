"""``kumppani status --partnership REF [--as-of YYYY-MM-DD] [--json]``: where a partnership is."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from app.backup.opening import open_diary_file
from app.domain import Phase
from app.domain.labels import phase_name
from app.i18n import _
from ui.cli.options import add_partnership

NAME = "status"
HELP = _("show the phase, events and actions of a partnership on a day")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help=_("the day to report on (default: today)")
    )
    parser.add_argument("--json", action="store_true", help=_("print the status as JSON"))


def _day(text: str | None) -> date:
    from ui.cli.dates import optional_day

    return optional_day(text) or date.today()


def _text(status: dict[str, Any]) -> str:
    none = _("none")
    phase = _("no phase yet")
    if status["phase"]:
        phase = _("{phase} (since {day})").format(
            phase=phase_name(Phase(status["phase"])).lower(), day=status["phase_since"]
        )
    actions = status["actions"]
    rows = [
        (_("Partnership"), f"{status['name']} [{status['partnership']}]"),
        (_("As of"), status["as_of"]),
        (_("Phase"), phase),
        (
            _("Events"),
            _("{n} held, the last on {last}; next on {next}").format(
                n=status["events"],
                last=status["last_event_on"] or none,
                next=status["next_event_on"] or none,
            ),
        ),
        (
            _("Actions"),
            _("{open} open, of which {overdue} overdue; {done} done").format(**actions),
        ),
        (_("Checklist"), _("{done} done, {open} open").format(**status["checklist"])),
        (_("Warnings"), str(len(status["warnings"])) if status["warnings"] else none),
    ]
    rows += [("", f"[{w['severity']}] {w['message']}") for w in status["warnings"]]
    width = max(len(label) for label, _value in rows) + 2
    return "\n".join(f"{label + ':' if label else '':<{width}}{value}" for label, value in rows)


def run(args: argparse.Namespace) -> int:
    from app.checklists import TemplateError
    from app.services.lookup import PartnershipNotFound, resolve_partnership
    from app.services.status import partnership_status
    from ui.cli import UserError, diary_path

    as_of = _day(args.as_of)
    diary = open_diary_file(diary_path(args))
    try:
        partnership = resolve_partnership(diary.db, args.partnership)
        assert partnership.pk is not None
        status = partnership_status(diary.db, partnership.pk, as_of)
    except PartnershipNotFound as exc:
        raise UserError(exc.message) from None
    except TemplateError as exc:  # a damaged checklist file: say which, no traceback
        raise UserError(str(exc)) from None
    finally:
        diary.close()
    if args.json:
        print(json.dumps(status, ensure_ascii=False, indent=2))
    else:
        print(_text(status))
    return 0
