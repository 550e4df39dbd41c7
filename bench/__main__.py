"""``python -m bench [--quick]``: what a user of a small, a large and a very large diary waits for.

For each size (5,000, 50,000 and 200,000 entries in ONE partnership; ``--quick``: 5,000 only,
one run) the diary is generated once and cached in ``bench/data/``; every registered measurer
(``bench/suite.py``, ``bench/metrics.py``) then runs against it, the floors in the same run.
``bench/results.json`` keeps ``{value, unit, target, floor}`` per metric and size, and the table
printed at the end shows each value's ratio to its floor and whether its target holds. The
benchmark never changes the priority of any process.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import diaries, generator
from bench.metrics import MEASURERS, REGISTRY, Context
from bench.report_table import markdown, table
from bench.runner import Unavailable, machine

DEFAULT_OUT = Path(__file__).resolve().parent / "results.json"
FULL_SIZES = (5_000, 50_000, 200_000)
QUICK_SIZES = (5_000,)
TINY_SIZES = (300,)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5,000 entries, one run (CI)")
    parser.add_argument("--tiny", action="store_true", help="300 entries (the smoke test)")
    parser.add_argument("--sizes", help="comma-separated entry counts, e.g. 5000,50000")
    parser.add_argument("--runs", type=int, help="samples per metric (default 3; quick: 1)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where results go")
    parser.add_argument("--data-dir", type=Path, default=generator.DATA_DIR, help="diary cache")
    parser.add_argument(
        "--markdown", action="store_true", help="only print the results file as Markdown"
    )
    return parser


def _sizes(args: argparse.Namespace) -> tuple[int, ...]:
    if args.sizes:
        return tuple(int(s) for s in args.sizes.split(","))
    return TINY_SIZES if args.tiny else QUICK_SIZES if args.quick else FULL_SIZES


def _context(size: int, args: argparse.Namespace, work: Path, runs: int) -> Context:
    started = time.perf_counter()
    path = diaries.diary(size, args.data_dir)
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        (large_id,) = conn.execute("SELECT id FROM partnerships WHERE pk = 1").fetchone()
    finally:
        conn.close()
    exchange = diaries.exchange_file(path, large_id)
    plain = diaries.plain_copy(path)
    print(f"{size} entries: data ready in {time.perf_counter() - started:.0f} s", flush=True)
    return Context(
        size, path, exchange, plain, 1, 2, large_id, dict(diaries.WORDS), work, work / "home", runs
    )


def _measure(ctx: Context) -> dict[str, dict[str, object]]:
    values: dict[str, float] = {}
    notes: dict[str, str] = {}
    for fn in MEASURERS:
        print(f"  {fn.__name__} …", flush=True)
        try:
            values.update(fn(ctx))
        except Unavailable as exc:
            notes[fn.__name__] = str(exc)
    out: dict[str, dict[str, object]] = {}
    for name, metric in REGISTRY.items():
        value = values.get(name)
        target = metric.target(ctx.size, values)
        digits = 2 if metric.unit in ("ms", "MB") else 3
        item: dict[str, object] = {
            "value": round(value, digits) if value is not None else None,
            "unit": metric.unit,
            "target": round(target, digits) if target is not None else None,
            "floor": metric.floor,
            "what": metric.what,
        }
        if value is None:
            item["note"] = "; ".join(notes.values()) or "not measured"
        out[name] = item
    return out


def run(args: argparse.Namespace) -> dict[str, object]:
    import bench.suite
    import bench.suite_checks
    from bench.bundle import BUNDLE, EXE

    if not args.tiny and (BUNDLE / f"kumppani{EXE}").is_file():
        # The installed application, where `make bundle` has built it (not in the smoke test).
        import bench.suite_bundle  # noqa: F401

    runs = args.runs or (1 if args.quick or args.tiny else 3)
    results: dict[str, object] = {"machine": machine(), "runs": runs}
    results["mode"] = "tiny" if args.tiny else "quick" if args.quick else "full"
    sizes: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="kumppani-bench-") as tmp:
        for size in _sizes(args):
            ctx = _context(size, args, Path(tmp), runs)
            sizes[str(size)] = _measure(ctx)
    results["sizes"] = sizes
    return results


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.markdown:
        print(markdown(json.loads(args.out.read_text(encoding="utf-8"))))
        return 0
    started = time.perf_counter()
    data = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(table(data))
    print(f"\n{args.out} written in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
