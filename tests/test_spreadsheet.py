"""Spreadsheet (CSV) exports: readable by a spreadsheet, never a formula, private left out on request."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from app.domain import Entry, EntryType, Visibility
from app.persistence import entries, events
from app.persistence.diary import Diary
from app.services import spreadsheet
from app.services.demo import load_demo
from ui.cli import main


def _rows(text: str, separator: str = ",") -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=separator))


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_cells_are_defused(text: str) -> None:
    assert spreadsheet.safe_cell(text) == "'" + text


def test_ordinary_cells_are_unchanged() -> None:
    assert spreadsheet.safe_cell("Päivi's idea") == "Päivi's idea"
    assert spreadsheet.safe_cell(None) == ""
    assert spreadsheet.safe_cell(3) == "3"


def test_action_plan_lists_every_action_with_overdue_marked(diary: Diary) -> None:
    pk = load_demo(diary)
    text = spreadsheet.actions_csv(diary.db, pk, date(2025, 12, 31), ";")
    header, *body = _rows(text, ";")
    assert header[0] == "Action" and header[-1] == "Overdue"
    from app.persistence.actions import list_actions

    plan = list_actions(diary.db, pk)
    assert [r[0] for r in body] == [spreadsheet.safe_cell(a.text) for a in plan]
    overdue = {a.text for a in plan if a.is_overdue_on(date(2025, 12, 31))}
    assert overdue, "the demo has overdue actions at the end of 2025"
    assert {r[0] for r in body if r[-1] == "yes"} == overdue


def test_entries_export_can_leave_private_out(diary: Diary) -> None:
    pk = load_demo(diary)
    event = events.list_events(diary.db, pk)[0]
    assert event.pk is not None
    with diary.write() as db:
        entries.insert_entry(
            db,
            pk,
            Entry(event.pk, EntryType.NOTE, "=cmd|' /C calc'!A0", visibility=Visibility.SHARED),
        )
        entries.insert_entry(db, pk, Entry(event.pk, EntryType.OBSERVATION, "PRIVATE-MARKER"))
    everything = spreadsheet.entries_csv(diary.db, pk)
    shared = spreadsheet.entries_csv(diary.db, pk, shared_only=True)
    assert "PRIVATE-MARKER" in everything
    assert "PRIVATE-MARKER" not in shared
    texts = [r[-1] for r in _rows(shared)[1:]]
    assert "'=cmd|' /C calc'!A0" in texts
    assert all(r[3] == "shared" for r in _rows(shared)[1:])


def test_cli_writes_the_file_and_refuses_unknown_partnership(
    diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(diary_path), "demo"]) == 0
    out = tmp_path / "plan.csv"
    ref = "demo-pohjolan-tukku-lahde"
    assert (
        main(
            [
                "--db",
                str(diary_path),
                "csv",
                "--partnership",
                ref,
                "--what",
                "actions",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert _rows(out.read_text("utf-8"))[0][0] == "Action"
    code = main(
        [
            "--db",
            str(diary_path),
            "csv",
            "--partnership",
            "nope",
            "--what",
            "entries",
            "--out",
            str(tmp_path / "x.csv"),
        ]
    )
    assert code != 0
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
