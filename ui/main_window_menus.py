"""The menu bar of the main window: File, Edit (undo/redo), Partnership, the page, View, Help.

``build_menus`` creates the actions as attributes of the window (``undo_action``,
``new_partnership_action``, ...) so that pages and tests can reach them; to add a command,
add its action here and its slot on the window or in the module that does the work.

The page menu is named after the tab being shown and lists that page's own commands
(``menu_actions()``) with their keys; ``update_page_menu`` refills it when the tab changes, so
a page's commands are offered only while it is shown. Their keys work only inside their page,
which is why two pages may use the same key (Delete event, Delete action) but no page key may
repeat a window key: Qt would call the key ambiguous and do nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from app.i18n import _

if TYPE_CHECKING:
    from ui.main_window_base import WindowBase


def make_action(
    window: WindowBase,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    """An action of the window with its shortcut (shown in the menu) and its slot."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def build_menus(window: WindowBase) -> None:
    _file_menu(window)
    _edit_menu(window)
    _partnership_menu(window)
    window.page_menu = window.menuBar().addMenu("")
    _view_menu(window)
    help_menu = window.menuBar().addMenu(_("&Help"))
    about = make_action(window, _("&About Kumppani"), window.about)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about)


def _file_menu(window: WindowBase) -> None:
    menu = window.menuBar().addMenu(_("&File"))
    window.files.add_to_menu(menu)
    menu.addSeparator()
    quit_action = make_action(window, _("&Quit"), window.close, QKeySequence.StandardKey.Quit)
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    menu.addAction(quit_action)
    window.file_menu = menu


def _edit_menu(window: WindowBase) -> None:
    menu = window.menuBar().addMenu(_("&Edit"))
    window.undo_action = make_action(window, _("&Undo"), window.undo, QKeySequence.StandardKey.Undo)
    # Ctrl+Shift+Z everywhere (the platform's Redo key differs between systems).
    window.redo_action = make_action(window, _("&Redo"), window.redo, "Ctrl+Shift+Z")
    menu.addAction(window.undo_action)
    menu.addAction(window.redo_action)
    window.edit_menu = menu


def _partnership_menu(window: WindowBase) -> None:
    menu = window.menuBar().addMenu(_("&Partnership"))
    window.new_partnership_action = make_action(
        window, _("&New partnership…"), window.new_partnership, QKeySequence.StandardKey.New
    )
    window.edit_partnership_action = make_action(
        window, _("&Edit partnership…"), window.edit_partnership, "Ctrl+E"
    )
    window.report_action = make_action(
        window, _("Report for the partners…"), window.open_report, "Ctrl+Shift+P"
    )
    window.decision_action = make_action(
        window, _("Record the partners' &decision…"), window.record_decision
    )
    menu.addAction(window.new_partnership_action)
    menu.addAction(window.edit_partnership_action)
    menu.addAction(window.decision_action)
    window.calendar_action = make_action(
        window, _("Export &calendar (.ics)…"), window.export_calendar
    )
    menu.addAction(window.report_action)
    menu.addAction(window.calendar_action)
    window.partnership_menu = menu


def _view_menu(window: WindowBase) -> None:
    menu = window.menuBar().addMenu(_("&View"))
    toggle = make_action(window, _("Partnership &list"), window.toggle_list, "Ctrl+L")
    toggle.setCheckable(True)
    toggle.setChecked(True)
    menu.addAction(toggle)
    menu.addSeparator()
    for i, spec in enumerate(window.page_specs):
        go = make_action(window, spec.title(), lambda _c=False, i=i: window.tabs.setCurrentIndex(i))
        if i < 9:
            go.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
        menu.addAction(go)
    window.view_menu = menu


def update_page_menu(window: WindowBase) -> None:
    """Fill the page menu with the shown page's commands and name it after the page."""
    menu = window.page_menu
    menu.clear()  # the actions belong to their page: they are taken out, not deleted
    index = window.tabs.currentIndex()
    page = window.tabs.currentWidget()
    commands = getattr(page, "menu_actions", None)
    actions: list[QAction] = list(commands()) if callable(commands) else []
    menu.addActions(actions)
    title = window.page_specs[index].title() if index >= 0 else ""
    others = [a.text() for a in window.menuBar().actions() if a is not menu.menuAction()]
    menu.setTitle(with_mnemonic(title, others))
    # A page without commands of its own (the overview) shows no empty, greyed menu.
    menu.menuAction().setVisible(bool(actions))


def with_mnemonic(title: str, others: list[str]) -> str:
    """``title`` with an Alt-key letter that none of the ``others`` menu titles uses."""
    taken = {t[t.index("&") + 1].lower() for t in others if "&" in t[:-1]}
    for i, char in enumerate(title):
        if char.isalpha() and char.lower() not in taken:
            return title[:i] + "&" + title[i:]
    return title
