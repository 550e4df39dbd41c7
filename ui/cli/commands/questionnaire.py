"""``kumppani questionnaire form|collect|waves``: fillable PDF forms out, filled forms back in."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.i18n import _, ngettext
from ui.cli.options import add_partnership

if TYPE_CHECKING:
    from app.domain import Organization
    from app.domain.questionnaire import Wave
    from app.persistence.diary import Diary
    from app.scores import Instrument
    from app.services.collect_forms import CollectPreview

NAME = "questionnaire"
HELP = _("questionnaires: write fillable PDF forms, collect them back, list the waves")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="questionnaire_command", metavar="ACTION", required=True)
    form = sub.add_parser(
        "form",
        help=_("write fillable PDF forms for a new wave (one per respondent)"),
        description=_(
            "Starts a questionnaire wave of the instrument and writes one fillable PDF form per "
            "respondent into the folder. Each form carries the wave and its own form id, so "
            "'questionnaire collect' puts its answers in the right place and counts it once."
        ),
    )
    add_partnership(form)
    form.add_argument("--instrument", required=True, metavar="ID", help=_("instrument id"))
    form.add_argument("--lang", choices=("fi", "en"), help=_("language of the forms"))
    form.add_argument("--copies", type=int, default=1, metavar="N", help=_("number of forms"))
    form.add_argument("--title", metavar="TEXT", help=_("title of the wave"))
    form.add_argument("--date", metavar="YYYY-MM-DD", help=_("date of the wave (default: today)"))
    form.add_argument(
        "--wave", metavar="ID", help=_("add forms to this existing wave instead of a new one")
    )
    form.add_argument("--out", required=True, type=Path, metavar="FOLDER", help=_("folder"))
    collect = sub.add_parser(
        "collect",
        help=_("collect filled PDF forms into their wave (all of them, or none)"),
        description=_(
            "Reads the filled forms, shows what it found, and adds the answers to their wave. "
            "Nothing is added when any file has a problem; each is named with what to do. A "
            "form collected twice counts once."
        ),
    )
    add_partnership(collect)
    collect.add_argument("--wave", metavar="ID", help=_("the wave (default: the forms' own)"))
    collect.add_argument(
        "--check", action="store_true", help=_("only show what would be collected")
    )
    collect.add_argument("files", nargs="+", type=Path, metavar="FILE.pdf")
    template = sub.add_parser(
        "template",
        help=_("write a wave as an XLSX spreadsheet to fill in (one row per respondent)"),
        description=_(
            "Starts a questionnaire wave (or uses --wave) and writes an XLSX template with "
            "drop-down lists for the organization, the level and every answer. Fill it in and "
            "read it back with 'questionnaire import'."
        ),
    )
    add_partnership(template)
    template.add_argument("--instrument", metavar="ID", help=_("instrument id"))
    template.add_argument("--lang", choices=("fi", "en"), help=_("language of the headings"))
    template.add_argument("--rows", type=int, default=30, metavar="N", help=_("number of rows"))
    template.add_argument("--title", metavar="TEXT", help=_("title of the wave"))
    template.add_argument("--date", metavar="YYYY-MM-DD", help=_("date of the wave"))
    template.add_argument("--wave", metavar="ID", help=_("an existing wave instead of a new one"))
    template.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    imp = sub.add_parser(
        "import",
        help=_(
            "read a filled XLSX template, or its answer sheet saved as CSV, into its wave "
            "(all rows, or none)"
        ),
    )
    add_partnership(imp)
    imp.add_argument("--check", action="store_true", help=_("only show what would be imported"))
    imp.add_argument("--wave", metavar="ID", help=_("the wave a CSV file answers"))
    imp.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv")
    waves = sub.add_parser("waves", help=_("list the questionnaire waves and their responses"))
    add_partnership(waves)
    waves.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def run(args: argparse.Namespace) -> int:
    from app.backup.opening import open_diary_file
    from ui.cli import diary_path, partnership_named

    diary = open_diary_file(diary_path(args))
    try:
        partnership = partnership_named(diary.db, args.partnership)
        assert partnership.pk is not None
        command = args.questionnaire_command
        if command in ("form", "template"):
            return _form(diary, partnership, args)
        if command == "import":
            return _import(diary, partnership.pk, args)
        if command == "collect":
            return _collect(diary, partnership.pk, args)
        return _waves(diary, partnership.pk, args)
    finally:
        diary.close()


def _instrument(ident: str) -> Instrument:
    from app.scores import load_instruments
    from ui.cli import UserError

    problems: list[str] = []
    found = load_instruments(problems=problems)
    for problem in problems:
        print(_("Left out an instrument file: {problem}").format(problem=problem))
    if ident not in found:
        raise UserError(
            _("There is no instrument {id}. The instruments are: {ids}.").format(
                id=ident, ids=", ".join(sorted(found))
            )
        )
    return found[ident]


def _form(diary: object, partnership: object, args: argparse.Namespace) -> int:
    from app.domain import Partnership, Role
    from app.persistence.diary import Diary
    from app.persistence.read.partnerships import list_organizations
    from app.persistence.read.questionnaires import get_wave
    from app.services.questionnaires import start_wave, stored_instrument
    from reports.questionnaire_form import FormContext, write_forms
    from ui.cli import UserError
    from ui.cli.dates import parse_day

    assert isinstance(diary, Diary) and isinstance(partnership, Partnership)
    assert partnership.pk is not None
    copies = args.rows if args.questionnaire_command == "template" else args.copies
    if not 1 <= copies <= 500:
        raise UserError(_("The number of forms or rows must be from 1 to 500."))
    language = args.lang or partnership.language
    if args.wave:
        wave = get_wave(diary.db, partnership.pk, args.wave)
        if wave is None:
            raise UserError(_("This partnership has no wave {id}.").format(id=args.wave))
        instrument = stored_instrument(diary.db, partnership.pk, wave.instrument)
        language = args.lang or wave.language or language
    else:
        if not args.instrument:
            raise UserError(_("Name the instrument with --instrument, or a wave with --wave."))
        instrument = _instrument(args.instrument)
        day = parse_day(args.date) if args.date else date.today()
        wave = start_wave(
            diary, partnership.pk, instrument, day=day, title=args.title, language=language
        )
    orgs = [
        o for o in list_organizations(diary.db, partnership.pk) if o.role is not Role.FACILITATOR
    ]
    if args.questionnaire_command == "template":
        return _template(partnership.id, orgs, wave, instrument, language, args)
    ctx = FormContext(partnership.id, partnership.name, orgs, wave, instrument, language)
    try:
        written = write_forms(args.out, ctx, args.copies)
    except OSError as exc:
        raise UserError(
            _("Cannot write the forms to {path}: {reason}").format(
                path=args.out, reason=exc.strerror or exc
            )
        ) from None
    print(
        ngettext(
            "Wrote {n} form of the wave {wave} ({id}) to {folder}.",
            "Wrote {n} forms of the wave {wave} ({id}) to {folder}.",
            len(written),
        ).format(n=len(written), wave=wave.title, id=wave.id, folder=args.out)
    )
    return 0


def _template(
    partnership_id: str,
    orgs: list[Organization],
    wave: Wave,
    instrument: Instrument,
    language: str,
    args: argparse.Namespace,
) -> int:
    from app.services.questionnaire_xlsx import write_template
    from ui.cli import UserError

    try:
        write_template(args.out, partnership_id, orgs, wave, instrument, language, args.rows)
    except OSError as exc:
        raise UserError(
            _("Cannot write {path}: {reason}").format(path=args.out, reason=exc.strerror or exc)
        ) from None
    print(
        _("Wrote the spreadsheet of the wave {wave} ({id}) to {path}.").format(
            wave=wave.title, id=wave.id, path=args.out
        )
    )
    return 0


def _import(diary: object, partnership_pk: int, args: argparse.Namespace) -> int:
    from app.persistence.diary import Diary
    from app.services.questionnaire_xlsx import preview_sheet

    assert isinstance(diary, Diary)
    preview = preview_sheet(diary, partnership_pk, args.file, args.wave)
    return _store(diary, preview, args.check)


def _collect(diary: object, partnership_pk: int, args: argparse.Namespace) -> int:
    from app.persistence.diary import Diary
    from app.services.collect_forms import preview_forms

    assert isinstance(diary, Diary)
    preview = preview_forms(diary, partnership_pk, args.files, args.wave)
    return _store(diary, preview, args.check)


def _store(diary: Diary, preview: CollectPreview, check: bool) -> int:
    from app.services.collect_forms import CollectError, collect_forms
    from ui.cli import UserError

    for row in preview.rows:
        if row.problem:
            status = _("refused: {why}").format(why=row.problem)
        elif row.passed_over:
            status = row.passed_over
        else:
            status = ngettext(
                "{organization}, {n} answer", "{organization}, {n} answers", row.answered
            ).format(organization=row.organization, n=row.answered)
        print(f"{row.name}: {status}")
    if not preview.ok:
        raise UserError(str(CollectError(preview)))
    if check:
        return 0
    try:
        added = collect_forms(diary, preview)
    except CollectError as exc:
        raise UserError(str(exc)) from None
    assert preview.wave is not None
    print(
        ngettext(
            "Collected {n} new response into the wave {wave}.",
            "Collected {n} new responses into the wave {wave}.",
            added,
        ).format(n=added, wave=preview.wave.title)
    )
    return 0


def _waves(diary: object, partnership_pk: int, args: argparse.Namespace) -> int:
    from app.dates import short_date
    from app.i18n import language
    from app.persistence.diary import Diary
    from app.services.questionnaires import list_wave_summaries

    assert isinstance(diary, Diary)
    summaries = list_wave_summaries(diary, partnership_pk)
    if args.json:
        print(json.dumps([s.as_json() for s in summaries], ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print(_("No questionnaire waves yet."))
        return 0
    for s in summaries:
        counts = ", ".join(f"{org} {n}" for org, n in s.responses.items()) or _("no responses")
        print(f"{short_date(s.date, language())}  {s.title}  [{s.instrument}]  {counts}  ({s.id})")
    return 0
