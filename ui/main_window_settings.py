"""What the main window remembers between runs: geometry, splitter, open tab, last partnership.

Kept in the ``QSettings`` of the ``AppContext``. The last partnership is stored by its stable
id, so it is found again even if the database keys change (an import that replaces it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.settings import (
    LAST_PARTNERSHIP,
    OPEN_PAGE,
    WINDOW_GEOMETRY,
    WINDOW_SPLITTER,
    WINDOW_STATE,
)
from ui.widgets.partnership_list import ID_ROLE, PK_ROLE

if TYPE_CHECKING:
    from ui.main_window_base import WindowBase


def restore_window_settings(window: WindowBase, *, select: bool = True) -> None:
    """Put the window back as it was left; on first start, a sensible size and the first row.

    With ``select`` False the partnership is left for ``restore_last_partnership`` (called once
    the window has been painted, so a large partnership does not hold up the start).
    """
    settings = window.context.settings
    geometry = WINDOW_GEOMETRY.read(settings)
    if geometry is not None:
        window.restoreGeometry(geometry)
    else:
        _default_size(window)
    state = WINDOW_STATE.read(settings)
    if state is not None:
        window.restoreState(state)
    splitter = WINDOW_SPLITTER.read(settings)
    if splitter is not None:
        window.splitter.restoreState(splitter)
    tab = OPEN_PAGE.read(settings)
    for i, spec in enumerate(window.page_specs):
        if spec.key == tab:
            window.tabs.setCurrentIndex(i)
    if select:
        restore_last_partnership(window)


def restore_last_partnership(window: WindowBase) -> None:
    """Select the partnership that was open when the window was last closed (else the first)."""
    if window.current_pk is not None:
        return  # something was selected meanwhile: keep it
    last = LAST_PARTNERSHIP.read(window.context.settings)
    row = window.model.row_of_id(last) if last else None
    if row is None and window.model.rowCount() > 0:
        row = 0
    if row is not None:
        pk = window.model.index(row).data(PK_ROLE)
        # Through the window, not the list: the list may already have this row as current.
        window.select_partnership(pk if isinstance(pk, int) else None)


def _default_size(window: WindowBase) -> None:
    """1366×768, or most of a smaller screen."""
    available = window.screen().availableGeometry()
    width = min(1366, int(available.width() * 0.92)) if available.width() else 1366
    height = min(768, int(available.height() * 0.92)) if available.height() else 768
    window.resize(width, height)


def save_window_settings(window: WindowBase) -> None:
    settings = window.context.settings
    WINDOW_GEOMETRY.write(settings, window.saveGeometry())
    WINDOW_STATE.write(settings, window.saveState())
    WINDOW_SPLITTER.write(settings, window.splitter.saveState())
    OPEN_PAGE.write(settings, window.page_specs[max(0, window.tabs.currentIndex())].key)
    index = window.list_view.currentIndex()
    if index.isValid():
        LAST_PARTNERSHIP.write(settings, str(index.data(ID_ROLE)))
    settings.sync()
