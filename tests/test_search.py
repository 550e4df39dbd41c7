"""Full-text search, filters, paging, hostile input, and the deleted items."""

from __future__ import annotations

from datetime import date

import pytest
from test_editing_seed import Seed, seed

from app.domain import Entry, EntryType, Event, EventKind, Participant, Tension, Visibility
from app.persistence import search, trash
from app.persistence.diary import Diary
from app.persistence.search import Filters
from app.services.editing import Editor
from app.services.undo import UndoStack


@pytest.fixture
def filled(diary: Diary) -> tuple[Editor, Seed, int, int]:
    editor = Editor(diary, UndoStack(diary))
    s = seed(diary)
    kickoff = Event(
        EventKind.MEETING,
        "Kick-off",
        "2024-02-01T09:00",
        purpose="Agree the goals of the pilot",
        participants=[Participant(s.anna, attended=True)],
    )
    workshop = Event(
        EventKind.WORKSHOP,
        "Ideas workshop",
        "2024-03-10",
        participants=[Participant(s.pekka)],
    )
    k = editor.create_event(s.partnership, kickoff)
    w = editor.create_event(s.partnership, workshop)
    add = editor.create_entry
    add(s.partnership, Entry(k, EntryType.IDEA, "Early support model for the warehouse"))
    add(
        s.partnership,
        Entry(k, EntryType.OBSTACLE, "Budget owner unclear", tensions=(Tension.ROLES,)),
    )
    add(s.partnership, Entry(w, EntryType.DECISION, "Pilot support in the warehouse <b>now</b>"))
    add(s.partnership, Entry(w, EntryType.NOTE, 'Työkyky ja äänestys: "quoted" AND NEAR(x'))
    add(s.partnership, Entry(w, EntryType.NOTE, "שלום partnership مرحبا"))
    return editor, s, k, w


def texts(hits: list[search.Hit]) -> list[str]:
    return [h.snippet.text for h in hits]


def test_words_and_prefix_with_highlights(filled: tuple[Editor, Seed, int, int]) -> None:
    editor, s, _, _ = filled
    hits = search.search(editor.db, s.partnership, "warehouse supp")
    assert len(hits) == 2
    for h in hits:
        marked = [h.snippet.text[a:b].lower() for a, b in h.snippet.highlights]
        assert "warehouse" in marked and "support" in marked
    # Markup in user text comes back as text, never interpreted.
    assert any("<b>now</b>" in t for t in texts(hits))


def test_titles_and_purposes_are_searched(filled: tuple[Editor, Seed, int, int]) -> None:
    editor, s, k, _ = filled
    [hit] = search.search(editor.db, s.partnership, "goals")
    assert (hit.event_pk, hit.entry_pk) == (k, None)


def test_filters(filled: tuple[Editor, Seed, int, int]) -> None:
    editor, s, k, w = filled
    db, p = editor.db, s.partnership
    assert {h.event_pk for h in search.search(db, p, "", Filters(person=s.anna))} == {k}
    assert {h.event_pk for h in search.search(db, p, "", Filters(organization=s.provider))} == {w}
    assert {h.event_pk for h in search.search(db, p, "", Filters(kind=EventKind.WORKSHOP))} == {w}
    only_roles = search.search(db, p, "", Filters(tension=Tension.ROLES))
    assert texts(only_roles) == ["Budget owner unclear"]
    private = search.search(db, p, "", Filters(visibility=Visibility.PRIVATE))
    assert texts(private) == ["Budget owner unclear"]
    ideas = search.search(db, p, "support", Filters(entry_type=EntryType.IDEA))
    assert [h.entry_type for h in ideas] == [EntryType.IDEA]


def test_paging_and_listing_order(filled: tuple[Editor, Seed, int, int]) -> None:
    editor, s, _, w = filled
    first = search.search(editor.db, s.partnership, limit=2)
    rest = search.search(editor.db, s.partnership, limit=10, offset=2)
    assert len(first) == 2 and len(rest) == 3
    assert first[0].event_pk == w  # newest event first
    assert not {h.entry_pk for h in first} & {h.entry_pk for h in rest}


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"quoted"',
        '""""',
        "AND",
        "OR NOT",
        "NEAR(",
        "NEAR(x",
        "a AND NOT b",
        "%",
        "_",
        "*",
        "^",
        "-",
        "(",
        ")",
        "col:x",
        "title:goals",
        "😀",
        "😀 warehouse",
        "äänestys",
        "työky",
        "שלום",
        "مرحبا",
        "\u202ewarehouse",
        "\x00",
        "'; DROP TABLE entries; --",
        "x" * 5000,
    ],
)
def test_hostile_input_never_errors(filled: tuple[Editor, Seed, int, int], text: str) -> None:
    editor, s, _, _ = filled
    hits = search.search(editor.db, s.partnership, text)
    assert isinstance(hits, list)


def test_operators_are_searched_as_words(filled: tuple[Editor, Seed, int, int]) -> None:
    editor, s, _, _ = filled
    for text in ('"quoted" AND NEAR(', "äänestys", "työky", "שלום", "مرحبا"):
        assert len(search.search(editor.db, s.partnership, text)) == 1, text
    assert search.search(editor.db, s.partnership, "%") == []


def test_deleted_entries_are_not_found_until_restored(
    filled: tuple[Editor, Seed, int, int],
) -> None:
    editor, s, k, _ = filled
    [hit] = search.search(editor.db, s.partnership, "budget")
    assert hit.entry_pk is not None
    editor.delete_entry(hit.entry_pk)
    editor.delete_event(k)
    assert search.search(editor.db, s.partnership, "budget") == []
    assert search.search(editor.db, s.partnership, "goals") == []
    deleted = trash.list_deleted(editor.db, s.partnership)
    assert {(d.kind, d.pk) for d in deleted} == {("entry", hit.entry_pk), ("event", k)}
    with editor.diary.write() as db:
        trash.restore(db, "event", k)
        trash.restore(db, "entry", hit.entry_pk)
    assert len(search.search(editor.db, s.partnership, "budget")) == 1


def test_emptying_removes_rows_and_index(filled: tuple[Editor, Seed, int, int]) -> None:
    editor, s, k, _ = filled
    idea = search.search(editor.db, s.partnership, "early")[0].entry_pk
    assert idea is not None
    action = editor.make_action(s.partnership, idea, today=date(2024, 2, 1))
    editor.delete_event(k)
    with editor.diary.write() as db:
        assert trash.empty(db, s.partnership) == 3  # the event and its two entries
    db = editor.db
    assert db.execute("SELECT count(*) FROM entries WHERE event_pk = ?", [k]).fetchone()[0] == 0
    assert db.execute("SELECT source_entry_pk FROM actions WHERE pk = ?", [action]).fetchone() == (
        None,
    )
    # The index agrees with its content table after the purge.
    db.execute("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')")
    db.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert trash.list_deleted(db, s.partnership) == []


def test_snippet_window_keeps_the_match_and_its_range() -> None:
    text = "alku " * 200 + "Työkykykoordinaattori auttaa esimiehiä " + "loppu " * 200
    snip = search.make_snippet(text, search.query_words("TYÖKYKY"))
    assert snip.text.startswith("…") and snip.text.endswith("…")
    [(a, b)] = snip.highlights
    assert snip.text[a:b] == "Työkykykoordinaattori"
    assert len(snip.text) <= search.PLAIN_SNIPPET + 2
    # Only the last word is a prefix; earlier words must match whole.
    assert search.make_snippet("auttaa autto", search.query_words("aut x")).highlights == ()
    assert search.query_words('"NEAR(" a_b') == ["near", "a", "b"]
