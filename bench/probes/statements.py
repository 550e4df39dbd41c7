"""How many SQL statements one overview refresh and one captured line cost in the window.

``python -m bench.probes.statements DIARY PARTNERSHIP_PK``: opens DIARY (a working copy: a line
is written into it) the way the application does, shows the partnership on a fresh Overview
page and counts its statements and its reads of the partnership row; then, in the main window,
writes one line in live capture into the partnership's latest event and counts the statements
that follow the commit until the window has caught up (refresh and deferred badge count).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from bench.probes import emit
from bench.statements import captured_line, overview_refresh


def main() -> None:
    path, pk = sys.argv[1], int(sys.argv[2])
    try:
        from app.persistence import events
        from ui.application import build_main_window, open_context
    except ImportError as exc:
        emit({"unavailable": f"the application is not built yet ({exc})"})
        return
    app = QApplication.instance() or QApplication([])
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "bench", "bench")
    from pathlib import Path

    context = open_context(Path(path), settings, create=False)
    try:
        overview = overview_refresh(context, pk)
        window = build_main_window(context)
        window.select_partnership(pk)
        latest = events.list_events(context.diary.db, pk)[-1].pk
        seen, committed = captured_line(app, window, latest or 0, "Benchmark line")
        window.close()
    finally:
        context.diary.close()
    emit(
        {
            "overview_refresh_statements": len(overview.queries()),
            "overview_partnership_row_reads": overview.partnership_reads(),
            "captured_line_followup_statements": len(seen.queries(committed)),
        }
    )


if __name__ == "__main__":
    main()
