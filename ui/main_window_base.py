"""What the main window's helper modules may use of the window, declared below all of them.

``main_window_menus``, ``main_window_files`` and ``main_window_settings`` work on a
``WindowBase``; ``MainWindow`` (``main_window``) is the one subclass and fills it in. So the
helpers never import the window module and the window imports them: no import cycle, and a
helper that reaches for something the window does not declare here fails type checking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListView, QMainWindow, QMenu, QSplitter, QTabWidget, QWidget

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.pages import PageSpec
    from ui.safety import SafetyGuard
    from ui.widgets.partnership_list import PartnershipListModel


class FileMenuActions(Protocol):
    """The File menu's own actions (``main_window_files.FileActions``)."""

    def add_to_menu(self, menu: QMenu) -> None: ...


class WindowBase(QMainWindow):
    """The partnership list, the tabs, the menus and the commands the helpers call."""

    partnership_selected = Signal(object)  # int | None
    diary_requested = Signal(str, bool)  # path, create

    context: AppContext
    current_pk: int | None
    page_specs: list[PageSpec]
    tabs: QTabWidget
    splitter: QSplitter
    list_view: QListView
    model: PartnershipListModel
    files: FileMenuActions
    # Made by ``build_menus``; declared here so pages and tests can rely on them.
    file_menu: QMenu
    edit_menu: QMenu
    partnership_menu: QMenu
    view_menu: QMenu
    page_menu: QMenu
    undo_action: QAction
    redo_action: QAction
    new_partnership_action: QAction
    edit_partnership_action: QAction
    decision_action: QAction
    report_action: QAction
    calendar_action: QAction
    # Set by the launcher: backups and the safety commands of this window's diary.
    safety: SafetyGuard

    def drop_pages(self) -> None:
        """Delete every built page (entering partner view): their widgets leave the window."""
        raise NotImplementedError

    def restore_pages(self) -> None:
        """Show the facilitator's pages again (leaving partner view), built afresh."""
        raise NotImplementedError

    def show_partner_content(self, content: QWidget | None) -> None:
        """Put partner view's content where the list and pages were (None: an empty view)."""
        raise NotImplementedError

    def select_partnership(self, pk: int | None) -> None:
        raise NotImplementedError

    def new_partnership(self) -> None:
        raise NotImplementedError

    def edit_partnership(self) -> None:
        raise NotImplementedError

    def record_decision(self) -> None:
        raise NotImplementedError

    def open_report(self) -> None:
        raise NotImplementedError

    def export_calendar(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        raise NotImplementedError

    def toggle_list(self, visible: bool) -> None:
        raise NotImplementedError

    def about(self) -> None:
        raise NotImplementedError
