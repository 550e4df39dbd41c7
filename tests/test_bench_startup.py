"""Start-up shortcuts the benchmark asked for keep the behaviour the user sees.

The launcher paints the window before it shows the remembered partnership (a large one takes
a few hundred milliseconds), and sqlite-utils is imported without numpy. These tests check that
nothing is lost on the way: the remembered partnership is still the one shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.backup.opening import open_diary_file
from app.services.undo import UndoStack
from bench import generator
from ui.application import build_main_window
from ui.cli import opens_the_window
from ui.context import AppContext
from ui.settings import LAST_PARTNERSHIP

SMALL = generator.Sizes(partnerships=3, events=9, entries=30, actions=6, waves=3, years=1.0)


def _context(tmp_path: Path) -> tuple[AppContext, list[tuple[int, str]]]:
    path = generator.generate(tmp_path / "d.sqlite3", SMALL)
    diary = open_diary_file(path)
    refs = [
        (int(r[0]), str(r[1]))
        for r in diary.db.conn.execute("SELECT pk, id FROM partnerships ORDER BY pk")
    ]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(diary, UndoStack(diary), settings), refs


def test_the_remembered_partnership_is_shown_right_after_the_first_paint(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    context, refs = _context(tmp_path)
    remembered_pk, remembered_id = refs[1]
    LAST_PARTNERSHIP.write(context.settings, remembered_id)
    window = build_main_window(context, select_after_paint=True)
    qtbot.addWidget(window)
    try:
        assert window.current_pk is None  # nothing loaded before the window is painted
        # Until then the tab holds a blank placeholder rather than saying nothing is selected.
        assert type(window.tabs.currentWidget()).__name__ == "QWidget"
        window.show()
        qtbot.waitUntil(lambda: window.current_pk == remembered_pk, timeout=5000)
        assert type(window.tabs.currentWidget()).__name__ == "OverviewPage"
        assert window.page("overview").name_label.text().endswith("#2")  # type: ignore[union-attr]
        # A later click in the list works as ever.
        window.select_partnership(refs[2][0])
        assert window.current_pk == refs[2][0]
    finally:
        window.close()
        context.diary.close()


def test_without_the_option_the_partnership_is_selected_at_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context, refs = _context(tmp_path)
    LAST_PARTNERSHIP.write(context.settings, refs[2][1])
    window = build_main_window(context)
    qtbot.addWidget(window)
    try:
        assert window.current_pk == refs[2][0]
    finally:
        window.close()
        context.diary.close()


def test_sqlite_utils_loads_without_numpy_and_still_works(tmp_path: Path) -> None:
    code = (
        "import sys, app.backup.opening as d; "
        "assert 'numpy' not in sys.modules, 'numpy was imported'; "
        f"x = d.open_diary_file({str(tmp_path / 'n.sqlite3')!r}, create=True); "
        "print(x.db.execute('select count(*) from partnerships').fetchone()[0]); x.close()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


HEAVY = ("pyqtgraph", "numpy", "reportlab", "babel", "pypdfium2", "ijson")


def test_the_first_paint_loads_no_plotting_report_or_locale_library(tmp_path: Path) -> None:
    """The start-up path up to the window's first paint (``--smoke-test`` quits there) imports
    none of the heavy libraries: the plot, the report and Babel load when first used."""
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "seen = {}\n"
        "class Watch(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if not seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):\n"
        f"            seen['loaded'] = sorted(m for m in {HEAVY!r} if m in sys.modules)\n"
        "            seen['commands'] = sorted(m for m in sys.modules if 'cli.commands.' in m)\n"
        "        return False\n"
        "watch = Watch()\n"
        "exec_ = QApplication.exec\n"
        "def watched(*a):\n"
        "    QApplication.instance().installEventFilter(watch)\n"
        "    return exec_()\n"
        "QApplication.exec = watched\n"
        "from ui.cli import main\n"
        f"code = main(['--db', {str(tmp_path / 'd.sqlite3')!r}, '--smoke-test'])\n"
        "print(json.dumps(seen))\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"loaded": [], "commands": []}  # nor the command line's commands


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--db", "x.sqlite3"], True),
        (["--db=x.sqlite3", "--partner-view", "--smoke-test"], True),
        (["--db"], False),  # argparse says what is missing
        (["list"], False),
        (["--db", "x", "report"], False),
        (["--version"], False),
        (["-h"], False),
        (["--smoke-test", "list"], False),  # refused by the full parser
    ],
)
def test_only_a_window_command_line_skips_loading_the_commands(
    argv: list[str], window: bool
) -> None:
    assert opens_the_window(argv) is window


def test_the_full_check_runs_after_the_remembered_partnership_is_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The full integrity check (a second on a large diary) waits for the first paint and the
    partnership shown after it; writes still wait for the check."""
    from ui.safety import SafetyGuard

    context, refs = _context(tmp_path)
    remembered_pk, remembered_id = refs[1]
    LAST_PARTNERSHIP.write(context.settings, remembered_id)
    window = build_main_window(context, select_after_paint=True)
    qtbot.addWidget(window)
    shown_at_check: list[int | None] = []
    check = context.diary.verify

    def verify() -> None:
        shown_at_check.append(window.current_pk)
        check()

    monkeypatch.setattr(context.diary, "verify", verify)
    guard = SafetyGuard(window, context.diary, context.settings, lambda _path: None)
    try:
        guard.start(delay_ms=60_000)
        QApplication.processEvents()
        time.sleep(0.1)  # the check's short delay has long passed: still no paint, no check
        QApplication.processEvents()
        assert shown_at_check == []
        window.show()
        qtbot.waitUntil(lambda: bool(shown_at_check), timeout=5000)
        assert shown_at_check == [remembered_pk]
        assert context.diary.verified
    finally:
        guard.active = False
        window.close()
        context.diary.close()
