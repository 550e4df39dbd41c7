"""The partnership dialog (validation next to the fields, creation, editing) and the File menu."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain import Level, Role
from app.persistence import partnerships as partnership_rows
from app.persistence.diary import Diary
from app.services.demo import load_demo
from app.services.partnerships import (
    OrganizationDraft,
    PartnershipDraft,
    PersonDraft,
    create_partnership,
)
from app.services.undo import UndoStack
from ui.application import build_main_window
from ui.context import AppContext
from ui.dialogs.organization_editor import EMAIL, NAME, TITLE
from ui.dialogs.partnership_dialog import PartnershipDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, diary: Diary, tmp_path: Path) -> Iterator[MainWindow]:
    """A main window on the test's diary, closed before the diary is."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = build_main_window(AppContext(diary, UndoStack(diary), settings))
    qtbot.addWidget(win)
    yield win
    win.close()


def _dialog(qtbot: QtBot, diary: Diary, pk: int | None = None) -> PartnershipDialog:
    dialog = PartnershipDialog(diary, pk=pk)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_new_partnership_ok_is_enabled_only_when_valid(qtbot: QtBot, diary: Diary) -> None:
    dialog = _dialog(qtbot, diary)
    assert not dialog.ok_button.isEnabled()
    # Untouched fields stay quiet; the line by the buttons says what is missing.
    assert dialog.errors["name"].isHidden()
    assert dialog.summary.text() == "Still to fill in: Name"

    qtbot.keyClicks(dialog.name, "Wellbeing at work")
    assert dialog.summary.text() == "Still to fill in: Organization 1, name"
    customer, provider = dialog.editors
    qtbot.keyClicks(customer.name, "Acme Oy")
    qtbot.keyClicks(provider.name, "Terveys Oy")
    assert dialog.ok_button.isEnabled()

    dialog.name.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.errors["name"].isVisible()
    assert dialog.errors["name"].text() == "must not be empty"
    qtbot.keyClicks(dialog.name, "Wellbeing at work")
    assert dialog.ok_button.isEnabled()

    # A new person without a name: what is missing, not yet an error (issue 16, item 14).
    qtbot.mouseClick(
        customer.findChild(type(dialog.ok_button), "addPersonButton"), Qt.MouseButton.LeftButton
    )
    assert not dialog.ok_button.isEnabled()
    assert dialog.summary.text() == "Still to fill in: Organization 1, person 1, name"
    assert customer.people_error.isHidden()
    customer.table.item(0, NAME).setText("Anna Aho")
    customer.table.item(0, TITLE).setText("HR director")
    assert dialog.ok_button.isEnabled()
    assert customer.people_error.isHidden()


def test_new_partnership_is_created_with_its_organizations_and_people(
    qtbot: QtBot, diary: Diary
) -> None:
    dialog = _dialog(qtbot, diary)
    qtbot.keyClicks(dialog.name, "Wellbeing at work")
    dialog.started.set_date(date(2025, 2, 3))
    dialog.validate()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("fi"))
    customer, provider = dialog.editors
    qtbot.keyClicks(customer.name, "Acme Oy")
    qtbot.keyClicks(provider.name, "Terveys Oy")
    customer.add_person(PersonDraft("Anna Aho", "HR director", Level.TOP, sponsor=True))
    provider.remove_requested.emit(provider)  # a new organization can be removed
    assert len(dialog.editors) == 1
    dialog.ok_button.click()

    assert dialog.result() == PartnershipDialog.DialogCode.Accepted
    assert dialog.saved_pk is not None
    stored = partnership_rows.get_partnership(diary.db, dialog.saved_pk)
    assert stored is not None
    assert (stored.name, stored.started_on, stored.language) == (
        "Wellbeing at work",
        date(2025, 2, 3),
        "fi",
    )
    orgs = partnership_rows.list_organizations(diary.db, dialog.saved_pk)
    assert [(o.name, o.role) for o in orgs] == [("Acme Oy", Role.CUSTOMER)]
    people = partnership_rows.list_people(diary.db, dialog.saved_pk)
    assert [(p.name, p.title, p.level, p.sponsor) for p in people] == [
        ("Anna Aho", "HR director", Level.TOP, True)
    ]


