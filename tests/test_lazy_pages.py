"""A selection reads only what the page in view shows: a hidden page follows when it is shown.

Selecting a large partnership with the History showing used to refresh the Overview as well
(warnings, checklist, plot: seconds of work for a page nobody looks at).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pytestqt.qtbot import QtBot

from app.domain import Partnership
from app.persistence import partnerships
from app.services.demo import load_demo
from ui.main_window import MainWindow
from ui.pages.overview import OverviewPage


def test_a_hidden_page_follows_the_selection_when_it_is_shown(
    qtbot: QtBot, build: Callable[[], MainWindow]
) -> None:
    window = build()
    diary = window.context.diary
    demo = load_demo(diary)
    with diary.write() as db:
        other = partnerships.insert_partnership(db, Partnership("Second", date(2024, 1, 1)))
    window.reload_partnerships()
    window.select_partnership(demo)
    overview = window.page("overview")
    assert isinstance(overview, OverviewPage) and overview.pk == demo
    refreshed: list[int | None] = []
    original = overview.refresh
    overview.refresh = lambda: (refreshed.append(overview.pk), original())[-1]  # type: ignore[method-assign]
    window.show_page("history")
    window.select_partnership(other)
    history = window.page("history")
    assert getattr(history, "_partnership", None) == other
    assert refreshed == []  # the hidden Overview read nothing
    window.show_page("overview")
    assert overview.pk == other and overview.name_label.text() == "Second"
    window.select_partnership(demo)
    assert overview.pk == demo  # the page in view follows at once
