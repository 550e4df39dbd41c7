"""The team fields of a partnership file (docs/exchange-format.md): ``authors``, ``source`` and
each record's ``created_at``, ``updated_at``, ``created_by``, ``updated_by``, through both import
paths, the JSON Schema, and the checks of bad values."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.backup.opening import open_diary_file
from app.domain import Action, Entry, EntryType, Visibility
from app.domain.authors import Author
from app.exchange import ExchangeError, Mode, check_file, export_partnership, import_partnership
from app.exchange.export import export_stream
from app.persistence import authors, events
from app.persistence.diary import Diary
from app.services.demo import load_demo
from app.services.editing import Editor
from app.services.imports import import_partnership_file
from app.services.undo import UndoStack

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "resources/schema/exchange-v2.schema.json").read_text("utf-8"))
Importer = Callable[..., int]
ANNA, BERT = Author("anna0001", "Anna"), Author("bert0002", "Bert")


@pytest.fixture(params=["kumppani_import", "in_memory"])
def load(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Importer]:
    files = count()

    def through_file(diary: Diary, data: dict[str, Any], mode: Mode = "refuse") -> int:
        path = tmp_path / f"import-{next(files)}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        return import_partnership_file(diary, check_file(path), mode)

    yield through_file if request.param == "kumppani_import" else import_partnership


def _written_by_two(diary: Diary) -> int:
    """The demo (nobody's), then an entry by Anna that Bert edited, and an action by Bert."""
    pk = load_demo(diary)
    editor = Editor(diary, UndoStack(diary))
    event = events.list_events(diary.db, pk)[-1].pk
    assert event is not None
    diary.set_author(ANNA)
    entry = Entry(event, EntryType.IDEA, "A shared calendar", Visibility.SHARED)
    editor.create_entry(pk, entry)
    diary.set_author(BERT)
    entry.text = "A shared calendar for both sides"
    editor.edit_entry(entry, "text")
    editor.create_action(
        pk, Action("Set up the calendar", events.list_events(diary.db, pk)[-1].day)
    )
    return pk


def _stamped(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every record of the document that carries team fields, by id."""
    records = [*document["organizations"], *document["people"], *document["actions"]]
    for e in document["events"]:
        records += [e, *e["entries"]]
    return {r["id"]: r for r in records if "created_by" in r}


def test_export_names_the_authors_of_each_record(diary: Diary) -> None:
    pk = _written_by_two(diary)
    document = export_partnership(diary.db, pk)
    document = {**document, "events": list(export_stream(diary.db, pk, exporter=BERT)["events"])}
    stamped = _stamped(document)
    [entry] = [r for r in stamped.values() if r.get("text", "").startswith("A shared calendar")]
    assert (entry["created_by"], entry["updated_by"]) == ("anna0001", "bert0002")
    assert entry["created_at"].endswith("Z") and len(entry["created_at"]) == 20
    [action] = [r for r in stamped.values() if r.get("text") == "Set up the calendar"]
    assert (action["created_by"], action["updated_by"]) == ("bert0002", "bert0002")
    assert document["authors"] == [
        {"id": "anna0001", "name": "Anna"},
        {"id": "bert0002", "name": "Bert"},
    ]
    assert document["source"]["diary"]
    with_exporter = export_stream(diary.db, pk, exporter=BERT)
    assert with_exporter["source"]["author"] == "bert0002"
    jsonschema.validate(document, SCHEMA)


def test_a_diary_without_authors_writes_the_file_as_before(diary: Diary) -> None:
    document = export_partnership(diary.db, load_demo(diary))
    assert "authors" not in document and "source" not in document
    assert not _stamped(document)


def test_the_team_fields_round_trip(diary: Diary, load: Importer, tmp_path: Path) -> None:
    first = export_partnership(diary.db, _written_by_two(diary))
    other = open_diary_file(tmp_path / "other.sqlite3", create=True)
    try:
        other.set_author(Author("carl0003", "Carl"))  # the importer: not the author of these
        second = export_partnership(other.db, load(other, first))
        known = {a.id: a.name for a in authors.list_authors(other.db)}
    finally:
        other.close()
    before, after = _stamped(first), _stamped(second)
    assert before and {i: after[i] for i in before} == before
    assert {"anna0001": "Anna", "bert0002": "Bert"}.items() <= known.items()
    # The records the file did not attribute were created by the importer, in this diary.
    unattributed = [r for r in after.values() if r["id"] not in before]
    assert unattributed and all(r["created_by"] == "carl0003" for r in unattributed)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["actions"][-1].update(created_by="zed9"), 'no author "zed9"'),
        (lambda d: d["actions"][-1].update(updated_at="2025-01-01 10:00"), "UTC date and time"),
        (lambda d: d["actions"][-1].update(created_at="2025-02-30T10:00:00Z"), "UTC date and time"),
        (lambda d: d["authors"].append({"id": "Bad Id", "name": "x"}), "only a–z"),
        (lambda d: d["authors"].append(dict(d["authors"][0])), "used twice"),
        (lambda d: d["source"].update(author="nobody"), 'no author "nobody"'),
    ],
)
def test_bad_team_fields_are_refused_with_their_place(
    diary: Diary,
    load: Importer,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    where: str,
) -> None:
    source = open_diary_file(tmp_path / "source.sqlite3", create=True)
    try:
        pk = _written_by_two(source)
        document = export_partnership(source.db, pk)
        document["source"] = {"diary": "d1", "author": "bert0002"}
    finally:
        source.close()
    broken = copy.deepcopy(document)
    change(broken)
    with pytest.raises(ExchangeError, match=where):
        load(diary, broken)
    assert diary.db.execute("SELECT count(*) FROM partnerships").fetchone()[0] == 0


def test_a_version_1_file_may_not_carry_team_fields(diary: Diary, load: Importer) -> None:
    v1 = json.loads((ROOT / "tests/fixtures/edge-case.json").read_text("utf-8"))
    v1["authors"] = [{"id": "anna0001", "name": "Anna"}]
    with pytest.raises(ExchangeError, match="unknown field"):
        load(diary, v1)
