"""``kumppani minutes``: write the minutes of one event for the partners as a PDF, an editable
Word document or plain text (for an e-mail), chosen by the file name's extension.

The minutes hold shared records only. ``--given`` records them as given to the partners (they
then count as feedback to the management that attended); without it nothing is recorded.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.backup.opening import open_diary_file
from app.i18n import _
from ui.cli.options import add_partnership

NAME = "minutes"
HELP = _("write the minutes of an event for the partners as PDF, DOCX or text (by the file name)")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument(
        "--event",
        required=True,
        metavar="ID",
        help=_("the event's id, as in the partnership file (kumppani export)"),
    )
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.pdf|FILE.docx|FILE.txt",
        help=_("the minutes' file; .docx gives an editable Word document, .txt plain text"),
    )
    parser.add_argument(
        "--lang", choices=("en", "fi"), help=_("language (default: the partnership's)")
    )
    parser.add_argument(
        "--hide-names",
        action="store_true",
        help=_("print people by pseudonym or by title and organization"),
    )
    parser.add_argument(
        "--given",
        action="store_true",
        help=_("record the minutes as given to the partners (they count as feedback)"),
    )
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help=_("date the minutes are made (default: today)")
    )


def run(args: argparse.Namespace) -> int:
    from app.domain.labels import os_reason
    from app.report.minutes import MinutesOptions
    from app.safety.output import write_output
    from app.services.minutes import MinutesError, event_by_id, minutes_data, record_minutes
    from reports.minutes_file import build_minutes, minutes_format
    from ui.cli import UserError, diary_path, partnership_named
    from ui.cli.dates import optional_day

    fmt = minutes_format(args.out)
    if fmt is None:
        raise UserError(
            _(
                "Cannot tell the format from “{name}”: end the file name in .pdf, .docx or .txt."
            ).format(name=args.out.name)
        )
    made_on = optional_day(args.date) or date.today()
    diary = open_diary_file(diary_path(args))
    try:
        partnership = partnership_named(diary.db, args.partnership)
        assert partnership.pk is not None
        try:
            event = event_by_id(diary, partnership.pk, args.event)
            options = MinutesOptions(
                event=event,
                generated_on=made_on,
                language=args.lang or partnership.language,
                hide_names=args.hide_names,
            )
            data = minutes_data(diary, partnership.pk, options)
        except MinutesError as exc:
            raise UserError(str(exc)) from None
        document = build_minutes(data, fmt)
        try:
            write_output(args.out, document, private=False)
        except OSError as exc:
            raise UserError(
                _("Cannot write {path}: {reason}").format(path=args.out, reason=os_reason(exc))
            ) from None
        if args.given:
            record_minutes(diary, partnership.pk, document, options)
    finally:
        diary.close()
    done = (
        _("Wrote the minutes of “{event}” to {path} and recorded them as given to the partners.")
        if args.given
        else _("Wrote the minutes of “{event}” to {path}.")
    )
    print(done.format(event=data.title, path=args.out))
    return 0
