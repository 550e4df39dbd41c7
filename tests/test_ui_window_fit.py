"""The window keeps its size and the partnership list its width on every page, in English and
Finnish, on 1280×800 and 1366×768 screens (issue 16, item 15)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.services.demo import load_demo
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages import page_specs


@pytest.mark.parametrize("screen", [(1280, 800), (1366, 768)])
def test_pages_change_neither_the_window_nor_the_list(
    qtbot: QtBot,
    context: AppContext,
    build: Callable[[], MainWindow],
    language: str,
    screen: tuple[int, int],
) -> None:
    demo = load_demo(context.diary)
    win = build()
    # The window on such a screen, less its frame and a task bar.
    width, height = screen[0] - 20, screen[1] - 60
    win.resize(width, height)
    win.show()
    win.select_partnership(demo)
    list_width = win.list_view.width()
    for spec in [*page_specs(), *page_specs()]:  # each page, built and then shown again
        win.show_page(spec.key)
        qtbot.wait(10)
        assert (win.width(), win.height()) == (width, height), spec.key
        assert win.list_view.width() == list_width, spec.key
        row = win.list_view.visualRect(win.model.index(0, 0))
        assert row.right() < win.list_view.viewport().width(), spec.key  # the badge is seen
        assert win.minimumSizeHint().width() <= width, spec.key


@pytest.mark.parametrize("screen", [(1280, 800), (1366, 768)])
def test_an_objective_stays_readable_beside_what_it_lacks(
    qtbot: QtBot,
    context: AppContext,
    build: Callable[[], MainWindow],
    language: str,
    screen: tuple[int, int],
) -> None:
    """The "not yet specific" note names up to four missing parts; it once took the width and
    left the objective a column of single words."""
    from ui.models.actions import ObjectiveTableModel

    demo = load_demo(context.diary)
    win = build()
    win.resize(screen[0] - 20, screen[1] - 60)
    win.show()
    win.select_partnership(demo)
    page = win.show_page("actions")
    qtbot.wait(10)
    table = page.objective_table  # type: ignore[union-attr]
    header = table.horizontalHeader()
    text = header.sectionSize(ObjectiveTableModel.TEXT)
    assert text >= 180
    assert text >= header.sectionSize(5) * 0.8
