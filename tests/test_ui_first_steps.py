"""What a new user meets in the first minutes, driven through the real widgets (issue 16)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain import Dimension, Phase, Role
from app.domain.labels import phase_name
from app.persistence import events, partnerships
from app.services.demo import load_demo
from app.services.partnerships import OrganizationDraft, PartnershipDraft, create_partnership
from ui.context import AppContext
from ui.dialogs.partnership_dialog import PartnershipDialog
from ui.dialogs.phase_dialog import PhaseDialog
from ui.dialogs.responses_import_dialog import ResponsesImportDialog
from ui.main_window import MainWindow
from ui.pages import page_specs
from ui.pages.diary_page import DiaryPage
from ui.pages.overview import OverviewPage
from ui.style import short_date
from ui.widgets.checklist_panel import ChecklistPanel
from ui.widgets.phase_timeline import PhaseTimeline
from ui.widgets.warnings_panel import WarningsPanel


def _created_today(context: AppContext, name: str = "Started today") -> int:
    draft = PartnershipDraft(
        name=name,
        started_on=date.today(),
        organizations=[
            OrganizationDraft("Tukku Oy", Role.CUSTOMER),
            OrganizationDraft("Työterveys Ab", Role.PROVIDER),
        ],
    )
    return create_partnership(context.diary, draft)


# -- item 13: the phase change of a partnership created today takes effect today ---------------


def test_a_phase_change_defaults_to_today_and_the_badge_shows_it(
    qtbot: QtBot,
    context: AppContext,
    build: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.dialogs import phase_dialog

    pk = _created_today(context)
    win = build()
    win.select_partnership(pk)
    page = win.show_page("overview")
    assert isinstance(page, OverviewPage)
    assert page.phase_chip.text() == phase_name(Phase.NEGOTIATION)
    proposed: list[date] = []

    def accept_as_proposed(dialog: PhaseDialog) -> int:
        proposed.append(dialog.day.date() or date.min)
        dialog.confirm.setChecked(True)  # the new partnership's checklist is all open
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(phase_dialog.PhaseDialog, "exec", accept_as_proposed)
    page.findChild(ChecklistPanel).phase_button.click()
    assert proposed == [date.today()]
    moves = partnerships.list_phases(context.diary.db, pk)
    assert [(m.phase, m.from_on) for m in moves][-1] == (Phase.COMMITMENT, date.today())
    qtbot.waitUntil(lambda: page.phase_chip.text() == phase_name(Phase.COMMITMENT), timeout=2000)


def test_the_proposed_day_is_never_before_the_latest_move(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = _created_today(context)
    dialog = PhaseDialog(context, pk, date(2020, 1, 1))  # an overview shown as of long ago
    qtbot.addWidget(dialog)
    assert dialog.day.date() == date.today()


# -- item 14: no error before the user has typed anything ------------------------------------


def test_new_partnership_and_add_person_say_nothing_wrong_before_typing(
    qtbot: QtBot, context: AppContext
) -> None:
    dialog = PartnershipDialog(context.diary)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.summary.text() == "Still to fill in: Name"  # a step, not a mistake
    assert not dialog.ok_button.isEnabled()
    customer = dialog.editors[0]
    qtbot.mouseClick(customer.findChild(QPushButton, "addPersonButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: customer.table.isAncestorOf(QApplication.focusWidget()))
    editing = QApplication.focusWidget()
    assert customer.people_error.isHidden() and "must" not in dialog.summary.text()
    # Leaving the name empty is a mistake the user can now see, at the row and below.
    qtbot.keyClick(editing, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not customer.people_error.isHidden())
    assert "Person 1, name: must not be empty" in customer.people_error.text()
    customer.name.setText("Tukku Oy")
    assert dialog.summary.text().startswith("Organization 1, person 1")


def test_the_typed_answers_tab_does_not_talk_about_a_file(
    qtbot: QtBot, context: AppContext
) -> None:
    pk = load_demo(context.diary)
    dialog = ResponsesImportDialog(context.diary, pk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.grid)
    assert "file" not in dialog.summary.text() and dialog.problems.isHidden()
    assert not dialog.import_button.isEnabled()
    row = dialog.grid.add_row()
    assert "file" not in dialog.summary.text() and dialog.problems.isHidden()
    dialog.grid.set_value(row, Dimension.COMMITMENT, 7)
    assert not dialog.problems.isHidden() and "file" not in dialog.summary.text()
    assert "typed answers" in dialog.summary.text()
    dialog.grid.set_value(row, Dimension.COMMITMENT, 4)
    assert dialog.import_button.isEnabled() and dialog.problems.isHidden()


# -- item 12: a new partnership's diary page shows nothing of the previous one ----------------


def test_a_new_partnership_shows_no_event_of_the_previous_one(
    qtbot: QtBot,
    context: AppContext,
    build: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    demo = load_demo(context.diary)
    win = build()
    win.resize(1280, 800)
    win.show()
    win.select_partnership(demo)
    page = win.show_page("diary")
    assert isinstance(page, DiaryPage)
    shown = page.current_event()
    assert shown is not None
    before = events.get_event(context.diary.db, shown)
    assert before is not None and before.purpose  # the demo's last event has a purpose
    assert page.form.purpose.toPlainText() == before.purpose

    def create(dialog: PartnershipDialog) -> int:
        dialog.saved_pk = _created_today(context, "Second client")
        return 1

    monkeypatch.setattr(PartnershipDialog, "exec", create)
    win.new_partnership()
    assert page.current_event() is None
    visible_text = [
        page.form.title.text(),
        page.form.purpose.toPlainText(),
        page.capture.title.text(),
        page.form.review.text(),
    ]
    assert before.title not in visible_text and before.purpose not in visible_text
    assert page.form.purpose.toPlainText() == "" and page.form.title.text() == ""
    assert page.form.participants.participants() == []


# -- item 16: a new event's details start at the top, at the current minute --------------------


def test_a_new_event_shows_its_title_and_date_and_starts_now(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    demo = load_demo(context.diary)
    win = build()
    win.resize(1280, 800)
    win.show()
    win.select_partnership(demo)
    page = win.show_page("diary")
    assert isinstance(page, DiaryPage)
    page.show_details()
    scroll = page.tabs.widget(1)
    assert isinstance(scroll, QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the details are taller than the panel at this size
    bar.setValue(bar.maximum())  # the user read to the bottom of this event
    started = datetime.now()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.new_dialog is not None
    page.new_dialog.accept()  # planned as it comes: today, starting now
    assert bar.value() == 0
    viewport = scroll.viewport()
    for field in (page.form.title, page.form.day):
        top_left = field.mapTo(viewport, field.rect().topLeft())
        assert viewport.rect().contains(top_left), field.objectName()
    new = events.get_event(context.diary.db, page.current_event() or 0)
    assert new is not None and new.time is not None
    finished = datetime.now()
    stamp = datetime.combine(new.day, new.time)
    assert started.replace(second=0, microsecond=0) <= stamp <= finished


# -- item 17: one date format on screen, one timeline span, no clock for a past event ---------

ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _texts_on_screen(root: QWidget) -> list[str]:
    """Every text a user can read in ``root``: labels, buttons, lists, trees and tables."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                column = 0
                while (index := model.index(row, column)).isValid():
                    found.append(str(index.data() or ""))
                    column += 1
    return found


