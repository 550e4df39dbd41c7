"""Writing the research export to a file whose ending chooses the format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from app.domain.labels import os_reason
from app.i18n import _
from app.research.qdpx import qdpx_bytes
from app.research.study import Study, build_study
from app.research.table import csv_text, xlsx_bytes
from app.safety.output import write_output

Tr = Callable[[str], str]

FORMATS = (".qdpx", ".xlsx", ".csv")


class ResearchError(Exception):
    """The export could not be written; the message says why, for the user."""


def export_research(
    db: Database,
    partnership_pk: int,
    path: Path,
    *,
    include_private: bool = False,
    separator: str = ",",
    tr: Tr = _,
) -> Study:
    """Write the pseudonymized study of a partnership to ``path`` (its ending, ``.qdpx``,
    ``.xlsx`` or ``.csv``, chooses the format) in one go: a partial file is never left. A file
    with private entries is readable by the user only. Returns the study written."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ResearchError(
            _("{path}: the file name must end in .qdpx, .xlsx or .csv.").format(path=path)
        )
    if path.is_dir():
        raise ResearchError(_("{path} is a folder; give a file name to write.").format(path=path))
    study = build_study(db, partnership_pk, include_private=include_private, tr=tr)
    if study is None:
        raise ResearchError(_("The partnership is no longer in the diary."))
    if suffix == ".qdpx":
        data = qdpx_bytes(study, tr)
    elif suffix == ".xlsx":
        data = xlsx_bytes(study, tr)
    else:
        data = csv_text(study, tr, separator).encode("utf-8")
    try:
        write_output(path, data, private=include_private)
    except OSError as exc:
        raise ResearchError(
            _("Could not write {path}: {reason}.").format(path=path, reason=os_reason(exc))
        ) from None
    return study
