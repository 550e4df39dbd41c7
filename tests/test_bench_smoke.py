"""The benchmark generator and command at tiny sizes: they run, and they write what they promise.

No timing is asserted here (machines are noisy); the benchmark command reports timings.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import bench
import bench.suite
from bench import generator
from bench.__main__ import main as bench_main
from bench.metrics import REGISTRY, Metric, register
from bench.report_table import markdown, table

SMALL = generator.Sizes(partnerships=3, events=12, entries=90, actions=15, waves=3, years=1.0)


def _content(path: Path) -> list[tuple[object, ...]]:
    """The generated records without their created/updated timestamps."""
    conn = sqlite3.connect(path)
    try:
        return [
            *conn.execute("SELECT id, name, started_on FROM partnerships ORDER BY pk"),
            *conn.execute("SELECT id, kind, title, date, phase FROM events ORDER BY pk"),
            *conn.execute("SELECT id, type, text, visibility, tensions FROM entries ORDER BY pk"),
            *conn.execute("SELECT id, status, due_on, source_entry_pk FROM actions ORDER BY pk"),
            *conn.execute("SELECT event_pk, dimension, value, respondent_pk FROM ratings"),
        ]
    finally:
        conn.close()


def _count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_split_gives_the_largest_share_first_and_keeps_the_total() -> None:
    parts = generator.split(50_000, 20, 0.2)
    assert parts[0] == 10_000
    assert sum(parts) == 50_000
    assert max(parts[1:]) - min(parts[1:]) <= 1


def test_generator_writes_the_requested_sizes(tmp_path: Path) -> None:
    path = generator.generate(tmp_path / "d.sqlite3", SMALL)
    assert _count(path, "SELECT count(*) FROM partnerships") == 3
    assert _count(path, "SELECT count(*) FROM events") == 12
    assert _count(path, "SELECT count(*) FROM entries") == 90
    assert _count(path, "SELECT count(*) FROM actions") == 15
    assert _count(path, "SELECT count(*) FROM events WHERE kind = 'questionnaire'") == 3
    # Questionnaire waves carry answers of named respondents; ordinary events facilitator ratings.
    assert _count(path, "SELECT count(*) FROM ratings WHERE respondent_pk IS NOT NULL") > 0
    assert _count(path, "SELECT count(*) FROM ratings WHERE respondent_pk IS NULL") > 0
    # The full-text index was kept in step by the repositories.
    assert _count(path, "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'työkyky*'") > 0
    assert _count(path, "SELECT count(*) FROM entries WHERE text LIKE '%agreed%'") > 0


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first = generator.generate(tmp_path / "a.sqlite3", SMALL)
    second = generator.generate(tmp_path / "b.sqlite3", SMALL)
    assert _content(first) == _content(second)
    other = generator.generate(tmp_path / "c.sqlite3", SMALL, seed=7)
    assert _content(other) != _content(first)


def test_cache_reuses_the_file_and_names_the_version(tmp_path: Path) -> None:
    path = generator.cached("small", SMALL, tmp_path)
    assert f"-g{generator.GENERATOR_VERSION}-" in path.name
    stamp = path.stat().st_mtime_ns
    assert generator.cached("small", SMALL, tmp_path) == path
    assert path.stat().st_mtime_ns == stamp
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_benchmark_command_writes_every_metric(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.json"
    code = bench_main(
        ["--tiny", "--runs", "1", "--out", str(out), "--data-dir", str(tmp_path / "data")]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["machine"]["cores"] >= 1 and "niceness" not in data["machine"]
    [results] = data["sizes"].values()
    assert set(results) == set(REGISTRY)
    for name, metric in REGISTRY.items():
        assert results[name]["unit"] == metric.unit
        assert results[name]["value"] is not None, results[name]
        assert results[name]["floor"] == metric.floor
    # A target relative to a floor is computed from the floor of the same run.
    bare = results["bare_window_ms"]["value"]
    assert results["first_paint_ms"]["target"] == pytest.approx(1.5 * bare, abs=0.2)
    printed = capsys.readouterr().out
    assert "time_to_content_ms" in printed and "bare_window_ms" in printed and "×" in printed
    assert markdown(data).count("\n| 300 |") == len(REGISTRY)
    assert "cores" in markdown(data)
    assert "search_prefix_ms" in table(data)


def test_a_metric_is_registered_once_and_its_target_takes_the_stricter_limit() -> None:
    metric = Metric("x_ms", "ms", "x", floor="y_ms", ratio=2.0, limits={100: 30.0})
    assert metric.target(100, {"y_ms": 10.0}) == 20.0
    assert metric.target(100, {"y_ms": 20.0}) == 30.0
    assert metric.target(5, {}) is None
    with pytest.raises(ValueError, match="registered twice"):
        register("bare_window_ms", "ms", "again")


def test_the_benchmark_never_changes_the_process_priority() -> None:
    for path in Path(bench.__file__).parent.rglob("*.py"):
        assert "nice(" not in path.read_text(encoding="utf-8"), path
