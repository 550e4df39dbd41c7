"""The main window: the partnership list on the left, the pages of the selected one in tabs.

It owns the menus (file, edit with undo/redo, partnership, the shown page's commands, view,
help), the status bar, and what is remembered between runs (geometry, splitter, tab, last
partnership). Pages are built
lazily from ``ui.pages.PAGES`` the first time their tab is opened. After a write to the diary,
only what its ``ChangeSet`` touches is refreshed: the list when names or phases changed (else
just the shown partnership's badge), the visible page if the change touches it (a page with
``affected_by(changes)`` says so; ``refresh_for(changes)`` refreshes part of it), and hidden
pages it touches when they are next shown.
Switching to another diary file is asked of the composition root with ``diary_requested``.
The menus live in ``main_window_menus``, the File actions in ``main_window_files`` and what is
remembered in ``main_window_settings``; they see the window as a ``WindowBase``
(``main_window_base``), so none of them imports this module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.dates import set_interface_dates
from app.i18n import _
from app.persistence.errors import DiaryError
from app.persistence.read import partnerships as partnership_rows
from app.persistence.read.changes import PARTNERSHIPS, PHASES, ChangeSet
from app.persistence.read.snapshots import SNAPSHOT_TABLES
from ui.context import AppContext
from ui.main_window_base import WindowBase
from ui.main_window_files import FileActions
from ui.main_window_menus import build_menus, update_page_menu
from ui.main_window_partner import PartnerSwitch
from ui.main_window_settings import (
    restore_last_partnership,
    restore_window_settings,
    save_window_settings,
)
from ui.pages import PageSpec, page_specs
from ui.style import app_icon, short_date
from ui.widgets.partnership_list import (
    PK_ROLE,
    PartnershipDelegate,
    PartnershipListModel,
)


class MainWindow(WindowBase):
    """The window every page lives in (its signals and menus are declared in ``WindowBase``)."""

    files: FileActions
    partner: PartnerSwitch

    def __init__(self, context: AppContext, *, select_after_paint: bool = False) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        # The core's messages (warnings, their evidence) write dates as this window does.
        set_interface_dates(short_date)
        self.setWindowIcon(app_icon())
        self.current_pk: int | None = None
        self.page_specs: list[PageSpec] = page_specs()
        self._pages: dict[int, QWidget] = {}
        # Hidden pages a write touched, with what it touched: refreshed when next shown.
        self._stale: dict[int, ChangeSet] = {}
        self._changes: ChangeSet | None = None  # what the writes since the last refresh touched
        # Built pages not yet told the selected partnership: told when next shown or asked for.
        self._behind: set[int] = set()
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._after_write)
        self.files = FileActions(self)
        # At start-up the window is painted first; the shown page is built and the last
        # partnership (a large one takes a few hundred milliseconds) selected right after.
        self._select_after_paint = select_after_paint
        self._build_central()
        build_menus(self)
        update_page_menu(self)
        self.partner = PartnerSwitch(self)
        self._build_status_bar()
        self._update_title()
        self.reload_partnerships()
        restore_window_settings(self, select=not select_after_paint)
        context.diary.subscribe(self._diary_changed)
        context.undo.subscribe(self._update_undo_actions)
        self._update_undo_actions()

    # -- construction -------------------------------------------------------------------

    def _build_central(self) -> None:
        self.model = PartnershipListModel(self.warning_count)
        self.list_view = QListView()
        self.list_view.setObjectName("partnershipList")
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(PartnershipDelegate(self.list_view))
        self.list_view.setMouseTracking(True)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setMinimumWidth(180)
        self.list_view.setAccessibleName(_("Partnerships"))
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("pageTabs")
        self.tabs.setDocumentMode(True)
        for spec in self.page_specs:
            self.tabs.addTab(QWidget(), spec.title())
        self.tabs.currentChanged.connect(self._tab_changed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self._build_left_pane())
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1100])
        self.splitter.setChildrenCollapsible(False)
        # The facilitator's list and pages, or partner view's content in their place.
        self.stack = QStackedWidget()
        self.stack.setObjectName("centralStack")
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        if not self._select_after_paint:
            self._ensure_page(0)

    def _build_left_pane(self) -> QWidget:
        """The partnership list with a button to add one under it."""
        pane = QWidget()
        pane.setObjectName("leftPane")
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list_view, 1)
        self.new_partnership_button = QPushButton(_("+ New partnership"))
        self.new_partnership_button.setObjectName("newPartnershipButton")
        self.new_partnership_button.setFlat(True)
        self.new_partnership_button.clicked.connect(self.new_partnership)
        layout.addWidget(self.new_partnership_button)
        self.left_pane = pane
        return pane

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(_("Diary: {path}").format(path=self.context.diary.path))
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setObjectName("diaryPath")
        self.saved_label = QLabel(_("All changes saved"))
        self.saved_label.setObjectName("savedState")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)

    # -- pages --------------------------------------------------------------------------

    def _ensure_page(self, index: int) -> QWidget:
        page = self._pages.get(index)
        if page is not None:
            if index in self._behind:
                self._behind.discard(index)
                self._stale.pop(index, None)
                _show_partnership(page, self.current_pk)
            return page
        page = self.page_specs[index].factory(self.context)
        page.setObjectName(page.objectName() or f"{self.page_specs[index].key}Page")
        self._pages[index] = page
        self._connect_page(page)
        # Swapping the placeholder keeps the tab's place; block the signal it would send.
        self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, self.page_specs[index].title())
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        _show_partnership(page, self.current_pk)
        return page

    def _connect_page(self, page: QWidget) -> None:
        for name, slot in (
            ("event_activated", self.open_event),
            ("entry_activated", self.open_event),  # (event, entry)
            ("edit_requested", self.edit_partnership),
        ):
            signal = getattr(page, name, None)
            if signal is not None:
                signal.connect(slot)

    def drop_pages(self) -> None:
        self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        for index, page in self._pages.items():
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, QWidget(), self.page_specs[index].title())
            page.hide()
            page.setParent(None)
            page.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self._pages.clear()
        self._stale.clear()

    def restore_pages(self) -> None:
        self.show_partner_content(None)
        self.stack.setCurrentWidget(self.splitter)
        self._ensure_page(max(self.tabs.currentIndex(), 0))
        update_page_menu(self)
        self._update_undo_actions()

    def show_partner_content(self, content: QWidget | None) -> None:
        while self.stack.count() > 1:
            old = self.stack.widget(1)
            if old is None:
                break
            self.stack.removeWidget(old)
            if old is not content:
                old.setParent(None)
                old.deleteLater()
        if content is not None:
            self.stack.addWidget(content)
            self.stack.setCurrentWidget(content)

    def page(self, key: str) -> QWidget | None:
        """The page registered under ``key`` (built now if it was not yet; None in partner
        view, where no facilitator page is built)."""
        if self.context.partner.active:
            return None
        for i, spec in enumerate(self.page_specs):
            if spec.key == key:
                return self._ensure_page(i)
        return None

    def show_page(self, key: str) -> QWidget | None:
        if self.context.partner.active:
            return None
        for i, spec in enumerate(self.page_specs):
            if spec.key == key:
                self.tabs.setCurrentIndex(i)
                return self._ensure_page(i)
        return None

    def open_event(self, event_pk: int, entry_pk: int | None = None) -> None:
        """Show ``event_pk`` (with ``entry_pk`` selected) on the first page that shows events."""
        if self.context.partner.active:
            return
        for i in range(len(self.page_specs)):
            page = self._ensure_page(i)
            show_event = getattr(page, "show_event", None)
            if callable(show_event):
                self.tabs.setCurrentIndex(i)
                show_event(event_pk, entry_pk)
                return

    def _tab_changed(self, index: int) -> None:
        if index < 0 or self._select_after_paint or self.context.partner.active:
            return  # before the first paint (or in partner view) pages are not built
        fresh = index not in self._pages
        page = self._ensure_page(index)
        stale = self._stale.pop(index, None)
        if not fresh and stale is not None:
            self._refresh_page(page, stale)
        update_page_menu(self)

    @staticmethod
    def _refresh_page(page: QWidget, changes: ChangeSet | None = None) -> None:
        refresh_for = getattr(page, "refresh_for", None)
        refresh = getattr(page, "refresh", None)
        if changes is not None and callable(refresh_for):
            refresh_for(changes)
        elif callable(refresh):
            refresh()
        else:
            _show_partnership(page, getattr(page, "pk", None))

    @staticmethod
    def _affected(page: QWidget, changes: ChangeSet) -> bool:
        """Whether a change touches what ``page`` shows (a page that cannot tell: yes)."""
        affected_by = getattr(page, "affected_by", None)
        return bool(affected_by(changes)) if callable(affected_by) else True

    # -- partnerships -------------------------------------------------------------------

    def warning_count(self, pk: int) -> int:
        """How many warnings need attention in partnership ``pk`` (see ``WarningCounter``)."""
        counter = self.context.warning_counter
        counter.on_ready = self.model.update_warnings
        return counter.count(pk, self.current_pk)

    def reload_partnerships(self) -> None:
        """Read the list again, keeping the selection on the same partnership."""
        keep = self.current_pk
        self.model.set_partnerships(
            partnership_rows.list_partnerships(self.context.diary.db), date.today()
        )
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and self.model.rowCount() > 0 and keep is not None:
            row = 0
        # The reset cleared the current row; setting it again is a no-op when the key is the same.
        if row is not None:
            self.list_view.setCurrentIndex(self.model.index(row))
        else:
            self.select_partnership(None)

    def select_partnership(self, pk: int | None) -> None:
        """Select ``pk`` in the list (None: clear) and show it on every page."""
        row = self.model.row_of(pk) if pk is not None else None
        if row is None and pk is not None:
            # Just stored: the list has not been read again yet.
            self.reload_partnerships()
            row = self.model.row_of(pk)
        if row is not None and self.list_view.currentIndex().row() != row:
            self.list_view.setCurrentIndex(self.model.index(row))
            return  # _current_changed does the rest
        if row is None:
            self.list_view.clearSelection()
            pk = None
        self._show(pk)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._select_after_paint:
            # Not painted yet (the list takes focus and picks its first row): the remembered
            # partnership is shown right after the first paint.
            return
        pk = current.data(PK_ROLE) if current.isValid() else None
        self._show(pk if isinstance(pk, int) else None)

    def _show(self, pk: int | None) -> None:
        if pk == self.current_pk and self._pages:
            return
        self.current_pk = pk
        # Only the page in view reads the partnership now; a hidden page would read it for
        # nothing (the Overview of 200,000 entries while the History is showing).
        shown = self.tabs.currentIndex()
        self._behind = set(self._pages) - {shown}
        if shown in self._pages:
            _show_partnership(self._pages[shown], pk)
        self.partner.partnership_changed()
        self._stale.clear()
        self.edit_partnership_action.setEnabled(pk is not None)
        self.decision_action.setEnabled(pk is not None)
        self.report_action.setEnabled(pk is not None)
        self.calendar_action.setEnabled(pk is not None)
        self.files.partnership_changed(pk)
        self._update_title()
        self.partnership_selected.emit(pk)

    def _update_title(self) -> None:
        name = ""
        index = self.list_view.currentIndex()
        if self.current_pk is not None and index.isValid():
            name = str(index.data())
        parts = [name, self.context.diary.path.name, "Kumppani"]
        self.setWindowTitle(" — ".join(p for p in parts if p))

    def _diary_changed(self, changes: ChangeSet) -> None:
        """Remember what a write touched; the refresh follows once the write is over."""
        self._changes = changes if self._changes is None else self._changes | changes
        self._refresh_timer.start()

    def _after_write(self) -> None:
        changes, self._changes = self._changes or ChangeSet(), None
        if changes.touches((PARTNERSHIPS, PHASES)):
            self.reload_partnerships()  # names and phases of the list
        elif self.current_pk is not None and changes.touches(SNAPSHOT_TABLES, self.current_pk):
            self.warning_count(self.current_pk)  # its badge is counted again a moment later
        self.partner.refresh()
        current = self.tabs.currentIndex()
        for index, page in self._pages.items():
            if not self._affected(page, changes):
                continue
            if index == current:
                self._refresh_page(page, changes)
            else:
                known = self._stale.get(index)
                self._stale[index] = changes if known is None else known | changes
        self._update_title()
        stamp = datetime.now().strftime("%H:%M")
        self.saved_label.setText(_("All changes saved {time}").format(time=stamp))

    def new_partnership(self) -> None:
        from ui.dialogs.partnership_dialog import PartnershipDialog

        dialog = PartnershipDialog(self.context.diary, parent=self)
        if dialog.exec() and dialog.saved_pk is not None:
            self.select_partnership(dialog.saved_pk)

    def edit_partnership(self) -> None:
        if self.current_pk is None:
            return
        from ui.dialogs.partnership_dialog import PartnershipDialog

        dialog = PartnershipDialog(self.context.diary, pk=self.current_pk, parent=self)
        dialog.exec()

    def record_decision(self) -> None:
        """The partners' decision at the end of a cycle (Partnership menu)."""
        if self.current_pk is None:
            return
        from ui.dialogs.cycle_decision_dialog import CycleDecisionDialog

        CycleDecisionDialog(self.context, self.current_pk, date.today(), parent=self).exec()

    def open_report(self) -> None:
        if self.current_pk is None:
            return
        from ui.dialogs.report_dialog import ReportDialog

        dialog = ReportDialog(self.context.diary, self.current_pk, parent=self)
        dialog.exec()

    def export_calendar(self) -> None:
        if self.current_pk is None:
            return
        from ui.dialogs.calendar_export import export_calendar

        done = export_calendar(self, self.context.diary, self.current_pk, self.context.settings)
        if done:
            self.statusBar().showMessage(done, 8000)

    # -- edit menu ----------------------------------------------------------------------

    def _update_undo_actions(self) -> None:
        undo, redo = self.context.undo.undo_text, self.context.undo.redo_text
        if self.context.partner.active:
            undo = redo = None  # an undo label may quote a private entry
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(_("&Undo {label}").format(label=undo) if undo else _("&Undo"))
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(_("&Redo {label}").format(label=redo) if redo else _("&Redo"))

    def undo(self) -> None:
        self._guarded(self.context.undo.undo)

    def redo(self) -> None:
        self._guarded(self.context.undo.redo)

    def _guarded(self, operation: Callable[[], object]) -> None:
        try:
            operation()
        except DiaryError as exc:
            from ui.dialogs.error_dialog import show_diary_error

            show_diary_error(self, exc)
        # A failed step may have changed the history without telling: label it as it is now.
        self._update_undo_actions()

    # -- view and help ------------------------------------------------------------------

    def toggle_list(self, visible: bool) -> None:
        self.left_pane.setVisible(visible)

    def about(self) -> None:
        QMessageBox.about(
            self,
            _("About Kumppani"),
            _(
                "Kumppani — a facilitator's diary for co-creation partnerships between "
                "organizations.\n\nIt follows a partnership through negotiation, commitment and "
                "execution, and helps you notice early when it starts to drift."
            ),
        )

    # -- settings -----------------------------------------------------------------------

    def save_settings(self) -> None:
        save_window_settings(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._select_after_paint:
            self._select_after_paint = False
            QTimer.singleShot(0, self._restore_after_paint)

    def _restore_after_paint(self) -> None:
        # Until now the tab held its blank placeholder: no "nothing selected" flashes by.
        if not self.context.partner.active:
            self._ensure_page(max(self.tabs.currentIndex(), 0))
            update_page_menu(self)
        restore_last_partnership(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.context.diary.unsubscribe(self._diary_changed)
        self._refresh_timer.stop()
        # Counts still waiting would read the diary after it is closed: drop them.
        self.context.warning_counter.stop()
        set_interface_dates(None)
        super().closeEvent(event)


def _show_partnership(page: QWidget, pk: int | None) -> None:
    # Every page has show_partnership (the contract in ui.pages), but the factories return a
    # plain QWidget: Python's types cannot say "a QWidget with this method".
    page.show_partnership(pk)  # type: ignore[attr-defined]
