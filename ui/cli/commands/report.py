"""``kumppani report``: write a partnership's feedback report for the partners as a PDF, or as
an editable Word document when the file name ends in ``.docx``.

The report holds shared records only. A report written to a file counts as given to the
partners and is recorded in the partnership's history (``--draft`` leaves no record).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.backup.opening import open_diary_file
from app.i18n import _, ngettext
from ui.cli.options import add_partnership

if TYPE_CHECKING:
    from app.report import ReportData, ReportOptions

NAME = "report"
HELP = _("write a feedback report for the partners as a PDF (or a DOCX, by the file name)")


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.pdf|FILE.docx",
        help=_("the report's file; a name ending in .docx gives an editable Word document"),
    )
    parser.add_argument(
        "--from",
        dest="start",
        metavar="YYYY-MM-DD",
        help=_(
            "start of the period (default: the day of the last report given, else six months back)"
        ),
    )
    parser.add_argument(
        "--since-start",
        action="store_true",
        help=_("cover the whole partnership since it started"),
    )
    parser.add_argument(
        "--appendix",
        action="store_true",
        help=_(
            "add an appendix listing every shared entry of the whole partnership (the page "
            "estimate is printed first)"
        ),
    )
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=_("end of the period"))
    parser.add_argument(
        "--lang", choices=("en", "fi"), help=_("language (default: the partnership's)")
    )
    parser.add_argument(
        "--hide-names",
        action="store_true",
        help=_("print people by pseudonym or by title and organization"),
    )
    parser.add_argument(
        "--anonymous",
        action="store_true",
        help=_(
            "hide names and also print organizations by their role and the partnership "
            "by a neutral title"
        ),
    )
    parser.add_argument(
        "--sections",
        metavar="LIST",
        help=_(
            "comma-separated sections: glance, phase, accomplishments, actions, commitment, "
            "equity, observations, learning, next (default: all)"
        ),
    )
    parser.add_argument("--author", default="", help=_("author shown in the PDF's properties"))
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help=_("date printed on the report (default: today)")
    )
    parser.add_argument(
        "--draft", action="store_true", help=_("do not record the report as given to partners")
    )


def _day(text: str | None) -> date | None:
    from ui.cli.dates import optional_day

    return optional_day(text)


def _options(args: argparse.Namespace, language: str, default_from: date) -> ReportOptions:
    from app.report import SECTIONS, ReportOptions
    from app.services.feedback import ReportError, parse_sections
    from ui.cli import UserError

    start, end = _day(args.start), _day(args.end)
    if args.start is None and not args.since_start:
        start = default_from if end is None or default_from <= end else None
    if start and end and start > end:
        raise UserError(_("The period ends before it starts."))
    try:
        sections = parse_sections(args.sections) if args.sections else SECTIONS
    except ReportError as exc:
        raise UserError(str(exc)) from None
    return ReportOptions(
        generated_on=_day(args.date) or date.today(),
        period_from=start,
        period_to=end,
        sections=sections,
        language=args.lang or language,
        hide_names=args.hide_names,
        anonymous=args.anonymous,
        author=args.author,
        appendix=args.appendix,
    )


def _build(data: ReportData, out: Path) -> bytes:
    """The report in the format the file name asks for: DOCX for ``.docx``, else PDF."""
    if out.suffix.lower() == ".docx":
        from reports.docx.build import build_feedback_docx

        return build_feedback_docx(data)
    from reports.feedback import build_feedback_pdf

    return build_feedback_pdf(data)


def run(args: argparse.Namespace) -> int:
    from app.domain.labels import os_reason
    from app.services import feedback
    from ui.cli import UserError, diary_path, partnership_named

    diary = open_diary_file(diary_path(args))
    try:
        partnership = partnership_named(diary.db, args.partnership)
        assert partnership.pk is not None
        made_on = _day(args.date) or date.today()
        default_from = feedback.default_period_from(diary, partnership.pk, made_on)
        options = _options(args, partnership.language, default_from)
        data = feedback.report_data(diary, partnership.pk, options)
        estimate = feedback.page_estimate(diary, partnership.pk, data)
        pages = estimate.report + (estimate.appendix if options.appendix else 0)
        print(
            ngettext("Writing about {n} page…", "Writing about {n} pages…", pages).format(n=pages),
            flush=True,
        )
        document = _build(data, args.out)
        from app.safety.output import write_output

        try:
            write_output(args.out, document, private=False)
        except OSError as exc:
            raise UserError(
                _("Cannot write {path}: {reason}").format(path=args.out, reason=os_reason(exc))
            ) from None
        if not args.draft:
            feedback.record_given(diary, partnership.pk, document, options)
    finally:
        diary.close()
    print(
        _("Wrote the feedback report of {partnership} to {path}.").format(
            partnership=partnership.name, path=args.out
        )
    )
    return 0
