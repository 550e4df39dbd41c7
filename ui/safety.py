"""The data-safety side of the running application, plugged into the launcher.

``SafetyGuard`` drives the backup policy of one open diary (at start, every 30 minutes when
something changed, at a clean exit), adds Back up now / Restore / Preferences to the File
menu, and warns once when the diary lives in a cloud-sync or network folder, offering to move
it. ``recover_from_open_error`` handles a diary that cannot be opened: a damaged one offers its
newest backup and the data folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget

from app.backup.policy import INTERVAL, BackupPolicy
from app.backup.restore import explain_damage, move, replace_with_backup, restore
from app.i18n import _
from app.paths import data_dir
from app.persistence.diary import Diary
from app.persistence.errors import DamagedDiary, DiaryError
from app.safety.cloud import risky_location
from ui.dialogs.error_dialog import ErrorDialog, diary_error_dialog, open_folder
from ui.dialogs.preferences_dialog import PreferencesDialog, second_folder
from ui.dialogs.restore_dialog import RestoreDialog

Reopen = Callable[[Path], object]

# The full integrity check starts this long after the window's first paint (the partnership
# shown at start is selected right after that paint, first); at the latest this long after the
# start, should the window never be painted.
VERIFY_DELAY_MS = 50
VERIFY_AT_THE_LATEST_MS = 5000


def recover_from_open_error(parent: QWidget | None, exc: DiaryError, settings: QSettings) -> bool:
    """Explain why a diary did not open; True when a backup was restored (open it again)."""
    extra = [f for f in [second_folder(settings)] if f]
    if isinstance(exc, DamagedDiary) and exc.path is not None:
        exc = explain_damage(exc, extra)
    actions: list[tuple[str, str]] = []
    if isinstance(exc, DamagedDiary) and exc.backup_time:
        actions.append(("restore", _("Restore…")))
    if exc.path is not None:
        actions.append(("folder", _("Open data folder")))
    choice = diary_error_dialog(parent, exc, actions).run()
    if choice == "folder" and exc.path is not None:
        open_folder(exc.path.parent)
    if choice == "restore" and exc.path is not None:
        chooser = RestoreDialog(parent, exc.path, extra)
        if chooser.exec() and chooser.chosen is not None:
            try:
                replace_with_backup(exc.path, chooser.chosen.backup.path)
            except DiaryError as failed:
                diary_error_dialog(parent, failed).run()
                return False
            return True
    return False


class SafetyGuard(QObject):
    """Backups and location checks for the diary shown in ``window``."""

    def __init__(self, window: QWidget, diary: Diary, settings: QSettings, reopen: Reopen) -> None:
        super().__init__(window)
        self.window = window
        self.diary = diary
        self.settings = settings
        self.reopen = reopen
        self.policy = BackupPolicy(diary, second_folder=second_folder(settings))
        self.timer = QTimer(self)
        self.timer.setInterval(int(INTERVAL.total_seconds() * 1000))
        self.timer.timeout.connect(self.on_timer)
        self._told_second_folder = False
        self.active = True

    # -- the policy ---------------------------------------------------------------------

    def start(self, delay_ms: int = 1500) -> None:
        """Begin once the window has painted: a start-up backup of a large diary takes a
        second, which must not delay the first sight of the window. The full integrity check
        comes first, ``VERIFY_DELAY_MS`` after the window's first paint, so after the
        partnership the window shows then (the check of a 200,000-entry diary takes a second;
        on a timer from here it ran before the first paint of a slow start, and held the
        content back). Writes wait for it in any case (``Diary.write``)."""
        self._verify_timer = QTimer(self)
        self._verify_timer.setSingleShot(True)
        self._verify_timer.timeout.connect(self.verify_now)
        self._verify_timer.start(VERIFY_AT_THE_LATEST_MS)  # a window that is never painted
        self.window.installEventFilter(self)
        QTimer.singleShot(delay_ms, self, self.start_now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            if self._verify_timer.isActive():
                self._verify_timer.start(VERIFY_DELAY_MS)
        return False

    def verify_now(self) -> bool:
        """The full integrity check of the open diary (half a second for a large one); until it
        has passed the diary holds every write back. A damaged diary is explained, with the
        backup that holds the data, and no backup is made of it. Returns whether it passed."""
        if not self.active or self.diary.closed:
            return False
        status = self.window.statusBar() if isinstance(self.window, QMainWindow) else None
        if status is not None:
            status.showMessage(_("Checking the diary…"))
            status.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        damage: DamagedDiary | None = None
        try:
            self.diary.verify()
        except DamagedDiary as exc:
            damage = exc
        finally:
            QApplication.restoreOverrideCursor()
            if status is not None:
                status.clearMessage()
        if damage is None:
            return True
        self.active = False
        self.timer.stop()
        self._offer_restore(damage)
        return False

    def _offer_restore(self, exc: DamagedDiary) -> None:
        """The damage explained, with Restore… (the newest backup first) and the data folder."""
        extra = [f for f in [second_folder(self.settings)] if f]
        exc = explain_damage(exc, extra)
        actions = [("restore", _("Restore…"))] if exc.backup_time else []
        actions.append(("folder", _("Open data folder")))
        choice = diary_error_dialog(self.window, exc, actions).run()
        path = self.diary.path
        if choice == "folder":
            open_folder(path.parent)
        if choice != "restore":
            return
        chooser = RestoreDialog(self.window, path, extra)
        if not chooser.exec() or chooser.chosen is None:
            return
        self.diary.close()  # the damaged file is kept aside, never written to
        try:
            replace_with_backup(path, chooser.chosen.backup.path)
        except DiaryError as failed:
            diary_error_dialog(self.window, failed).run()
            return
        self.reopen(path)

    def start_now(self) -> None:
        if not self.active:
            return
        self._guarded(self.policy.at_start)
        self.timer.start()
        self.warn_if_risky()

    def on_timer(self) -> None:
        self._guarded(self.policy.on_timer)

    def at_exit(self) -> None:
        """At a clean exit, while the diary is still open."""
        if self.active:
            self.timer.stop()
            self._guarded(self.policy.at_exit)
            self.active = False

    def backup_now(self) -> Path | None:
        return self._guarded(self.policy.backup_now)

    def _guarded(self, step: Callable[[], Path | None]) -> Path | None:
        if not self.active:
            return None
        try:
            made = step()
        except DiaryError as exc:
            diary_error_dialog(self.window, exc).run()
            return None
        if self.policy.last_error is not None and not self._told_second_folder:
            self._told_second_folder = True
            diary_error_dialog(self.window, self.policy.last_error).run()
        return made

    # -- menu ---------------------------------------------------------------------------

    def add_to_menu(self, menu: QMenu) -> list[QAction]:
        """Back up now, Restore, Preferences — inserted before the menu's last entry."""
        actions = []
        for text, slot in (
            (_("&Back up now"), self.backup_now),
            (_("&Restore from a backup…"), self.choose_and_restore),
            (_("&Preferences…"), self.preferences),
        ):
            action = QAction(text, self.window)
            action.triggered.connect(slot)
            actions.append(action)
        existing = menu.actions()
        if len(existing) >= 2:
            before = existing[-2]
            menu.insertActions(before, actions)
            menu.insertSeparator(before)
        else:
            menu.addActions(actions)
        return actions

    def preferences(self) -> None:
        dialog = PreferencesDialog(self.window, self.settings, self.policy.folder)
        if dialog.exec():
            self.policy.second_folder = second_folder(self.settings)
            context = getattr(self.window, "context", None)
            if context is not None:
                context.update_author()  # a new name goes with the next write

    def choose_and_restore(self) -> None:
        extra = [f for f in [self.policy.second_folder] if f]
        chooser = RestoreDialog(self.window, self.diary.path, extra)
        if not chooser.exec() or chooser.chosen is None:
            return
        self.timer.stop()
        self.active = False
        try:
            restored, _kept = restore(self.diary, chooser.chosen.backup.path)
        except DiaryError as exc:
            self.active = True
            diary_error_dialog(self.window, exc).run()
            return
        restored.close()
        self.reopen(self.diary.path)

    # -- location -----------------------------------------------------------------------

    def warn_if_risky(self) -> None:
        service = risky_location(self.diary.path)
        if service is None:
            return
        target = data_dir() / self.diary.path.name
        message = _(
            "The diary is in a folder managed by {service}. Sync programs and network drives "
            "can copy the file while Kumppani writes it, or bring back an older copy, which can "
            "damage the diary or lose recent notes. Your data is safe now. Move the diary to "
            "{target} on this computer (its backups still protect it), or keep it where it is."
        ).format(service=service, target=target)
        actions = [("move", _("Move it")), ("keep", _("Keep it here"))]
        if ErrorDialog(self.window, message, "", actions).run() != "move":
            return
        if target.exists():
            diary_error_dialog(
                self.window,
                DiaryError(
                    _("There is already a diary at {target}; nothing was moved.").format(
                        target=target
                    ),
                    target,
                ),
            ).run()
            return
        self.at_exit()
        try:
            moved, _kept = move(self.diary, target)
        except DiaryError as exc:
            diary_error_dialog(self.window, exc).run()
            return
        moved.close()
        self.reopen(target)
