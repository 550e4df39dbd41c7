"""Kumppani's version, for ``--version`` and error reports.

From the installed package's metadata (pip and the bundle both carry it: the PyInstaller spec
copies it in); in a source checkout that was never installed, from ``pyproject.toml``; else
"unknown", so asking for the version never fails.
"""

from __future__ import annotations

import re
from pathlib import Path

DISTRIBUTION = "kumppani"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
UNKNOWN = "unknown"


def version() -> str:
    # Imported here: the window's start-up asks for the version only when an error is reported.
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return _from_pyproject(PYPROJECT)


def _from_pyproject(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return UNKNOWN
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else UNKNOWN
