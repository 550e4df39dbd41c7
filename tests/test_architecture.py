"""The layering rules hold: app/ knows no Qt, reportlab or pyqtgraph; reports/ knows no Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_pyside_does_not_drop_none_references(qapp: object) -> None:
    """Canary for the PySide6 6.12.0 bug on Python 3.11 that aborts the process."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(10_000):
        label.setText(str(i))
    assert sys.getrefcount(None) >= before - 100
