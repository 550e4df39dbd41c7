"""Metrics of the other issues, in the same registry: the SQL statements of the window's
refreshes (issue 17, counted by ``bench/probes/statements.py``) and the full integrity check the
diary runs before the first write of a session."""

from __future__ import annotations

import shutil
import statistics
import time

from bench.metrics import Context, measurer, register
from bench.runner import run_probe

STATEMENT_METRICS = (
    "overview_refresh_statements",
    "overview_partnership_row_reads",
    "captured_line_followup_statements",
)
register(
    "overview_refresh_statements",
    "statements",
    "SQL statements of one overview refresh",
    limits={s: 16.0 for s in (300, 5_000, 50_000, 200_000)},
)
register(
    "overview_partnership_row_reads",
    "reads",
    "reads of the partnership row in one overview refresh",
    limits={s: 1.0 for s in (300, 5_000, 50_000, 200_000)},
)
register(
    "captured_line_followup_statements",
    "statements",
    "SQL statements after one captured line",
    limits={s: 16.0 for s in (300, 5_000, 50_000, 200_000)},
)
register(
    "integrity_check_ms",
    "ms",
    "the full check before the first write of a session",
    limits={50_000: 1000.0},
)


@measurer
def statements(ctx: Context) -> dict[str, float]:
    """Counted once on a working copy (the probe writes a line into it); counts do not vary."""
    copy = ctx.work / "statements.sqlite3"
    shutil.copyfile(ctx.diary, copy)
    _started, data = run_probe("statements", [str(copy), str(ctx.large_pk)], ctx.home)
    copy.unlink(missing_ok=True)
    return {name: float(str(data[name])) for name in STATEMENT_METRICS}


@measurer
def integrity_check(ctx: Context) -> dict[str, float]:
    from app.backup.opening import open_diary_file
    from app.persistence.connection import full_check

    copy = ctx.work / "integrity.sqlite3"
    shutil.copyfile(ctx.diary, copy)
    diary = open_diary_file(copy)
    try:
        times = []
        for _ in range(max(3, ctx.runs)):
            started = time.perf_counter()
            full_check(diary.db.conn, diary.path)
            times.append((time.perf_counter() - started) * 1000)
    finally:
        diary.close()
        copy.unlink(missing_ok=True)
    return {"integrity_check_ms": statistics.median(times)}
