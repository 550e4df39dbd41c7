"""Kumppani's core: the domain, the diary database and the services, with no GUI code.

Everything here runs without Qt, pyqtgraph or reportlab, so the command line, the reports and the
tests use exactly the same rules as the desktop application.
"""

import sys as _sys


def _import_sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils with numpy hidden from it.

    sqlite-utils imports numpy whenever it is installed (it is: pyqtgraph needs it) only to map
    numpy number types to column types, which Kumppani never stores. That import costs about
    90 ms before the window or any command can start; pyqtgraph loads numpy later, when a plot
    is first drawn.
    """
    if "sqlite_utils" in _sys.modules or "numpy" in _sys.modules:
        return
    _sys.modules["numpy"] = None  # type: ignore[assignment]  # makes "import numpy" fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del _sys.modules["numpy"]


_import_sqlite_utils_without_numpy()
