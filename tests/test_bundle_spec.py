"""The PyInstaller bundle's file lists (``freeze/bundle_data.py``, used by ``kumppani.spec``):
everything the application reads from ``resources/`` goes in, and nothing it uses is left out.

The build itself is too slow for every test run; ``make bundle && make bundle-test`` runs it.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "app", ROOT / "reports", ROOT / "ui", ROOT / "main.py"]


def _bundle_data() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle_data", ROOT / "freeze" / "bundle_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _source_text() -> str:
    files = [p for s in SOURCES for p in ([s] if s.is_file() else sorted(s.rglob("*.py")))]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _bundled(data: ModuleType) -> set[str]:
    """Paths inside the bundle, relative to its root, of the collected data files."""
    return {f"{folder}/{Path(source).name}" for source, folder in data.datas()}


def test_every_file_under_resources_goes_into_the_bundle_at_its_place() -> None:
    data = _bundle_data()
    expected = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc")
    }
    assert expected  # the fonts, checklists, instruments, schemas, demo, icon, translations
    assert _bundled(data) == expected


def test_every_resource_folder_the_code_reads_is_in_the_bundle() -> None:
    data = _bundle_data()
    read = re.findall(
        r'files\("resources"\)\.joinpath\(\s*f?"([^"{]+)', _source_text(), flags=re.MULTILINE
    )
    assert len(read) >= 5  # checklists, translations, demo, instruments, fonts, icon
    bundled = _bundled(data)
    for name in read:
        where = f"resources/{name}"
        assert any(path.startswith(where) for path in bundled), f"the bundle lacks {where}"


def test_translations_in_either_layout_are_bundled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _bundle_data()
    for name in (
        "i18n/fi/core.po",
        "i18n/fi/LC_MESSAGES/kumppani.po",
        "i18n/fi/LC_MESSAGES/kumppani.mo",
    ):
        path = tmp_path / "resources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    (tmp_path / "resources" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(data, "ROOT", tmp_path)
    monkeypatch.setattr(data, "RESOURCES", tmp_path / "resources")
    assert _bundled(data) == {
        "resources/i18n/fi/core.po",
        "resources/i18n/fi/LC_MESSAGES/kumppani.po",
        "resources/i18n/fi/LC_MESSAGES/kumppani.mo",
    }


def test_no_qt_module_the_code_imports_is_excluded() -> None:
    data = _bundle_data()
    used = set(re.findall(r"PySide6\.(Qt\w+)", _source_text()))
    assert {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport"} <= used
    excluded = {name.removeprefix("PySide6.") for name in data.UNUSED_QT}
    assert used & excluded == set()


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/translations/qtbase_fi.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "resources/i18n/fi/LC_MESSAGES/kumppani.mo",
    ],
)
def test_files_the_app_needs_are_kept(name: str) -> None:
    assert not _bundle_data().unused(name)


@pytest.mark.parametrize(
    "name",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qt_ja.qm",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
    ],
)
def test_unused_qt_files_are_left_out(name: str) -> None:
    assert _bundle_data().unused(name)


def test_the_kept_babel_locales_are_enough_for_every_date_the_app_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dates formatted with only the CLDR files the bundle keeps, as the bundle would."""
    from datetime import date, time

    from babel import localedata

    from app import dates

    data = _bundle_data()
    source = Path(localedata._dirname)
    for path in source.glob("*.dat"):
        if not data.unused(f"babel/locale-data/{path.name}"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    assert {p.stem for p in tmp_path.iterdir()} == set(data.BABEL_LOCALES)
    monkeypatch.setattr(localedata, "_dirname", str(tmp_path))
    monkeypatch.setattr(localedata, "_cache", {})
    day = date(2026, 3, 3)
    for lang in ("en", "fi"):
        written = [
            dates.long_date(day, lang),
            dates.short_date(day, lang),
            dates.short_time(time(9, 5), lang),
            dates.month_year(day, lang),
            *dates.month_abbreviations(lang).values(),
        ]
        assert all(written), lang
    assert dates.long_date(day, "fi") == "3. maaliskuuta 2026"
    assert dates.long_date(day, "en") == "3 March 2026"


IMPORT_EVERYTHING = """
import importlib, pkgutil, sys

# As if not installed: "import" fails and importlib.util.find_spec() answers None.
for name in sys.argv[1:]:
    sys.modules[name] = None
for package in ("app", "reports", "ui"):
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        importlib.import_module(info.name)
"""


def test_every_module_imports_without_what_the_bundle_leaves_out() -> None:
    """Kumppani's own modules, and through them pyqtgraph, reportlab, pypdfium2 and Babel,
    import with the excluded modules unavailable, as in the bundle."""
    data = _bundle_data()
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING, *data.EXCLUDES],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
