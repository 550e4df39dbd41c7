"""A study as a table: one row per entry with every attribute, as XLSX or CSV.

The columns are the same in both files (``COLUMNS``). Names are already hidden in the study;
people appear by pseudonym. A cell a spreadsheet would run as a formula stays text: in the
XLSX it is stored as a string as it is; in the CSV it gets a leading apostrophe (the CSV has no
types), like the other spreadsheet exports of Kumppani.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from app.domain.labels import entry_type_name, event_kind_name, phase_name, tension_name
from app.i18n import N_, _
from app.research.study import Study

Tr = Callable[[str], str]

COLUMNS = (
    N_("Entry id"),
    N_("Event id"),
    N_("Event date"),
    N_("Event"),
    N_("Event kind"),
    N_("Phase"),
    N_("Present"),
    N_("Position"),
    N_("Type"),
    N_("Tensions"),
    N_("Visibility"),
    N_("Text"),
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def table_rows(study: Study, tr: Tr = _) -> list[list[object]]:
    """The header and one row per entry, events in date order, entries in the order written."""
    rows: list[list[object]] = [[tr(c) for c in COLUMNS]]
    for event in study.events:
        for position, entry in enumerate(event.entries, start=1):
            rows.append(
                [
                    entry.id,
                    event.id,
                    event.when.replace("T", " "),
                    event.title,
                    event_kind_name(event.kind, tr),
                    phase_name(event.phase, tr) if event.phase else "",
                    ", ".join(event.attended),
                    position,
                    entry_type_name(entry.type, tr),
                    ", ".join(tension_name(t, tr) for t in entry.tensions),
                    tr("Private") if entry.visibility.value == "private" else tr("Shared"),
                    entry.text,
                ]
            )
    return rows


def xlsx_bytes(study: Study, tr: Tr = _) -> bytes:
    """The table as an Excel workbook: a bold, frozen header and every text stored as text."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(tr("Entries"))
    sheet.freeze_panes = "A2"
    widths = {"A": 12, "B": 12, "C": 17, "D": 36, "E": 16, "F": 14, "G": 18, "H": 9, "I": 15}
    for column, width in {**widths, "J": 20, "K": 12, "L": 90}.items():
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    for index, row in enumerate(table_rows(study, tr)):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # "=…" is a note, never a formula
            if index == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_text(study: Study, tr: Tr = _, separator: str = ",") -> str:
    """The table as CSV (UTF-8 with a byte-order mark, so Excel reads ä and ö right)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    for row in table_rows(study, tr):
        writer.writerow(
            ["'" + v if isinstance(v, str) and v.startswith(_FORMULA_STARTS) else v for v in row]
        )
    return buffer.getvalue()
