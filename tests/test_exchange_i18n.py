"""Every message of the exchange part (format, demo, lookup, status, its commands) is in Finnish."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.i18n import catalogue

ROOT = Path(__file__).resolve().parents[1]
MODULES = [
    *sorted((ROOT / "app/exchange").glob("*.py")),
    ROOT / "app/services/demo.py",
    ROOT / "app/services/lookup.py",
    ROOT / "ui/cli/commands/import_.py",
    ROOT / "ui/cli/commands/export.py",
    ROOT / "ui/cli/commands/demo.py",
]


def _messages(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_messages_have_finnish_with_the_same_placeholders(path: Path) -> None:
    finnish = catalogue("fi")
    messages = _messages(path)
    missing = [m for m in messages if m not in finnish]
    assert missing == []
    for message in messages:
        placeholders = sorted(re.findall(r"\{[^{}]*\}", message))
        assert sorted(re.findall(r"\{[^{}]*\}", finnish[message])) == placeholders, message
