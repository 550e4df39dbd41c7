"""The measuring machinery: repetitions and medians, child processes, the machine's description.

A metric is measured by a function returning one sample; ``Result`` keeps the samples and the
target. A measurement that cannot run (a part of the application not built yet, a probe that
fails) raises ``Unavailable`` with the reason, which the table and the JSON file show instead of
a number.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Unavailable(Exception):
    """This metric cannot be measured here; the message says why."""


@dataclass
class Result:
    """One metric: its samples, unit and target (None when it is a reference, not a goal)."""

    name: str
    unit: str
    target: float | None
    samples: list[float] = field(default_factory=list)
    note: str | None = None

    @property
    def value(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value <= self.target

    def as_json(self) -> dict[str, object]:
        value = self.value
        digits = 1 if self.unit in ("ms", "MB") else 3
        out: dict[str, object] = {
            "value": round(value, digits) if value is not None else None,
            "unit": self.unit,
            "target": round(self.target, digits) if self.target is not None else None,
            "runs": len(self.samples),
        }
        if self.note:
            out["note"] = self.note
        return out


def measure(result: Result, sample: Callable[[], float], runs: int) -> Result:
    """Take ``runs`` samples into ``result``; an ``Unavailable`` becomes its note."""
    try:
        for _ in range(runs):
            result.samples.append(sample())
    except Unavailable as exc:
        result.note = str(exc)
        result.samples.clear()
    return result


def now_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def probe_env(home: Path) -> dict[str, str]:
    """The environment of a child: offscreen Qt, its own settings and data folders."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    env.pop("KUMPPANI_DB", None)
    # An installed Kumppani starts from compiled byte-code (pip compiles it at install). Let the
    # probes write theirs, kept out of the source tree, so every start after the warm-up one
    # measures the program and not the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / "bench" / "data" / "pycache")
    return env


def run_probe(
    module: str, args: list[str], home: Path, timeout: float = 300
) -> tuple[int, dict[str, object]]:
    """Run ``python -m bench.probes.<module> ARGS``; returns its start time and its JSON line."""
    command = [sys.executable, "-m", f"bench.probes.{module}", *args]
    started = now_ns()
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=probe_env(home),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        # A modal dialog (an error report, say) waits for a click that never comes.
        raise Unavailable(f"probe {module} did not finish within {timeout:g} s") from exc
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise Unavailable(f"probe {module} failed (exit {done.returncode}): {tail}")
    data = json.loads(lines[-1])
    if "unavailable" in data:
        raise Unavailable(str(data["unavailable"]))
    return started, data


def machine() -> dict[str, object]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_mb = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory_mb = round(pages / 2**20)
    except (ValueError, OSError):
        pass
    import sqlite3

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": memory_mb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "qt_platform": "offscreen",
    }
