"""Shell polish driven through the real window: page menus and their shortcuts, opening a
search hit, the remembered diary, the language preference and dates under a "C" locale."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.backup.opening import open_diary_file
from app.persistence import entries as entries_repo
from app.services.demo import load_demo
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.diary_page import DiaryPage
from ui.pages.history_page import HistoryPage


@pytest.fixture
def demo_window(context: AppContext, build: Callable[[], MainWindow]) -> MainWindow:
    load_demo(context.diary)
    return build()


# -- opening a search hit -------------------------------------------------------------------


def _search(history: HistoryPage, text: str) -> None:
    history.search.setText(text)
    history.run_search()


def test_opening_an_entry_hit_shows_its_event_with_the_entry_selected(
    demo_window: MainWindow,
) -> None:
    history = demo_window.show_page("history")
    assert isinstance(history, HistoryPage)
    _search(history, "sponsor")
    entries = [
        (row, hit)
        for row in range(history.results.rowCount())
        if (hit := history.results.hit_at(row)) is not None and hit.entry_pk is not None
    ]
    assert len(entries) >= 2
    # Not the first hit, so an entry selected by default would not pass by chance.
    row, hit = entries[-1]
    history.list.activated.emit(history.results.index(row))
    diary = demo_window.tabs.currentWidget()
    assert isinstance(diary, DiaryPage)
    assert diary.current_event() == hit.event_pk
    selected = diary.capture.selected_entry()
    assert selected is not None and selected.pk == hit.entry_pk
    assert not hasattr(HistoryPage, "opening")


def test_opening_an_event_hit_shows_the_event(demo_window: MainWindow) -> None:
    history = demo_window.show_page("history")
    assert isinstance(history, HistoryPage)
    opened: list[tuple[int, ...]] = []
    history.entry_activated.connect(lambda *a: opened.append(a))
    _search(history, "workshop")
    rows = [
        row
        for row in range(history.results.rowCount())
        if (hit := history.results.hit_at(row)) is not None and hit.entry_pk is None
    ]
    assert rows, "the demonstration has workshops named in event titles"
    hit = history.results.hit_at(rows[-1])
    assert hit is not None
    history.list.activated.emit(history.results.index(rows[-1]))
    diary = demo_window.tabs.currentWidget()
    assert isinstance(diary, DiaryPage)
    assert diary.current_event() == hit.event_pk
    assert opened == []  # an event hit opens no entry


# -- the page menu and its keys -------------------------------------------------------------


def _shortcuts(window: MainWindow) -> list[tuple[str, str]]:
    """(key, command) of every enabled action with a key in the menu bar, submenus included."""
    found: list[tuple[str, str]] = []
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
            elif not action.shortcut().isEmpty():
                found.append((action.shortcut().toString(), action.text()))
    return found


def test_the_page_menu_lists_the_shown_page_commands_with_unique_keys(
    demo_window: MainWindow,
) -> None:
    titles = []
    for i, spec in enumerate(demo_window.page_specs):
        demo_window.tabs.setCurrentIndex(i)
        page = demo_window.tabs.currentWidget()
        menu = demo_window.page_menu
        titles.append(menu.title().replace("&", ""))
        commands = getattr(page, "menu_actions", lambda: [])()
        assert menu.actions() == commands
        assert menu.menuAction().isVisible() == bool(commands)
        keys = [key for key, _text in _shortcuts(demo_window)]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert duplicates == set(), f"{spec.key}: {duplicates}"
    assert titles == [spec.title() for spec in demo_window.page_specs]
    # Each page's commands were offered with their keys while it was shown.
    demo_window.show_page("diary")
    listed = dict((text, key) for key, text in _shortcuts(demo_window))
    assert listed["New event"] and listed["Make action"] == "Ctrl+Shift+A"
    demo_window.show_page("actions")
    listed = dict((text, key) for key, text in _shortcuts(demo_window))
    assert "New event" not in listed and listed["New action"] == "Ctrl+Shift+K"


def test_page_menu_titles_get_a_free_alt_key() -> None:
    from ui.main_window_menus import with_mnemonic

    assert with_mnemonic("History", ["&File", "&Help"]) == "H&istory"
    assert with_mnemonic("Diary", ["&File", "&Edit"]) == "&Diary"
    assert with_mnemonic("Toimintasuunnitelma", ["&Tiedosto", "&Ohje"]) == "To&imintasuunnitelma"


def test_the_new_event_key_works_in_the_diary_page(qtbot: QtBot, demo_window: MainWindow) -> None:
    demo_window.show()
    qtbot.waitExposed(demo_window)
    diary = demo_window.show_page("diary")
    assert isinstance(diary, DiaryPage)
    before = diary.events.rowCount()
    diary.list.setFocus()
    qtbot.waitUntil(diary.list.hasFocus)
    key = diary.new_act.shortcut()[0]
    qtbot.keyClick(diary.list, key.key(), key.keyboardModifiers())
    # Not shadowed by a window key with the same combination (Qt would do nothing at all):
    # the New event dialog opens, and Create adds the event.
    assert diary.new_dialog is not None and diary.new_dialog.isVisible()
    qtbot.mouseClick(diary.new_dialog.create_button, Qt.MouseButton.LeftButton)
    assert diary.events.rowCount() == before + 1


# -- the remembered diary -------------------------------------------------------------------


def _run_gui_once(
    monkeypatch: pytest.MonkeyPatch, path: Path | None, during: Callable[[MainWindow], None]
) -> list[str]:
    """Start the GUI as ``kumppani`` does, let ``during`` act on the window, then quit.

    Returns the window's diary path, its status-bar message and what message boxes said."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.application import run_gui
    from ui.dialogs.welcome_dialog import WelcomeDialog

    seen: list[str] = []

    def run_loop() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next(w for w in windows if w.isVisible())
        seen.append(str(window.context.diary.path))
        seen.append(window.statusBar().currentMessage())
        during(window)
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                w.close()
        return 0

    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append("box: " + box.text()) or 0)
    monkeypatch.setattr(QApplication, "exec", staticmethod(run_loop))
    assert run_gui(path) == 0
    return seen


