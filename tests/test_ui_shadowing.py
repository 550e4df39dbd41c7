"""No widget in ui/ stores an instance attribute under the name of a Qt method or signal.

``self.event = QComboBox()`` in a QDialog replaced ``QObject.event()`` for that object: Qt's own
calls from Python then reach a combo box instead of the event handler. Every class in ui/ that
derives from a PySide6 class is checked against all the names of its PySide6 bases.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import ui

ROOT = Path(ui.__file__).parent


def _ui_modules() -> Iterator[str]:
    for info in pkgutil.walk_packages([str(ROOT)], prefix="ui."):
        yield info.name


def _qt_names(cls: type) -> set[str]:
    """Every attribute (method, signal, enum) that a PySide6 base of ``cls`` defines."""
    names: set[str] = set()
    for base in cls.__mro__:
        if base.__module__.startswith(("PySide6", "shiboken6", "Shiboken")):
            names.update(vars(base))
    return names


def _self_assignments(node: ast.ClassDef) -> Iterator[tuple[str, int]]:
    """Attribute names assigned as ``self.NAME`` in the methods of the class (not nested ones)."""
    for method in node.body:
        if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef) or not method.args.args:
            continue
        me = method.args.args[0].arg
        for sub in ast.walk(method):
            targets: list[ast.expr] = []
            if isinstance(sub, ast.Assign):
                targets = sub.targets
            elif isinstance(sub, ast.AnnAssign | ast.AugAssign):
                targets = [sub.target]
            for target in targets:
                for t in ast.walk(target):
                    if (
                        isinstance(t, ast.Attribute)
                        and isinstance(t.value, ast.Name)
                        and t.value.id == me
                        and isinstance(t.ctx, ast.Store)
                    ):
                        yield t.attr, t.lineno


def shadowing(module_name: str) -> list[str]:
    """``module:line Class.name`` for each instance attribute hiding a Qt name."""
    module = importlib.import_module(module_name)
    assert module.__file__ is not None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(module, node.name, None)
        if not isinstance(cls, type):
            continue
        qt = _qt_names(cls)
        for name, line in _self_assignments(node):
            if name in qt:
                found.append(f"{module_name}:{line} {node.name}.{name}")
    return found


def test_no_widget_attribute_shadows_a_qt_method() -> None:
    found = [hit for name in _ui_modules() for hit in shadowing(name)]
    assert found == [], "instance attributes named like a Qt method or signal: " + ", ".join(found)


def test_the_check_sees_a_shadowing_attribute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check itself: a dialog storing ``self.event`` and ``self.show`` is reported."""
    package = tmp_path / "shadowprobe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "dialog.py").write_text(
        "from PySide6.QtWidgets import QComboBox, QDialog\n"
        "class Probe(QDialog):\n"
        "    def __init__(self) -> None:\n"
        "        super().__init__()\n"
        "        self.event = QComboBox()\n"
        "        self.evidence_event = QComboBox()\n"
        "        self.show: bool = False\n"
    )
    monkeypatch.syspath_prepend(tmp_path)
    try:
        assert shadowing("shadowprobe.dialog") == [
            "shadowprobe.dialog:5 Probe.event",
            "shadowprobe.dialog:7 Probe.show",
        ]
    finally:
        for name in [m for m in sys.modules if m.startswith("shadowprobe")]:
            del sys.modules[name]
