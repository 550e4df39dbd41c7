"""A questionnaire wave as a spreadsheet: an XLSX template to fill in, read back into the wave.

The template's first sheet has one row per respondent: the organization, the level, a name or
pseudonym (optional), one column per statement and a comment. The organization, the level and
every answer are chosen from validation lists (Excel and LibreOffice show a drop-down), so a
typing mistake is caught while typing. Row 1 holds the column keys (hidden), row 2 the
headings; each row carries a form id in the hidden first column, so a row read twice counts
once, exactly like a PDF form. A hidden sheet ``kumppani`` holds the partnership and the wave.

Reading it back goes through the same checks as the PDF forms (``collect_forms.check_fields``):
another partnership or wave, a row without its organization or a required answer, a value
outside the scale are each refused by file and row; rows left empty are passed over.
"""

from __future__ import annotations

import csv
import uuid
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.domain import Level, Organization
from app.domain.labels import level_name
from app.domain.questionnaire import (
    FIELD_COMMENT,
    FIELD_FORM,
    FIELD_LEVEL,
    FIELD_NAME,
    FIELD_ORGANIZATION,
    FIELD_PARTNERSHIP,
    FIELD_WAVE,
    ITEM_PREFIX,
    Wave,
)
from app.i18n import _, translator
from app.persistence import partnerships as partnership_repo
from app.persistence import questionnaires as repo
from app.persistence.diary import Diary
from app.safety.output import write_output
from app.scores.instrument_model import Instrument
from app.services.collect_forms import (
    CollectPreview,
    FormRow,
    Matcher,
    check_fields,
    mark_duplicates,
)
from app.services.questionnaires import stored_instrument

FORMAT = "kumppani-questionnaire-1"
META = "kumppani"
LISTS = "lists"
MAX_ROWS = 2000
MAX_FILE_BYTES = 20 * 1024 * 1024


def _keys(instrument: Instrument) -> list[str]:
    items = [ITEM_PREFIX + i.id for i in instrument.items]
    return [FIELD_FORM, FIELD_ORGANIZATION, FIELD_LEVEL, FIELD_NAME, *items, FIELD_COMMENT]


def write_template(
    path: Path,
    partnership_id: str,
    organizations: list[Organization],
    wave: Wave,
    instrument: Instrument,
    language: str,
    rows: int,
) -> None:
    """Write the wave's XLSX template with ``rows`` empty rows (each its own form id)."""
    tr = translator(language)
    book = Workbook()
    sheet = book.active
    sheet.title = tr("Answers")[:31]
    keys = _keys(instrument)
    headings = ["", tr("Organization"), tr("Level"), tr("Name or pseudonym (optional)")]
    headings += [
        f"{n}. {item.text_in(language)}" + (" *" if item.required else "")
        for n, item in enumerate(instrument.items, 1)
    ]
    headings.append(tr("Comment (optional)"))
    sheet.append(keys)
    sheet.append(headings)
    sheet.row_dimensions[1].hidden = True
    sheet.row_dimensions[2].height = 90
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="F0F4F8")
    for column in range(1, len(keys) + 1):
        cell = sheet.cell(row=2, column=column)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = (
            16 if keys[column - 1].startswith(ITEM_PREFIX) else 24
        )
    sheet.column_dimensions["A"].hidden = True
    sheet.freeze_panes = "B3"
    for _row in range(rows):
        sheet.append([str(uuid.uuid4())])
    lists = book.create_sheet(LISTS)
    orgs = [o.name for o in organizations]
    levels = [level_name(level, tr) for level in Level]
    points = list(instrument.scale.points())
    columns: tuple[list[Any], ...] = (orgs, levels, points)
    for column, values in enumerate(columns, 1):
        for i, value in enumerate(values, 1):
            lists.cell(row=i, column=column, value=value)
    lists.sheet_state = "hidden"
    last = 2 + max(rows, 1)
    for column, (source, count) in {
        2: ("A", len(orgs)),
        3: ("B", len(levels)),
    }.items():
        _validate(sheet, f"={LISTS}!${source}$1:${source}${count}", column, column, last, tr)
    first_item, last_item = 5, 4 + len(instrument.items)
    formula = f"={LISTS}!$C$1:$C${len(points)}"
    _validate(sheet, formula, first_item, last_item, last, tr)
    meta = book.create_sheet(META)
    for key, value in (
        ("format", FORMAT),
        (FIELD_PARTNERSHIP, partnership_id),
        (FIELD_WAVE, wave.id),
        ("instrument", instrument.id),
    ):
        meta.append([key, value])
    meta.sheet_state = "hidden"
    guide = book.create_sheet(tr("Scale")[:31])
    guide.append([instrument.title(language)])
    guide.append([tr("Choose one value per statement from the list:")])
    for point in points:
        guide.append([point, instrument.scale.label(point, language)])
    guide.column_dimensions["B"].width = 30

    def save(out: Any) -> None:
        book.save(out)

    write_output(path, save, private=False)


def _validate(sheet: Any, formula: str, first: int, last: int, rows: int, tr: Any) -> None:
    rule = DataValidation(type="list", formula1=formula, allow_blank=True)
    rule.error = tr("Choose a value from the list.")
    rule.errorTitle = tr("Not on the list")
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(f"{get_column_letter(first)}3:{get_column_letter(last)}{rows}")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Names:
    """Organization and level cells as typed or chosen: names (either language) or ids."""

    def __init__(self, organizations: list[Organization]) -> None:
        self.orgs = {o.name.casefold(): o.id for o in organizations}
        self.orgs |= {o.id.casefold(): o.id for o in organizations}
        self.levels = {level.value: level.value for level in Level}
        for lang in ("en", "fi"):
            tr = translator(lang)
            self.levels |= {level_name(lv, tr).casefold(): lv.value for lv in Level}

    def organization(self, text: str) -> str:
        return self.orgs.get(text.casefold(), "?" if text else "")

    def level(self, text: str) -> str:
        return self.levels.get(text.casefold(), "")


