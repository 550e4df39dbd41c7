"""Dates typed into the dialogs: the locale's format (British English 15/01/2027, Finnish
15.1.2027) and ISO are stored as typed; what cannot be read (31.2.2027, 15/13/2027) is refused
with the message visible under the field, the typed text stays and nothing is stored.

Each dialog with a date is one ``DateCase``: how to open it, type a date and finish, what it
stored, and what a refusal looks like. Two tests run every case: a readable date is stored, an
unreadable one is refused and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

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


def _type(qtbot: QtBot, field: DateField, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _finish(qtbot: QtBot, field: DateField, text: str) -> None:
    """Type into the field and press Enter, as a user ends typing a date."""
    field.setFocus()
    _type(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _refused(row: DateRow, typed: str) -> None:
    assert row.message.isVisible(), "the refusal is shown under the field"
    assert typed in row.message.text()
    assert row.field.text() == typed


class DateCase:
    """One dialog with a date: opened in ``setUp``, a date entered with ``enter``."""

    # The year of the dates typed (the overview's as-of date lies inside the partnership).
    year: ClassVar[int] = 2027
    # Whether an empty field is also refused (a date the dialog cannot do without).
    empty_refused: ClassVar[bool] = False

    def __init__(self, qtbot: QtBot, context: AppContext, seeded: Seed, tmp_path: Path) -> None:
        self.qtbot, self.context, self.seeded, self.tmp_path = qtbot, context, seeded, tmp_path
        self.db = context.diary.db
        self.editor = Editor(context.diary, context.undo)

    def show(self, widget: Any) -> Any:
        self.qtbot.addWidget(widget)
        widget.show()
        return widget

    def enter(self, typed: str) -> None:
        raise NotImplementedError

    def assert_stored(self, stored: date) -> None:
        raise NotImplementedError

    def assert_refused(self, typed: str) -> None:
        raise NotImplementedError


class ReviewDate(DateCase):
    """The decision record's review date."""

    def enter(self, typed: str) -> None:
        event = self.editor.create_event(
            self.seeded.partnership, Event(EventKind.MEETING, "Decisions", "2026-11-02")
        )
        entry = Entry(event, EntryType.DECISION, "Pilot starts in March")
        self.entry = self.editor.create_entry(self.seeded.partnership, entry)
        self.dialog = self.show(DecisionDialog(self.editor, self.seeded.partnership, self.entry))
        self.dialog.has_review.setChecked(True)
        _type(self.qtbot, self.dialog.review_on, typed)
        self.dialog.accept()

    def assert_stored(self, stored: date) -> None:
        record = entries.get_entry(self.db, self.entry)
        assert record is not None and record.decision is not None
        assert record.decision.status is DecisionStatus.AGREED
        assert record.decision.review_on == stored

    def assert_refused(self, typed: str) -> None:
        assert self.dialog.isVisible()
        _refused(self.dialog.review_row, typed)
        record = entries.get_entry(self.db, self.entry)
        assert record is not None and record.decision is None


class CycleDecisionDate(DateCase):
    """The day of the partners' decision at the end of a cycle."""

    empty_refused = True

    def enter(self, typed: str) -> None:
        dialog = CycleDecisionDialog(self.context, self.seeded.partnership, date(2026, 12, 1))
        self.dialog = self.show(dialog)
        _type(self.qtbot, self.dialog.day, typed)
        self.dialog.accept()

    def assert_stored(self, stored: date) -> None:
        decided = [
            d.decided_on for d in cycle.decisions(self.context.diary, self.seeded.partnership)
        ]
        assert decided == [stored]

    def assert_refused(self, typed: str) -> None:
        assert self.dialog.isVisible() and self.dialog.day_row.message.isVisible()
        if typed:
            _refused(self.dialog.day_row, typed)
        assert cycle.decisions(self.context.diary, self.seeded.partnership) == []


