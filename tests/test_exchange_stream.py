"""Partnership files read record by record (``check_file``): the same problems with the same
JSON paths as a file read whole, keys given twice found, and memory flat in the file's size
(measured in a child process)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from app.exchange import ExchangeError, check_file, export_partnership, import_partnership, parse
from app.persistence.diary import Diary
from tests.test_exchange_errors import CASES, EDGE, Mutation

ROOT = Path(__file__).resolve().parent.parent
EDGE_FILE = ROOT / "tests" / "fixtures" / "edge-case.json"


def _problems(run: Any) -> list[str]:
    with pytest.raises(ExchangeError) as caught:
        run()
    return sorted(f"{p.field}: {p.message}" for p in caught.value.problems)


@pytest.mark.parametrize(
    ("mutation", "expected"), [(m, e) for _n, m, e in CASES], ids=[n for n, _m, _e in CASES]
)
def test_a_file_read_record_by_record_has_the_problems_of_the_file_read_whole(
    tmp_path: Path, mutation: Mutation, expected: str
) -> None:
    document = copy.deepcopy(EDGE)
    mutation(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    streamed = _problems(lambda: check_file(path))
    assert expected in streamed
    assert streamed == _problems(lambda: parse(document))


def test_keys_given_twice_are_named_by_their_path(tmp_path: Path, diary: Diary) -> None:
    text = json.dumps(EDGE)
    entry = EDGE["events"][1]["entries"][0]
    twice = text.replace(
        json.dumps(entry)[:-1], json.dumps(entry)[:-1] + ', "text": "the other text"', 1
    )
    twice = twice.replace('"version": 1', '"version": 1, "version": 1', 1)
    path = tmp_path / "twice.json"
    path.write_text(twice, encoding="utf-8")
    problems = _problems(lambda: check_file(path))
    assert "events[1].entries[0].text: the field appears more than once" in problems
    assert "version: the field appears more than once" in problems
    assert diary.db.execute("SELECT count(*) FROM partnerships").fetchone()[0] == 0


@pytest.mark.parametrize("mode", ["refuse", "copy", "replace"])
def test_a_checked_file_imports_as_the_file_read_whole(
    tmp_path: Path, diary: Diary, mode: str
) -> None:
    path = tmp_path / "edge.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(EDGE).encode())  # with a byte order mark
    whole = import_partnership(diary, EDGE)
    expected = export_partnership(diary.db, whole)
    if mode == "refuse":
        diary.db.execute("DELETE FROM partnerships")  # nothing to collide with
    streamed = import_partnership(diary, check_file(path), mode)  # type: ignore[arg-type]
    got = export_partnership(diary.db, streamed)
    for doc in (expected, got):
        doc.pop("exported_at")
    if mode == "copy":
        assert got["partnership"]["name"].endswith("(copy)")
        assert got["partnership"]["id"] != expected["partnership"]["id"]
        # Fresh ids everywhere, references still pointing at their (renamed) targets.
        marks = [m["evidence"] for m in got.get("checklist", []) if m.get("evidence")]
        ids = {e["id"] for e in got["events"]} | {
            n["id"] for e in got["events"] for n in e["entries"]
        }
        assert set(marks) <= ids
        assert len(got["events"]) == len(expected["events"])
    else:
        assert got == expected


@pytest.mark.parametrize("with_events", [True, False])
def test_a_streamed_export_writes_the_same_text_as_the_whole_document(
    tmp_path: Path, diary: Diary, with_events: bool
) -> None:
    from app.exchange import dumps, export_stream, save_file

    document = copy.deepcopy(EDGE)
    if not with_events:
        document["events"], document["checklist"] = [], []
        for action in document["actions"]:
            action.pop("source_entry", None)
    pk = import_partnership(diary, document)
    whole = export_partnership(diary.db, pk)
    path = tmp_path / "out.json"
    save_file(export_stream(diary.db, pk), path)
    written = json.loads(path.read_text("utf-8"))
    whole["exported_at"] = written["exported_at"]
    assert path.read_text("utf-8") == dumps(whole)


def test_broken_files_say_why_as_before(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b'{"format": "kumppani-partnership",\n  "version": 1,,}')
    with pytest.raises(ExchangeError, match="at line 2, column 16"):
        check_file(path)
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ExchangeError, match="is not a text file in UTF-8"):
        check_file(path)
    with pytest.raises(ExchangeError, match="There is no file"):
        check_file(tmp_path / "nothing.json")


# The child writes a large file (one partnership, ENTRIES entries, written piece by piece so the
# writer itself stays small), then checks, imports and exports it again and prints its peak
# memory in MB.
_CHILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from app.backup.opening import open_diary_file
    from app.exchange import check_file, import_partnership

    entries, folder = int(sys.argv[1]), Path(sys.argv[2])
    edge = json.loads(Path(sys.argv[3]).read_text("utf-8"))
    path = folder / "large.json"
    with path.open("w", encoding="utf-8") as out:
        head = {k: v for k, v in edge.items() if k not in ("events", "actions", "checklist")}
        out.write(json.dumps(head)[:-1] + ', "actions": [], "events": [')
        template = edge["events"][1]
        per_event = 25
        for i in range(entries // per_event):
            event = dict(template, id=f"ev{i}", entries=[
                {"id": f"n{i}-{j}", "type": "note", "visibility": "private",
                 "text": f"Entry {j} of meeting {i}: the sponsor asked again about the "
                         "warehouse staff's sick leave and the pilot's first results."}
                for j in range(per_event)
            ])
            out.write(("," if i else "") + json.dumps(event))
        out.write("]}")
    diary = open_diary_file(folder / "diary.sqlite3", create=True)
    pk = import_partnership(diary, check_file(path))
    count = diary.db.execute("SELECT count(*) FROM entries WHERE partnership_pk = ?", [pk])
    assert count.fetchone()[0] == entries // per_event * per_event
    from app.exchange import export_stream, save_file
    save_file(export_stream(diary.db, pk), folder / "again.json")
    diary.close()
    from bench.probes import peak_mb  # this program's peak, not the test runner's it forked from
    print(peak_mb())
    """
)


