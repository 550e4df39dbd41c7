"""Start-up and the main window: process start to first paint, opening the largest
partnership, and the peak memory of it all.

The bare baseline and Kumppani are started alternately, so a slow moment of the machine hits
both alike; each kind gets one unrecorded warm-up start first (byte-code compilation, the page
cache), as a user's second start of the day would.
"""

from __future__ import annotations

from pathlib import Path

from bench.runner import Result, Unavailable, run_probe


class StartupProbe:
    """Runs the ``bare_window`` and ``app_window`` probes and fills the start-up metrics."""

    def __init__(self, home: Path, diary: Path) -> None:
        from bench.measures import partnership_refs

        self.home = home
        self.diary = diary
        refs = partnership_refs(diary)
        self.pks = [refs["pk"], refs["other_pk"]]

    def _bare(self) -> float:
        started, data = run_probe("bare_window", [], self.home)
        return (int(str(data["painted_ns"])) - started) / 1e6

    def _app(self) -> dict[str, float]:
        started, data = run_probe("app_window", [str(self.diary), *self.pks], self.home, 120)
        out = {"startup_to_window_ms": (int(str(data["painted_ns"])) - started) / 1e6}
        for key in ("open_partnership_ms", "peak_rss_mb"):
            if key in data:
                out[key] = float(str(data[key]))
        return out

    def run(self, results: dict[str, Result], runs: int) -> None:
        app_metrics = ("startup_to_window_ms", "open_partnership_ms", "peak_rss_mb")
        app_note: str | None = None
        if runs > 1:
            # Warm-ups, not recorded: byte-code compilation and a cold page cache.
            try:
                self._bare()
            except Unavailable as exc:
                results["startup_bare_ms"].note = str(exc)
                return
            try:
                self._app()
            except Unavailable as exc:
                app_note = str(exc)
        for _ in range(runs):
            try:
                results["startup_bare_ms"].samples.append(self._bare())
            except Unavailable as exc:
                results["startup_bare_ms"].note = str(exc)
                return
            if app_note is not None:
                continue
            try:
                sample = self._app()
            except Unavailable as exc:
                app_note = str(exc)
                continue
            for key, value in sample.items():
                results[key].samples.append(value)
        for key in app_metrics:
            if app_note is not None:
                results[key].samples.clear()
                results[key].note = app_note
            elif not results[key].samples:
                results[key].note = "the probe did not report it"