def _nothing(window: MainWindow) -> None:
    pass


def test_a_diary_opened_from_the_file_menu_is_reopened_at_the_next_start(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from app.paths import default_diary_path

    monkeypatch.setenv("KUMPPANI_LANG", "en")
    chosen = tmp_path / "team" / "partners.sqlite3"
    chosen.parent.mkdir()
    open_diary_file(chosen, create=True).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen), ""))

    def open_from_menu(window: MainWindow) -> None:
        window.files.open_diary.trigger()

    first = _run_gui_once(monkeypatch, None, open_from_menu)
    assert first == [str(default_diary_path()), ""]
    # Started again without --db or KUMPPANI_DB: the chosen diary, not the default.
    assert _run_gui_once(monkeypatch, None, _nothing) == [str(chosen), ""]
    # --db and KUMPPANI_DB still win over the remembered diary.
    other = tmp_path / "other.sqlite3"
    assert _run_gui_once(monkeypatch, other, _nothing)[0] == str(other)
    monkeypatch.setenv("KUMPPANI_DB", str(other))
    assert _run_gui_once(monkeypatch, None, _nothing)[0] == str(other)
    monkeypatch.delenv("KUMPPANI_DB")
    assert _run_gui_once(monkeypatch, None, _nothing)[0] == str(chosen)


