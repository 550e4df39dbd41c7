"""Importing an exchange file the way ``kumppani import`` does, in a fresh process.

``python -m bench.probes.import_file FILE WORKDIR``: times the real command importing the file
into a new diary (reading and checking it record by record, writing every record with its
full-text index in one transaction) and reports the process's peak resident memory.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.probes import emit, peak_mb


def main() -> None:
    exchange, work = Path(sys.argv[1]), Path(sys.argv[2])
    from ui.cli import main as kumppani

    with tempfile.TemporaryDirectory(dir=work) as tmp:
        diary = Path(tmp) / "diary.sqlite3"
        started = time.perf_counter()
        code = kumppani(["--db", str(diary), "import", str(exchange)])
        elapsed = time.perf_counter() - started
        if code != 0:
            emit({"unavailable": f"kumppani import failed (exit code {code})"})
            return
    peak = peak_mb()
    emit({"seconds": elapsed, "peak_mb": peak})


if __name__ == "__main__":
    main()
