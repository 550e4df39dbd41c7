"""Whether the window is in partner view, and its two settings (defined in ``ui.settings``).

The state is owned by the ``AppContext`` (no global): the window, its toolbar toggle, the View
menu and the screen watcher all change it through ``PartnerMode`` and follow ``changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from ui.settings import PARTNER_AUTO_SWITCH, PARTNER_HIDE_NAMES, FlagSetting


def auto_switch(settings: QSettings) -> bool:
    """Whether a newly connected screen switches to partner view without asking."""
    return PARTNER_AUTO_SWITCH.read(settings)


def hide_names(settings: QSettings) -> bool:
    """Whether partner view shows people by pseudonym or title instead of by name."""
    return PARTNER_HIDE_NAMES.read(settings)


def set_flag(settings: QSettings, setting: FlagSetting, value: bool) -> None:
    setting.write(settings, value)


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
