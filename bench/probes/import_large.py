"""Importing the largest partnership's exchange file, the way ``kumppani import`` does it.

``python -m bench.probes.import_large DIARY PARTNERSHIP_ID WORKDIR``: exports the partnership to
an exchange file (not timed), copies the large diary, then times the real command importing the
file as a copy into it: reading and validating the file and writing every record with its
full-text index in one transaction, into a diary that already holds 50,000 entries.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.probes import emit


def main() -> None:
    source, ref, work = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    from ui.cli import build_parser
    from ui.cli import main as kumppani

    commands = build_parser()[1]
    if "import" not in commands or "export" not in commands:
        emit({"unavailable": "the import and export commands are not built yet"})
        return
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        diary = Path(tmp) / "diary.sqlite3"
        shutil.copyfile(source, diary)
        exchange = Path(tmp) / "largest.json"
        code = kumppani(
            ["--db", str(diary), "export", "--partnership", ref, "--out", str(exchange)]
        )
        if code != 0:
            emit({"unavailable": f"kumppani export failed (exit code {code})"})
            return
        started = time.perf_counter()
        code = kumppani(["--db", str(diary), "import", "--copy", str(exchange)])
        elapsed = time.perf_counter() - started
        if code != 0:
            emit({"unavailable": f"kumppani import failed (exit code {code})"})
            return
        emit({"seconds": elapsed, "bytes": exchange.stat().st_size})


if __name__ == "__main__":
    main()
