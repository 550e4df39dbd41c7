"""The report of an unexpected error: what the user can copy, and the log file it goes to.

The report holds the program and Python versions, the platform and the traceback, but never
diary content beyond what the error message itself carries. Log files live in the data folder,
readable only by the user.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from app.version import version


def format_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    now: datetime | None = None,
) -> str:
    """A plain-text report of an unexpected error."""
    when = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S UTC")
    lines = [
        f"Kumppani {version()} — unexpected error at {when}",
        f"Python {sys.version.split()[0]} on {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_log(folder: Path, report: str, now: datetime | None = None) -> Path:
    """Write ``report`` to a new private log file in ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    path = folder / f"error-{stamp}.log"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(report)
    return path