def test_a_remembered_diary_that_is_gone_falls_back_to_the_default_with_a_note(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from app.paths import default_diary_path

    monkeypatch.setenv("KUMPPANI_LANG", "en")
    new = tmp_path / "usb" / "diary.sqlite3"
    new.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new), ""))

    def new_from_menu(window: MainWindow) -> None:
        window.files.new_diary.trigger()

    _run_gui_once(monkeypatch, None, new_from_menu)
    assert _run_gui_once(monkeypatch, None, _nothing)[0] == str(new)
    for leftover in new.parent.iterdir():  # the drive is gone
        leftover.unlink()
    new.parent.rmdir()
    path, note, *boxes = _run_gui_once(monkeypatch, None, _nothing)
    assert path == str(default_diary_path())
    assert str(new) in note and "default diary" in note
    assert boxes == []  # a note in the status bar, never a message box
    assert not new.exists()
    # Said once: the next start opens the default diary quietly.
    assert _run_gui_once(monkeypatch, None, _nothing) == [str(default_diary_path()), ""]


# -- the language preference ----------------------------------------------------------------


def test_the_language_chosen_in_the_preferences_is_used_at_the_next_start(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.application import Launcher, ui_language
    from ui.dialogs.preferences_dialog import PreferencesDialog
    from ui.dialogs.welcome_dialog import WelcomeDialog

    monkeypatch.delenv("KUMPPANI_LANG", raising=False)
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: 0)
    launcher = Launcher(settings)
    assert launcher.open(tmp_path / "diary.sqlite3", create=True)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    shown: list[PreferencesDialog] = []

    def choose_finnish(dialog: PreferencesDialog) -> int:
        shown.append(dialog)
        assert dialog.language.currentText() == "English"  # the language in use now
        dialog.language.setCurrentIndex(dialog.language.findText("Suomi"))
        dialog._save()
        return int(dialog.result())

    monkeypatch.setattr(PreferencesDialog, "exec", choose_finnish)
    entry = next(a for a in window.file_menu.actions() if a.text() == "&Preferences…")
    entry.trigger()
    assert len(shown) == 1
    notes = [label.text() for label in shown[0].findChildren(QLabel)]
    assert "A new language is used the next time Kumppani starts." in notes
    assert ui_language(settings) == "fi"
    assert window.file_menu.title() == "&File"  # applied at the next start, not now
    window.close()
    launcher.close()
    # The dialog opened again shows the stored choice.
    again = PreferencesDialog(None, settings, tmp_path / "backups")
    qtbot.addWidget(again)
    assert again.language.currentData() == "fi"


# -- dates under a "C" system locale --------------------------------------------------------


def test_a_c_locale_falls_back_to_the_locale_of_the_interface_language() -> None:
    from datetime import date

    from PySide6.QtCore import QDate, QLocale

    from ui.application import default_locale
    from ui.models.look import locale_when
    from ui.style import short_date

    c = QLocale.c()
    assert default_locale("en", c).name() == "en_GB"
    assert default_locale("fi", c).name() == "fi_FI"
    # A real system locale is kept (a Finnish interface keeps Finnish dates).
    assert default_locale("en", QLocale("en_US")).name() == "en_US"
    assert default_locale("fi", QLocale("en_US")).name() == "fi_FI"
    before = QLocale()
    try:
        # What a "C" locale would show: day and month alike, no separators a reader knows.
        assert c.toString(QDate(2025, 12, 10), QLocale.FormatType.ShortFormat) == "10 12 2025"
        QLocale.setDefault(default_locale("en", c))
        assert short_date(date(2025, 12, 10)) == "10/12/2025"
        assert locale_when("2025-12-10T09:30") == "10/12/2025 09:30"
        QLocale.setDefault(default_locale("fi", c))
        assert short_date(date(2025, 12, 10)) == "10.12.2025"
        assert locale_when("2025-12-10") == "10.12.2025"
    finally:
        QLocale.setDefault(before)


