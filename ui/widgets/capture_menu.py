"""The live capture's typing keys listed in the window's Diary menu.

Ctrl+1…7 (entry type) and Alt+1…3 (tension) act only while the capture field has the focus:
the field takes them before the window (where Ctrl+1… switch pages). They are listed in
submenus with the key written beside each command rather than registered as shortcuts, which
would make Qt call the window's Ctrl+1… ambiguous. Choosing one from the menu does the same as
the key, then returns to the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.domain import Tension
from app.domain.labels import entry_type_name, tension_name
from app.i18n import _
from ui.models.look import CAPTURE_TYPES, entry_icon
from ui.widgets.live_capture import LiveCapture


def typing_key_menus(capture: LiveCapture) -> list[QAction]:
    """Submenus "Entry type" and "Tension" with the field's keys; their menu actions."""
    ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
    types = QMenu(_("Entry type (keys while typing)"), capture)
    types.setObjectName("captureTypeMenu")
    for n, kind in enumerate(CAPTURE_TYPES, start=1):
        action = types.addAction(entry_icon(kind), entry_type_name(kind))
        _wire(capture, action, ctrl, "Ctrl", n)
    tensions = QMenu(_("Tension (keys while typing)"), capture)
    tensions.setObjectName("captureTensionMenu")
    for n, tension in enumerate(Tension, start=1):
        action = tensions.addAction(tension_name(tension))
        _wire(capture, action, alt, "Alt", n)
    return [types.menuAction(), tensions.menuAction()]


def _wire(
    capture: LiveCapture, action: QAction, modifier: Qt.KeyboardModifier, name: str, n: int
) -> None:
    key = QKeySequence(f"{name}+{n}").toString(QKeySequence.SequenceFormat.NativeText)
    # Text after a tab is drawn where a shortcut would be, without registering one.
    action.setText(f"{action.text()}\t{key}")
    command: Callable[[], object] = capture.field.keys[
        capture.field.combination(modifier, Qt.Key.Key_0.value + n)
    ]

    def run(_checked: bool = False) -> None:
        command()
        capture.field.setFocus()

    action.triggered.connect(run)
