"""The commands that decide what becomes of an entry: make an action (Ctrl+Shift+A), park,
decline or reopen an idea. Shared by the live capture list and the history's results.

Each acts on the entry its view shows selected, never on one it picks by itself; with no
selection it is disabled and, asked anyway, says what to select. The dialogs write through
``app.services.ideas`` (one undo step each); the view then reloads and keeps the selection.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from app.domain import Entry, EntryType, ValidationError, Visibility
from app.domain.enums import Fate
from app.i18n import _
from app.persistence.read.ideas import IdeaOutcome
from app.services import ideas
from app.services.editing import ACTIONABLE, Editor
from ui.dialogs.fate_dialog import FateDialog
from ui.dialogs.make_action_dialog import MakeActionDialog
from ui.models.idea_look import Shown, fate_icon, shown


class EntryView(Protocol):
    """What the commands need from the view whose selection they act on."""

    def selected_entry(self) -> Entry | None: ...
    def partnership(self) -> int | None: ...
    def outcome_of(self, pk: int) -> IdeaOutcome | None: ...
    def entry_changed(self, pk: int) -> None: ...


class IdeaCommands(QObject):
    """Make action, park, decline and reopen, for the selected entry of ``view``."""

    message = Signal(str)
    action_made = Signal(int)
    dialog_opened = Signal(QDialog)  # the make-action or fate dialog, before it is shown

    def __init__(self, editor: Editor, view: EntryView, parent: QWidget) -> None:
        super().__init__(parent)
        self._editor, self._view, self._parent = editor, view, parent
        self.make_act = QAction(fate_icon(Shown.ACTION), _("Make action"), parent)
        self.make_act.setToolTip(
            _("Make an action of the selected idea or decision (Ctrl+Shift+A)")
        )
        self.make_act.triggered.connect(lambda _c=False: self.make_action())
        self.park_act = QAction(fate_icon(Shown.PARKED), _("Park idea\u2026"), parent)
        self.park_act.triggered.connect(lambda _c=False: self.give_fate(Fate.PARKED))
        self.decline_act = QAction(fate_icon(Shown.DECLINED), _("Decline idea\u2026"), parent)
        self.decline_act.triggered.connect(lambda _c=False: self.give_fate(Fate.DECLINED))
        self.reopen_act = QAction(fate_icon(Shown.OPEN), _("Reopen idea"), parent)
        self.reopen_act.triggered.connect(lambda _c=False: self.reopen())
        self.update()

    def actions(self) -> list[QAction]:
        return [self.make_act, self.park_act, self.decline_act, self.reopen_act]

    def make_action(self) -> None:
        """The selected idea or decision becomes an action, through the make-action dialog
        (wording, owner, due date). With nothing selected it asks for a selection."""
        entry, partnership = self._view.selected_entry(), self._view.partnership()
        if entry is None or entry.pk is None or partnership is None:
            self.message.emit(_("Select an idea or a decision to make an action of it."))
            return
        if entry.type not in ACTIONABLE:
            self.message.emit(_("Only an idea or a decision can become an action."))
            return
        dialog = MakeActionDialog(self._editor, partnership, entry, self._parent)
        self.dialog_opened.emit(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.action_pk is None:
            return
        self._view.entry_changed(entry.pk)
        if dialog.visibility() is Visibility.PRIVATE:
            # Said so: the action keeps the entry's privacy until it is reworded and shared.
            note = _("Private action made (its entry is private): {text}")
        else:
            note = _("Action made: {text}")
        self.message.emit(note.format(text=dialog.wording.toPlainText().strip()))
        self.action_made.emit(dialog.action_pk)

    def give_fate(self, fate: Fate) -> None:
        """Park or decline the selected idea, with the reason (and the date to revisit)."""
        entry = self._view.selected_entry()
        if entry is None or entry.pk is None or entry.type is not EntryType.IDEA:
            self.message.emit(_("Select an idea to park or decline it."))
            return
        dialog = FateDialog(self._editor, entry, fate, self._parent)
        self.dialog_opened.emit(dialog)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._view.entry_changed(entry.pk)
            done = _("Idea parked: {text}") if fate is Fate.PARKED else _("Idea declined: {text}")
            self.message.emit(done.format(text=entry.text))

    def reopen(self) -> None:
        entry = self._view.selected_entry()
        if entry is None or entry.pk is None or entry.fate is None:
            return
        try:
            ideas.reopen_idea(self._editor, entry.pk)
        except ValidationError as exc:
            self.message.emit(str(exc))
            return
        self._view.entry_changed(entry.pk)
        self.message.emit(_("Idea open again: {text}").format(text=entry.text))

    def update(self) -> None:
        """Enable each command only for a selected entry it applies to."""
        entry = self._view.selected_entry()
        kind = None
        if entry is not None and entry.pk is not None:
            kind = shown(entry.type, self._view.outcome_of(entry.pk))
        self.make_act.setEnabled(entry is not None and entry.type in ACTIONABLE)
        idea = kind in (Shown.OPEN, Shown.PARKED, Shown.DECLINED)
        self.park_act.setEnabled(idea and kind is not Shown.PARKED)
        self.decline_act.setEnabled(idea and kind is not Shown.DECLINED)
        self.reopen_act.setEnabled(kind in (Shown.PARKED, Shown.DECLINED))

    def add_to(self, menu: QMenu) -> None:
        """The commands that apply to the selection, into a context menu."""
        self.update()
        for act in self.actions():
            if act.isEnabled():
                menu.addAction(act)
