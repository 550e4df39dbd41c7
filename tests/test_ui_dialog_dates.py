"""Dates typed into the dialogs: the locale's format (British English 15/01/2027, Finnish
15.1.2027) and ISO are stored as typed; what cannot be read (31.2.2027, 15/13/2027) is refused
with the message visible under the field, the typed text stays and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from test_editing_seed import Seed, seed

from app.domain import Entry, EntryType, Event, EventKind
from app.domain.enums import DecisionStatus
from app.i18n import set_language
from app.persistence import questionnaires
from app.persistence.read import entries, events, partnerships
from app.services import cycle
from app.services.editing import Editor
from ui.context import AppContext
from ui.dialogs.cycle_decision_dialog import CycleDecisionDialog
from ui.dialogs.decision_dialog import DecisionDialog
from ui.dialogs.event_dialog import EventForm
from ui.dialogs.new_event_dialog import NewEventDialog
from ui.dialogs.partnership_dialog import PartnershipDialog
from ui.dialogs.questionnaire_wizard import QuestionnaireWizard
from ui.dialogs.report_dialog import ReportDialog
from ui.widgets.as_of import AsOfControl
from ui.widgets.date_field import DateField, DateRow

LOCALES = {"en": QLocale("en_GB"), "fi": QLocale("fi_FI")}
# (language, typed, stored): the locale's own form and ISO in each.
TYPED = [
    ("en", "15/01/2027", date(2027, 1, 15)),
    ("en", "2027-01-15", date(2027, 1, 15)),
    ("fi", "15.1.2027", date(2027, 1, 15)),
    ("fi", "2027-01-15", date(2027, 1, 15)),
]
Switch = Callable[[str], None]
BAD = [("en", "15/13/2027"), ("en", "31/02/2027"), ("fi", "31.2.2027"), ("fi", "15.13.2027")]


@pytest.fixture
def in_language() -> Iterator[Callable[[str], None]]:
    previous = QLocale()

    def switch(lang: str) -> None:
        set_language(lang)
        QLocale.setDefault(LOCALES[lang])

    yield switch
    set_language("en")
    QLocale.setDefault(previous)


@pytest.fixture
def seeded(context: AppContext) -> Seed:
    return seed(context.diary)


def _type(qtbot: QtBot, field: DateField, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _refused(row: DateRow, typed: str) -> None:
    assert row.message.isVisible(), "the refusal is shown under the field"
    assert typed in row.message.text()
    assert row.field.text() == typed


# -- the decision record's review date --------------------------------------------------------


def _decision(qtbot: QtBot, context: AppContext, seeded: Seed) -> DecisionDialog:
    editor = Editor(context.diary, context.undo)
    event = editor.create_event(
        seeded.partnership, Event(EventKind.MEETING, "Decisions", "2026-11-02")
    )
    pk = editor.create_entry(
        seeded.partnership, Entry(event, EntryType.DECISION, "Pilot starts in March")
    )
    dialog = DecisionDialog(editor, seeded.partnership, pk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.has_review.setChecked(True)
    return dialog


@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_a_review_date_typed_in_the_locale_format_or_iso_is_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    dialog = _decision(qtbot, context, seeded)
    _type(qtbot, dialog.review_on, typed)
    dialog.accept()
    record = entries.get_entry(context.diary.db, dialog._entry)
    assert record is not None and record.decision is not None
    assert record.decision.status is DecisionStatus.AGREED
    assert record.decision.review_on == stored


@pytest.mark.parametrize(("lang", "typed"), BAD)
def test_a_review_date_that_cannot_be_read_is_refused_and_nothing_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    dialog = _decision(qtbot, context, seeded)
    _type(qtbot, dialog.review_on, typed)
    dialog.accept()
    assert dialog.isVisible()
    _refused(dialog.review_row, typed)
    record = entries.get_entry(context.diary.db, dialog._entry)
    assert record is not None and record.decision is None


def test_without_a_review_date_a_bad_text_is_not_in_the_way(
    qtbot: QtBot, context: AppContext, seeded: Seed
) -> None:
    dialog = _decision(qtbot, context, seeded)
    _type(qtbot, dialog.review_on, "someday")
    dialog.has_review.setChecked(False)
    dialog.accept()
    record = entries.get_entry(context.diary.db, dialog._entry)
    assert record is not None and record.decision is not None
    assert record.decision.review_on is None


# -- the partners' decision at the end of a cycle -------------------------------------------


def _cycle(qtbot: QtBot, context: AppContext, seeded: Seed) -> CycleDecisionDialog:
    dialog = CycleDecisionDialog(context, seeded.partnership, date(2026, 12, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_a_cycle_decision_date_typed_in_the_locale_format_or_iso_is_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    dialog = _cycle(qtbot, context, seeded)
    _type(qtbot, dialog.day, typed)
    dialog.accept()
    assert [d.decided_on for d in cycle.decisions(context.diary, seeded.partnership)] == [stored]


@pytest.mark.parametrize(("lang", "typed"), [*BAD, ("en", "")])
def test_a_cycle_decision_date_that_cannot_be_read_is_refused_and_nothing_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    dialog = _cycle(qtbot, context, seeded)
    _type(qtbot, dialog.day, typed)
    dialog.accept()
    assert dialog.isVisible() and dialog.day_row.message.isVisible()
    if typed:
        _refused(dialog.day_row, typed)
    assert cycle.decisions(context.diary, seeded.partnership) == []


# -- a new event's date (the time stays in its own editor) ------------------------------------


def _new_event(qtbot: QtBot, context: AppContext, seeded: Seed) -> NewEventDialog:
    dialog = NewEventDialog(Editor(context.diary, context.undo), seeded.partnership)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.at.setTime(QTime(9, 30))
    return dialog


@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_a_new_event_date_typed_in_the_locale_format_or_iso_is_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    dialog = _new_event(qtbot, context, seeded)
    _type(qtbot, dialog.day, typed)
    dialog.accept()
    assert dialog.created is not None
    made = events.get_event(context.diary.db, dialog.created)
    assert made is not None and made.day == stored and made.when.endswith("09:30")


@pytest.mark.parametrize(("lang", "typed"), [*BAD, ("fi", "")])
def test_a_new_event_date_that_cannot_be_read_is_refused_and_nothing_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    dialog = _new_event(qtbot, context, seeded)
    _type(qtbot, dialog.day, typed)
    dialog.accept()
    assert dialog.isVisible() and dialog.day_row.message.isVisible()
    if typed:
        _refused(dialog.day_row, typed)
    assert dialog.created is None
    assert events.list_events(context.diary.db, seeded.partnership) == []


# -- an event's date in the event form (stored as typing ends, one undoable step) ------------


def _event_form(qtbot: QtBot, context: AppContext, seeded: Seed) -> tuple[EventForm, int]:
    editor = Editor(context.diary, context.undo)
    pk = editor.create_event(
        seeded.partnership, Event(EventKind.MEETING, "Steering group", "2026-11-02T10:15")
    )
    form = EventForm(editor)
    qtbot.addWidget(form)
    form.show()
    form.set_event(seeded.partnership, pk)
    return form, pk


def _finish(qtbot: QtBot, field: DateField, text: str) -> None:
    field.setFocus()
    _type(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_an_event_date_typed_in_the_locale_format_or_iso_is_stored_and_undone(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    form, pk = _event_form(qtbot, context, seeded)
    _finish(qtbot, form.day, typed)
    event = events.get_event(context.diary.db, pk)
    assert event is not None and event.day == stored and event.when.endswith("10:15")
    context.undo.undo()
    event = events.get_event(context.diary.db, pk)
    assert event is not None and event.day == date(2026, 11, 2)


@pytest.mark.parametrize(("lang", "typed"), [*BAD, ("en", "")])
def test_an_event_date_that_cannot_be_read_is_refused_and_nothing_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    form, pk = _event_form(qtbot, context, seeded)
    _finish(qtbot, form.day, typed)
    assert form.day_row.message.isVisible()
    if typed:
        _refused(form.day_row, typed)
    form.title.setFocus()  # leaving the field keeps the text to correct
    assert form.day.text() == typed and form.day_row.message.isVisible()
    event = events.get_event(context.diary.db, pk)
    assert event is not None and event.when == "2026-11-02T10:15"


# -- a partnership's start and planned end ----------------------------------------------------


def _partnership_dialog(qtbot: QtBot, context: AppContext, seeded: Seed) -> PartnershipDialog:
    dialog = PartnershipDialog(context.diary, pk=seeded.partnership)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.has_end.setChecked(True)
    return dialog


@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_a_planned_end_typed_in_the_locale_format_or_iso_is_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    dialog = _partnership_dialog(qtbot, context, seeded)
    _finish(qtbot, dialog.planned_end, typed)
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    saved = partnerships.get_partnership(context.diary.db, seeded.partnership)
    assert saved is not None and saved.planned_end_on == stored


@pytest.mark.parametrize(("lang", "typed"), BAD)
def test_a_start_or_end_date_that_cannot_be_read_is_refused_and_nothing_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    before = partnerships.get_partnership(context.diary.db, seeded.partnership)
    for field, key in (("started", "started_on"), ("planned_end", "planned_end_on")):
        dialog = _partnership_dialog(qtbot, context, seeded)
        edit: DateField = getattr(dialog, field)
        _finish(qtbot, edit, typed)
        assert not dialog.ok_button.isEnabled()
        message = dialog.errors[key]
        assert message.isVisible() and typed in message.text()
        assert edit.text() == typed
        dialog.accept()
        assert dialog.isVisible()
        assert partnerships.get_partnership(context.diary.db, seeded.partnership) == before


# -- the report's period ----------------------------------------------------------------------


def _report(qtbot: QtBot, context: AppContext, seeded: Seed) -> ReportDialog:
    dialog = ReportDialog(context.diary, seeded.partnership)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pdf is not None, timeout=30_000)
    dialog.to_check.setChecked(True)
    return dialog


@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_a_report_period_typed_in_the_locale_format_or_iso_is_used(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    dialog = _report(qtbot, context, seeded)
    _finish(qtbot, dialog.to_edit, typed)
    assert dialog.current_options().period_to == stored
    assert not dialog.to_row.message.isVisible()


@pytest.mark.parametrize(("lang", "typed"), BAD)
def test_a_report_period_that_cannot_be_read_is_refused_and_no_report_is_offered(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    dialog = _report(qtbot, context, seeded)
    _finish(qtbot, dialog.to_edit, typed)
    dialog.generate()
    _refused(dialog.to_row, typed)
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    with pytest.raises(ValueError, match="2027-01-15"):
        dialog.current_options()


# -- a questionnaire wave's date --------------------------------------------------------------


def _wizard(qtbot: QtBot, context: AppContext, seeded: Seed) -> QuestionnaireWizard:
    wizard = QuestionnaireWizard(
        context.diary, seeded.partnership, context.settings, opener=lambda _p: None
    )
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.instrument_list.setCurrentRow(0)
    wizard.next()
    assert wizard.currentPage() is wizard.wave_page
    wizard.copies.setValue(2)
    return wizard


@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_a_wave_date_typed_in_the_locale_format_or_iso_is_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    tmp_path: Path,
    in_language: Switch,
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    wizard = _wizard(qtbot, context, seeded)
    _type(qtbot, wizard.day, typed)
    wizard.next()
    wizard.folder.setText(str(tmp_path / "forms"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert [w.held_on for w in questionnaires.list_waves(context.diary.db, seeded.partnership)] == [
        stored
    ]


@pytest.mark.parametrize(("lang", "typed"), BAD)
def test_a_wave_date_that_cannot_be_read_is_refused_and_nothing_stored(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    wizard = _wizard(qtbot, context, seeded)
    _type(qtbot, wizard.day, typed)
    wizard.next()
    assert wizard.currentPage() is wizard.wave_page  # not past a date it cannot read
    _refused(wizard.day_row, typed)
    assert not wizard.write()  # nor written from the last page
    assert questionnaires.list_waves(context.diary.db, seeded.partnership) == []


# -- the overview's as-of date ----------------------------------------------------------------

AS_OF = [
    ("en", "15/01/2025", date(2025, 1, 15)),
    ("en", "2025-01-15", date(2025, 1, 15)),
    ("fi", "15.1.2025", date(2025, 1, 15)),
    ("fi", "2025-01-15", date(2025, 1, 15)),
]


def _as_of(qtbot: QtBot, context: AppContext, seeded: Seed) -> tuple[AsOfControl, list[object]]:
    control = AsOfControl(context)
    qtbot.addWidget(control)
    control.show()
    control.show_partnership(seeded.partnership)
    told: list[object] = []
    control.as_of_changed.connect(told.append)
    return control, told


@pytest.mark.parametrize(("lang", "typed", "chosen"), AS_OF)
def test_an_as_of_date_typed_in_the_locale_format_or_iso_is_chosen(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
    chosen: date,
) -> None:
    in_language(lang)
    control, told = _as_of(qtbot, context, seeded)
    _finish(qtbot, control.edit, typed)
    assert told == [chosen] and control.day == chosen
    assert control.slider.value() == (chosen - control.start).days


@pytest.mark.parametrize(("lang", "typed"), BAD)
def test_an_as_of_date_that_cannot_be_read_is_refused_under_the_field(
    qtbot: QtBot,
    context: AppContext,
    seeded: Seed,
    in_language: Switch,
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    control, told = _as_of(qtbot, context, seeded)
    _finish(qtbot, control.edit, typed)
    assert told == [] and control.day is None
    assert control.refusal.isVisible() and typed in control.refusal.text()
    assert control.edit.text() == typed and control.edit.problem()