def _peak_mb(entries: int, folder: Path) -> float:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(entries),
            str(folder),
            str(ROOT / "tests" / "fixtures" / "edge-case.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return float(done.stdout.strip().splitlines()[-1])


LIMIT_MB = 150


def test_importing_50_000_entries_stays_under_the_memory_limit(tmp_path: Path) -> None:
    assert _peak_mb(50_000, tmp_path) < LIMIT_MB


@pytest.mark.slow
def test_importing_200_000_entries_stays_under_the_memory_limit(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("200,000 entries take minutes: run with -m slow")
    assert _peak_mb(200_000, tmp_path) < LIMIT_MB


def test_a_streamed_import_writes_entries_per_event_not_per_entry(
    tmp_path: Path, diary: Diary
) -> None:
    """The bulk path: an event's entries in one batch with two reads per event (not per
    entry), one statement for the whole full-text index, actions numbered without reading the
    plan back; and what it wrote is found by the search and exports as the file."""
    from app.persistence.search import search_keys
    from bench.statements import Statements

    document = copy.deepcopy(EDGE)
    template = document["events"][1]
    document["events"] = [
        dict(
            template,
            id=f"ev{i}",
            entries=[
                {
                    "id": f"n{i}-{j}",
                    "type": "note",
                    "visibility": "private",
                    "text": f"Bulk line {j}",
                }
                for j in range(40)
            ],
        )
        for i in range(5)
    ]
    document["checklist"] = []
    for action in document["actions"]:
        action.pop("source_entry", None)
    path = tmp_path / "bulk.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    checked = check_file(path)
    with Statements(diary.db.conn) as seen:
        pk = import_partnership(diary, checked)
    sql = seen.queries()
    # (The trace shows each row of an executemany: rows are counted, reads are not per row.)
    assert sum(s.lstrip().startswith("INSERT INTO entries (") for s in sql) == 200
    assert sum("FROM entries WHERE event_pk" in s for s in sql) == 2 * 5  # place, keys
    assert sum("INSERT INTO entries_fts" in s for s in sql) == 1
    assert not any("FROM actions WHERE partnership_pk" in s for s in sql)
    assert len([k for k in search_keys(diary.db, pk, "Bulk") if k[1] is not None]) == 200
    got = export_partnership(diary.db, pk)
    assert [len(e["entries"]) for e in got["events"]] == [40] * 5
    assert [a["id"] for a in got["actions"]] == [a["id"] for a in document["actions"]]
