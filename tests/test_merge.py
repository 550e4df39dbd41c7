"""Merging a colleague's diary (issue 15, item 2): two diaries made from one partnership file,
each changed differently, merged both ways through real diaries and files."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import count
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.backup.opening import open_diary_file
from app.domain import Entry, EntryType, Event, EventKind, Visibility
from app.domain.authors import Author
from app.exchange import ExchangeError, check_file, export_partnership, save_file
from app.exchange.export import export_stream
from app.persistence import entries, events, merges
from app.persistence.diary import Diary
from app.services.demo import load_demo
from app.services.editing import Editor
from app.services.imports import import_partnership_file
from app.services.merge import NotSamePartnership, merge_file
from app.services.undo import UndoStack
from ui.cli import main

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((ROOT / "resources/schema/exchange-v2.schema.json").read_text("utf-8"))
ANNA, BERT = Author("anna0001", "Anna"), Author("bert0002", "Bert")
_IGNORED = ("exported_at", "source", "merges")


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A clock that moves a minute at each reading, from an hour ahead of the real one: every
    edit is later than the imports (stamped by the database's own clock) and than the last."""
    start = datetime.now(UTC) + timedelta(hours=1)
    ticks = count()

    def now_stamp() -> str:
        return (start + timedelta(minutes=next(ticks))).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    for module in ("entries", "events", "actions"):
        monkeypatch.setattr(f"app.persistence.{module}.now_stamp", now_stamp)
    monkeypatch.setattr("app.services.merge.now_stamp", now_stamp)
    yield


@dataclass
class Side:
    diary: Diary
    pk: int
    editor: Editor
    author: Author

    def export(self, path: Path) -> Path:
        save_file(export_stream(self.diary.db, self.pk, self.author), path)
        return path

    def content(self) -> dict[str, Any]:
        doc = export_partnership(self.diary.db, self.pk)
        return {k: v for k, v in doc.items() if k not in _IGNORED}

    def entry(self, entry_id: str) -> Entry:
        row = self.diary.db.execute(
            "SELECT pk FROM entries WHERE partnership_pk = ? AND id = ?", [self.pk, entry_id]
        ).fetchone()
        found = entries.get_entry(self.diary.db, row[0])
        assert found is not None
        return found

    def texts(self) -> set[str]:
        doc = self.content()
        return {n["text"] for e in doc["events"] for n in e["entries"]}


def _side(tmp_path: Path, name: str, base: Path, author: Author) -> Side:
    diary = open_diary_file(tmp_path / f"{name}.sqlite3", create=True)
    diary.set_author(author)
    pk = import_partnership_file(diary, check_file(base))
    return Side(diary, pk, Editor(diary, UndoStack(diary)), author)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Side, Side, dict[str, str]]]:
    """Anna's and Bert's diaries from one file, each changed in its own way."""
    origin = open_diary_file(tmp_path / "origin.sqlite3", create=True)
    origin.set_author(Author("orig0000", "Origin"))
    save_file(export_stream(origin.db, load_demo(origin)), tmp_path / "base.json")
    origin.close()
    a = _side(tmp_path, "anna", tmp_path / "base.json", ANNA)
    b = _side(tmp_path, "bert", tmp_path / "base.json", BERT)
    first = events.list_events(a.diary.db, a.pk)[0]
    doc = a.content()
    shared = doc["events"][0]["entries"]
    ids = {"edited": shared[0]["id"], "deleted": shared[1]["id"]}
    # Both: a new event with an entry, and a new entry in an existing event.
    for side, who in ((a, "Anna"), (b, "Bert")):
        event = Event(EventKind.MEETING, f"{who}'s follow-up", first.when)
        event_pk = side.editor.create_event(side.pk, event)
        side.editor.create_entry(
            side.pk, Entry(event_pk, EntryType.NOTE, f"{who} wrote this", Visibility.SHARED)
        )
        their_first = events.list_events(side.diary.db, side.pk)[0].pk
        assert their_first is not None
        side.editor.create_entry(
            side.pk, Entry(their_first, EntryType.IDEA, f"{who}'s idea", Visibility.PRIVATE)
        )
    # The same entry edited on both sides: Bert's edit is the later one.
    for side, wording in ((a, "Anna's wording"), (b, "Bert's wording")):
        entry = side.entry(ids["edited"])
        entry.text = wording
        side.editor.edit_entry(entry, "text")
    # One entry deleted on one side.
    deleted = b.entry(ids["deleted"])
    assert deleted.pk is not None
    b.editor.delete_entry(deleted.pk)
    yield a, b, ids
    a.diary.close()
    b.diary.close()


