"""What a user waits for, measured through the path the user takes, and the floors of the same run.

Every metric is registered here with its target (issue 18); every measurer runs child processes
(start-up and the GUI session, the import, the report) or plain SQLite (the floors). Nothing
here changes the priority of any process.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time

from bench.metrics import Context, measurer, register
from bench.runner import run_probe

S200K, S50K, S5K = 200_000, 50_000, 5_000

# -- floors: the same run, the same machine ------------------------------------------------
register("bare_window_ms", "ms", "floor: a bare PySide6 window's first paint")
for _term in ("rare", "common", "prefix"):
    register(f"fts_top100_{_term}_ms", "ms", f"floor: plain FTS5 top 100 by rank, {_term} word")
register("sqlite_bulk_insert_s", "s", "floor: plain SQLite bulk insert of the entries + FTS5")

# -- what the user waits for ----------------------------------------------------------------
register("first_paint_ms", "ms", "start until the first paint", floor="bare_window_ms", ratio=1.5)
register(
    "time_to_content_ms",
    "ms",
    "start until the remembered partnership is shown",
    limits={S5K: 400, S50K: 400, S200K: 600},
)
register(
    "select_with_history_ms",
    "ms",
    "select the partnership with History showing, until painted",
    limits={S5K: 150, S50K: 150, S200K: 200},
)
for _term in ("rare", "common", "prefix"):
    register(
        f"search_{_term}_ms",
        "ms",
        f"GUI search, {_term} word: text set until the first page is painted (no debounce)",
        floor=f"fts_top100_{_term}_ms",
        ratio=2.0,
        limits={S200K: 50},
    )
register("scroll_first_page_ms", "ms", "history: read and paint one page of 100 at the start")
register(
    "scroll_deep_page_ms",
    "ms",
    "history: one page of 100 at the 1,000th (or the last pages of a shorter list)",
    floor="scroll_first_page_ms",
    ratio=1.5,
)
register(
    "commitment_page_first_ms",
    "ms",
    "open the Commitment page the first time in a session (built, plots loaded), until painted",
    limits={S200K: 150},
)
register(
    "commitment_page_ms",
    "ms",
    "open the Commitment page again (the partnership selected anew, no write), until painted",
    limits={S200K: 150},
)
register(
    "session_peak_mb",
    "MB",
    "GUI session peak memory (after search, scroll, plot)",
    limits={S200K: 250},
)
register(
    "import_s", "s", "import the partnership file (CLI)", floor="sqlite_bulk_insert_s", ratio=2.0
)
register("import_peak_mb", "MB", "import: peak memory of the process", limits={S200K: 150})
register(
    "report_s", "s", "default feedback report (CLI), until the PDF is written", limits={S200K: 5}
)
register("report_pages", "pages", "pages of the default report", limits={S200K: 99})


def _median(values: list[float]) -> float:
    return statistics.median(values)


@measurer
def startup_and_session(ctx: Context) -> dict[str, float]:
    """The bare window and Kumppani started alternately; the session inside Kumppani."""
    samples: dict[str, list[float]] = {}
    # A working copy: the session writes settings and may record things; the cache stays as is.
    copy = ctx.work / "session.sqlite3"
    shutil.copyfile(ctx.diary, copy)
    for _ in range(ctx.runs):
        started, bare = run_probe("bare_window", [], ctx.home)
        samples.setdefault("bare_window_ms", []).append(
            (int(str(bare["painted_ns"])) - started) / 1e6
        )
        args = [str(copy), str(ctx.large_pk), str(ctx.other_pk), ctx.large_id]
        args += [ctx.words["rare"], ctx.words["common"], ctx.words["prefix"]]
        started, data = run_probe("session", args, ctx.home, timeout=1800)
        samples.setdefault("first_paint_ms", []).append(
            (int(str(data["painted_ns"])) - started) / 1e6
        )
        samples.setdefault("time_to_content_ms", []).append(
            (int(str(data["content_ns"])) - started) / 1e6
        )
        for key in (
            "select_with_history_ms",
            "search_rare_ms",
            "search_common_ms",
            "search_prefix_ms",
            "scroll_first_page_ms",
            "scroll_deep_page_ms",
            "commitment_page_first_ms",
            "commitment_page_ms",
            "session_peak_mb",
        ):
            samples.setdefault(key, []).append(float(str(data[key])))
    copy.unlink(missing_ok=True)
    return {key: _median(values) for key, values in samples.items()}


@measurer
def search_floor(ctx: Context) -> dict[str, float]:
    """Plain SQLite, plain FTS5 over the same texts: the top 100 by rank and their texts."""
    conn = sqlite3.connect(ctx.plain)
    out: dict[str, float] = {}
    try:
        for label, word in ctx.words.items():
            query = f'"{word}"*'
            times = []
            for _ in range(max(3, ctx.runs)):
                started = time.perf_counter()
                conn.execute(
                    "SELECT e.pk, e.text FROM entries e WHERE e.pk IN (SELECT rowid FROM "
                    "entries_fts WHERE entries_fts MATCH ? ORDER BY rank LIMIT 100)",
                    [query],
                ).fetchall()
                times.append((time.perf_counter() - started) * 1000)
            out[f"fts_top100_{label}_ms"] = _median(times)
    finally:
        conn.close()
    return out


@measurer
def import_and_floor(ctx: Context) -> dict[str, float]:
    from bench.diaries import plain_insert

    seconds, peaks, floors = [], [], []
    for i in range(ctx.runs):
        _started, data = run_probe(
            "import_file", [str(ctx.exchange), str(ctx.work)], ctx.home, timeout=3600
        )
        seconds.append(float(str(data["seconds"])))
        peaks.append(float(str(data["peak_mb"])))
        target = ctx.work / f"plain-{i}.sqlite3"
        started = time.perf_counter()
        plain_insert(ctx.diary, target)
        floors.append(time.perf_counter() - started)
        target.unlink(missing_ok=True)
    return {
        "import_s": _median(seconds),
        "import_peak_mb": max(peaks),
        "sqlite_bulk_insert_s": _median(floors),
    }


@measurer
def report(ctx: Context) -> dict[str, float]:
    seconds, pages = [], []
    for _ in range(ctx.runs):
        _started, data = run_probe(
            "report", [str(ctx.diary), ctx.large_id, str(ctx.work)], ctx.home, timeout=1800
        )
        seconds.append(float(str(data["seconds"])))
        pages.append(float(str(data["pages"])))
    return {"report_s": _median(seconds), "report_pages": max(pages)}
