"""What goes into the bundle besides the code: read by ``kumppani.spec`` and by a unit test.

Everything the application reads with ``importlib.resources`` lives under ``resources/`` and is
copied to the same place in the bundle, so ``resources.files("resources")`` finds it there as
it does in a checkout. The whole tree is taken (fonts and their licence, checklists, instruments,
schemas, the demo, the icon and the translations in whatever layout ``resources/i18n`` has), only
Python's own files are left to the module collector.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
SKIPPED_SUFFIXES = (".py", ".pyc")

# Qt modules Kumppani does not use (PySide6-Essentials ships them all). pyqtgraph tries QtTest
# and carries on without it; it needs QtOpenGL and QtOpenGLWidgets for any plot.
UNUSED_QT = [
    f"PySide6.{name}"
    for name in (
        "QtConcurrent",
        "QtDBus",
        "QtDesigner",
        "QtHelp",
        "QtNetwork",
        "QtQml",
        "QtQuick",
        "QtQuickControls2",
        "QtQuickTest",
        "QtQuickWidgets",
        "QtSql",
        "QtSvgWidgets",
        "QtTest",
        "QtUiTools",
        "QtXml",
    )
]
# Test and development tools, and optional extras of the libraries that Kumppani never uses.
UNUSED_PYTHON = [
    "_pytest",
    "pytest",
    "pytestqt",
    "hypothesis",
    "jsonschema",
    "importlinter",
    "grimp",
    "mypy",
    "ruff",
    "IPython",
    "tkinter",
    "matplotlib",
    "scipy",
    "h5py",
    "pyqtgraph.examples",
    "pyqtgraph.opengl",
    "pyqtgraph.jupyter",
]
EXCLUDES = UNUSED_QT + UNUSED_PYTHON

# The languages of Kumppani's interface besides English: Qt's own translations of the others
# are left out.
QT_LANGUAGES = ("fi",)
# Files of the Qt modules that are kept but not needed: platform plugins for kiosks and embedded
# screens (a desktop needs xcb or wayland, Windows and macOS their own; offscreen runs the
# headless checks), and the input drivers and libraries only those plugins use.
UNUSED_QT_FILE = re.compile(
    r"plugins/platforms/(lib)?q(eglfs|linuxfb|minimal|minimalegl|vnc|vkkhrdisplay)\."
    r"|plugins/(egldeviceintegrations|generic)/"
    r"|(^|/)libQt6EglF[Ss]"
)
QT_TRANSLATION = re.compile(r"/translations/[^/]+\.qm$")
# Babel's CLDR data: only the locales app/dates.py writes dates in, and the ones they inherit
# from (en_GB from en_001, en and root; fi_FI from fi and root). The other thousand are 30 MB.
BABEL_LOCALES = ("root", "en", "en_001", "en_GB", "fi", "fi_FI")
BABEL_LOCALE_DATA = re.compile(r"(^|/)babel/locale-data/([^/]+)\.dat$")


def unused(name: str) -> bool:
    """Whether a file of the bundle (its path inside the bundle) can be left out."""
    name = name.replace("\\", "/")
    if QT_TRANSLATION.search(name):
        return not any(name.endswith(f"_{lang}.qm") for lang in QT_LANGUAGES)
    locale = BABEL_LOCALE_DATA.search(name)
    if locale:
        return locale.group(2) not in BABEL_LOCALES
    return UNUSED_QT_FILE.search(name) is not None


def slim(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """PyInstaller's list of collected files without the unused ones."""
    return [entry for entry in toc if not unused(entry[0])]


def resource_files() -> list[Path]:
    """Every data file under ``resources/``, sorted."""
    return sorted(
        path
        for path in RESOURCES.rglob("*")
        if path.is_file()
        and path.suffix not in SKIPPED_SUFFIXES
        and "__pycache__" not in path.parts
    )


def datas() -> list[tuple[str, str]]:
    """PyInstaller's (source file, folder in the bundle) pairs for the resources."""
    return [(str(path), str(path.parent.relative_to(ROOT))) for path in resource_files()]
