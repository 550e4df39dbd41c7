"""The one dialog for problems: what happened, whether the data is safe, what to do, details.

``ErrorDialog`` shows the message as plain text, the actions as buttons (the caller names them:
Restore, Open data folder, Retry, ...), and the technical part — error name, path, version,
traceback — behind a "Details" button, with "Copy report". ``install_excepthook`` routes every
unexpected exception of the running application here and into a log file in the data folder,
so the user never sees a traceback as the main text and whatever they were typing stays put.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from app.i18n import _
from app.persistence.errors import DiaryError
from app.safety.crashlog import format_report, write_log
from app.version import version


class ErrorDialog(QMessageBox):
    """A problem, explained. ``run()`` shows it and returns the key of the action chosen.

    A ``QMessageBox`` underneath: the message is plain text, the details sit behind Qt's own
    (translated) Details button, and every button is a real push button a test can find.
    """

    def __init__(
        self,
        parent: QWidget | None,
        message: str,
        details: str = "",
        actions: Sequence[tuple[str, str]] = (),
        *,
        critical: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Kumppani"))
        self.setObjectName("errorDialog")
        self.setIcon(QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Warning)
        # Messages carry paths and user text: never interpret them as markup.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(message)
        self.details_text = details
        if details:
            self.setDetailedText(details)
        self.action_buttons: dict[str, QPushButton] = {}
        for key, label in actions:
            self.action_buttons[key] = self.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        self.copy_button: QPushButton | None = None
        if details:
            self.copy_button = self.addButton(_("Copy report"), QMessageBox.ButtonRole.ActionRole)
            self.copy_button.clicked.connect(self.copy_report)
        close = self.addButton(_("Close"), QMessageBox.ButtonRole.RejectRole)
        self.setEscapeButton(close)
        if not actions:
            self.setDefaultButton(close)

    def run(self) -> str | None:
        """Show the dialog; the key of the action button pressed, or None."""
        self.exec()
        clicked = self.clickedButton()
        for key, button in self.action_buttons.items():
            if button is clicked:
                return key
        return None

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.text() + "\n\n" + self.details_text)


def diary_error_details(exc: DiaryError) -> str:
    """The technical part of a diary error: its name, the path, the program version."""
    lines = [f"{type(exc).__name__}", f"Kumppani {version()}"]
    if exc.path is not None:
        lines.append(str(exc.path))
    if exc.details:
        lines.append(exc.details)
    return "\n".join(lines)


def diary_error_dialog(
    parent: QWidget | None, exc: DiaryError, actions: Sequence[tuple[str, str]] = ()
) -> ErrorDialog:
    return ErrorDialog(parent, exc.message, diary_error_details(exc), actions)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def unexpected_error_dialog(parent: QWidget | None, report: str, log: Path | None) -> ErrorDialog:
    where = (
        _("The details were written to {log}.").format(log=log)
        if log
        else _("The details could not be written to a log file.")
    )
    message = (
        _(
            "Something unexpected went wrong in Kumppani. Everything saved before it is safe "
            "in the diary, and the text you were typing is still in its field. Save your work "
            "again; if this keeps happening, copy the report and send it to the developers."
        )
        + " "
        + where
    )
    return ErrorDialog(parent, message, report, critical=True)


Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(
    log_folder: Callable[[], Path], damage: Callable[[], DiaryError | None] | None = None
) -> Hook:
    """Route unexpected exceptions to the error dialog and a log file; returns the hook.

    ``damage`` checks the open diary: an unexpected error caused by a value damaged on disk is
    explained as damage (with the backup that holds the data), not as a bug."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt) or showing:
            sys.__excepthook__(exc_type, exc, tb)
            return
        showing = True
        try:
            parent = QApplication.activeWindow()
            if isinstance(exc, DiaryError):
                diary_error_dialog(parent, exc).run()
                return
            found = _damage_or_none(damage)
            if found is not None:
                diary_error_dialog(parent, found).run()
                return
            report = format_report(exc_type, exc, tb)
            try:
                log: Path | None = write_log(log_folder(), report)
            except OSError:
                log = None
            sys.__excepthook__(exc_type, exc, tb)
            unexpected_error_dialog(parent, report, log).run()
        finally:
            showing = False

    sys.excepthook = hook
    return hook


def _damage_or_none(damage: Callable[[], DiaryError | None] | None) -> DiaryError | None:
    if damage is None:
        return None
    try:
        return damage()
    except Exception:  # the check itself failed: report the original error as it is
        return None


def show_diary_error(parent: QWidget | None, exc: DiaryError) -> None:
    """A diary problem explained: the message, the technical part behind Details."""
    diary_error_dialog(parent, exc).run()
