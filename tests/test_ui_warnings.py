"""The warnings, checklist and phase widgets driven through real widgets on a real diary."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QPushButton
from pytestqt.qtbot import QtBot

from app.domain import Partnership, Phase, PhaseMove
from app.persistence import partnerships, records
from app.services.demo import load_demo
from ui.context import AppContext
from ui.dialogs.mark_done_dialog import MarkDoneDialog
from ui.dialogs.phase_dialog import PhaseDialog
from ui.pages.overview import OverviewPage
from ui.widgets.as_of import AsOfControl
from ui.widgets.checklist_panel import ChecklistPanel, MeetingChecklist
from ui.widgets.warnings_panel import WarningsPanel


@pytest.fixture
def overview(qtbot: QtBot, context: AppContext) -> tuple[OverviewPage, int]:
    pk = load_demo(context.diary)
    page = OverviewPage(context)
    qtbot.addWidget(page)
    page.show_partnership(pk)
    return page, pk


def _ids(page: OverviewPage) -> set[str]:
    panel = page.findChild(WarningsPanel)
    assert panel is not None
    return {str(card.property("warningId")) for card in panel.cards()}


def test_overview_warnings_follow_the_as_of_date(overview: tuple[OverviewPage, int]) -> None:
    page, _pk = overview
    today = _ids(page)
    assert "sponsor-absent" in today
    control = page.findChild(AsOfControl)
    assert control is not None
    control.edit.setText("2024-05-20")
    control.edit.editingFinished.emit()
    assert page.as_of == date(2024, 5, 20)
    assert _ids(page) == {"objectives-unspecified", "drifting-boat"}
    checklist = page.findChild(ChecklistPanel)
    assert checklist is not None and "Commitment" in checklist.title_label.text()
    control.slider.setValue(control.slider.value() - 100)  # about 100 days earlier
    assert page.as_of is not None and page.as_of < date(2024, 3, 4)
    assert _ids(page) == set()
    control.today_button.click()
    assert page.as_of is None and _ids(page) == today


def test_evidence_link_opens_the_event(qtbot: QtBot, overview: tuple[OverviewPage, int]) -> None:
    page, _pk = overview
    panel = page.findChild(WarningsPanel)
    assert panel is not None
    card = next(c for c in panel.cards() if c.property("warningId") == "sponsor-absent")
    event = next(e for e in card.warning.evidence if e.kind.value == "event")
    with qtbot.waitSignal(page.event_activated) as opened:
        card._activated(f"event:{event.pk}")
    assert opened.args == [event.pk]


def test_acknowledging_a_warning_quiets_it(
    qtbot: QtBot, overview: tuple[OverviewPage, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    page, pk = overview
    panel = page.findChild(WarningsPanel)
    assert panel is not None
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Spoke to HR", True))
    card = next(c for c in panel.cards() if c.property("warningId") == "objectives-unspecified")
    counter = page.context.warning_counter
    counter.count(pk, pk)
    qtbot.waitUntil(lambda: counter.count(pk, pk) > 0)
    count = counter.count(pk, pk)
    button = card.findChild(QPushButton, "acknowledgeButton")
    assert button is not None
    button.click()
    assert "objectives-unspecified" not in _ids(page)
    assert panel.quiet_toggle.text().endswith("(1)")
    panel.quiet_toggle.click()
    assert "objectives-unspecified" in _ids(page)
    counter.count(pk, pk)  # the diary changed: counted again a moment later
    qtbot.waitUntil(lambda: counter.count(pk, pk) == count - 1)


def _negotiating(context: AppContext) -> int:
    with context.diary.write() as db:
        p = Partnership("Pilot", date(2025, 1, 1))
        p.phases = [PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1))]
        return partnerships.insert_partnership(db, p)


def test_phase_move_with_open_items_asks_and_records(qtbot: QtBot, context: AppContext) -> None:
    pk = _negotiating(context)
    dialog = PhaseDialog(context, pk, date(2025, 3, 1))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.open_list.count() == 13 and not dialog.confirm.isHidden()
    assert not ok.isEnabled()  # open items: confirmation needed first
    dialog.note.setPlainText("Plan signed")
    dialog.confirm.setChecked(True)
    assert ok.isEnabled()
    ok.click()
    stored = partnerships.list_phases(context.diary.db, pk)[-1]
    assert stored.phase == Phase.COMMITMENT and stored.note == "Plan signed"
    assert (
        len(stored.confirmed_open) == 13 and "negotiation.sponsors_named" in stored.confirmed_open
    )


def test_correcting_a_date_needs_no_confirmation(qtbot: QtBot, context: AppContext) -> None:
    pk = _negotiating(context)
    dialog = PhaseDialog(context, pk, date(2024, 12, 1))
    qtbot.addWidget(dialog)
    dialog.correct_radio.setChecked(True)
    assert dialog.confirm.isHidden()
    assert dialog.day.date() == date(2025, 1, 1)  # the move's own date to start from
    dialog.day.clear()
    qtbot.keyClicks(dialog.day, "2024-12-01")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert partnerships.list_phases(context.diary.db, pk)[0].from_on == date(2024, 12, 1)


def test_checking_an_item_with_evidence(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    pk = load_demo(context.diary)
    panel = ChecklistPanel(context)
    qtbot.addWidget(panel)
    panel.set_as_of(date(2024, 2, 20))
    panel.show_partnership(pk)
    before = panel.items.count()
    item = panel._current()
    assert item is not None and item.id == "negotiation.motives"
    dialog = MarkDoneDialog(context, pk, item, date(2024, 2, 20))
    qtbot.addWidget(dialog)
    index = next(
        i
        for i in range(dialog.evidence_event.count())
        if "Second preparatory" in dialog.evidence_event.itemText(i)
    )
    dialog.evidence_event.setCurrentIndex(index)
    assert dialog.entry.count() > 1
    dialog.entry.setCurrentIndex(1)
    dialog.note.setPlainText("Both sides listed their motives")
    dialog.accept()
    marks = {m.item: m for m in records.list_checklist_marks(context.diary.db, pk)}
    mark = marks["negotiation.motives"]
    assert mark.marked_on == date(2024, 2, 20) and mark.note == "Both sides listed their motives"
    assert mark.evidence == dialog.entry.itemData(1)
    panel.show_partnership(pk)
    assert panel.items.count() == before - 1
    assert "4 of 13" in panel.title_label.text()


def test_custom_item_and_hiding_from_the_panel(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    pk = _negotiating(context)
    panel = ChecklistPanel(context)
    qtbot.addWidget(panel)
    panel.set_as_of(date(2025, 2, 1))
    panel.show_partnership(pk)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Visit the warehouse", True))
    panel.add_button.click()
    texts = [panel.items.item(i).text() for i in range(panel.items.count())]
    assert any("Visit the warehouse" in t for t in texts) and len(texts) == 14
    panel.items.setCurrentRow(0)
    hidden = panel._current()
    panel.hide_button.click()
    assert panel.items.count() == 13
    menu = panel.hidden_menu_button.menu()
    assert not panel.hidden_menu_button.isHidden() and len(menu.actions()) == 1
    assert hidden is not None and menu.actions()[0].text() == hidden.text()
    menu.actions()[0].trigger()
    assert panel.items.count() == 14 and panel.hidden_menu_button.isHidden()


def test_a_done_item_can_be_taken_back(qtbot: QtBot, context: AppContext) -> None:
    from app.services import checklist

    pk = _negotiating(context)
    checklist.mark_done(context.diary, pk, "negotiation.risks", date(2025, 1, 20))
    panel = ChecklistPanel(context)
    qtbot.addWidget(panel)
    panel.set_as_of(date(2025, 2, 1))
    panel.show_partnership(pk)
    assert panel.done_menu_button.text() == "Done (1)" and panel.items.count() == 12
    panel.done_menu_button.menu().actions()[0].trigger()
    assert panel.items.count() == 13 and panel.done_menu_button.isHidden()


def test_meeting_reminders(qtbot: QtBot) -> None:
    reminders = MeetingChecklist()
    qtbot.addWidget(reminders)
    assert len(reminders.boxes) == 6
    reminders.boxes[0].setChecked(True)
    reminders.reset()
    assert not any(b.isChecked() for b in reminders.boxes)


def test_event_form_shows_the_meeting_reminders(qtbot: QtBot, context: AppContext) -> None:
    from PySide6.QtWidgets import QFrame

    from ui.pages.diary_page import DiaryPage

    pk = load_demo(context.diary)
    page = DiaryPage(context)
    qtbot.addWidget(page)
    page.show_partnership(pk)
    frame = page.findChild(QFrame, "meetingChecklist")
    assert frame is not None
    reminders = frame.findChild(MeetingChecklist)
    assert reminders is not None and len(reminders.boxes) == 6
    texts = [b.text() for b in reminders.boxes]
    assert "Review open and overdue actions first" in texts


def test_a_broken_template_is_said_at_start_and_in_the_panel(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.checklists import TemplateError, templates
    from ui.widgets import checklist_panel

    def broken() -> tuple[templates.Template, ...]:
        raise TemplateError("The checklist file commitment.json is damaged at $.items[3].id.")

    shown: list[str] = []
    monkeypatch.setattr(checklist_panel, "load_templates", broken)
    monkeypatch.setattr(templates, "load_templates", broken)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert not checklist_panel.check_templates(None)
    assert "commitment.json is damaged" in shown[0] and "diary is safe" in shown[0]
    pk = _negotiating(context)
    panel = ChecklistPanel(context)
    qtbot.addWidget(panel)
    panel.show_partnership(pk)
    assert "unavailable" in panel.title_label.text()
    assert "commitment.json" in panel.why.text()


def test_phase_change_from_the_overview_can_be_undone(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs import phase_dialog

    pk = _negotiating(context)
    page = OverviewPage(context)
    qtbot.addWidget(page)
    page.show_partnership(pk)

    def confirm_and_accept(dialog: PhaseDialog) -> int:
        dialog.confirm.setChecked(True)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(phase_dialog.PhaseDialog, "exec", confirm_and_accept)
    page.findChild(ChecklistPanel).phase_button.click()
    assert [m.phase for m in partnerships.list_phases(context.diary.db, pk)][-1] == Phase.COMMITMENT
    assert context.undo.undo_text == "change phase"
    context.undo.undo()
    assert [m.phase for m in partnerships.list_phases(context.diary.db, pk)] == [Phase.NEGOTIATION]
    context.undo.redo()
    assert len(partnerships.list_phases(context.diary.db, pk)) == 2


def test_history_of_acknowledgements(
    overview: tuple[OverviewPage, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QTreeWidget

    page, _pk = overview
    panel = page.findChild(WarningsPanel)
    assert panel is not None and panel.history_button.isHidden()
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("<b>seen</b>", True))
    panel.acknowledge(panel.reviewed[0].warning)
    assert not panel.history_button.isHidden()
    rows: list[list[str]] = []

    def capture(dialog: QDialog) -> int:
        tree = dialog.findChild(QTreeWidget)
        item = tree.topLevelItem(0)
        rows.append([item.text(i) for i in range(4)])
        return 0

    monkeypatch.setattr(QDialog, "exec", capture)
    panel.history_button.click()
    assert rows[0][3] == "<b>seen</b>" and rows[0][1] == "Sponsor absent"


def test_thresholds_dialog_stores_only_what_changed(qtbot: QtBot, context: AppContext) -> None:
    from PySide6.QtWidgets import QSpinBox

    from app.services import warnings
    from ui.dialogs.thresholds_dialog import ThresholdsDialog

    pk = _negotiating(context)
    dialog = ThresholdsDialog(context, pk)
    qtbot.addWidget(dialog)
    events = dialog.findChild(QSpinBox, "drifting-boat.events")
    assert events is not None and events.value() == 4
    events.setValue(6)
    dialog.switches["no-assessment"].setChecked(False)
    dialog.accept()
    assert partnerships.get_thresholds(context.diary.db, pk) == {
        "drifting-boat": {"events": 6},
        "no-assessment": {"enabled": 0},
    }
    assert warnings.thresholds(context.diary.db, pk)["drifting-boat"]["min_ideas"] == 3
    again = ThresholdsDialog(context, pk)
    qtbot.addWidget(again)
    again.reset()
    again.accept()
    assert partnerships.get_thresholds(context.diary.db, pk) == {}


def test_partnership_list_shows_the_warning_count(qtbot: QtBot, context: AppContext) -> None:
    from app.services import warnings
    from ui.application import build_main_window
    from ui.widgets.partnership_list import WARNINGS_ROLE

    pk = load_demo(context.diary)
    window = build_main_window(context)
    qtbot.addWidget(window)
    expected = warnings.warning_count(context.diary.db, pk, date.today())
    assert expected > 0
    qtbot.waitUntil(lambda: window.model.index(0).data(WARNINGS_ROLE) == expected)
