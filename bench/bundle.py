"""The installable application (``make bundle``): its size on disk and how fast it starts.

Measured only when ``dist/Kumppani`` exists. The bundle's programs are started as a
facilitator's computer starts them: with a plain environment (no virtual environment, no
PYTHONPATH), a home of their own and the offscreen Qt platform. ``--version`` is timed from
process start to exit; the window from process start to its first paint, which
``kumppani-gui --smoke-test`` reports on the same monotonic clock, on the same large diary as
``startup_to_window_ms``. Each is started once unrecorded first (a cold page cache).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.runner import ROOT, Unavailable, now_ns

BUNDLE = ROOT / "dist" / "Kumppani"
EXE = ".exe" if sys.platform == "win32" else ""
METRICS = ("bundle_size_mb", "bundle_version_ms", "bundle_window_ms")


def size_on_disk_mb(folder: Path) -> float:
    """What the folder takes on disk (allocated blocks where the system says), in MB."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        stat = path.stat()
        blocks = getattr(stat, "st_blocks", None)
        total += blocks * 512 if blocks is not None else stat.st_size
    return total / 2**20


class BundleProbe:
    """Fills the ``bundle_*`` metrics, or notes why they were not measured."""

    def __init__(self, home: Path, diary: Path, bundle: Path = BUNDLE) -> None:
        self.bundle = bundle
        self.diary = diary
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
        if sys.platform == "win32":
            self.env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", "")

    def _start(self, program: str, *args: str) -> tuple[int, str]:
        """Run a program of the bundle; its start time and its output."""
        started = now_ns()
        try:
            done = subprocess.run(
                [str(self.bundle / f"{program}{EXE}"), *args],
                cwd=self.diary.parent,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise Unavailable(f"{program} {' '.join(args)} did not finish in 120 s") from exc
        if done.returncode != 0:
            tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise Unavailable(f"{program} {' '.join(args)} failed: {tail}")
        return started, done.stdout

    def version_ms(self) -> float:
        started, _out = self._start("kumppani", "--version")
        return (now_ns() - started) / 1e6

    def window_ms(self) -> float:
        started, out = self._start("kumppani-gui", "--db", str(self.diary), "--smoke-test")
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        if not lines or "painted_monotonic_ns" not in lines[-1]:
            raise Unavailable("the bundle's window did not report its first paint")
        return (int(lines[-1]["painted_monotonic_ns"]) - started) / 1e6
