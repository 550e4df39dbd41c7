"""Partner view for the main window: the toggle, the safe way out, and the screen watcher.

Entering partner view drops every facilitator page the window has built (their widgets held
private notes and warnings) and shows a ``PartnerView`` built on a ``PartnerSource`` in their
place; the partnership list, the facilitator's menus and their keys are hidden. Leaving asks
first, with "Stay in partner view" as the default button, so a stray click or Enter on the
projector cannot flash private notes. A screen connected while the app runs offers the switch
(or makes it, when the setting says so). The state itself lives in ``context.partner``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QCheckBox, QMessageBox, QToolBar

from app.i18n import _, language
from app.persistence.read.partnerships import get_partnership
from app.services.editing import Editor
from ui.partner.mode import auto_switch, hide_names, set_flag
from ui.settings import PARTNER_AUTO_SWITCH, PARTNER_HIDE_NAMES, FlagSetting

if TYPE_CHECKING:
    # The view, its source and the presentation draw plots (pyqtgraph, numpy) and assemble the
    # partner report: imported when partner view or the presentation is first opened, never
    # before the window's first paint.
    from ui.main_window_base import WindowBase
    from ui.partner.presentation import Presentation
    from ui.partner.source import PartnerSource
    from ui.partner.view import PartnerView

SHORTCUT = "Ctrl+Shift+V"


class PartnerSwitch(QObject):
    """The window's partner view commands and the view itself while it is on."""

    def __init__(self, window: WindowBase) -> None:
        super().__init__(window)
        self.window = window
        self.mode = window.context.partner
        self.view: PartnerView | None = None
        self.leave_box: QMessageBox | None = None
        self.offer_box: QMessageBox | None = None
        self.presentation: Presentation | None = None
        self._hidden: list[QAction] = []
        self._editor: Editor | None = None  # made when partner view first needs it
        self.toggle = QAction(_("Partner view"), window)
        self.toggle.setObjectName("partnerViewToggle")
        self.toggle.setCheckable(True)
        self.toggle.setShortcut(QKeySequence(SHORTCUT))
        self.toggle.setToolTip(
            _("Show only what the partners may see ({key})").format(key=SHORTCUT)
        )
        self.toggle.triggered.connect(self._toggled)
        self.present_action = QAction(_("Present the history…"), window)
        self.present_action.setShortcut(QKeySequence("F5"))
        self.present_action.triggered.connect(self.present)
        self.hide_names_action = self._setting_action(
            _("Hide names in partner view"), PARTNER_HIDE_NAMES, hide_names(window.context.settings)
        )
        self.hide_names_action.toggled.connect(lambda _on: self._rebuild())
        self.auto_action = self._setting_action(
            _("Switch to partner view when a screen is connected"),
            PARTNER_AUTO_SWITCH,
            auto_switch(window.context.settings),
        )
        self.toolbar = QToolBar(_("Partner view"), window)
        self.toolbar.setObjectName("partnerToolbar")
        self.toolbar.addAction(self.toggle)
        self.toolbar.addAction(self.present_action)
        window.addToolBar(self.toolbar)
        menu = window.view_menu
        menu.addSeparator()
        for action in (self.toggle, self.present_action, self.hide_names_action, self.auto_action):
            menu.addAction(action)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.screen_added)

    def _setting_action(self, text: str, setting: FlagSetting, on: bool) -> QAction:
        action = QAction(text, self.window)
        action.setCheckable(True)
        action.setChecked(on)
        action.toggled.connect(
            lambda checked: set_flag(self.window.context.settings, setting, checked)
        )
        return action

    # -- entering and leaving ----------------------------------------------------------

    def _toggled(self, checked: bool) -> None:
        if checked:
            self.enter()
        else:
            self.toggle.setChecked(True)  # still on until the facilitator confirms
            self.ask_to_leave()

    def enter(self) -> None:
        """Switch the window to partner view (nothing happens if it already is)."""
        self.toggle.setChecked(True)
        if self.mode.active:
            return
        self.mode.set_active(True)
        self.window.drop_pages()
        self._hide_facilitator_commands()
        self._rebuild()

    def _rebuild(self) -> None:
        """Show the partner view of the current partnership afresh (names as now chosen)."""
        if not self.mode.active:
            return
        from ui.partner.view import PartnerView, empty_partner_view

        self._drop_view()
        pk = self.window.current_pk
        if pk is None:
            self.window.show_partner_content(empty_partner_view())
            return
        self.view = PartnerView(self.source(pk))
        self.window.show_partner_content(self.view)

    def source(self, pk: int) -> PartnerSource:
        from ui.partner.source import PartnerSource

        context = self.window.context
        if self._editor is None:
            self._editor = Editor(context.diary, context.undo)
        return PartnerSource(
            context.diary,
            self._editor,
            pk,
            hide_names=self.hide_names_action.isChecked(),
            language=language(),
        )

    def ask_to_leave(self) -> None:
        """Ask before leaving; "Stay in partner view" is the default (Enter) and Escape."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Leave partner view?"))
        box.setText(
            _(
                "Leaving partner view shows private notes and warnings on every screen, "
                "the projector included."
            )
        )
        stay = box.addButton(_("Stay in partner view"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(_("Leave partner view"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.accepted.connect(self.leave)
        self.leave_box = box
        box.open()

    def leave(self) -> None:
        """Back to the facilitator's window (called once the leaving is confirmed)."""
        if not self.mode.active:
            return
        self._drop_view()
        self.mode.set_active(False)
        self.toggle.setChecked(False)
        for action in self._hidden:
            action.setVisible(True)
        self._hidden.clear()
        self.window.restore_pages()

    def _drop_view(self) -> None:
        if self.view is not None:
            self.view.hide()
            self.view.setParent(None)  # out of the window at once, not at the next event loop
            self.view.deleteLater()
            self.view = None

    def partnership_changed(self) -> None:
        """Another partnership was selected: show its partner view (when on)."""
        self._rebuild()

    def refresh(self) -> None:
        """After a write: read the partner view's data again."""
        if self.view is not None:
            self.view.refresh()

    def _hide_facilitator_commands(self) -> None:
        """The menus and keys of the facilitator's pages, files, undo and partnerships."""
        w = self.window
        keep = {self.toggle, self.present_action, self.hide_names_action, self.auto_action}
        menus = (w.edit_menu, w.partnership_menu, w.page_menu)
        actions = [m.menuAction() for m in menus] + [a for m in menus for a in m.actions()]
        quit_actions = [
            a for a in w.file_menu.actions() if a.menuRole() == QAction.MenuRole.QuitRole
        ]
        actions += [a for a in w.file_menu.actions() if a not in quit_actions]
        actions += [a for a in w.view_menu.actions() if a not in keep and not a.isSeparator()]
        for action in actions:
            if action.isVisible():
                action.setVisible(False)  # a hidden action's key does nothing either
                self._hidden.append(action)

    # -- screens and presenting ----------------------------------------------------------

    def screen_added(self, _screen: QScreen | None = None) -> None:
        """A screen was connected: switch (if set to) or offer to switch to partner view."""
        if self.mode.active:
            return
        if self.auto_action.isChecked():
            self.enter()
            return
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("A screen was connected"))
        box.setText(_("Switch to partner view, so that only what the partners may see is shown?"))
        switch = box.addButton(_("Switch to partner view"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(switch)
        always = QCheckBox(_("Always switch when a screen is connected"))
        box.setCheckBox(always)
        always.toggled.connect(self.auto_action.setChecked)
        box.accepted.connect(self.enter)
        self.offer_box = box
        box.open()

    def present(self) -> None:
        """The partnership's history full screen, in the partnership's language."""
        from ui.partner.presentation import Presentation

        pk = self.window.current_pk
        if pk is None:
            return
        stored = get_partnership(self.window.context.diary.db, pk)
        lang = stored.language if stored is not None and stored.language in ("en", "fi") else "en"
        self.presentation = Presentation(self.source(pk), lang, self.window)
        self.presentation.showFullScreen()
