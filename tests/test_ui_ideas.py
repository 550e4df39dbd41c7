"""Ideas in the live capture, through the real widgets on a real diary: an action made with
owner and due date through the dialog (linked both ways, private stays private, one undo),
nothing made when nothing is selected, and ideas parked and declined with their fate shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from test_editing_seed import Seed, seed

from app.domain import Entry, EntryType, Event, EventKind, Visibility
from app.domain.enums import Fate
from app.persistence import actions, entries
from app.persistence.ideas import idea_outcomes
from ui.context import AppContext
from ui.dialogs.fate_dialog import FateDialog
from ui.dialogs.make_action_dialog import MakeActionDialog
from ui.models.events import FATE_ROLE, EntryTableModel
from ui.models.idea_look import Shown
from ui.pages.diary_page import DiaryPage


@pytest.fixture(autouse=True)
def british_dates() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def seeded(context: AppContext) -> Seed:
    return seed(context.diary)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, seeded: Seed) -> DiaryPage:
    event = Event(EventKind.MEETING, "Plan-of-action meeting", "2024-03-05T09:00", 90)
    from app.services.editing import Editor

    Editor(context.diary, context.undo).create_event(seeded.partnership, event)
    p = DiaryPage(context)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.show_partnership(seeded.partnership)
    p.show_capture()
    return p


def _write(qtbot: QtBot, page: DiaryPage, text: str, private: bool = False) -> int:
    field = page.capture.field
    qtbot.keyClick(field, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # idea
    if private:
        qtbot.keyClick(field, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    entry = page.capture.selected_entry()  # the line just saved is the one selected
    assert entry is not None and entry.text == text and entry.pk is not None
    return entry.pk


def _with_dialog(page: DiaryPage, fill: Callable[[QDialog], None]) -> list[QDialog]:
    """Fill the next dialog the capture opens, as a person would, once it is shown."""
    seen: list[QDialog] = []

    def opened(dialog: QDialog) -> None:
        seen.append(dialog)
        QTimer.singleShot(0, lambda: fill(dialog))

    page.capture.dialog_opened.connect(opened)
    return seen


def _fate_cell(page: DiaryPage, pk: int) -> tuple[str, str, Shown | None]:
    model = page.capture.entries
    index = model.index(model.row_of(pk), EntryTableModel.FATE)
    return (
        index.data(Qt.ItemDataRole.DisplayRole),
        index.data(Qt.ItemDataRole.ToolTipRole) or "",
        Shown(index.data(FATE_ROLE)) if index.data(FATE_ROLE) else None,
    )


def test_idea_becomes_an_action_with_owner_and_due_date(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    idea = _write(qtbot, page, "Pilot early support")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MakeActionDialog)
        assert dialog.wording.toPlainText() == "Pilot early support"
        assert dialog.findChild(type(dialog.wording), "actionWording") is dialog.wording
        assert dialog.findChild(QDialog.__base__, "privateFlag") is None  # shared idea
        dialog.wording.setPlainText("Pilot early support at two depots")
        owner = dialog.owner
        owner.setCurrentIndex(owner.findData(seeded.pekka))
        qtbot.keyClicks(dialog.due.field, "15/01/2027")
        qtbot.keyClick(dialog.due.field, Qt.Key.Key_Return)  # Enter is OK

    seen = _with_dialog(page, fill)
    qtbot.keyClick(page.capture.field, Qt.Key.Key_A, _CTRL_SHIFT)
    assert seen
    [action] = actions.list_actions(page.editor.db, seeded.partnership)
    assert (action.text, action.owner, action.organization, action.due_on) == (
        "Pilot early support at two depots",
        seeded.pekka,
        seeded.provider,
        date(2027, 1, 15),
    )
    assert (action.source_entry, action.visibility) == (idea, Visibility.SHARED)
    label, tip, kind = _fate_cell(page, idea)
    assert kind is Shown.ACTION and label == "\u2192 action: Pilot early support at two depots"
    assert "Made into the action" in tip
    assert page.status.text() == "Action made: Pilot early support at two depots"
    # One undo takes the action back, and with it the idea's link.
    page.context.undo.undo()
    assert actions.list_actions(page.editor.db, seeded.partnership) == []
    assert idea_outcomes(page.editor.db, [idea]) == {}
    page.capture.refresh()
    assert _fate_cell(page, idea)[2] is Shown.OPEN


_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_a_private_idea_makes_a_private_action_unless_rewritten_and_shared(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    idea = _write(qtbot, page, "Their CEO is leaving", private=True)
    checks: dict[str, bool] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MakeActionDialog)
        flag = dialog.findChild(QDialog.__base__, "privateFlag")
        checks["flagged"] = flag is not None and flag.isVisible()
        checks["share at first"] = dialog.share.isEnabled()
        dialog.wording.setPlainText("Their CEO is leaving: plan the handover")
        checks["share while repeating"] = dialog.share.isEnabled()
        dialog.accept()

    _with_dialog(page, fill)
    page.capture.make_action()
    assert checks == {"flagged": True, "share at first": False, "share while repeating": False}
    [action] = actions.list_actions(page.editor.db, seeded.partnership)
    assert action.visibility is Visibility.PRIVATE and action.source_entry == idea
    assert page.status.text().startswith("Private action made")


def test_a_rewritten_private_idea_can_be_shared(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    _write(qtbot, page, "Their CEO is leaving", private=True)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MakeActionDialog)
        dialog.wording.setPlainText("Agree how key people hand over their work")
        assert dialog.share.isEnabled()
        dialog.share.setChecked(True)
        dialog.accept()

    _with_dialog(page, fill)
    page.capture.make_action()
    [action] = actions.list_actions(page.editor.db, seeded.partnership)
    assert action.visibility is Visibility.SHARED
    assert action.text == "Agree how key people hand over their work"


def test_with_nothing_selected_no_action_is_made(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    _write(qtbot, page, "Joint newsletter")
    page.capture.table.clearSelection()
    assert not page.capture.make_action_act.isEnabled()
    seen = _with_dialog(page, lambda d: d.reject())
    page.capture.make_action()  # asked anyway (a menu built earlier): it says what to select
    assert seen == []
    assert actions.list_actions(page.editor.db, seeded.partnership) == []
    assert page.status.text() == "Select an idea or a decision to make an action of it."


def test_a_bad_due_date_keeps_the_dialog_open_and_the_text(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    _write(qtbot, page, "Shared canteen")
    state: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MakeActionDialog)
        qtbot.keyClicks(dialog.due.field, "15/13/2027")
        dialog.accept()
        state["open"] = dialog.isVisible()
        state["text"] = dialog.due.field.text()
        state["message"] = dialog.due.message.text() if dialog.due.message.isVisible() else ""
        dialog.reject()

    _with_dialog(page, fill)
    page.capture.make_action()
    assert state["open"] is True and state["text"] == "15/13/2027"
    assert state["message"] == (
        "\u201c15/13/2027\u201d is not a date. Type it as 15/01/2027 or 2027-01-15."
    )
    assert actions.list_actions(page.editor.db, seeded.partnership) == []


def test_park_and_decline_ideas_and_see_their_fate(
    qtbot: QtBot, page: DiaryPage, seeded: Seed
) -> None:
    parked = _write(qtbot, page, "Shared canteen")
    declined = _write(qtbot, page, "Merge the IT helpdesks")

    def park(dialog: QDialog) -> None:
        assert isinstance(dialog, FateDialog)
        qtbot.keyClicks(dialog.reason, "After the pilot's results")
        dialog.revisit.field.clear()
        qtbot.keyClicks(dialog.revisit.field, "1.6.2027")  # not the British form: refused
        dialog.accept()
        assert dialog.isVisible() and dialog.revisit.message.isVisible()
        dialog.revisit.field.clear()
        qtbot.keyClicks(dialog.revisit.field, "1/6/2027")
        dialog.accept()

    _with_dialog(page, park)
    page.capture.select_entry(parked)
    page.capture.ideas.park_act.trigger()
    fate = entries.get_entry(page.editor.db, parked).fate  # type: ignore[union-attr]
    assert fate is not None and (fate.status, fate.revisit_on) == (Fate.PARKED, date(2027, 6, 1))
    label, tip, kind = _fate_cell(page, parked)
    assert (label, kind) == ("Parked until 01/06/2027", Shown.PARKED)
    assert "After the pilot's results" in tip and "01/06/2027" in tip

    def decline(dialog: QDialog) -> None:
        assert isinstance(dialog, FateDialog)
        dialog.accept()  # without a reason: refused, said in the dialog
        assert dialog.isVisible() and dialog.error.text()
        qtbot.keyClicks(dialog.reason, "Each keeps its own")
        dialog.accept()

    page.capture.dialog_opened.disconnect()
    _with_dialog(page, decline)
    page.capture.select_entry(declined)
    page.capture.ideas.decline_act.trigger()
    label, tip, kind = _fate_cell(page, declined)
    assert (label, kind) == ("Declined", Shown.DECLINED) and "Each keeps its own" in tip
    assert not page.capture.ideas.decline_act.isEnabled()  # already declined
    assert page.capture.ideas.reopen_act.isEnabled()
    page.capture.ideas.reopen_act.trigger()
    assert _fate_cell(page, declined)[2] is Shown.OPEN
    page.context.undo.undo()
    page.capture.refresh()
    assert _fate_cell(page, declined)[2] is Shown.DECLINED
    # A decision has no fate: the idea commands do not offer it.
    decision = page.editor.create_entry(
        seeded.partnership, Entry(page.current_event() or 0, EntryType.DECISION, "Go ahead")
    )
    page.capture.refresh()
    page.capture.select_entry(decision)
    assert page.capture.make_action_act.isEnabled()
    assert not page.capture.ideas.park_act.isEnabled()
    assert _fate_cell(page, decision) == ("", "", None)


def test_an_idea_found_in_the_history_is_parked_there(
    qtbot: QtBot, page: DiaryPage, context: AppContext, seeded: Seed
) -> None:
    from ui.pages.history_page import HistoryPage
    from ui.widgets.search_hits import HitDelegate

    idea = _write(qtbot, page, "Shared canteen")
    history = HistoryPage(context)
    qtbot.addWidget(history)
    history.resize(1000, 600)
    history.show()
    history.show_partnership(seeded.partnership)
    row = next(
        r
        for r in range(history.results.rowCount())
        if history.results.hit_at(r).entry_pk == idea  # type: ignore[union-attr]
    )
    history.list.setCurrentIndex(history.results.index(row))
    assert history.ideas.park_act.isEnabled() and not history.ideas.reopen_act.isEnabled()

    def park(dialog: QDialog) -> None:
        assert isinstance(dialog, FateDialog)
        qtbot.keyClicks(dialog.reason, "After the pilot")
        dialog.accept()

    history.ideas.dialog_opened.connect(lambda d: QTimer.singleShot(0, lambda: park(d)))
    history.ideas.park_act.trigger()
    outcome = history.outcome_of(idea)
    assert outcome is not None and outcome.fate is not None
    assert outcome.fate.status is Fate.PARKED and outcome.fate.reason == "After the pilot"
    assert history.ideas.reopen_act.isEnabled()
    assert history.status.text() == "Idea parked: Shared canteen"
    delegate = history.list.itemDelegate()
    assert isinstance(delegate, HitDelegate)
    hit = history.results.hit_at(row)
    assert hit is not None and delegate._fate(hit)[0] is Shown.PARKED
