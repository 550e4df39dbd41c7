"""The text field of live capture: Enter submits the line, Shift+Enter breaks it, and the
view's typing keys (entry types, tensions) win over the window's shortcuts while it has focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit


class CaptureField(QPlainTextEdit):
    """A large text field where Enter submits the line and Shift+Enter breaks it.

    While it has focus, its own keys (entry types, tensions) win over the window's shortcuts
    with the same keys (Ctrl+1..9 switch pages elsewhere): it accepts the shortcut override.
    """

    submitted = Signal()

    def __init__(self) -> None:
        super().__init__()
        # (modifiers, key) -> command; the digit row and the keypad count the same.
        self.keys: dict[tuple[int, int], Callable[[], object]] = {}

    @staticmethod
    def combination(modifiers: Qt.KeyboardModifier, key: int) -> tuple[int, int]:
        return ((modifiers & ~Qt.KeyboardModifier.KeypadModifier).value, int(key))

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.combination(event.modifiers(), event.key()) in self.keys
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        command = self.keys.get(self.combination(event.modifiers(), event.key()))
        if command is not None:
            command()
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)