def test_the_started_application_never_shows_c_locale_dates(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from PySide6.QtCore import QLocale

    from ui.style import short_date

    monkeypatch.setenv("KUMPPANI_LANG", "en")
    before = QLocale().name()
    shown: list[str] = []

    def look(window: MainWindow) -> None:
        shown.append(QLocale().name())
        shown.append(short_date(date(2025, 12, 10)))

    _run_gui_once(monkeypatch, tmp_path / "diary.sqlite3", look)
    assert shown[0] != "C"
    assert shown[1] not in ("10 12 2025", "2025-12-10")
    assert QLocale().name() == before  # put back when the application ends


# -- the window on a small screen -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_every_page_fits_a_1280_pixel_wide_screen(
    lang: str, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    from app.i18n import set_language
    from ui.application import make_application

    make_application()  # the application's style and fonts, as at a real start
    load_demo(context.diary)
    set_language(lang)
    try:
        window = build()
        for i in range(len(window.page_specs)):
            window.tabs.setCurrentIndex(i)  # builds the page: its minimum counts from now on
        # Long event titles and key hints wrap, filters take two rows: no page forces the
        # window wider than a common laptop screen.
        assert window.minimumSizeHint().width() <= 1280
    finally:
        set_language("en")


# -- Finnish month names on the date axis ---------------------------------------------------


def _axis_labels(qtbot: QtBot, axis: object, width: int) -> list[tuple[float, float, str]]:
    """(left, right, text) of every label the axis would draw over two years at ``width``."""
    from datetime import date

    import pyqtgraph as pg
    from PySide6.QtGui import QImage, QPainter

    from ui.widgets.commitment_plot import to_x

    widget = pg.PlotWidget(axisItems={"bottom": axis})
    qtbot.addWidget(widget)
    widget.resize(width, 300)
    widget.setXRange(to_x(date(2024, 1, 15)), to_x(date(2025, 12, 20)), padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    image = QImage(width, 300, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)  # type: ignore[attr-defined]
    finally:
        painter.end()
    return sorted((rect.left(), rect.right(), text) for rect, _flags, text in texts)


@pytest.mark.parametrize("width", [700, 1000])
def test_finnish_month_names_never_run_into_each_other(qtbot: QtBot, width: int) -> None:
    from app.i18n import set_language
    from ui.widgets.commitment_plot import LocalDateAxis, month_names

    set_language("fi")
    try:
        labels = _axis_labels(qtbot, LocalDateAxis(), width)
        finnish = set(month_names().values())
    finally:
        set_language("en")
    assert any(text in finnish for _l, _r, text in labels)  # months are still named
    # At least a space between neighbours: "helmi maalis", never "helmimaalis".
    for (_l1, right, first), (left, _r2, second) in pairwise(labels):
        assert left - right >= 8, f"{first!r} runs into {second!r}"


def test_small_multiples_keep_every_value_label_inside_its_panel(
    qtbot: QtBot, context: AppContext
) -> None:
    import pyqtgraph as pg

    from app.i18n import set_language
    from app.persistence.snapshots import load_snapshot
    from app.series import questionnaire_waves
    from ui.widgets.small_multiples import SmallMultiples

    pk = load_demo(context.diary)
    snapshot = load_snapshot(context.diary.db, pk)
    assert snapshot is not None
    set_language("fi")  # the longest dimension names
    try:
        widget = SmallMultiples()
        qtbot.addWidget(widget)
        widget.resize(1070, 240)  # as on the Commitment page of a 1366-pixel window
        widget.show()
        qtbot.waitExposed(widget)
        for wave in questionnaire_waves(snapshot):
            widget.set_wave(wave)
            qtbot.wait(10)
            plots = [i for i in widget.view.ci.items if isinstance(i, pg.PlotItem)]
            for plot in plots:
                edge = plot.sceneBoundingRect().right()
                for item in plot.items:
                    if isinstance(item, pg.TextItem):
                        right = item.mapRectToScene(item.boundingRect()).right()
                        assert right <= edge + 1, f"{item.toPlainText()!r} cut off"
    finally:
        set_language("en")


def test_the_event_form_shows_the_phase_in_force_uncut_in_finnish(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    from PySide6.QtGui import QFontMetrics

    from app.i18n import set_language

    load_demo(context.diary)
    set_language("fi")
    try:
        window = build()
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        diary = window.show_page("diary")
        assert isinstance(diary, DiaryPage)
        diary.show_details()
        phase = diary.form.phase
        qtbot.waitUntil(lambda: "voimassa" in phase.currentText())  # none set: the one in force
        text = QFontMetrics(phase.font()).horizontalAdvance(phase.currentText())
        assert phase.width() >= text + 24  # the text and the drop-down arrow
    finally:
        set_language("en")


def test_the_diary_menu_lists_the_typing_keys_of_live_capture(demo_window: MainWindow) -> None:
    from app.domain import EntryType, Tension

    diary = demo_window.show_page("diary")
    assert isinstance(diary, DiaryPage)
    submenus = {
        a.menu().objectName(): a.menu() for a in demo_window.page_menu.actions() if a.menu()
    }
    types, tensions = submenus["captureTypeMenu"], submenus["captureTensionMenu"]
    texts = [a.text() for a in types.actions()]
    assert len(texts) == 7 and texts[0] == "Idea\tCtrl+1"
    assert [t.split("\t")[1] for t in texts] == [f"Ctrl+{n}" for n in range(1, 8)]
    assert all(a.shortcut().isEmpty() for a in types.actions())  # listed, not registered
    obstacle = next(a for a in types.actions() if a.text().startswith("Obstacle\t"))
    obstacle.trigger()
    assert diary.capture.current_type() is EntryType.OBSTACLE
    roles = tensions.actions()[0]
    assert roles.text() == "Roles\tAlt+1"
    roles.trigger()
    diary.capture.field.setPlainText("Who owns this?")
    diary.capture.save_line()
    event = diary.current_event()
    assert event is not None
    last = entries_repo.list_entries(demo_window.context.diary.db, event)[-1]
    assert (last.text, last.type, list(last.tensions)) == (
        "Who owns this?",
        EntryType.OBSTACLE,
        [Tension.ROLES],
    )


def test_deleted_items_say_when_there_is_nothing(qtbot: QtBot, demo_window: MainWindow) -> None:
    from ui.pages.diary_page import DeletedItemsDialog

    diary = demo_window.show_page("diary")
    assert isinstance(diary, DiaryPage) and diary._partnership is not None
    dialog = DeletedItemsDialog(diary.editor, diary._partnership, diary)
    qtbot.addWidget(dialog)
    assert dialog.items.count() == 0 and not dialog.nothing.isHidden()
    diary.delete_event()
    dialog.reload()
    assert dialog.items.count() == 1 and dialog.nothing.isHidden()


def test_every_message_of_the_polish_has_finnish() -> None:
    import ast

    from app.i18n import catalogue

    root = Path(__file__).resolve().parents[1]
    finnish = catalogue("fi")
    missing = []
    for module in (
        "ui/application.py",
        "ui/main_window_menus.py",
        "ui/dialogs/preferences_dialog.py",
        "ui/widgets/capture_menu.py",
        "ui/safety.py",
    ):
        for node in ast.walk(ast.parse((root / module).read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value not in finnish
            ):
                missing.append(f"{module}: {node.args[0].value!r}")
    assert missing == []


def test_the_history_menu_opens_the_chosen_result(demo_window: MainWindow) -> None:
    history = demo_window.show_page("history")
    assert isinstance(history, HistoryPage)
    _search(history, "sponsor")
    hit = history.results.hit_at(2)
    assert hit is not None and hit.entry_pk is not None
    history.list.setCurrentIndex(history.results.index(2))
    listed = {a.text(): a for a in demo_window.page_menu.actions()}
    assert listed["Search the history"].shortcut().toString() == "Ctrl+F"
    listed["Open in the diary"].trigger()
    diary = demo_window.tabs.currentWidget()
    assert isinstance(diary, DiaryPage) and diary.current_event() == hit.event_pk
    selected = diary.capture.selected_entry()
    assert selected is not None and selected.pk == hit.entry_pk