def test_a_persons_email_is_checked_and_stored(qtbot: QtBot, diary: Diary) -> None:
    pk = create_partnership(
        diary,
        PartnershipDraft(
            "Wellbeing",
            date(2024, 1, 1),
            organizations=[OrganizationDraft("Acme", Role.CUSTOMER, [PersonDraft("Anna Aho")])],
        ),
    )
    dialog = _dialog(qtbot, diary, pk)
    (editor,) = dialog.editors
    assert editor.table.horizontalHeaderItem(EMAIL).text() == "E-mail"
    editor.table.item(0, EMAIL).setText("Anna Aho <anna@acme>")
    assert not dialog.ok_button.isEnabled()
    assert "e-mail: is not an e-mail address" in editor.people_error.text()
    editor.table.item(0, EMAIL).setText(" anna.aho@acme.fi ")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    (person,) = partnership_rows.list_people(diary.db, pk)
    assert person.email == "anna.aho@acme.fi"
    # Shown again when the partnership is edited, and kept when something else changes.
    again = _dialog(qtbot, diary, pk)
    assert again.editors[0].table.item(0, EMAIL).text() == "anna.aho@acme.fi"
    again.name.setText("Wellbeing at work")
    again.ok_button.click()
    assert partnership_rows.list_people(diary.db, pk)[0].email == "anna.aho@acme.fi"


def test_edit_shows_the_stored_partnership_and_keeps_stored_people(
    qtbot: QtBot, diary: Diary
) -> None:
    pk = create_partnership(
        diary,
        PartnershipDraft(
            "Old name",
            date(2024, 1, 1),
            organizations=[OrganizationDraft("Acme", Role.CUSTOMER, [PersonDraft("Anna")])],
        ),
    )
    dialog = _dialog(qtbot, diary, pk)
    assert dialog.windowTitle() == "Edit partnership"
    assert dialog.name.text() == "Old name"
    (editor,) = dialog.editors
    assert not editor.remove_button.isEnabled()  # stored: events may refer to it
    editor.table.setCurrentCell(0, NAME)
    assert not editor.remove_person_button.isEnabled()
    dialog.name.setText("New name")
    editor.table.item(0, NAME).setText("Anna Aho")
    dialog.ok_button.click()
    stored = partnership_rows.get_partnership(diary.db, pk)
    assert stored is not None and stored.name == "New name"
    assert [p.name for p in partnership_rows.list_people(diary.db, pk)] == ["Anna Aho"]


def test_new_partnership_from_the_menu_is_selected(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:

    def fill_and_accept(dialog: PartnershipDialog) -> int:
        dialog.name.setText("From the menu")
        dialog.editors[0].name.setText("Acme")
        dialog.editors[1].name.setText("Terveys")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PartnershipDialog, "exec", fill_and_accept)
    window.new_partnership_action.trigger()
    assert window.current_pk is not None
    assert window.page("overview").name_label.text() == "From the menu"  # type: ignore[union-attr]


def test_export_then_import_through_the_file_menu(
    window: MainWindow, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pk = load_demo(diary)
    window.select_partnership(pk)
    out = tmp_path / "exported.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.files.export_action.trigger()
    document = json.loads(out.read_text("utf-8"))
    assert document["partnership"]["name"] == window.page("overview").name_label.text()  # type: ignore[union-attr]

    # Importing the same partnership again asks; "Import as a copy" adds a second one.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))

    def choose_copy(box: QMessageBox) -> int:
        copy = next(b for b in box.buttons() if b.text() == "Import as a copy")
        copy.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_copy)
    window.files.import_action.trigger()
    assert window.model.rowCount() == 2
    assert window.current_pk not in (None, pk)


def test_a_broken_import_file_changes_nothing(
    window: MainWindow, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "kumppani-partnership", "version": 1,')
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.files.import_action.trigger()
    assert len(shown) == 1 and "is not valid JSON" in shown[0]
    assert partnership_rows.list_partnerships(diary.db) == []


def test_import_replacing_a_partnership_clears_the_undo_history(
    window: MainWindow, diary: Diary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.exchange import export_partnership, save_file
    from app.services.command import Command

    pk = load_demo(diary)
    out = tmp_path / "demo.json"
    save_file(export_partnership(diary.db, pk), out)
    window.context.undo.push(Command("edit entry", lambda: None, lambda: None))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))

    def choose_replace(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == "Replace").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_replace)
    window.files.import_action.trigger()
    (replaced,) = partnership_rows.list_partnerships(diary.db)
    assert window.model.rowCount() == 1
    assert window.current_pk == replaced.pk
    assert window.context.undo.undo_text is None
    assert not window.undo_action.isEnabled()
