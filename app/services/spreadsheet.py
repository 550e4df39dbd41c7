"""Spreadsheet exports (CSV) of a partnership's action plan and diary entries.

Facilitators take the plan of action and the notes into Excel or LibreOffice to share or to
analyse them. The files are UTF-8 with a byte-order mark (so Excel reads ä and ö right) and use
the separator the user's spreadsheet expects (``;`` in Finnish locales). A cell that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
return) is prefixed with an apostrophe, so a note can never execute anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from app.domain import Visibility
from app.i18n import _, pgettext
from app.persistence import actions, entries, events, partnerships
from app.safety.output import write_output

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The text of a cell, defused when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]], separator: str = ",") -> str:
    """CSV text (with a BOM) of ``header`` and ``rows``, every cell defused."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


def _names(db: Database, partnership_pk: int) -> tuple[dict[int, str], dict[int, str]]:
    orgs = {o.pk: o.name for o in partnerships.list_organizations(db, partnership_pk)}
    people = {p.pk: p.name for p in partnerships.list_people(db, partnership_pk)}
    return orgs, people  # type: ignore[return-value]


def actions_csv(db: Database, partnership_pk: int, today: date, separator: str = ",") -> str:
    """The action plan: one row per action, overdue ones marked as of ``today``."""
    orgs, people = _names(db, partnership_pk)
    header = [
        _("Action"), _("Owner"), _("Organization"), _("Created"), _("Due"),
        _("Status"), _("Done or dropped on"), _("Overdue"),
    ]  # fmt: skip
    rows = [
        [
            a.text,
            people.get(a.owner or -1, ""),
            orgs.get(a.organization or -1, ""),
            a.created_on.isoformat(),
            a.due_on.isoformat() if a.due_on else "",
            a.status.value,
            a.done_on.isoformat() if a.done_on else "",
            _("yes") if a.is_overdue_on(today) else "",
        ]
        for a in actions.list_actions(db, partnership_pk)
    ]
    return to_csv(header, rows, separator)


def entries_csv(
    db: Database, partnership_pk: int, *, shared_only: bool = False, separator: str = ","
) -> str:
    """The diary entries in date order, with their event; ``shared_only`` leaves private out."""
    titles = {e.pk: e.title for e in events.list_events(db, partnership_pk)}
    header = [
        pgettext("spreadsheet column", "Date"),
        _("Event"),
        _("Type"),
        _("Visibility"),
        _("Tensions"),
        _("Text"),
    ]
    rows = [
        [when, titles.get(e.event, ""), e.type.value, e.visibility, ",".join(e.tensions), e.text]
        for when, e in entries.list_partnership_entries(db, partnership_pk)
        if not shared_only or e.visibility == Visibility.SHARED
    ]
    return to_csv(header, rows, separator)


def write_text(path: Path, text: str, *, private: bool = True) -> None:
    """Write the export in one go (a partial file is never left under ``path``, a link there is
    replaced, not followed); ``private`` (the default) makes it readable by the user only."""
    write_output(path, text.encode("utf-8"), private=private)