def _rows(path: Path) -> tuple[dict[str, str], list[tuple[int, dict[str, str]]]]:
    """The hidden ids and every filled row (row number, key → text) of a template."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError("too big")
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        meta = {_text(r[0]): _text(r[1]) for r in book[META].iter_rows(values_only=True) if r}
        sheet = book.worksheets[0]
        found: list[tuple[int, dict[str, str]]] = []
        keys: list[str] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            if number == 1:
                keys = [_text(v) for v in values]
                continue
            if number == 2:
                continue
            if number > MAX_ROWS + 2:
                raise ValueError("too many rows")
            cells = {k: _text(v) for k, v in zip(keys, values, strict=False) if k}
            if any(v for k, v in cells.items() if k != FIELD_FORM):
                found.append((number, cells))
        return meta, found
    finally:
        book.close()


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Every filled row of the template's answer sheet saved as CSV (comma, semicolon or tab).

    A spreadsheet program saves the hidden key row and form column too: the first row holds
    the keys; the headings row (in either language) that follows it is passed over."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError("too big")
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    lines = csv.reader(text.splitlines(), dialect)
    keys = [k.strip() for k in next(lines)]
    if FIELD_ORGANIZATION not in keys:
        raise ValueError("no key row")
    headings = {translator(lang)("Organization").casefold() for lang in ("en", "fi")}
    found: list[tuple[int, dict[str, str]]] = []
    for number, values in enumerate(lines, 2):
        if number > MAX_ROWS + 2:
            raise ValueError("too many rows")
        cells = {k: v.strip() for k, v in zip(keys, values, strict=False) if k}
        if number == 2 and cells.get(FIELD_ORGANIZATION, "").casefold() in headings:
            continue
        if any(v for k, v in cells.items() if k != FIELD_FORM):
            found.append((number, cells))
    return found


def preview_sheet(
    diary: Diary, partnership_pk: int, path: Path, wave_id: str | None = None
) -> CollectPreview:
    """Read and check a filled template (XLSX, or its answer sheet saved as CSV with the wave
    given by ``wave_id``, since a CSV file cannot carry the template's hidden ids) without
    touching the diary."""
    partnership = partnership_repo.get_partnership(diary.db, partnership_pk)
    assert partnership is not None
    is_csv = path.suffix.casefold() == ".csv"
    if is_csv and not wave_id:
        preview = CollectPreview(partnership_pk, None, None)
        problem = _(
            "a CSV file does not say which wave it answers: give the wave's id "
            "(--wave ID; 'questionnaire waves' lists them)"
        )
        preview.rows.append(FormRow(path, problem=problem))
        return preview
    try:
        if is_csv:
            meta = {FIELD_PARTNERSHIP: partnership.id, FIELD_WAVE: wave_id or ""}
            rows = _csv_rows(path)
        else:
            meta, rows = _rows(path)
    # A damaged or foreign file can fail in many ways inside openpyxl; each means "not ours".
    except (
        OSError,
        KeyError,
        ValueError,
        TypeError,
        IndexError,
        AttributeError,
        BadZipFile,
        UnicodeDecodeError,
        csv.Error,
        StopIteration,
    ):
        preview = CollectPreview(partnership_pk, None, None)
        preview.rows.append(
            FormRow(
                path,
                problem=_(
                    "this is not a questionnaire spreadsheet Kumppani wrote (or it is damaged): "
                    "fill in the template Kumppani writes for the wave"
                ),
            )
        )
        return preview
    wave = repo.get_wave(diary.db, partnership_pk, meta.get(FIELD_WAVE, ""))
    if wave is None or wave.pk is None or meta.get(FIELD_PARTNERSHIP) != partnership.id:
        preview = CollectPreview(partnership_pk, None, None)
        preview.rows.append(
            FormRow(
                path,
                problem=_(
                    "the spreadsheet belongs to another partnership or to a wave this diary "
                    "does not have: import it in its own partnership"
                ),
            )
        )
        return preview
    instrument = stored_instrument(diary.db, partnership_pk, wave.instrument)
    preview = CollectPreview(partnership_pk, wave, instrument)
    match = Matcher(diary, partnership_pk)
    names = _Names(list(match.orgs.values()))
    for number, cells in rows:
        fields = dict(cells)
        fields[FIELD_PARTNERSHIP] = meta.get(FIELD_PARTNERSHIP, "")
        fields[FIELD_WAVE] = wave.id
        fields[FIELD_ORGANIZATION] = names.organization(cells.get(FIELD_ORGANIZATION, ""))
        fields[FIELD_LEVEL] = names.level(cells.get(FIELD_LEVEL, ""))
        if not fields.get(FIELD_FORM):
            fields[FIELD_FORM] = f"{path.name}:{number}"
        label = _("{file}, row {row}").format(file=path.name, row=number)
        row = check_fields(FormRow(path, label), fields, partnership.id, wave, instrument, match)
        preview.rows.append(row)
    if not preview.rows:
        preview.rows.append(FormRow(path, problem=_("the spreadsheet holds no answers")))
    stored = {r.form: r for r in repo.list_responses(diary.db, wave.pk) if r.form}
    mark_duplicates(preview, stored)
    return preview
