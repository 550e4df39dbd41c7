"""Child-process probes: each measures one thing and prints one JSON object on its last line.

Start-up is only honest in a fresh process, so the benchmark runs these with ``python -m`` and
reads the result from stdout. Times are CLOCK_MONOTONIC nanoseconds, which on Linux are the same
clock in every process, so a child can report when it painted and the parent compares that with
the moment it started the child.
"""

from __future__ import annotations

import json
import sys


def emit(result: dict[str, object]) -> None:
    """Hand the result to the parent: one JSON line, flushed."""
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


def peak_mb() -> float:
    """This process's peak resident memory in MB. Linux's ``VmHWM`` counts this program only;
    ``ru_maxrss`` also keeps the peak of the parent a child was forked from (a large test
    runner, say), so it is the fallback elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
