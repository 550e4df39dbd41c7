"""The results as a readable table: plain text for the terminal, Markdown for the README."""

from __future__ import annotations

from collections.abc import Mapping


def _rows(data: Mapping[str, object]) -> list[tuple[str, str, str, str]]:
    out = []
    for name, item in data.items():
        if not isinstance(item, dict) or "unit" not in item:
            continue
        unit = item["unit"]
        value, target = item.get("value"), item.get("target")
        shown = f"{value:g} {unit}" if value is not None else "—"
        goal = f"≤ {target:g} {unit}" if target is not None else "(reference)"
        if value is None:
            verdict = f"not measured: {item.get('note', '')}".strip()
        elif target is None:
            verdict = ""
        else:
            verdict = "ok" if value <= target else "MISSED"
        out.append((name, shown, goal, verdict))
    return out


def table(data: Mapping[str, object]) -> str:
    """A fixed-width table of every metric with its median, target and verdict."""
    rows = [("metric", "median", "target", ""), *_rows(data)]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [
        f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip()
        for r in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def markdown(data: Mapping[str, object]) -> str:
    """The same table in Markdown, for the README, with the machine it was measured on."""
    lines = ["| metric | median | target | |", "|---|---:|---|---|"]
    lines += [f"| `{n}` | {v} | {t} | {s} |" for n, v, t, s in _rows(data)]
    found = data.get("machine")
    if isinstance(found, dict):
        lines.append("")
        lines.append(
            f"Measured on {found.get('cpu')}, {found.get('cores')} cores, "
            f"{found.get('memory_mb')} MB, {found.get('os')}, Python {found.get('python')}, "
            f"SQLite {found.get('sqlite')} ({data.get('mode', 'full')} run)."
        )
    return "\n".join(lines)
