"""The command line: import, export, demo and status, their --db rules and their user errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
DEMO_ID = "demo-pohjolan-tukku-lahde"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert err.startswith("kumppani: ")


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "demo.sqlite3"
    code, out, _err = run(capsys, "--db", str(db), "demo")
    assert code == 0 and DEMO_ID in out
    return db


def test_demo_creates_the_diary_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "diary.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "demo")
    assert code == 0 and db.exists() and "Added the demonstration partnership" in out
    code, out, _ = run(capsys, "--db", str(db), "demo")
    assert code == 0 and "already in" in out


def test_status_text_and_json(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", str(demo_db), "status", "--partnership", DEMO_ID, "--as-of", "2024-10-01"
    )
    assert code == 0
    assert "commitment (since 2024-03-04)" in out
    assert "17 held, the last on 2024-09-30; next on 2024-10-16" in out
    code, out, _ = run(
        capsys,
        "--db",
        str(demo_db),
        "status",
        "--partnership",
        "Pohjolan Tukku × Lähde Työterveys (demo)",
        "--as-of",
        "2025-06-30",
        "--json",
    )
    status = json.loads(out)
    assert status["phase"] == "execution" and status["events"] == 27
    assert status["actions"] == {"open": 4, "overdue": 3, "done": 12}
    assert status["partnership"] == DEMO_ID


def test_status_before_the_partnership_began(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--db", str(demo_db), "status", "--partnership", DEMO_ID, "--as-of", "2023-12-31"
    )
    assert code == 0 and "no phase yet" in out and "0 held" in out


def test_export_import_round_trip_through_files(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "demo.json"
    code, out, _ = run(
        capsys, "--db", str(demo_db), "export", "--partnership", DEMO_ID, "--out", str(out_file)
    )
    assert code == 0 and str(out_file) in out
    other = tmp_path / "other.sqlite3"
    code, out, _ = run(capsys, "--db", str(other), "import", str(out_file))
    assert code == 0 and out.strip() == DEMO_ID
    code, again, _ = run(
        capsys, "--db", str(other), "export", "--partnership", DEMO_ID, "--out", "-"
    )
    first = json.loads(out_file.read_text("utf-8"))
    second = json.loads(again)
    first.pop("exported_at")
    second.pop("exported_at")
    assert first == second


def test_import_twice_needs_copy_or_replace(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = FIXTURES / "edge-case.json"
    assert run(capsys, "--db", str(demo_db), "import", str(file))[0] == 0
    code, _, err = run(capsys, "--db", str(demo_db), "import", str(file))
    assert code == 2 and "--copy" in err and "--replace" in err
    _no_traceback(err)
    code, out, _ = run(capsys, "--db", str(demo_db), "import", "--copy", str(file))
    assert code == 0 and out.strip() != "edge"
    code, out, _ = run(capsys, "--db", str(demo_db), "import", "--replace", str(file))
    assert code == 0 and out.strip() == "edge"
    with pytest.raises(SystemExit):
        main(["--db", str(demo_db), "import", "--copy", "--replace", str(file)])
    capsys.readouterr()


def test_import_of_a_bad_file_creates_no_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    doc = json.loads((FIXTURES / "edge-case.json").read_text("utf-8"))
    doc["events"][1]["participants"][0]["person"] = "p9"
    bad.write_text(json.dumps(doc), "utf-8")
    db = tmp_path / "fresh.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "import", str(bad))
    assert code == 2 and out == ""
    assert 'events[1].participants[0].person: no person "p9"' in err
    _no_traceback(err)
    assert not db.exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["import", "{tmp}/missing.json"], "There is no file"),
        (["import", "{tmp}/garbage.json"], "is not valid JSON"),
        (["status", "--partnership", "nope"], "There is no partnership nope"),
        (["status", "--partnership", DEMO_ID, "--as-of", "2025-13-01"], "not a date"),
        (["export", "--partnership", "nope", "--out", "{tmp}/x.json"], "no partnership nope"),
        (["export", "--partnership", DEMO_ID, "--out", "{tmp}"], "is a folder"),
        (["export", "--partnership", DEMO_ID, "--out", "{tmp}/no/dir/x.json"], "Cannot write"),
    ],
    ids=["missing", "bad-json", "unknown", "bad-date", "export-unknown", "folder", "no-folder"],
)
def test_user_mistakes_are_one_clear_message(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    expected: str,
) -> None:
    (tmp_path / "garbage.json").write_text("{not json", "utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, "--db", str(demo_db), *args)
    assert code != 0 and out == ""
    assert expected in err
    _no_traceback(err)
    assert len(err.strip().splitlines()) <= 3


@pytest.mark.parametrize("command", ["status", "export"])
def test_commands_other_than_import_and_demo_need_a_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    db = tmp_path / "nothing.sqlite3"
    argv = ["--db", str(db), command, "--partnership", "x"]
    if command == "export":
        argv += ["--out", str(tmp_path / "x.json")]
    code, _, err = run(capsys, *argv)
    assert code == 2 and "There is no diary at" in err
    _no_traceback(err)
    assert not db.exists()


def test_a_foreign_file_is_not_touched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    foreign = tmp_path / "notes.txt"
    foreign.write_text("my shopping list\n" * 100, "utf-8")
    before = foreign.read_bytes()
    for argv in (
        ["demo"],
        ["status", "--partnership", "x"],
        ["import", str(FIXTURES / "edge-case.json")],
    ):
        code, _, err = run(capsys, "--db", str(foreign), *argv)
        assert code == 2 and "is not a Kumppani diary" in err
        _no_traceback(err)
    assert foreign.read_bytes() == before


def test_ambiguous_name_asks_for_the_id(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = FIXTURES / "edge-case.json"
    doc = json.loads(file.read_text("utf-8"))
    doc["partnership"]["name"] = "Twin"
    twin = demo_db.with_name("twin.json")
    twin.write_text(json.dumps(doc), "utf-8")
    run(capsys, "--db", str(demo_db), "import", str(twin))
    doc["partnership"]["id"] = "edge-2"
    twin.write_text(json.dumps(doc), "utf-8")
    run(capsys, "--db", str(demo_db), "import", str(twin))
    code, _, err = run(capsys, "--db", str(demo_db), "status", "--partnership", "Twin")
    assert code == 2 and "Several partnerships are named Twin" in err and "edge-2" in err


def test_kumppani_db_environment_variable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("KUMPPANI_DB", str(db))
    assert run(capsys, "demo")[0] == 0
    assert db.exists()


def test_real_process_of_main_py(tmp_path: Path) -> None:
    """The program as a user starts it: a separate Python process running main.py."""
    db = tmp_path / "proc.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    env.pop("KUMPPANI_DB", None)
    python = sys.executable
    done = subprocess.run(
        [python, str(ROOT / "main.py"), "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    status = subprocess.run(
        [
            python,
            str(ROOT / "main.py"),
            "--db",
            str(db),
            "status",
            "--partnership",
            DEMO_ID,
            "--json",
            "--as-of",
            "2025-12-31",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["phase"] == "execution"
    failing = subprocess.run(
        [python, str(ROOT / "main.py"), "--db", str(db), "import", str(tmp_path / "none.json")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert failing.returncode == 2
    assert (
        failing.stderr.startswith("kumppani: There is no file")
        and "Traceback" not in failing.stderr
    )


def test_a_damaged_diary_is_reported_and_left_as_it_is(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = bytearray(demo_db.read_bytes())
    damaged[4096 * 20 : 4096 * 40] = b"Z" * (4096 * 20)
    demo_db.write_bytes(bytes(damaged))
    for argv in (
        ["status", "--partnership", DEMO_ID],
        ["export", "--partnership", DEMO_ID, "--out", str(demo_db.with_name("x.json"))],
        ["import", str(FIXTURES / "edge-case.json")],
        ["demo"],
    ):
        code, out, err = run(capsys, "--db", str(demo_db), *argv)
        assert code == 2 and out == "" and "is damaged" in err
        _no_traceback(err)
    assert demo_db.read_bytes() == bytes(damaged)
    assert not demo_db.with_name("x.json").exists()
