"""Authorship: the facilitator of the preferences stamps every record they create or change,
through the app context; the action plan, the entry list and the history filter by author."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.domain import Action, Entry, EntryType, Event, EventKind, Visibility
from app.domain.authors import Author, valid_author_id
from app.persistence import authors, entries, events
from app.persistence.diary import Diary
from app.persistence.search import Filters, search
from app.services.demo import load_demo
from app.services.editing import Editor
from app.services.undo import UndoStack
from ui.context import AppContext
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.main_window import MainWindow
from ui.models.search import AUTHOR_ROLE
from ui.pages.actions_page import ActionsPage
from ui.pages.diary_page import DiaryPage
from ui.pages.history_page import HistoryPage
from ui.settings import AUTHOR_ID, AUTHOR_NAME, author_of


def _stamp(diary: Diary, table: str, pk: int) -> tuple[str | None, str | None]:
    return authors.record_authors(diary.db, table, [pk])[pk]


def test_records_carry_their_author_and_last_editor(diary: Diary) -> None:
    pk = load_demo(diary)  # written before anyone was named: unattributed
    assert (
        diary.db.execute("SELECT count(*) FROM entries WHERE created_by IS NOT NULL").fetchone()[0]
        == 0
    )
    editor = Editor(diary, UndoStack(diary))
    diary.set_author(Author("anna0001", "Anna"))
    event = events.list_events(diary.db, pk)[0].pk
    assert event is not None
    entry = editor.create_entry(pk, Entry(event, EntryType.IDEA, "Anna's idea", Visibility.SHARED))
    action = editor.create_action(pk, Action("Anna's action", date(2025, 1, 1)))
    assert _stamp(diary, "entries", entry) == ("anna0001", "anna0001")
    assert _stamp(diary, "actions", action) == ("anna0001", "anna0001")
    diary.set_author(Author("bert0002", "Bert"))
    stored = entries.get_entry(diary.db, entry)
    assert stored is not None
    stored.text = "Anna's idea, sharpened by Bert"
    editor.edit_entry(stored, "text")
    assert _stamp(diary, "entries", entry) == ("anna0001", "bert0002")
    assert _stamp(diary, "actions", action) == ("anna0001", "anna0001")  # untouched
    editor.undo.undo()  # undoing is a change too, by whoever undoes
    assert _stamp(diary, "entries", entry)[1] == "bert0002"
    assert {a.id: a.name for a in authors.list_authors(diary.db)} == {
        "anna0001": "Anna",
        "bert0002": "Bert",
    }
    assert [a.label for a in authors.partnership_authors(diary.db, pk)] == ["Anna", "Bert"]


def test_without_an_author_nothing_is_stamped(diary: Diary) -> None:
    diary.set_author(Author("anna0001", "Anna"))
    diary.set_author(None)
    pk = load_demo(diary)
    assert (
        diary.db.execute("SELECT count(*) FROM entries WHERE created_by IS NOT NULL").fetchone()[0]
        == 0
    )
    assert authors.list_authors(diary.db) == []
    assert pk


def test_an_id_that_could_break_out_of_the_trigger_is_refused(diary: Diary) -> None:
    assert not valid_author_id("x'; DROP TABLE entries; --")
    with pytest.raises(ValueError):
        diary.set_author(Author("x'; DROP TABLE entries; --"))


def test_the_app_context_stamps_with_the_facilitator_of_the_preferences(
    diary: Diary, settings: QSettings, qtbot: QtBot
) -> None:
    context = AppContext(diary=diary, undo=UndoStack(diary), settings=settings)
    made = AUTHOR_ID.read(settings)
    assert valid_author_id(made) and len(made) == 8  # made once, at the first start
    assert diary.author == Author(made, "")
    again = AppContext(diary=diary, undo=UndoStack(diary), settings=settings)
    assert again.diary.author is not None and again.diary.author.id == made  # stable
    dialog = PreferencesDialog(None, settings, diary.path.parent / "backups")
    qtbot.addWidget(dialog)
    dialog.author_name.setText("  Päivi   Facilitator ")
    dialog._save()
    assert AUTHOR_NAME.read(settings) == "Päivi Facilitator"
    context.update_author()
    assert diary.author == Author(made, "Päivi Facilitator")
    assert author_of(settings).id == made


def _two_authors(diary: Diary) -> tuple[int, int]:
    """The demo written by nobody, then an event with one entry and one action by each of
    Anna and Bert."""
    pk = load_demo(diary)
    editor = Editor(diary, UndoStack(diary))
    event = editor.create_event(pk, Event(EventKind.MEETING, "Team meeting", "2025-02-02"))
    for author in (Author("anna0001", "Anna"), Author("bert0002", "Bert")):
        diary.set_author(author)
        editor.create_entry(
            pk, Entry(event, EntryType.NOTE, f"Written by {author.name}", Visibility.SHARED)
        )
        editor.create_action(pk, Action(f"Action of {author.name}", date(2025, 2, 2)))
    return pk, event


def test_action_plan_shows_and_filters_by_author(
    build: Callable[[], MainWindow], diary: Diary
) -> None:
    pk, _event = _two_authors(diary)
    window = build()
    window.select_partnership(pk)
    page = window.page("actions")
    assert isinstance(page, ActionsPage)
    labels = [page.author.itemText(i) for i in range(page.author.count())]
    # The facilitator of this computer (the window's settings, no name yet: the id) wrote the
    # demo and the event; Anna and Bert one entry and one action each.
    assert labels[0] == "Any author" and {"Anna", "Bert"} <= set(labels)
    total = page.proxy.rowCount()
    page.author.setCurrentIndex(page.author.findData("bert0002"))
    shown = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert shown == ["Action of Bert"]
    column = page.actions_model.AUTHOR
    assert page.proxy.index(0, column).data() == "Bert"
    page.author.setCurrentIndex(0)
    assert page.proxy.rowCount() == total


def test_entry_list_and_history_filter_by_author(
    build: Callable[[], MainWindow], diary: Diary
) -> None:
    pk, event = _two_authors(diary)
    window = build()
    window.select_partnership(pk)
    page = window.page("diary")
    assert isinstance(page, DiaryPage)
    capture = page.capture
    capture.set_event(pk, event)
    model = capture.entries
    assert model.rowCount() == 2
    assert model.index(0, model.AUTHOR).data() == "Anna"
    capture.author.setCurrentIndex(capture.author.findData("anna0001"))
    assert [model.index(r, model.TEXT).data() for r in range(model.rowCount())] == [
        "Written by Anna"
    ]
    history = window.page("history")
    assert isinstance(history, HistoryPage)
    history.show_partnership(pk)
    history.author.setCurrentIndex(history.author.findData("bert0002"))
    assert history.filters().author == "bert0002"
    found = search(diary.db, pk, "Written", history.filters())
    assert [h.snippet.text for h in found] == ["Written by Bert"]
    history.search.setText("Written")
    history.run_search()
    hits = history.results
    assert hits.rowCount() == 1
    assert hits.index(0).data(AUTHOR_ROLE) == "Bert"
    assert " · Bert\n" in hits.index(0).data()
    assert len(search(diary.db, pk, "Written", Filters())) > 1  # the demo writes too