class NewEventDate(DateCase):
    """A new event's date; its time stays in its own editor."""

    empty_refused = True

    def enter(self, typed: str) -> None:
        self.dialog = self.show(NewEventDialog(self.editor, self.seeded.partnership))
        self.dialog.at.setTime(QTime(9, 30))
        _type(self.qtbot, self.dialog.day, typed)
        self.dialog.accept()

    def assert_stored(self, stored: date) -> None:
        assert self.dialog.created is not None
        made = events.get_event(self.db, self.dialog.created)
        assert made is not None and made.day == stored and made.when.endswith("09:30")

    def assert_refused(self, typed: str) -> None:
        assert self.dialog.isVisible() and self.dialog.day_row.message.isVisible()
        if typed:
            _refused(self.dialog.day_row, typed)
        assert self.dialog.created is None
        assert events.list_events(self.db, self.seeded.partnership) == []


class EventFormDate(DateCase):
    """An event's date in the event form: stored as typing ends, one undoable step."""

    empty_refused = True

    def enter(self, typed: str) -> None:
        meeting = Event(EventKind.MEETING, "Steering group", "2026-11-02T10:15")
        self.pk = self.editor.create_event(self.seeded.partnership, meeting)
        self.form = self.show(EventForm(self.editor))
        self.form.set_event(self.seeded.partnership, self.pk)
        _finish(self.qtbot, self.form.day, typed)

    def assert_stored(self, stored: date) -> None:
        event = events.get_event(self.db, self.pk)
        assert event is not None and event.day == stored and event.when.endswith("10:15")
        self.context.undo.undo()
        event = events.get_event(self.db, self.pk)
        assert event is not None and event.day == date(2026, 11, 2)

    def assert_refused(self, typed: str) -> None:
        assert self.form.day_row.message.isVisible()
        if typed:
            _refused(self.form.day_row, typed)
        self.form.title.setFocus()  # leaving the field keeps the text to correct
        assert self.form.day.text() == typed and self.form.day_row.message.isVisible()
        event = events.get_event(self.db, self.pk)
        assert event is not None and event.when == "2026-11-02T10:15"


class PartnershipDates(DateCase):
    """A partnership's start and planned end."""

    def _dialog(self) -> PartnershipDialog:
        dialog = self.show(PartnershipDialog(self.context.diary, pk=self.seeded.partnership))
        dialog.has_end.setChecked(True)
        return dialog

    def enter(self, typed: str) -> None:
        self.typed = typed
        self.before = partnerships.get_partnership(self.db, self.seeded.partnership)
        self.dialog = self._dialog()
        _finish(self.qtbot, self.dialog.planned_end, typed)

    def assert_stored(self, stored: date) -> None:
        assert self.dialog.ok_button.isEnabled()
        self.dialog.accept()
        saved = partnerships.get_partnership(self.db, self.seeded.partnership)
        assert saved is not None and saved.planned_end_on == stored

    def assert_refused(self, typed: str) -> None:
        for field, key in (("planned_end", "planned_end_on"), ("started", "started_on")):
            dialog = self.dialog if field == "planned_end" else self._dialog()
            edit: DateField = getattr(dialog, field)
            if field == "started":
                _finish(self.qtbot, edit, typed)
            assert not dialog.ok_button.isEnabled()
            message = dialog.errors[key]
            assert message.isVisible() and typed in message.text()
            assert edit.text() == typed
            dialog.accept()
            assert dialog.isVisible()
            assert partnerships.get_partnership(self.db, self.seeded.partnership) == self.before


class ReportPeriod(DateCase):
    """The end of the report's period: used for the preview, never stored."""

    def enter(self, typed: str) -> None:
        self.dialog = self.show(ReportDialog(self.context.diary, self.seeded.partnership))
        dialog = self.dialog
        self.qtbot.waitUntil(
            lambda: not dialog.is_busy() and dialog.pdf is not None, timeout=30_000
        )
        dialog.to_check.setChecked(True)
        _finish(self.qtbot, dialog.to_edit, typed)

    def assert_stored(self, stored: date) -> None:
        assert self.dialog.current_options().period_to == stored
        assert not self.dialog.to_row.message.isVisible()

    def assert_refused(self, typed: str) -> None:
        self.dialog.generate()
        _refused(self.dialog.to_row, typed)
        assert not self.dialog.save_button.isEnabled()
        assert not self.dialog.print_button.isEnabled()
        with pytest.raises(ValueError, match="2027-01-15"):
            self.dialog.current_options()


