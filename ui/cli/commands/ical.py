"""``kumppani ical``: write a partnership's planned events and the due dates of its open actions
as an iCalendar file (.ics) to import into a calendar.

Importing the file again updates the items instead of adding copies (each keeps its UID).
Private actions never go into the file.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.backup.opening import open_diary_file
from app.i18n import _, ngettext
from ui.cli.options import add_partnership

NAME = "ical"
HELP = _("write the planned events and action due dates as a calendar file (.ics)")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument(
        "--out", required=True, type=Path, metavar="FILE.ics", help=_("the calendar file")
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help=_("events from this day on are planned (default: today)"),
    )


def run(args: argparse.Namespace) -> int:
    from app.domain.labels import os_reason
    from app.safety.output import write_output
    from app.services.minutes import MinutesError, calendar_file
    from ui.cli import UserError, diary_path, partnership_named
    from ui.cli.dates import optional_day

    if args.out.suffix.lower() != ".ics":
        raise UserError(
            _("A calendar file's name ends in .ics (not “{name}”).").format(name=args.out.name)
        )
    today = optional_day(args.date) or date.today()
    diary = open_diary_file(diary_path(args))
    try:
        partnership = partnership_named(diary.db, args.partnership)
        assert partnership.pk is not None
        try:
            document, events, actions = calendar_file(diary, partnership.pk, today)
        except MinutesError as exc:
            raise UserError(str(exc)) from None
        try:
            write_output(args.out, document, private=False)
        except OSError as exc:
            raise UserError(
                _("Cannot write {path}: {reason}").format(path=args.out, reason=os_reason(exc))
            ) from None
    finally:
        diary.close()
    planned = ngettext("{n} planned event", "{n} planned events", events).format(n=events)
    due = ngettext("{n} action due date", "{n} action due dates", actions).format(n=actions)
    print(
        _("Wrote {events} and {actions} to {path}.").format(
            events=planned, actions=due, path=args.out
        )
    )
    return 0
