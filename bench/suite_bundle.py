"""The installable application in the benchmark: its size and how fast its programs start.

Imported by the runner only where ``make bundle`` has built ``dist/Kumppani`` (and never in the
tiny smoke test); otherwise these metrics are not part of the run. No targets: they are for
reference, compared between releases.
"""

from __future__ import annotations

import shutil
import statistics

from bench.bundle import BUNDLE, BundleProbe, size_on_disk_mb
from bench.metrics import Context, measurer, register
from bench.runner import Unavailable

register("bundle_size_mb", "MB", "the built application folder on disk")
register("bundle_version_ms", "ms", "kumppani --version of the built application, start to exit")
register(
    "bundle_window_ms",
    "ms",
    "the built application's window, start to first paint on this diary",
)


@measurer
def bundle(ctx: Context) -> dict[str, float]:
    copy = ctx.work / "bundle.sqlite3"  # the window may write (backups); never the cached diary
    shutil.copyfile(ctx.diary, copy)
    probe = BundleProbe(ctx.home, copy)
    values = {"bundle_size_mb": size_on_disk_mb(BUNDLE)}
    for name, sample in (
        ("bundle_version_ms", probe.version_ms),
        ("bundle_window_ms", probe.window_ms),
    ):
        try:
            sample()  # warm-up (a cold page cache), not recorded
            values[name] = statistics.median(sample() for _ in range(max(1, ctx.runs)))
        except Unavailable:
            continue
    return values
