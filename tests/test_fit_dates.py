"""Dates are read as the messages say: YYYY-MM-DD, or the user's locale short date, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.days import iso_day
from app.exchange import ExchangeError, parse
from ui.cli import dates, main

DEMO_ID = "demo-pohjolan-tukku-lahde"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    return db


@pytest.mark.parametrize(
    "text", ["20250101", "2025-W01-1", "2025-001", "２０２５-01-01", "2025-1-1"]
)
def test_status_refuses_dates_that_are_not_of_the_stated_form(
    demo_db: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    code = main(["--db", str(demo_db), "status", "--partnership", DEMO_ID, "--as-of", text])
    err = capsys.readouterr().err
    assert code == 2
    assert "YYYY-MM-DD" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["report", "responses"])
def test_every_date_option_refuses_a_week_date(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    csv = tmp_path / "a.csv"
    csv.write_text("organization,trust\nx,3\n", encoding="utf-8")
    argv = {
        "report": ["report", "--partnership", DEMO_ID, "--date", "2025-W01-1"],
        "responses": ["responses", "import", "--partnership", DEMO_ID, "--date", "2025-W01-1"],
    }[command]
    argv += ["--out", str(tmp_path / "r.pdf")] if command == "report" else [str(csv)]
    assert main(["--db", str(demo_db), *argv]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_the_users_locale_format_is_accepted_too(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dates, "locale_date_format", lambda: "%d.%m.%Y")
    argv = ["--db", str(demo_db), "status", "--partnership", DEMO_ID, "--json", "--as-of"]
    assert main([*argv, "1.10.2024"]) == 0
    assert '"as_of": "2024-10-01"' in capsys.readouterr().out
    assert main([*argv, "20250101"]) == 2
    assert "YYYY-MM-DD or 31.01.2025" in capsys.readouterr().err


def test_a_week_date_in_an_exchange_file_is_refused_with_its_path() -> None:
    doc = json.loads((FIXTURES / "edge-case.json").read_text(encoding="utf-8"))
    doc["partnership"]["phases"][1]["from"] = "2025-W01-1"
    doc["events"][0]["date"] = "20240301"
    with pytest.raises(ExchangeError) as caught:
        parse(doc)
    fields = {p.field for p in caught.value.problems}
    assert {"partnership.phases[1].from", "events[0].date"} <= fields


def test_stored_dates_are_read_strictly() -> None:
    assert iso_day("2024-11-27").day == 27
    for bad in ("2024,11-27", "20241127", "2024-W48-3"):
        with pytest.raises(ValueError):
            iso_day(bad)
