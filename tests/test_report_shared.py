"""The structural guarantee: reports read the diary only through ``SharedView``, and nothing that
view returns carries a private record."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from test_report_support import plant

from app.persistence.diary import Diary
from app.persistence.shared import SharedView
from app.report import assemble_report

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_report_code_reaches_the_diary_only_through_the_shared_view() -> None:
    modules = [*(ROOT / "app" / "report").rglob("*.py"), *(ROOT / "reports").rglob("*.py")]
    assert modules
    for path in modules:
        for name in _imports(path):
            if name.startswith("app.persistence"):
                # MeetingView is a SharedView with the shared decisions and e-mail addresses;
                # shared_waves reads waves' answers without respondents' names or comments;
                # shared_lists counts and lists the shared entries of a report's lists.
                shared = (
                    "app.persistence.shared",
                    "app.persistence.shared_meetings",
                    "app.persistence.shared_waves",
                    "app.persistence.shared_lists",
                )
                assert name in shared, (path.name, name)
            assert not name.startswith(("sqlite", "app.services")), (path.name, name)
    parameters = inspect.signature(assemble_report).parameters
    assert parameters["view"].annotation in ("SharedView", SharedView)


def test_nothing_the_shared_view_returns_holds_a_private_marker(diary: Diary) -> None:
    planted = plant(diary)
    view = SharedView(diary.db, planted.pk)
    everything = repr(
        [
            view.partnership(),
            view.organizations(),
            view.people(),
            view.objectives(),
            view.events(),
            view.entries(),
            view.actions(),
            view.checklist_done(),
            view.ratings(),
        ]
    )
    assert [m for m in planted.private if m in everything] == []
    assert all(m.lower() in everything.lower() for m in planted.shared)
