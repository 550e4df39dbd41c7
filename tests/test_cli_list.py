"""``kumppani list`` and partnership references by name in any letter case (issue 16, item 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ui.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
DEMO_ID = "demo-pohjolan-tukku-lahde"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "demo.sqlite3"
    assert run(capsys, "--db", str(db), "demo")[0] == 0
    return db


def _import_named(db: Path, name: str, pid: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads((FIXTURES / "edge-case.json").read_text("utf-8"))
    doc["partnership"]["name"] = name
    doc["partnership"]["id"] = pid
    file = db.with_name(f"{pid}.json")
    file.write_text(json.dumps(doc), "utf-8")
    code, _out, err = run(capsys, "--db", str(db), "import", str(file))
    assert code == 0, err


def test_list_shows_ids_names_phases_and_counts(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "list", "--json")
    assert code == 0
    (demo,) = json.loads(out)
    assert demo["id"] == DEMO_ID and demo["name"].startswith("Pohjolan Tukku")
    assert demo["phase"] in {"negotiation", "commitment", "execution"}
    code, status, _ = run(
        capsys, "--db", str(demo_db), "status", "--partnership", DEMO_ID, "--json"
    )
    assert demo["events"] >= json.loads(status)["events"] > 0
    assert demo["entries"] > demo["events"] and demo["open_actions"] > 0
    code, text, _ = run(capsys, "--db", str(demo_db), "list")
    header, row = text.splitlines()
    assert header.split()[:2] == ["Id", "Name"]
    assert row.startswith(DEMO_ID) and str(demo["entries"]) in row.split()


def test_list_of_a_diary_without_partnerships(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "empty.sqlite3"
    from app.backup.opening import open_diary_file

    open_diary_file(db, create=True).close()
    code, out, _ = run(capsys, "--db", str(db), "list")
    assert code == 0 and "no partnerships yet" in out
    assert json.loads(run(capsys, "--db", str(db), "list", "--json")[1]) == []


@pytest.mark.parametrize("command", ["status", "plot", "export"])
def test_a_name_matches_in_any_letter_case(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    name = json.loads(run(capsys, "--db", str(demo_db), "list", "--json")[1])[0]["name"]
    argv = ["--db", str(demo_db), command, "--partnership", f"  {name.upper()}  "]
    out_file = tmp_path / ("out.png" if command == "plot" else "out.json")
    if command != "status":
        argv += ["--out", str(out_file)]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert command != "status" or DEMO_ID in out


def test_an_ambiguous_name_is_refused_with_the_candidates(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _import_named(demo_db, "Twin", "twin-1", capsys)
    _import_named(demo_db, "TWIN", "twin-2", capsys)
    # "twin" is as near to one as to the other: refused, both ids shown.
    for command in ("status", "plot"):
        argv = ["--db", str(demo_db), command, "--partnership", "twin"]
        if command == "plot":
            argv += ["--out", str(demo_db.with_name("x.png"))]
        code, _, err = run(capsys, *argv)
        assert code == 2 and "Traceback" not in err
        assert "Several partnerships are named twin" in err
        assert "twin-1" in err and "twin-2" in err
    # The exact spelling of one of them is not ambiguous.
    code, out, _ = run(capsys, "--db", str(demo_db), "status", "--partnership", "TWIN")
    assert code == 0 and "twin-2" in out


def test_an_unknown_name_lists_what_there_is(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in ("report", "responses"):
        argv = ["--db", str(demo_db), command]
        if command == "responses":
            csv = demo_db.with_name("r.csv")
            csv.write_text("x\n", "utf-8")
            argv += ["import", "--partnership", "nobody", "--date", "2025-01-01", str(csv)]
        else:
            argv += ["--partnership", "nobody", "--out", str(demo_db.with_name("r.pdf"))]
        code, _, err = run(capsys, *argv)
        assert code == 2 and "There is no partnership nobody" in err and DEMO_ID in err