def test_merged_both_ways_the_diaries_hold_the_same(
    pair: tuple[Side, Side, dict[str, str]], tmp_path: Path
) -> None:
    a, b, ids = pair
    a_file, b_file = a.export(tmp_path / "a.json"), b.export(tmp_path / "b.json")
    jsonschema.validate(json.loads(b_file.read_text("utf-8")), SCHEMA)  # tombstones included
    into_a = merge_file(a.diary, b_file)
    into_b = merge_file(b.diary, a_file)
    assert into_a.written and into_b.written
    assert a.content() == b.content()
    texts = a.texts()
    for expected in ("Anna wrote this", "Bert wrote this", "Anna's idea", "Bert's idea"):
        assert expected in texts
    assert "Bert's wording" in texts and "Anna's wording" not in texts  # the newer edit
    deleted_text = json.loads(b_file.read_text("utf-8"))
    assert any(t["id"] == ids["deleted"] for t in deleted_text["deleted"])
    live = {n["id"] for e in a.content()["events"] for n in e["entries"]}
    assert ids["deleted"] not in live and ids["edited"] in live
    # The conflict is listed on both sides, with both versions.
    for result, kept in ((into_a, "theirs"), (into_b, "ours")):
        [conflict] = result.plan.conflicts
        assert (conflict.kind, conflict.id, conflict.kept) == ("entry", ids["edited"], kept)
        assert {conflict.ours["text"], conflict.theirs["text"]} == {
            "Anna's wording",
            "Bert's wording",
        }
    assert into_a.plan.added["event"] == 1 and into_a.plan.added["entry"] == 2
    assert into_a.plan.deleted["entry"] == 1
    assert into_a.their_author == "Bert"
    # Nothing lost: the losing version is a revision in both diaries.
    for side in (a, b):
        partnership_id = side.content()["partnership"]["id"]
        saved = merges.revisions(side.diary.db, partnership_id, "entry", ids["edited"])
        assert [r.body["text"] for r in saved if r.reason == "conflict"] == ["Anna's wording"]
    anna_deleted = merges.revisions(
        a.diary.db, a.content()["partnership"]["id"], "entry", ids["deleted"]
    )
    assert [r.reason for r in anna_deleted] == ["deleted"]
    # Bert's own deleted entry left his deleted items with the merge: kept as a revision.
    bert_deleted = merges.revisions(
        b.diary.db, b.content()["partnership"]["id"], "entry", ids["deleted"]
    )
    assert [r.reason for r in bert_deleted] == ["deleted"]
    assert bert_deleted[0].body["text"] == anna_deleted[0].body["text"]


def test_merging_the_same_file_twice_changes_nothing(
    pair: tuple[Side, Side, dict[str, str]], tmp_path: Path
) -> None:
    a, b, _ids = pair
    b_file = b.export(tmp_path / "b.json")
    merge_file(a.diary, b_file)
    before = a.content()
    revisions = len(merges.revisions(a.diary.db, before["partnership"]["id"]))
    again = merge_file(a.diary, b_file)
    assert not again.written
    assert not again.plan.conflicts and not again.plan.changes
    assert a.content() == before
    assert len(merges.revisions(a.diary.db, before["partnership"]["id"])) == revisions
    # And the other way round once more: the diaries have met, nothing is new.
    a_file = a.export(tmp_path / "a-after.json")
    merge_file(b.diary, a_file)
    assert b.content() == a.content()


def test_a_record_changed_after_its_deletion_stays(
    pair: tuple[Side, Side, dict[str, str]], tmp_path: Path
) -> None:
    a, b, ids = pair
    entry = a.entry(ids["deleted"])  # Anna edits it after Bert deleted it
    entry.text = "Still needed"
    a.editor.edit_entry(entry, "text")
    merge_file(b.diary, a.export(tmp_path / "a.json"))
    assert "Still needed" in b.texts()


def test_dry_run_changes_nothing_and_cli_prints_counts(
    pair: tuple[Side, Side, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, ids = pair
    b_file = b.export(tmp_path / "b.json")
    before = a.content()
    path = a.diary.path
    a.diary.close()
    assert main(["--db", str(path), "merge", str(b_file), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Merging" in out and "from Bert" in out
    assert "entries: 2 added, 1 updated, 1 deleted" in out
    assert f"entries {ids['edited']}: kept the file's version" in out
    assert "Nothing was changed (--dry-run)." in out
    a.diary = open_diary_file(path)
    assert a.content() == before


def test_another_partnership_is_refused_with_advice(
    pair: tuple[Side, Side, dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, _b, _ids = pair
    doc = json.loads(a.export(tmp_path / "a.json").read_text("utf-8"))
    doc["partnership"]["id"] = "someone-else"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(NotSamePartnership):
        merge_file(a.diary, other)
    path = a.diary.path
    a.diary.close()
    assert main(["--db", str(path), "merge", str(other)]) == 2
    err = capsys.readouterr().err
    assert "import --copy" in err and "Traceback" not in err
    a.diary = open_diary_file(path)


def test_a_damaged_file_merges_nothing(
    pair: tuple[Side, Side, dict[str, str]], tmp_path: Path
) -> None:
    a, b, _ids = pair
    doc = json.loads(b.export(tmp_path / "b.json").read_text("utf-8"))
    doc["deleted"] = [{"kind": "entry", "id": "x", "deleted_at": "yesterday"}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    before = a.content()
    with pytest.raises(ExchangeError, match=r"deleted\[0\]"):
        merge_file(a.diary, bad)
    assert a.content() == before


_CHILD = """
import sys, time
from pathlib import Path
from app.backup.opening import open_diary_file
from app.persistence import merges
import app.services.merge as merge

def stall(*args, **kwargs):
    Path(sys.argv[3]).write_text("inside")
    time.sleep(600)

merges.add_revision = stall  # the merged partnership is stored; the transaction is open
diary = open_diary_file(sys.argv[1])
merge.merge_file(diary, sys.argv[2])
"""


def test_a_merge_killed_midway_leaves_the_diary_as_it_was(
    pair: tuple[Side, Side, dict[str, str]], tmp_path: Path
) -> None:
    a, b, _ids = pair
    b_file = b.export(tmp_path / "b.json")
    before = a.content()
    path = a.diary.path
    a.diary.close()
    flag = tmp_path / "inside"
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path), str(b_file), str(flag)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        for _ in range(600):
            if flag.exists() or child.poll() is not None:
                break
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=0.5)
        assert flag.exists(), "the child never reached the middle of the merge"
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    a.diary = open_diary_file(path)
    assert a.content() == before
    assert merges.revisions(a.diary.db, before["partnership"]["id"]) == []
