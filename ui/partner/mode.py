"""Whether the window is in partner view, and the settings that go with it (kept here only).

The state is owned by the ``AppContext`` (no global): the window, its toolbar toggle, the View
menu and the screen watcher all change it through ``PartnerMode`` and follow ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

# The settings of partner view, in this one place.
SETTING_AUTO_SWITCH = "partner_view/switch_on_new_screen"
SETTING_HIDE_NAMES = "partner_view/hide_names"


def _flag(settings: QSettings, key: str) -> bool:
    return str(settings.value(key, "false")).lower() in ("true", "1")


def auto_switch(settings: QSettings) -> bool:
    """Whether a newly connected screen switches to partner view without asking."""
    return _flag(settings, SETTING_AUTO_SWITCH)


def hide_names(settings: QSettings) -> bool:
    """Whether partner view shows people by pseudonym or title instead of by name."""
    return _flag(settings, SETTING_HIDE_NAMES)


def set_flag(settings: QSettings, key: str, value: bool) -> None:
    settings.setValue(key, "true" if value else "false")
    settings.sync()


class PartnerMode(QObject):
    """On or off; ``changed(bool)`` after every switch."""

    changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self._active = False

    @property
    def active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            self.changed.emit(active)
