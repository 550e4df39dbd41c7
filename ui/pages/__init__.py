"""The pages shown for the selected partnership, in the order of the main window's tabs.

A page is a QWidget built by a factory taking the ``AppContext``. It provides:

- ``show_partnership(pk: int | None) -> None`` — called when the selection changes (None: no
  partnership selected, show an empty state);
- optionally ``refresh() -> None`` — called after a write to the diary while the page is visible
  (a hidden page is refreshed when it is next shown). Without it the window calls
  ``show_partnership`` again with the same key;
- optionally ``affected_by(changes: ChangeSet) -> bool`` — whether a write's change set touches
  what the page shows (without it: always), and ``refresh_for(changes) -> None`` to refresh only
  that part (without it: ``refresh``);
- optionally ``show_event(pk: int, entry: int | None = None) -> None`` — the window uses the
  first page that has it when another page asks to open an event (a page asks by emitting an
  ``event_activated(int)`` signal, or ``entry_activated(int, int)`` for an event with one of its
  entries selected);
- optionally ``menu_actions() -> list[QAction]`` — its commands with their shortcuts, listed in
  the window's menu named after the page while the page is shown.

Pages are built lazily, the first time their tab is opened, so start-up pays only for the
Overview. To add a page: write a small factory that imports your module inside it and append a
``PageSpec`` to ``PAGES`` (lower ``order`` comes first; the Overview is 0).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext


PageFactory = Callable[["AppContext"], "QWidget"]


@dataclass(frozen=True)
class PageSpec:
    """One tab: a stable key (used in settings), its place, its translated title, its factory."""

    key: str
    order: int
    title: Callable[[], str]
    factory: PageFactory


def _overview(context: AppContext) -> QWidget:
    from ui.pages.overview import OverviewPage

    return OverviewPage(context)


def _diary(context: AppContext) -> QWidget:
    from ui.pages.diary_page import DiaryPage

    return DiaryPage(context)


def _actions(context: AppContext) -> QWidget:
    from ui.pages.actions_page import ActionsPage

    return ActionsPage(context)


def _history(context: AppContext) -> QWidget:
    from ui.pages.history_page import HistoryPage

    return HistoryPage(context)


def _commitment(context: AppContext) -> QWidget:
    from ui.pages.commitment_page import CommitmentPage

    return CommitmentPage(context)


PAGES: list[PageSpec] = [
    PageSpec("overview", 0, lambda: _("Overview"), _overview),
    PageSpec("commitment", 40, lambda: _("Commitment"), _commitment),
    PageSpec("diary", 10, lambda: _("Diary"), _diary),
    PageSpec("actions", 20, lambda: _("Action plan"), _actions),
    PageSpec("history", 30, lambda: _("History"), _history),
]


def page_specs() -> list[PageSpec]:
    """The registered pages in tab order."""
    return sorted(PAGES, key=lambda spec: spec.order)
