"""The composition root of the desktop application.

``run_gui(path)`` creates the QApplication (name, style, palette, icon, translations), opens the
diary (``path``, else ``KUMPPANI_DB``, else the diary last chosen with File ▸ Open/New diary,
else the default one), builds the ``AppContext`` and the main window, and on an empty diary
offers the welcome dialog. ``build_main_window(context)`` builds the window without running the event loop, for
tests and the benchmark. Nothing heavy is imported here: report and plotting code load when
first used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.backup.opening import open_diary_file
from app.i18n import _, set_language
from app.persistence.errors import DiaryError
from app.services.undo import UndoStack
from ui.context import AppContext
from ui.gc_timer import SafeGarbageCollector
from ui.main_window import MainWindow
from ui.settings import LANGUAGE, LAST_DIARY
from ui.style import app_icon, apply_style

ORGANIZATION = "Kumppani"
APPLICATION = "Kumppani"


def ui_language(settings: QSettings) -> str:
    """``KUMPPANI_LANG``, else the language chosen in settings, else the system's (fi or en)."""
    chosen = os.environ.get("KUMPPANI_LANG") or LANGUAGE.read(settings)
    if chosen in ("en", "fi"):
        return str(chosen)
    return "fi" if QLocale.system().language() == QLocale.Language.Finnish else "en"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with Kumppani's name, look and icon (reuses one that exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("kumppani")
    apply_style(app)
    app.setWindowIcon(app_icon())
    return app


