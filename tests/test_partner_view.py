"""Partner view: a projected window shows only what the partner report may show.

The demonstration partnership gets a private canary in every private place first (an entry, an
event purpose, a checklist note, a facilitator's rating, an action made from a private entry);
then partner view is walked page by page, event by event, with a search, the dialogs it offers
and the presentation, and every widget's text, tooltip, title and model data is searched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from partner_scan import texts
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.backup.opening import open_diary_file
from app.domain import (
    Action,
    ChecklistMark,
    Entry,
    EntryType,
    Visibility,
)
from app.i18n import set_language
from app.persistence import actions, entries, events, partnerships, records
from app.persistence.read.entries import list_entries
from app.persistence.shared import SharedView
from app.services.demo import load_demo
from app.services.warnings import review
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.partner.diary import PLACEHOLDER

CANARY = "CANARYq7z"
SHARED = "SharedSaunaPlanQ3"
RATING = (1.37, "1.37", "1,37")


@dataclass
class Planted:
    pk: int
    event: int
    warnings: list[str]


def _plant(context: AppContext) -> Planted:
    pk = load_demo(context.diary)
    db = context.diary.db
    evs = events.list_events(db, pk)
    past = [e for e in evs if e.day <= date.today()]
    target = past[-1]
    assert target.pk is not None
    facilitator = next(
        o for o in partnerships.list_organizations(db, pk) if o.role.value == "facilitator"
    )
    with context.diary.write() as w:
        private_pk = entries.insert_entry(
            w,
            pk,
            Entry(target.pk, EntryType.DECISION, f"{CANARY} entry sauna", Visibility.PRIVATE),
        )
        entries.insert_entry(
            w, pk, Entry(target.pk, EntryType.DECISION, f"{SHARED} sauna", Visibility.SHARED)
        )
        w.execute("UPDATE events SET purpose = ? WHERE pk = ?", [f"{CANARY} purpose", target.pk])
        records.upsert_checklist_mark(
            w, pk, ChecklistMark("sponsors-named", date(2025, 1, 5), note=f"{CANARY} check")
        )
        w.execute(
            "INSERT INTO ratings (event_pk, seq, organization_pk, dimension, value) "
            "VALUES (?, 99, ?, 'commitment', ?)",
            [target.pk, facilitator.pk, RATING[0]],
        )
        actions.insert_action(
            w, pk, Action(f"{CANARY} action", date(2025, 1, 6), source_entry=private_pk)
        )
    found = review(db, pk, date.today())
    assert found, "the demonstration raises warnings: their text must stay off the wall"
    warnings = [r.warning.message for r in found] + [r.warning.suggestion for r in found]
    return Planted(pk, target.pk, warnings)


def _assert_clean(window: QApplication | object, planted: Planted) -> str:
    shown = texts(window)  # type: ignore[arg-type]
    assert CANARY not in shown
    assert not [w for w in planted.warnings if w in shown]
    assert not [r for r in RATING[1:] if r in shown]
    return shown


@pytest.fixture(params=["en", "fi"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


def _enter(context: AppContext, build: Callable[[], MainWindow]) -> tuple[MainWindow, Planted]:
    planted = _plant(context)
    window = build()
    window.select_partnership(planted.pk)
    window.show_page("diary")  # a facilitator page with private notes is built and shown
    assert CANARY in texts(window)  # the scan sees private text when it is there
    window.partner.enter()
    return window, planted


@pytest.fixture
def partner_window(
    context: AppContext, build: Callable[[], MainWindow]
) -> tuple[MainWindow, Planted]:
    return _enter(context, build)


def test_partner_view_shows_nothing_private_anywhere(
    qtbot: QtBot, lang: str, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    window, planted = _enter(context, build)
    view = window.partner.view
    assert view is not None
    assert window.page("diary") is None  # no facilitator page is built in partner view
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        _assert_clean(window, planted)
    diary = view.diary
    view.tabs.setCurrentWidget(diary)
    shared_seen = False
    for row in range(diary.events.count()):
        diary.events.setCurrentRow(row)
        shared_seen = shared_seen or SHARED in texts(window)
        _assert_clean(window, planted)
    assert shared_seen  # shared entries are shown: the view is not simply empty
    qtbot.keyClicks(diary.search, "sauna")
    assert diary.results.count() == 1  # the shared line, not the private one
    result = _assert_clean(window, planted)
    assert SHARED in result
    window.partner.screen_added()  # already in partner view: nothing is offered
    assert window.partner.offer_box is None
    window.partner.ask_to_leave()
    assert window.partner.leave_box is not None
    _assert_clean(window, planted)
    window.partner.leave_box.reject()
    window.partner.present()
    show = window.partner.presentation
    assert show is not None
    for _step in range(len(show.slides)):
        _assert_clean(show, planted)
        qtbot.keyClick(show, Qt.Key.Key_Right)
    assert show.index == len(show.slides) - 1
    show.close()


def test_partner_view_has_no_facilitator_commands(
    partner_window: tuple[MainWindow, Planted],
) -> None:
    window, _planted = partner_window
    shown = {
        a.text().replace("&", "")
        for menu in (window.menuBar(),)
        for a in menu.actions()
        if a.isVisible()
    }
    assert window.edit_partnership_action.isVisible() is False
    assert window.report_action.isVisible() is False
    assert not window.undo_action.isVisible()
    assert "Partnership" not in shown
    assert not window.splitter.isVisibleTo(window)
    assert window.partner.view is not None
    assert window.partner.view.band.text() == "Partner view"


def test_a_private_entry_captured_in_partner_view_shows_only_a_placeholder(
    qtbot: QtBot, partner_window: tuple[MainWindow, Planted], context: AppContext
) -> None:
    window, planted = partner_window
    view = window.partner.view
    assert view is not None
    diary = view.diary
    view.tabs.setCurrentWidget(diary)
    event = diary.current_event()
    assert event is not None
    assert not diary.private.isChecked()  # entries default to shared
    diary.kind.setCurrentIndex(diary.kind.findData(EntryType.OBSTACLE))
    assert diary.private.shortcut().toString() == "Ctrl+Shift+K"
    diary.private.click()
    qtbot.keyClicks(diary.line, f"{CANARY} typed live")
    qtbot.keyClick(diary.line, Qt.Key.Key_Return)
    stored = [e for e in list_entries(context.diary.db, event) if "typed live" in e.text]
    assert [(e.visibility, e.type) for e in stored] == [(Visibility.PRIVATE, EntryType.OBSTACLE)]
    qtbot.waitUntil(lambda: diary.entries.count() > 0)
    lines = [diary.entries.item(i).text() for i in range(diary.entries.count())]
    assert lines[-1] == PLACEHOLDER
    _assert_clean(window, planted)
    # The next entry is shared again and shown as written.
    assert not diary.private.isChecked()
    qtbot.keyClicks(diary.line, "Shared after the private one")
    qtbot.keyClick(diary.line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(
            "Shared after the private one" in diary.entries.item(i).text()
            for i in range(diary.entries.count())
        )
    )
    lines = [diary.entries.item(i).text() for i in range(diary.entries.count())]
    assert lines.count(PLACEHOLDER) == 1  # the placeholder stays, still saying nothing
    _assert_clean(window, planted)


def test_leaving_partner_view_takes_a_confirmation_whose_default_is_to_stay(
    qtbot: QtBot, partner_window: tuple[MainWindow, Planted]
) -> None:
    window, _planted = partner_window
    window.partner.toggle.trigger()  # a stray click on the toolbar toggle
    assert window.context.partner.active
    assert window.partner.toggle.isChecked()
    box = window.partner.leave_box
    assert box is not None
    assert box.defaultButton() is box.escapeButton()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the default: stay
    assert window.context.partner.active
    assert window.page("diary") is None
    window.partner.toggle.trigger()
    box = window.partner.leave_box
    leave = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    leave.click()
    assert not window.context.partner.active
    assert window.partner.view is None
    assert window.page("diary") is not None  # the facilitator's pages come back
    assert window.splitter.isVisibleTo(window)


def test_a_connected_screen_offers_partner_view(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    pk = load_demo(context.diary)
    window = build()
    window.select_partnership(pk)
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.screenAdded.emit(app.primaryScreen())
    box = window.partner.offer_box
    assert box is not None
    assert not window.context.partner.active  # offered, not done
    box.defaultButton().click()
    assert window.context.partner.active
    assert window.partner.view is not None


def test_partner_view_without_a_partnership_still_shows_the_band(
    context: AppContext, build: Callable[[], MainWindow]
) -> None:
    window = build()
    window.partner.enter()
    shown = texts(window)
    assert "Partner view" in shown
    assert "No partnership is selected." in shown


def test_a_connected_screen_can_switch_by_itself(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    pk = load_demo(context.diary)
    window = build()
    window.select_partnership(pk)
    window.partner.auto_action.setChecked(True)
    assert build().partner.auto_action.isChecked()  # the setting is remembered
    window.partner.screen_added(None)
    assert window.context.partner.active
    assert window.partner.offer_box is None


def test_the_presentation_steps_with_the_arrow_keys_in_either_language(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    from ui.partner.presentation import Presentation

    pk = load_demo(context.diary)
    window = build()
    window.select_partnership(pk)
    source = window.partner.source(pk)
    fi = Presentation(source, "fi")
    en = Presentation(source, "en")
    qtbot.addWidget(fi)
    qtbot.addWidget(en)
    assert len(fi.slides) == len(en.slides) > 3
    qtbot.keyClick(en, Qt.Key.Key_Right)
    qtbot.keyClick(en, Qt.Key.Key_Right)
    qtbot.keyClick(en, Qt.Key.Key_Left)
    assert en.index == 1
    assert en.slides[-1].plot and en.slides[-1].title == "Commitment"
    assert fi.slides[-1].title == "Sitoutuminen"
    assert fi.windowTitle() != en.windowTitle()
    qtbot.keyClick(en, Qt.Key.Key_L)  # the presenter switches language on the same slide
    assert en.index == 1
    assert en.windowTitle() == fi.windowTitle()
    assert en.slides == fi.slides


def test_actions_made_from_a_private_entry_are_not_shared(context: AppContext) -> None:
    planted = _plant(context)
    shown = repr(SharedView(context.diary.db, planted.pk).actions())
    assert CANARY not in shown
    assert "action" in shown


def test_start_in_partner_view_from_the_command_line(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    from ui.application import Launcher
    from ui.cli import build_parser

    parser, _commands = build_parser()
    assert parser.parse_args(["--partner-view"]).partner_view
    path = tmp_path / "start.sqlite3"
    diary = open_diary_file(path, create=True)
    load_demo(diary)
    diary.close()
    launcher = Launcher(settings, partner_view=True)
    assert launcher.open(path)
    window = launcher.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.context.partner.active
    # The backup and restore commands the launcher adds are hidden too: only Quit is left.
    left = [a for a in window.file_menu.actions() if a.isVisible() and not a.isSeparator()]
    assert [a.menuRole() for a in left] == [QAction.MenuRole.QuitRole]
    qtbot.waitUntil(lambda: window.partner.view is not None)
    launcher.close()


def test_names_are_hidden_in_partner_view_when_the_facilitator_chooses(
    partner_window: tuple[MainWindow, Planted], context: AppContext
) -> None:
    window, _planted = partner_window
    people = [p.name for p in partnerships.list_people(context.diary.db, window.current_pk or 0)]
    view = window.partner.view
    assert view is not None
    view.tabs.setCurrentWidget(view.action_table)
    assert any(name in texts(window) for name in people)  # shown by name by default
    window.partner.hide_names_action.setChecked(True)
    hidden = window.partner.view
    assert hidden is not None and hidden is not view
    for i in range(hidden.tabs.count()):
        hidden.tabs.setCurrentIndex(i)
        shown = texts(window)
        assert [name for name in people if name in shown] == []
    assert build_settings_flag(context)


def build_settings_flag(context: AppContext) -> bool:
    from ui.partner.mode import hide_names

    return hide_names(context.settings)  # remembered for the next meeting


def test_the_partner_plot_names_months_in_the_chosen_language() -> None:
    from ui.partner.plot import date_ticks

    years, months = date_ticks([date(2024, 1, 15), date(2025, 5, 2)], "fi")
    assert [label for _x, label in years] == ["2025"]
    assert [label for _x, label in months] == ["huhti 2024", "heinä", "loka", "huhti"]
    assert date_ticks([date(2024, 1, 15), date(2024, 8, 2)], "en")[1][0][1] == "Apr 2024"
