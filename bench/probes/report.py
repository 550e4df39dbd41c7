"""One feedback report, made the way ``kumppani report`` makes it, in a fresh process.

``python -m bench.probes.report DIARY PARTNERSHIP_ID WORKDIR``: copies the diary (a report may be
recorded as given to partners, and the cached diary must not change), then times the real
command with its defaults (the period since the last report given) from its call to the
finished PDF, and counts its pages, so the lazy import of reportlab and the report code
is part of the time, as it is for a user's first report of the day.
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

    if "report" not in build_parser()[1]:
        emit({"unavailable": "the report command is not built yet"})
        return
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        diary = Path(tmp) / "diary.sqlite3"
        shutil.copyfile(source, diary)
        out = Path(tmp) / "report.pdf"
        started = time.perf_counter()
        code = kumppani(["--db", str(diary), "report", "--partnership", ref, "--out", str(out)])
        elapsed = time.perf_counter() - started
        if code != 0 or not out.exists() or out.stat().st_size == 0:
            emit({"unavailable": f"kumppani report failed (exit code {code})"})
            return
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(out.read_bytes()))
        emit({"seconds": elapsed, "bytes": out.stat().st_size, "pages": pages})


if __name__ == "__main__":
    main()
