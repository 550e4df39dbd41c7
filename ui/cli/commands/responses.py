"""``kumppani responses import``: questionnaire answers from a CSV file into a new wave."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.backup.opening import open_diary_file
from app.dates import short_date
from app.i18n import _, language, ngettext
from ui.cli.options import add_partnership

NAME = "responses"
HELP = _("questionnaire answers (import a CSV file as a questionnaire wave)")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="responses_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help=_("import answers from a CSV file as a new questionnaire event"),
        description=_(
            "Columns: respondent (person id or name, empty for anonymous), organization "
            "(id or name) and any of the six dimensions; values 1–5 written as 4, 4.5 or 4,5, "
            "or empty. UTF-8, comma or semicolon separated, at most 10,000 rows. Nothing is "
            "imported when any row is wrong."
        ),
    )
    add_partnership(imp)
    imp.add_argument("--date", required=True, metavar="YYYY-MM-DD", help=_("date of the wave"))
    imp.add_argument("--title", metavar="TEXT", help=_("title of the questionnaire event"))
    imp.add_argument("file", type=Path, metavar="FILE.csv")


def _day(text: str) -> date:
    from ui.cli.dates import parse_day

    return parse_day(text)


def run(args: argparse.Namespace) -> int:
    from app.domain.labels import file_kind_name
    from app.safety.output import NotARegularFile, require_regular_input
    from app.services.imports import import_responses_file
    from app.services.responses_csv import ResponsesError, parse_for_partnership
    from ui.cli import UserError, diary_path, partnership_named

    day = _day(args.date)
    # Read as a stream, a row at a time (a huge file is refused after MAX_ROWS rows).
    data: Path = args.file
    try:
        require_regular_input(data)  # a pipe or a device would be read for ever
        with data.open("rb") as probe:
            probe.read(1)
    except NotARegularFile as exc:
        raise UserError(
            _("{path} is {kind}, not a file.").format(path=data, kind=file_kind_name(exc.kind))
        ) from None
    except OSError as exc:
        raise UserError(
            _("Cannot read {path}: {reason}").format(path=args.file, reason=exc.strerror)
        ) from None
    diary = open_diary_file(diary_path(args))
    try:
        partnership = partnership_named(diary.db, args.partnership)
        assert partnership.pk is not None
        parsed = parse_for_partnership(diary, partnership.pk, data)
        if not parsed.ok:
            raise UserError(str(ResponsesError(parsed.problems)))
        try:
            import_responses_file(diary, partnership.pk, data, day, args.title)
        except ResponsesError as exc:
            raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(
            _("Cannot read {path}: {reason}").format(path=args.file, reason=exc.strerror)
        ) from None
    finally:
        diary.close()
    print(
        ngettext(
            "Imported the answers of {n} respondent into {partnership} ({day}).",
            "Imported the answers of {n} respondents into {partnership} ({day}).",
            len(parsed.rows),
        ).format(n=len(parsed.rows), partnership=partnership.name, day=short_date(day, language()))
    )
    return 0
