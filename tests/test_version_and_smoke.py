"""``--version`` everywhere, and ``--smoke-test``, which checks an installed bundle."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from app import version as version_module
from app.version import version
from ui.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_the_version_is_the_project_version() -> None:
    assert version() == PROJECT_VERSION


def test_version_flag_prints_it_and_exits(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"kumppani {PROJECT_VERSION}"


def test_python_main_py_version() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"kumppani {PROJECT_VERSION}"


def test_without_package_metadata_the_version_comes_from_pyproject(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    assert version() == PROJECT_VERSION
    monkeypatch.setattr(version_module, "PYPROJECT", tmp_path / "nowhere.toml")
    assert version() == "unknown"


def test_smoke_test_opens_the_window_without_the_welcome_and_reports_the_paint(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ui.dialogs.welcome_dialog import WelcomeDialog

    offered: list[bool] = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda _d: offered.append(True) or 0)
    path = tmp_path / "new.sqlite3"  # empty: a normal start would offer the welcome dialog
    try:
        assert main(["--db", str(path), "--smoke-test"]) == 0
    finally:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QMainWindow):
                window.close()
    assert offered == []
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert report["smoke_test"] == "painted"
    assert isinstance(report["painted_monotonic_ns"], int)
    assert path.exists()


def test_smoke_test_with_a_command_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--smoke-test", "check"])
    assert done.value.code == 2
    assert "--smoke-test" in capsys.readouterr().err


def test_smoke_test_fails_on_an_error_in_the_deferred_start_up(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The partnership is shown after the first paint: a failure there must not pass."""
    from app.backup.opening import open_diary_file
    from app.services.demo import load_demo
    from ui import main_window

    path = tmp_path / "demo.sqlite3"
    diary = open_diary_file(path, create=True)
    load_demo(diary)
    diary.close()

    def broken(window: object) -> None:
        raise RuntimeError("the overview could not be built")

    monkeypatch.setattr(main_window, "restore_last_partnership", broken)
    try:
        assert main(["--db", str(path), "--smoke-test"]) == 1
    finally:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QMainWindow):
                window.close()
    assert "the overview could not be built" in capsys.readouterr().err
