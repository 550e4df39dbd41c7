"""The desktop shell driven through real widgets: main window, overview, menus, settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.backup.opening import open_diary_file
from app.domain import Phase, PhaseMove, Role
from app.domain.labels import phase_name
from app.i18n import set_language
from app.persistence import actions as action_rows
from app.persistence import events as event_rows
from app.persistence import partnerships as partnership_rows
from app.persistence.diary import Diary
from app.services.command import Command
from app.services.demo import load_demo
from app.services.partnerships import OrganizationDraft, PartnershipDraft, create_partnership
from ui.application import (
    Launcher,
    install_qt_translations,
    offer_welcome,
    run_gui,
)
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.style import short_date
from ui.widgets.partnership_list import PK_ROLE
from ui.widgets.phase_timeline import PhaseTimeline, phase_bands


@pytest.fixture
def window(build: Callable[[], MainWindow]) -> MainWindow:
    return build()


def _add(diary: Diary, name: str) -> int:
    draft = PartnershipDraft(
        name, date(2024, 1, 1), organizations=[OrganizationDraft("A", Role.CUSTOMER)]
    )
    return create_partnership(diary, draft)


def _list_names(win: MainWindow) -> list[str]:
    return [str(win.model.index(r).data()) for r in range(win.model.rowCount())]


def test_main_window_shows_the_demonstration_partnership(
    context: AppContext, build: Callable[[], MainWindow]
) -> None:
    pk = load_demo(context.diary)
    win = build()
    stored = partnership_rows.get_partnership(context.diary.db, pk)
    assert stored is not None

    assert _list_names(win) == [stored.name]
    assert win.current_pk == pk
    page = win.page("overview")
    assert page is not None
    assert page.name_label.text() == stored.name
    phase = stored.phase_on(date.today())
    assert phase is not None
    assert page.phase_chip.text() == phase_name(phase)

    today = date.today()
    events = [e for e in event_rows.list_events(context.diary.db, pk) if e.day <= today]
    actions = action_rows.list_actions(context.diary.db, pk)
    assert page.events_stat.value_label.text() == str(len(events))
    assert page.open_stat.value_label.text() == str(sum(a.is_open_on(today) for a in actions))
    assert page.overdue_stat.value_label.text() == str(sum(a.is_overdue_on(today) for a in actions))
    newest = max(events, key=lambda e: (e.when, e.pk or 0))
    assert page.latest.topLevelItem(0).text(2) == newest.title
    assert [b.phase for b in page.timeline.bands()] == [m.phase for m in stored.phases]
    assert win.windowTitle().startswith(stored.name)


def test_only_the_overview_is_built_at_start(window: MainWindow) -> None:
    assert list(window._pages) == [0]
    assert window.tabs.tabText(0) == "Overview"


def test_user_text_is_shown_literally(context: AppContext, build: Callable[[], MainWindow]) -> None:
    _add(context.diary, "<b>Bold</b> & co")
    win = build()
    page = win.page("overview")
    assert page is not None
    assert page.name_label.text() == "<b>Bold</b> & co"
    assert page.name_label.textFormat().name == "PlainText"


def test_list_and_overview_follow_writes(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("overview")
    assert page is not None
    assert page.content.isHidden()  # empty diary: the empty state
    pk = _add(window.context.diary, "Zeta")
    qtbot.waitUntil(lambda: _list_names(window) == ["Zeta"])
    window.select_partnership(pk)
    assert page.name_label.text() == "Zeta"
    with window.context.diary.write() as db:
        partnership_rows.add_phase(db, pk, PhaseMove(Phase.COMMITMENT, date(2024, 3, 1)))
    qtbot.waitUntil(lambda: page.phase_chip.text() == phase_name(Phase.COMMITMENT))
    assert window.saved_label.text().startswith("All changes saved")


def test_undo_and_redo_are_labelled_from_the_undo_stack(window: MainWindow) -> None:
    done: list[str] = []
    assert not window.undo_action.isEnabled()
    window.context.undo.push(
        Command("delete entry", lambda: done.append("redo"), lambda: done.append("undo"))
    )
    assert window.undo_action.text() == "&Undo delete entry"
    assert window.undo_action.isEnabled()
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    window.undo_action.trigger()
    assert done == ["redo", "undo"]
    assert window.redo_action.text() == "&Redo delete entry"
    assert window.redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    assert window.undo_action.text() == "&Undo" and not window.undo_action.isEnabled()
    window.redo_action.trigger()
    assert done == ["redo", "undo", "redo"]


def test_geometry_splitter_and_last_partnership_are_remembered(
    context: AppContext, build: Callable[[], MainWindow]
) -> None:
    _add(context.diary, "Alpha")
    second = _add(context.diary, "Beta")
    first_window = build()
    assert first_window.current_pk != second
    first_window.select_partnership(second)
    first_window.show()
    first_window.resize(700, 500)
    first_window.splitter.setSizes([260, 440])
    sizes = first_window.splitter.sizes()
    first_window.close()

    again = build()
    again.show()
    assert again.current_pk == second
    assert again.list_view.currentIndex().data(PK_ROLE) == second
    assert (again.width(), again.height()) == (700, 500)
    assert again.splitter.sizes() == sizes


def test_welcome_loads_the_demonstration_on_an_empty_diary(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.welcome_dialog import WelcomeDialog

    def choose_demo(dialog: WelcomeDialog) -> int:
        dialog.demo_button.click()
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", choose_demo)
    offer_welcome(window)
    assert window.model.rowCount() == 1
    assert window.current_pk is not None
    assert "demo" in window.page("overview").name_label.text()  # type: ignore[union-attr]

    asked: list[bool] = []
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: asked.append(True) or 0)
    offer_welcome(window)  # not empty any more: nothing is offered
    assert asked == []


def test_a_file_that_is_not_a_diary_gives_a_message_not_a_traceback(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("just some text, not a database\n" * 50)
    before = bogus.read_bytes()
    launcher = Launcher(settings)
    assert launcher.open(bogus) is False
    assert launcher.window is None
    assert len(shown) == 1
    assert "is not a Kumppani diary" in shown[0][0]
    assert bogus.read_bytes() == before


def test_phase_bands_end_where_the_next_phase_starts() -> None:
    moves = [
        PhaseMove(Phase.NEGOTIATION, date(2024, 1, 1)),
        PhaseMove(Phase.COMMITMENT, date(2024, 3, 1), note="agreed"),
        PhaseMove(Phase.EXECUTION, date(2025, 1, 1)),
    ]
    bands = phase_bands(moves, date(2024, 6, 1))
    assert [(b.phase, b.start, b.end) for b in bands] == [
        (Phase.NEGOTIATION, date(2024, 1, 1), date(2024, 3, 1)),
        (Phase.COMMITMENT, date(2024, 3, 1), date(2024, 6, 1)),
    ]
    assert bands[1].note == "agreed"


def test_finnish_interface_with_qt_standard_texts(
    qtbot: QtBot, qapp: QApplication, build: Callable[[], MainWindow]
) -> None:
    before = QLocale()
    set_language("fi")
    translators = install_qt_translations(qapp, "fi")
    try:
        assert translators, "qtbase_fi ships with PySide6"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Peru"
        win = build()
        assert [a.text() for a in win.menuBar().actions()][:2] == ["&Tiedosto", "&Muokkaa"]
        assert win.tabs.tabText(0) == "Yleiskuva"
        assert win.new_partnership_action.text() == "&Uusi kumppanuus…"
    finally:
        set_language("en")
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_run_gui_opens_the_diary_and_offers_the_welcome(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.welcome_dialog import WelcomeDialog

    seen: dict[str, object] = {}

    def run_loop() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        visible = [w for w in windows if w.isVisible()]
        seen["title"] = visible[0].windowTitle()
        seen["icon"] = not qapp.windowIcon().isNull()
        for window in visible:
            window.close()
        return 0

    monkeypatch.setenv("KUMPPANI_LANG", "en")
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: seen.setdefault("welcome", True) and 0)
    monkeypatch.setattr(QApplication, "exec", staticmethod(run_loop))
    path = tmp_path / "new" / "diary.sqlite3"
    assert run_gui(path) == 0
    assert path.exists()  # a missing diary is created
    assert seen == {"welcome": True, "title": "diary.sqlite3 — Kumppani", "icon": True}


def test_run_gui_on_a_damaged_file_says_so_and_returns_an_error(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: pytest.fail("no event loop")))
    bogus = tmp_path / "diary.sqlite3"
    bogus.write_bytes(b"\x00" * 4096)
    assert run_gui(bogus) == 1
    assert len(shown) == 1 and str(bogus) in shown[0]


def test_new_diary_from_the_file_menu_switches_windows_and_closes_the_old_diary(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.welcome_dialog import WelcomeDialog

    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: 0)
    first_path, second_path = tmp_path / "one.sqlite3", tmp_path / "two.sqlite3"
    launcher = Launcher(settings)
    assert launcher.open(first_path, create=True)
    first = launcher.window
    assert first is not None
    qtbot.addWidget(first)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(second_path), ""))
    first.files.new_diary.trigger()
    second = launcher.window
    assert second is not None and second is not first
    qtbot.addWidget(second)
    assert second.context.diary.path == second_path and second_path.exists()
    assert not first.isVisible()
    # The first diary was closed and unlocked: it opens again at once.
    open_diary_file(first_path).close()
    second.close()
    launcher.close()


def test_dates_follow_the_locale_with_a_four_digit_year() -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("fi_FI"))
        assert short_date(date(2024, 1, 5)) == "5.1.2024"
        QLocale.setDefault(QLocale("en_US"))
        assert short_date(date(2024, 1, 5)) == "1/5/2024"
    finally:
        QLocale.setDefault(before)


def test_timeline_widget_labels_its_bands(qtbot: QtBot) -> None:
    timeline = PhaseTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(400, timeline.sizeHint().height())
    moves = [
        PhaseMove(Phase.NEGOTIATION, date(2024, 1, 1)),
        PhaseMove(Phase.COMMITMENT, date(2024, 7, 1)),
    ]
    timeline.set_history(moves, date(2024, 1, 1), date(2025, 1, 1), today=date(2024, 9, 1))
    assert "Negotiation" in timeline.accessibleDescription()
    assert "Commitment" in timeline.accessibleDescription()
    first = timeline.band_at(10)
    last = timeline.band_at(390)
    assert first is not None and first.phase is Phase.NEGOTIATION
    assert last is not None and last.phase is Phase.COMMITMENT
    image = timeline.grab().toImage()  # paints without error
    assert image.width() == 400


def test_a_failing_undo_is_explained_with_details(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.persistence.errors import DiskFull

    def full() -> None:
        raise DiskFull(window.context.diary.path, "SQLITE_FULL")

    window.context.undo.push(Command("delete entry", lambda: None, full))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())) or 0
    )
    window.undo_action.trigger()
    assert len(shown) == 1
    assert shown[0][0].startswith("The disk is full")
    assert "SQLITE_FULL" in shown[0][1]
    # The menu says what the history holds now, whatever the failed step left in it.
    left = window.context.undo.undo_text
    assert window.undo_action.text() == (f"&Undo {left}" if left else "&Undo")
    assert window.undo_action.isEnabled() == (left is not None)


SHELL_MODULES = [
    "ui/application.py",
    "ui/main_window.py",
    "ui/main_window_files.py",
    "ui/main_window_menus.py",
    "ui/pages/overview.py",
    "ui/widgets/phase_timeline.py",
    "ui/widgets/partnership_list.py",
    "ui/dialogs/partnership_dialog.py",
    "ui/dialogs/organization_editor.py",
    "ui/dialogs/welcome_dialog.py",
    "ui/style.py",
    "app/services/partnerships.py",
]


def test_every_shell_message_has_a_finnish_translation() -> None:
    import ast

    from app.i18n import catalogue

    root = Path(__file__).resolve().parents[1]
    finnish = catalogue("fi")
    missing = []
    for module in SHELL_MODULES:
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


def test_switching_partnerships_leaves_no_organization_of_the_previous_one(
    context: AppContext, build: Callable[[], MainWindow]
) -> None:
    from PySide6.QtWidgets import QLabel

    first = create_partnership(
        context.diary,
        PartnershipDraft(
            "First", date(2024, 1, 1), organizations=[OrganizationDraft("Old Org", Role.CUSTOMER)]
        ),
    )
    second = _add(context.diary, "Second")
    win = build()
    win.select_partnership(first)
    page = win.page("overview")
    assert page is not None
    win.select_partnership(second)
    shown = [
        label.text()
        for label in page.organizations_card.findChildren(QLabel)
        if not label.isHidden() and not label.parentWidget().isHidden()
    ]
    assert "Old Org" not in shown
    assert "A" in shown


def test_welcome_can_start_a_new_partnership(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.partnership_dialog import PartnershipDialog
    from ui.dialogs.welcome_dialog import WelcomeDialog

    def choose_new(dialog: WelcomeDialog) -> int:
        dialog.new_button.click()
        return 1

    def fill(dialog: PartnershipDialog) -> int:
        dialog.name.setText("Our own")
        dialog.editors[0].name.setText("Acme")
        dialog.editors[1].name.setText("Terveys")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(WelcomeDialog, "exec", choose_new)
    monkeypatch.setattr(PartnershipDialog, "exec", fill)
    offer_welcome(window)
    assert _list_names(window) == ["Our own"]
    assert window.current_pk is not None