@pytest.fixture(params=["fi_FI", "en_GB"])
def user_locale(request: pytest.FixtureRequest) -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(str(request.param)))
    yield
    QLocale.setDefault(previous)


@pytest.mark.usefixtures("user_locale")
def test_every_page_shows_dates_in_the_locale_format(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    demo = load_demo(context.diary)
    win = build()
    win.resize(1280, 800)
    win.show()
    win.select_partnership(demo)
    for spec in page_specs():
        page = win.show_page(spec.key)
        assert page is not None
        iso = [t for t in _texts_on_screen(page) if ISO_DAY.search(t)]
        assert iso == [], spec.key
    overview = win.show_page("overview")
    assert isinstance(overview, OverviewPage)
    panel = overview.findChild(WarningsPanel)
    assert panel is not None
    evidence = [e.label for r in panel.reviewed for e in r.warning.evidence]
    assert any(re.search(r"\(\d{1,2}[./]\d{1,2}[./]\d{4}\)", label) for label in evidence)


def test_the_timeline_ends_on_the_same_day_on_every_page(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    demo = load_demo(context.diary)
    win = build()
    win.select_partnership(demo)
    ends = set()
    for key in ("overview", "history"):
        page = win.show_page(key)
        timelines = page.findChildren(PhaseTimeline) if page is not None else []
        assert len(timelines) == 1
        ends.add(timelines[0].bands()[-1].end)
    assert len(ends) == 1


def test_a_past_event_shows_its_date_instead_of_a_running_clock(
    qtbot: QtBot, context: AppContext, build: Callable[[], MainWindow]
) -> None:
    demo = load_demo(context.diary)
    win = build()
    win.select_partnership(demo)
    page = win.show_page("diary")
    assert isinstance(page, DiaryPage)
    page.show_capture()
    shown = events.get_event(context.diary.db, page.current_event() or 0)
    assert shown is not None and shown.day < date.today()
    clock = page.capture.clock.text()
    assert "running" not in clock and short_date(shown.day) in clock
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # today's meeting: a clock
    assert page.new_dialog is not None
    page.new_dialog.accept()
    page.show_capture()
    assert "running 0:00:0" in page.capture.clock.text()
