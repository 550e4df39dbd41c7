"""A wave as an XLSX template: choice lists for organization, level and answers; read back
through the same checks as the PDF forms (row named on refusal, a row read twice counts once);
the CSV import of answers keeps working beside it (tests/test_responses_csv.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.backup.opening import open_diary_file
from app.domain import Level
from app.persistence import questionnaires as repo
from app.persistence.diary import Diary
from tests.questionnaire_support import small_partnership
from ui.cli import main

ITEMS = (
    "commitment",
    "partner_commitment",
    "equity",
    "efficiency",
    "clarity",
    "action_confidence",
    "trust",
)


@pytest.fixture
def template(diary: Diary, diary_path: Path, tmp_path: Path) -> Path:
    small_partnership(diary)
    diary.close()
    out = tmp_path / "wave.xlsx"
    args = ["--db", str(diary_path), "questionnaire", "template", "--partnership", "Pilot"]
    assert (
        main(
            [
                *args,
                "--instrument",
                "kumppani-pulse",
                "--lang",
                "fi",
                "--rows",
                "5",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return out


def _fill(template: Path, dst: Path, rows: list[list[object]]) -> Path:
    book = load_workbook(template)
    sheet = book.worksheets[0]
    for n, values in enumerate(rows, 3):
        for column, value in enumerate(values, 2):
            sheet.cell(row=n, column=column, value=value)
    book.save(dst)
    return dst


def _import(diary_path: Path, path: Path) -> int:
    args = ["--db", str(diary_path), "questionnaire", "import", "--partnership", "Pilot"]
    return main([*args, str(path)])


def test_the_template_has_choice_lists_and_hidden_ids(template: Path) -> None:
    book = load_workbook(template)
    sheet = book.worksheets[0]
    assert sheet.title == "Vastaukset"
    keys = [c.value for c in sheet[1]]
    assert keys[:4] == ["kumppani_form", "organization", "level", "name"]
    assert keys[4:11] == [f"item_{i}" for i in ITEMS]
    assert sheet.cell(row=2, column=5).value.startswith("1. Organisaationi on sitoutunut")
    ranges = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert ranges["B3:B7"] == "=lists!$A$1:$A$2"
    assert ranges["E3:K7"] == "=lists!$C$1:$C$5"
    assert book["kumppani"].sheet_state == "hidden"
    assert len({sheet.cell(row=r, column=1).value for r in range(3, 8)}) == 5


def test_a_filled_template_is_imported_and_counts_once(
    template: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = _fill(
        template,
        tmp_path / "filled.xlsx",
        [
            ["Työnantaja Oy", "Ylin johto", "", *[5] * 7, "Hyvä"],
            ["org-ohs", "operational", "Olli", *[3] * 7],
        ],
    )
    assert _import(diary_path, filled) == 0
    assert "Collected 2 new responses" in capsys.readouterr().out
    d = open_diary_file(diary_path)
    try:
        (wave,) = repo.list_waves(d.db, 1)
        assert wave.language == "fi"
        stored = repo.list_responses(d.db, wave.pk or 0)
        assert stored[0].level is Level.TOP and stored[0].answers["trust"] == 5.0
        assert stored[0].comment == "Hyvä"
        assert stored[1].person is not None and stored[1].level is Level.OPERATIONAL
    finally:
        d.close()
    assert _import(diary_path, filled) == 0
    assert "Collected 0 new responses" in capsys.readouterr().out


def test_bad_rows_are_refused_by_row_and_nothing_is_imported(
    template: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = _fill(
        template,
        tmp_path / "bad.xlsx",
        [
            ["Työnantaja Oy", "", "", *[4] * 7],
            ["", "", "", *[4] * 7],
            ["Terveyspalvelu", "", "", 4, 4, 9, 4, 4, 4, 4],
        ],
    )
    assert _import(diary_path, filled) == 2
    err = capsys.readouterr().err
    assert "bad.xlsx, row 4: the respondent's organization is not chosen" in err
    assert "bad.xlsx, row 5: statement 3 has the answer 9" in err
    d = open_diary_file(diary_path)
    try:
        assert d.db.execute("SELECT count(*) FROM questionnaire_responses").fetchone()[0] == 0
    finally:
        d.close()


def test_a_file_that_is_not_a_template_is_refused(
    template: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "other.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook")
    assert _import(diary_path, junk) == 2
    assert "other.xlsx: this is not a questionnaire spreadsheet" in capsys.readouterr().err


def _as_csv(xlsx: Path, dst: Path, separator: str) -> Path:
    """The answer sheet saved as CSV the way a spreadsheet program does: hidden rows and
    columns included, a byte-order mark first."""
    sheet = load_workbook(xlsx).worksheets[0]
    lines = [
        separator.join("" if v is None else str(v) for v in row)
        for row in sheet.iter_rows(values_only=True)
    ]
    dst.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return dst


def test_the_answer_sheet_saved_as_csv_imports_into_the_wave_it_names(
    template: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = _fill(
        template,
        tmp_path / "filled.xlsx",
        [["Työnantaja Oy", "Ylin johto", "", *[4] * 7], ["org-ohs", "", "", *[2] * 7]],
    )
    sheet = _as_csv(filled, tmp_path / "answers.csv", ";")
    assert _import(diary_path, sheet) == 2
    assert "which wave it answers" in capsys.readouterr().err
    d = open_diary_file(diary_path)
    try:
        (wave,) = repo.list_waves(d.db, 1)
        assert repo.list_responses(d.db, wave.pk or 0) == []
    finally:
        d.close()
    args = ["--db", str(diary_path), "questionnaire", "import", "--partnership", "Pilot"]
    assert main([*args, "--wave", wave.id, str(sheet)]) == 0
    assert "Collected 2 new responses" in capsys.readouterr().out
    d = open_diary_file(diary_path)
    try:
        stored = repo.list_responses(d.db, wave.pk or 0)
        assert [r.answers["trust"] for r in stored] == [4.0, 2.0]
        assert stored[0].level is Level.TOP
    finally:
        d.close()