def install_qt_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Qt's own texts (standard buttons, file dialogs) in the UI language."""
    translators: list[QTranslator] = []
    if lang == "en":
        return translators
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        translator = QTranslator(app)
        if translator.load(f"{name}_{lang}", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def default_locale(lang: str, system: QLocale) -> QLocale:
    """The locale dates and numbers are shown in, for the interface language ``lang``.

    The system's, except where it would not fit: a Finnish interface writes Finnish dates, and
    a "C"/POSIX system locale (no locale configured, as on some Linux set-ups and the offscreen
    platform) would show dates as "10 12 2025", so English falls back to British English.
    """
    if lang == "fi":
        return system if system.language() == QLocale.Language.Finnish else QLocale("fi_FI")
    if system.language() == QLocale.Language.C:
        return QLocale("en_GB")
    return system


def build_main_window(context: AppContext, *, select_after_paint: bool = False) -> MainWindow:
    """The main window on ``context``, built but not shown (no event loop is started).

    ``select_after_paint``: the last partnership is selected only after the window's first
    paint, so start-up shows the window at once (the launcher uses it; tests need not).
    """
    return MainWindow(context, select_after_paint=select_after_paint)


def open_context(path: Path, settings: QSettings, *, create: bool) -> AppContext:
    """Open the diary at ``path`` and wrap it with its undo history and the settings."""
    diary = open_diary_file(path, create=create)
    return AppContext(diary=diary, undo=UndoStack(diary), settings=settings)


def choose_diary(explicit: Path | None, settings: QSettings) -> tuple[Path, str | None]:
    """The diary to open at start, and a note for the status bar when the plan changed.

    ``--db`` and ``KUMPPANI_DB`` win; then the diary last chosen in the File menu. A remembered
    file that is gone (moved, or on a drive not plugged in) is forgotten and the default diary
    opens instead: the note says so, without a message box in the way of the start.
    """
    from app.paths import default_diary_path

    if explicit is not None:
        return explicit, None
    path = LAST_DIARY.read(settings)
    if os.environ.get("KUMPPANI_DB") or path is None:
        return default_diary_path(), None
    if path.is_file():
        return path, None
    LAST_DIARY.forget(settings)
    note = _(
        "The diary used last, {path}, was not found, so the default diary is open. "
        "Use File ▸ Open diary… to open another one."
    ).format(path=path)
    return default_diary_path(), note


class Launcher:
    """Keeps the one open window and its diary, and switches to another diary on request."""

    def __init__(
        self, settings: QSettings, *, welcome: bool = True, partner_view: bool = False
    ) -> None:
        self.settings = settings
        self.welcome = welcome  # offer the welcome dialog on an empty diary
        self.window: MainWindow | None = None
        self.partner_view = partner_view  # the first window starts in partner view

    def open(self, path: str | Path, create: bool = False) -> bool:
        from ui.safety import SafetyGuard, recover_from_open_error

        try:
            context = open_context(Path(path), self.settings, create=create)
        except DiaryError as exc:
            # A damaged diary offers its newest backup; after a restore, open it again.
            if recover_from_open_error(self.window, exc, self.settings):
                return self.open(path, create)
            return False
        window = build_main_window(context, select_after_paint=True)
        window.diary_requested.connect(self.switch)
        old = self.window
        self.window = window
        window.safety = SafetyGuard(window, context.diary, self.settings, self.open)
        window.safety.add_to_menu(window.file_menu)
        if self.partner_view:
            # Before it is shown (nothing private is ever painted) and after every menu is made.
            window.partner.enter()
            self.partner_view = False
        window.show()
        if old is not None:
            old.safety.at_exit()
            old.close()
            old.context.diary.close()
            old.deleteLater()
        window.safety.start()  # backup if the newest is a day old; warn about sync folders
        if self.welcome:
            offer_welcome(window)
        return True

    def switch(self, path: str, create: bool = False) -> bool:
        """Open the diary the user chose in the File menu, and remember it for the next start."""
        opened = self.open(path, create)
        if opened:
            LAST_DIARY.write(self.settings, Path(path).resolve())
            self.settings.sync()
        return opened

    def damage(self) -> DiaryError | None:
        """The open diary's damage found by its full check, naming the backup; or None."""
        from app.persistence.errors import DamagedDiary

        if self.window is None or self.window.context.diary.closed:
            return None
        try:
            # The full check, once per session (it names the backup); a damaged value on disk
            # read later was there when it ran.
            self.window.context.diary.verify()
        except DamagedDiary as exc:
            return exc
        return None

    def close(self) -> None:
        if self.window is not None:
            self.window.safety.at_exit()  # a backup at a clean exit if anything changed
            self.window.context.diary.close()


def offer_welcome(window: MainWindow) -> None:
    """On an empty diary, offer the demonstration partnership or a new partnership."""
    if window.model.rowCount() > 0:
        return
    from ui.dialogs.welcome_dialog import WelcomeChoice, WelcomeDialog

    dialog = WelcomeDialog(window)
    dialog.exec()
    if dialog.choice is WelcomeChoice.DEMO:
        load_demonstration(window)
    elif dialog.choice is WelcomeChoice.NEW:
        window.new_partnership()


def load_demonstration(window: MainWindow) -> int | None:
    """Add the demonstration partnership to the window's diary and select it."""
    from app.services.demo import load_demo

    try:
        pk = load_demo(window.context.diary)
    except DiaryError as exc:
        from ui.dialogs.error_dialog import show_diary_error

        show_diary_error(window, exc)
        return None
    except ValueError as exc:  # the shipped file is damaged: say so, change nothing
        _inform(window, str(exc))
        return None
    window.select_partnership(pk)
    return pk


def _inform(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Kumppani"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    box.exec()


def run_gui(
    path: Path | None = None, *, partner_view: bool = False, smoke_test: bool = False
) -> int:
    """Start the desktop application on the diary at ``path`` (None: see ``choose_diary``);
    a missing diary file is created. ``partner_view``: start in partner view. ``smoke_test``:
    quit at the first paint (``ui.smoke_test``).
    """
    app = make_application()
    settings = QSettings()
    lang = ui_language(settings)
    set_language(lang)
    install_qt_translations(app, lang)
    previous_locale = QLocale()
    QLocale.setDefault(default_locale(lang, QLocale.system()))
    collector = SafeGarbageCollector(app)
    try:
        return _run(app, settings, path, partner_view=partner_view, smoke_test=smoke_test)
    finally:
        # The process is left as it was found (it may start the GUI again, as tests do).
        collector.stop()
        collector.deleteLater()
        QLocale.setDefault(previous_locale)


def _run(
    app: QApplication,
    settings: QSettings,
    path: Path | None,
    *,
    partner_view: bool,
    smoke_test: bool,
) -> int:
    from ui.smoke_test import SmokeTest

    path, note = choose_diary(path, settings)
    smoke = SmokeTest(app) if smoke_test else None
    launcher = Launcher(settings, welcome=smoke is None, partner_view=partner_view)
    if not launcher.open(path, create=True) or launcher.window is None:
        return 1
    if note:
        launcher.window.statusBar().showMessage(note, 30000)
    from ui.widgets.checklist_panel import check_templates

    check_templates(launcher.window)  # a damaged checklist file: a clear message at start
    from app.paths import data_dir
    from ui.dialogs.error_dialog import install_excepthook

    # Unexpected errors: a dialog with a copyable report and a log file, never a traceback.
    previous_hook = sys.excepthook
    install_excepthook(lambda: data_dir() / "logs", launcher.damage)
    try:
        return smoke.run(app) if smoke is not None else app.exec()
    finally:
        sys.excepthook = previous_hook
        launcher.close()
