"""Questionnaire CSV files of any size and shape: streamed with flat memory, capped with a
message, and either refused cleanly (diary unchanged) or imported correctly."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.responses_csv import MAX_ROWS
from ui.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEMO_ID = "demo-pohjolan-tukku-lahde"
ORGS = ["org-tukku", "org-lahde", "Pohjolan Tukku Oy", "lähde työterveys oy"]
PEOPLE = ["p-hakkinen", "Päivi Länsimäki", "p-ostman"]
ITEMS = ["commitment", "partner_commitment", "equity", "efficiency", "clarity"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("csv") / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    return db


def _import(db: Path, csv: Path) -> list[str]:
    argv = ["--db", str(db), "responses", "import", "--partnership", DEMO_ID]
    return [*argv, "--date", "2025-01-15", "--title", "Fuzzed wave", str(csv)]


def _content(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


_MEASURE = textwrap.dedent(
    """
    import resource, sys
    from ui.cli import main
    db, small, big, DEMO = sys.argv[1:]
    argv = ["--db", db, "responses", "import", "--partnership", DEMO, "--date", "2025-01-15"]
    main([*argv, small])  # everything imported and warmed up
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code = main([*argv, big])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(code, base, peak)
    """
)


def test_a_huge_file_is_refused_with_the_limit_and_memory_stays_flat(
    template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "diary.sqlite3"
    shutil.copy(template, db)
    small = tmp_path / "small.csv"
    small.write_text("organization,commitment\norg-tukku,4\n", encoding="utf-8")
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as f:
        f.write("organization,commitment,equity,clarity\n")
        f.writelines("org-tukku,4,3,5\n" for _ in range(100_000))  # valid, 1.6 MB
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(db), str(small), str(big), DEMO_ID],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    code, base, peak = (int(x) for x in done.stdout.split()[-3:])
    assert code == 2
    assert f"more than {MAX_ROWS} rows" in done.stderr and "split the file" in done.stderr
    assert peak - base < 20_000, f"peak RSS grew by {(peak - base) // 1024} MB"  # kilobytes


def test_a_file_at_the_limit_is_imported(template: Path, tmp_path: Path) -> None:
    db = tmp_path / "diary.sqlite3"
    shutil.copy(template, db)
    csv = tmp_path / "limit.csv"
    csv.write_text("organization;commitment\n" + "org-lahde;4,5\n" * MAX_ROWS, encoding="utf-8")
    assert main(_import(db, csv)) == 0
    conn = sqlite3.connect(db)
    count = conn.execute(
        "SELECT count(*) FROM ratings r JOIN events e ON e.pk = r.event_pk "
        "WHERE e.title = 'Fuzzed wave' AND r.value = 4.5"
    ).fetchone()[0]
    conn.close()
    assert count == MAX_ROWS


def test_a_field_longer_than_the_csv_limit_is_a_problem_of_its_row(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "diary.sqlite3"
    shutil.copy(template, db)
    before = _content(db)
    csv = tmp_path / "long.csv"
    csv.write_text(
        'organization,commitment\norg-tukku,4\n"' + "x" * 200_000 + '",4\n', encoding="utf-8"
    )
    assert main(_import(db, csv)) == 2
    err = capsys.readouterr().err
    assert "row 3: the row cannot be read: field larger than field limit" in err
    assert "Traceback" not in err
    assert _content(db) == before


# -- the fuzz test ----------------------------------------------------------------------

hostile_cells = st.one_of(
    st.sampled_from(ORGS + PEOPLE + ["", " ", "4", "4,5", "4.5", "1", "5", "0", "6", "-3"]),
    st.sampled_from(["nan", "inf", "1e3", "٣", "4_5", "9" * 400, "+4", " 3 ", "3.0000001"]),
    st.text(st.characters(max_codepoint=0x9F), max_size=6),
    st.text(max_size=6),
)
columns = st.sampled_from(
    ["organization", "respondent", *ITEMS, "Commitment", "partner-commitment", "", "x", "trust"]
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    sep = draw(st.sampled_from([",", ";"]))
    header = draw(st.lists(columns, min_size=1, max_size=6))
    rows = [
        [draw(hostile_cells) for _ in range(draw(st.integers(0, len(header) + 1)))]
        for _ in range(draw(st.integers(0, 8)))
    ]

    def line(cells: list[str]) -> str:
        quoted = ['"' + c.replace('"', '""') + '"' if draw(st.booleans()) else c for c in cells]
        return sep.join(quoted)

    text = "\r\n".join(line(r) for r in [header, *rows]) + draw(st.sampled_from(["", "\n"]))
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 9)) == 0:
        data += b"\xff\xfe"  # not UTF-8
    return data


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=csv_files())
def test_a_hostile_csv_is_refused_cleanly_or_imported_correctly(
    template: Path, data: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "diary.sqlite3"
        shutil.copy(template, db)
        before = _content(db)
        csv = Path(folder) / "answers.csv"
        csv.write_bytes(data)
        code = main(_import(db, csv))
        err = capsys.readouterr().err
        assert "Traceback" not in err
        # Nothing of the file reaches the terminal as a control character (an ESC drives it).
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", err), repr(err)
        if code != 0:
            assert code == 2 and err.startswith("kumppani: "), err
            assert len(err.splitlines()) <= 12  # the first problems and a count
            assert _content(db) == before
            return
        conn = sqlite3.connect(db)
        try:
            values = [
                r[0]
                for r in conn.execute(
                    "SELECT r.value FROM ratings r JOIN events e ON e.pk = r.event_pk "
                    "WHERE e.title = 'Fuzzed wave'"
                )
            ]
        finally:
            conn.close()
        assert values and all(1 <= v <= 5 for v in values)
