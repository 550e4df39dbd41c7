"""The results as a readable table: plain text for the terminal, Markdown for the README.

One row per metric and size: the value, its floor of the same run and the ratio to it, the
target and whether it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Row = tuple[str, str, str, str, str, str, str]


def _num(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:g} {unit}".strip()


def _rows(data: Mapping[str, object]) -> list[Row]:
    out: list[Row] = []
    sizes = data.get("sizes")
    if not isinstance(sizes, dict):
        return out
    for size, metrics in sizes.items():
        for name, item in metrics.items():
            unit, value, target = item["unit"], item.get("value"), item.get("target")
            floor = metrics.get(item.get("floor") or "", {}).get("value")
            ratio = f"{value / floor:.2f}×" if value is not None and floor else ""
            if value is None:
                verdict = f"not measured: {item.get('note', '')}".strip()
            elif target is None:
                verdict = ""
            else:
                verdict = "ok" if value <= target else "MISSED"
            goal = f"≤ {_num(target, unit)}" if target is not None else ""
            out.append(
                (
                    size,
                    name,
                    _num(value, unit),
                    _num(floor, unit) if floor else "",
                    ratio,
                    goal,
                    verdict,
                )
            )
    return out


HEAD: Row = ("entries", "metric", "value", "floor", "ratio", "target", "")


def table(data: Mapping[str, object]) -> str:
    """A fixed-width table of every metric and size."""
    rows = [HEAD, *_rows(data)]
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    lines = [
        "  ".join(f"{r[i]:<{widths[i]}}" for i in range(6)).rstrip() + "  " + r[6] for r in rows
    ]
    lines.insert(1, "-" * max(len(line) for line in lines))
    return "\n".join(line.rstrip() for line in lines)


def markdown(data: Mapping[str, object]) -> str:
    """The same table in Markdown, with the machine it was measured on."""
    lines = ["| " + " | ".join(HEAD) + " |", "|---:|---|---:|---:|---:|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in _rows(data)]
    found = data.get("machine")
    if isinstance(found, dict):
        lines.append("")
        lines.append(
            f"Measured on {found.get('cpu')}, {found.get('cores')} cores, "
            f"{found.get('memory_mb')} MB, {found.get('os')}, Python {found.get('python')}, "
            f"SQLite {found.get('sqlite')} ({data.get('mode', 'full')} run)."
        )
    return "\n".join(lines)