class WaveDate(DateCase):
    """A questionnaire wave's date in the wizard."""

    def enter(self, typed: str) -> None:
        wizard = QuestionnaireWizard(
            self.context.diary,
            self.seeded.partnership,
            self.context.settings,
            opener=lambda _p: None,
        )
        self.wizard = self.show(wizard)
        wizard.instrument_list.setCurrentRow(0)
        wizard.next()
        assert wizard.currentPage() is wizard.wave_page
        wizard.copies.setValue(2)
        _type(self.qtbot, wizard.day, typed)
        wizard.next()

    def assert_stored(self, stored: date) -> None:
        self.wizard.folder.setText(str(self.tmp_path / "forms"))
        self.wizard.button(QWizard.WizardButton.FinishButton).click()
        waves = questionnaires.list_waves(self.db, self.seeded.partnership)
        assert [w.held_on for w in waves] == [stored]

    def assert_refused(self, typed: str) -> None:
        assert self.wizard.currentPage() is self.wizard.wave_page  # not past an unread date
        _refused(self.wizard.day_row, typed)
        assert not self.wizard.write()  # nor written from the last page
        assert questionnaires.list_waves(self.db, self.seeded.partnership) == []


class AsOfDate(DateCase):
    """The overview's as-of date: chosen (the slider follows), never stored."""

    year = 2025

    def enter(self, typed: str) -> None:
        self.control = self.show(AsOfControl(self.context))
        self.control.show_partnership(self.seeded.partnership)
        self.told: list[object] = []
        self.control.as_of_changed.connect(self.told.append)
        _finish(self.qtbot, self.control.edit, typed)

    def assert_stored(self, stored: date) -> None:
        control = self.control
        assert self.told == [stored] and control.day == stored
        assert control.slider.value() == (stored - control.start).days

    def assert_refused(self, typed: str) -> None:
        control = self.control
        assert self.told == [] and control.day is None
        assert control.refusal.isVisible() and typed in control.refusal.text()
        assert control.edit.text() == typed and control.edit.problem()


CASES = [
    ReviewDate,
    CycleDecisionDate,
    NewEventDate,
    EventFormDate,
    PartnershipDates,
    ReportPeriod,
    WaveDate,
    AsOfDate,
]
IDS = [case.__name__ for case in CASES]


@pytest.fixture
def open_case(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> Callable[[type[DateCase]], DateCase]:
    seeded = seed(context.diary)
    return lambda case: case(qtbot, context, seeded, tmp_path)


def _in_year(text: str, year: int) -> str:
    return text.replace("2027", str(year))


@pytest.mark.parametrize("case", CASES, ids=IDS)
@pytest.mark.parametrize(("lang", "typed", "stored"), TYPED)
def test_a_date_typed_in_the_locale_format_or_iso_is_stored(
    open_case: Callable[[type[DateCase]], DateCase],
    in_language: Callable[[str], None],
    case: type[DateCase],
    lang: str,
    typed: str,
    stored: date,
) -> None:
    in_language(lang)
    opened = open_case(case)
    opened.enter(_in_year(typed, case.year))
    opened.assert_stored(stored.replace(year=case.year))


REFUSALS = [
    pytest.param(case, lang, typed, id=f"{case.__name__}-{lang}-{typed or 'empty'}")
    for case in CASES
    for lang, typed in [*BAD, *([("en", "")] if case.empty_refused else [])]
]


@pytest.mark.parametrize(("case", "lang", "typed"), REFUSALS)
def test_a_date_that_cannot_be_read_is_refused_and_nothing_stored(
    open_case: Callable[[type[DateCase]], DateCase],
    in_language: Callable[[str], None],
    case: type[DateCase],
    lang: str,
    typed: str,
) -> None:
    in_language(lang)
    opened = open_case(case)
    opened.enter(_in_year(typed, case.year))
    opened.assert_refused(_in_year(typed, case.year))


def test_without_a_review_date_a_bad_text_is_not_in_the_way(
    qtbot: QtBot, context: AppContext
) -> None:
    seeded = seed(context.diary)
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
    _type(qtbot, dialog.review_on, "someday")
    dialog.has_review.setChecked(False)
    dialog.accept()
    record = entries.get_entry(context.diary.db, pk)
    assert record is not None and record.decision is not None
    assert record.decision.review_on is None
