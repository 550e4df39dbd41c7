"""``kumppani research --partnership REF --out FILE [--include-private]``: the research export.

People become pseudonyms (P01, P02…), organizations their roles, names in free text are
hidden; the file's ending chooses the format: ``.qdpx`` (a REFI-QDA project for NVivo,
ATLAS.ti, MAXQDA, QualCoder…), ``.xlsx`` or ``.csv``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.backup.opening import open_diary_file
from app.i18n import _
from ui.cli.options import add_partnership

NAME = "research"
HELP = _(
    "export a partnership pseudonymized for qualitative analysis (.qdpx for REFI-QDA "
    "programs, .xlsx or .csv)"
)


def configure(parser: argparse.ArgumentParser) -> None:
    add_partnership(parser)
    parser.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help=_("the file to write; its ending (.qdpx, .xlsx or .csv) chooses the format"),
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help=_("include the private entries too (marked as private)"),
    )
    parser.add_argument(
        "--separator",
        choices=(",", ";"),
        default=",",
        help=_("the column separator of a CSV file (';' for spreadsheets in Finnish)"),
    )


def run(args: argparse.Namespace) -> int:
    from app.i18n import ngettext
    from app.research import ResearchError, export_research
    from app.services.lookup import PartnershipNotFound, resolve_partnership
    from ui.cli import UserError, diary_path

    diary = open_diary_file(diary_path(args))
    try:
        partnership = resolve_partnership(diary.db, args.partnership)
        assert partnership.pk is not None
        study = export_research(
            diary.db,
            partnership.pk,
            args.out,
            include_private=args.include_private,
            separator=args.separator,
        )
    except PartnershipNotFound as exc:
        raise UserError(exc.message) from None
    except ResearchError as exc:
        raise UserError(str(exc)) from None
    finally:
        diary.close()
    count = study.entry_count
    print(
        ngettext(
            "Wrote {path}: {n} entry, people as pseudonyms, names hidden.",
            "Wrote {path}: {n} entries, people as pseudonyms, names hidden.",
            count,
        ).format(path=args.out, n=count)
    )
    return 0
