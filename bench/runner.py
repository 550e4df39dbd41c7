"""The measuring machinery: repetitions and medians, child processes, the machine's description.

A measurement that cannot run (a probe that fails) raises ``Unavailable`` with the reason, which
the table and the JSON file show instead of a number.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Unavailable(Exception):
    """This metric cannot be measured here; the message says why."""


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
        said = done.stderr.strip().splitlines() or done.stdout.strip().splitlines()
        tail = (said or ["no output"])[-1]
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
