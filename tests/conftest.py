"""Shared fixtures: every test gets a temporary diary opened through the real open path."""

from __future__ import annotations

import gc
import os

# Qt must be told before it is imported anywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from app.backup.opening import open_diary_file
from app.persistence.diary import Diary

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from ui.context import AppContext
    from ui.main_window import MainWindow


@pytest.fixture(autouse=True, scope="session")
def _collect_garbage_between_tests() -> Iterator[None]:
    """Collect cyclic garbage only between tests, never inside a Qt call (ui/gc_timer.py says
    why: a collection inside ``QObject::disconnect`` that destroys an old plot freezes Qt)."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _safe_point_collection() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real per-user data folder and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("KUMPPANI_DB", raising=False)


@pytest.fixture
def diary_path(tmp_path: Path) -> Path:
    return tmp_path / "diary.sqlite3"


@pytest.fixture
def diary(diary_path: Path) -> Iterator[Diary]:
    """A fresh, empty diary created through the same path the application uses."""
    d = open_diary_file(diary_path, create=True)
    yield d
    d.close()


# -- desktop application fixtures (Qt is imported only by the tests that use them) -----------


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a file of the test's own, never the user's."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def context(diary: Diary, settings: QSettings) -> AppContext:
    """What the windows are given: the test's diary, a fresh undo history, the settings."""
    from app.services.undo import UndoStack
    from ui.context import AppContext

    return AppContext(diary=diary, undo=UndoStack(diary), settings=settings)


@pytest.fixture
def build(qtbot: QtBot, context: AppContext) -> Iterator[Callable[[], MainWindow]]:
    """Builds main windows on the test's diary and closes them before the diary is closed."""
    from ui.application import build_main_window

    built: list[MainWindow] = []

    def make() -> MainWindow:
        win = build_main_window(context)
        qtbot.addWidget(win)
        built.append(win)
        return win

    yield make
    for win in built:
        win.close()


@pytest.fixture(params=["en", "fi"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The interface in English, then in Finnish (with a Finnish locale for dates), restored after."""
    from PySide6.QtCore import QLocale

    from app.i18n import set_language

    previous = QLocale()
    lang = str(request.param)
    set_language(lang)
    if lang == "fi":
        QLocale.setDefault(QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))
    yield lang
    set_language("en")
    QLocale.setDefault(previous)
