"""The exchange format: round trips, import modes, and all-or-nothing imports."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.backup.opening import open_diary_file
from app.exchange import (
    AlreadyInDiary,
    ExchangeError,
    dumps,
    export_partnership,
    import_partnership,
    load_file,
    parse,
    save_file,
)
from app.persistence import actions, entries, events, partnerships, records
from app.persistence.diary import Diary
from app.services.demo import demo_document, load_demo

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "resources/schema/exchange-v2.schema.json").read_text("utf-8"))
SCHEMA_V1 = json.loads((ROOT / "resources/schema/exchange-v1.schema.json").read_text("utf-8"))


def _without_stamp(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


def _counts(diary: Diary) -> dict[str, int]:
    tables = ["partnerships", "organizations", "people", "events", "entries", "actions"]
    tables += ["ratings", "participants", "checklist_marks", "feedback_reports", "entries_fts"]
    return {t: diary.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.fixture
def edge_case() -> dict[str, Any]:
    """A version 2 file with odd values and every field of the format."""
    data: dict[str, Any] = load_file(FIXTURES / "edge-case-v2.json")
    return data


def test_demo_round_trip_is_identical(diary: Diary, tmp_path: Path) -> None:
    pk = load_demo(diary)
    first = export_partnership(diary.db, pk)
    other = open_diary_file(tmp_path / "other.sqlite3", create=True)
    try:
        second = export_partnership(other.db, import_partnership(other, first))
    finally:
        other.close()
    assert dumps(_without_stamp(first)) == dumps(_without_stamp(second))
    # The shipped demo file is itself canonical: what the app writes back is the same file.
    assert _without_stamp(first) == demo_document()


def test_demo_is_the_story_the_brief_asks_for(diary: Diary) -> None:
    pk = load_demo(diary)
    evs = events.list_events(diary.db, pk, with_details=True)
    all_entries = entries.list_partnership_entries(diary.db, pk)
    assert 25 <= len(evs) <= 35 and len(all_entries) >= 150
    kinds = {e.kind.value for e in evs}
    assert {"workshop", "focus_group", "interview", "questionnaire", "pilot"} <= kinds
    assert {"feedback_meeting", "meeting"} <= kinds
    final = evs[-2]
    sponsors = {p.pk for p in partnerships.list_people(diary.db, pk) if p.sponsor}
    absent = {p.person for p in final.participants if p.invited and not p.attended}
    assert final.kind.value == "feedback_meeting" and len(sponsors & absent) >= 2
    plan = actions.list_actions(diary.db, pk)
    statuses = {a.status.value for a in plan}
    assert {"open", "in_progress", "done", "dropped"} <= statuses
    assert len(records.list_checklist_marks(diary.db, pk)) >= 5
    assert len(records.list_feedback_reports(diary.db, pk)) >= 2


def test_demo_loads_once(diary: Diary) -> None:
    first = load_demo(diary)
    assert load_demo(diary) == first
    assert diary.db.execute("SELECT count(*) FROM partnerships").fetchone()[0] == 1


def test_edge_case_file_comes_back_unchanged(diary: Diary, edge_case: dict[str, Any]) -> None:
    pk = import_partnership(diary, edge_case)
    assert _without_stamp(export_partnership(diary.db, pk)) == _without_stamp(edge_case)
    p = partnerships.get_partnership(diary.db, pk)
    assert p is not None and p.language == "fi" and len(p.phases) == 5


def test_exports_validate_against_the_json_schema(diary: Diary, edge_case: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.validate(export_partnership(diary.db, load_demo(diary)))
    validator.validate(edge_case)
    jsonschema.Draft202012Validator(SCHEMA_V1).validate(load_file(FIXTURES / "edge-case.json"))
    bad = copy.deepcopy(edge_case)
    bad["events"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(bad)


def test_defaults_are_applied(diary: Diary) -> None:
    minimal = {
        "format": "kumppani-partnership",
        "version": 1,
        "partnership": {
            "id": "m",
            "name": "Minimal",
            "started_on": "2024-01-01",
            "phases": [{"phase": "negotiation", "from": "2024-01-01"}],
        },
        "organizations": [{"id": "o", "name": "Org", "role": "customer"}],
        "people": [{"id": "p", "name": "Pia", "organization": "o"}],
        "events": [
            {
                "id": "e",
                "kind": "meeting",
                "title": "T",
                "date": "2024-01-02",
                "participants": [{"person": "p", "attended": True}],
                "entries": [],
            }
        ],
        "actions": [
            {"id": "a", "text": "Do", "owner": "p", "created_on": "2024-01-02", "status": "open"}
        ],
    }
    pk = import_partnership(diary, minimal)
    out = export_partnership(diary.db, pk)
    assert out["partnership"]["language"] == "en"
    assert out["events"][0]["participants"][0] == {"person": "p", "invited": True, "attended": True}
    assert out["actions"][0]["organization"] == "o"  # the owner's organization
    assert out["people"][0]["sponsor"] is False


def test_existing_partnership_is_refused_then_copied_or_replaced(
    diary: Diary, edge_case: dict[str, Any]
) -> None:
    first = import_partnership(diary, edge_case)
    before = _counts(diary)
    with pytest.raises(AlreadyInDiary) as caught:
        import_partnership(diary, edge_case)
    assert caught.value.existing_pk == first and "nothing was imported" in str(caught.value)
    assert _counts(diary) == before

    copy_pk = import_partnership(diary, edge_case, mode="copy")
    copied = export_partnership(diary.db, copy_pk)
    assert copied["partnership"]["id"] != "edge"
    assert copied["partnership"]["name"].endswith("(copy)")
    assert {o["id"] for o in copied["organizations"]}.isdisjoint({"c", "s", "x"})
    # References follow the renamed records.
    entry_ids = {n["id"] for e in copied["events"] for n in e["entries"]}
    event_ids = {e["id"] for e in copied["events"]}
    assert copied["actions"][0]["source_entry"] in entry_ids
    assert copied["checklist"][0]["evidence"] in event_ids
    assert copied["checklist"][1]["evidence"] in entry_ids
    assert copied["reports"][1]["audience"] == copied["organizations"][0]["id"]

    changed = copy.deepcopy(edge_case)
    changed["partnership"]["name"] = "Replaced"
    del changed["events"][0]  # the event nothing refers to
    replaced_pk = import_partnership(diary, changed, mode="replace")
    assert partnerships.get_partnership(diary.db, first) is None
    again = export_partnership(diary.db, replaced_pk)
    assert again["partnership"]["name"] == "Replaced" and len(again["events"]) == 1
    # The copy is untouched, and the search index holds exactly the live entries.
    assert partnerships.get_partnership(diary.db, copy_pk) is not None
    fts_rows = diary.db.execute("SELECT count(*) FROM entries_fts").fetchone()[0]
    assert fts_rows == diary.db.execute("SELECT count(*) FROM entries").fetchone()[0]


def test_a_failure_while_storing_leaves_nothing_behind(
    diary: Diary, edge_case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counts(diary)

    def broken(*args: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(records, "insert_feedback_report", broken)
    with pytest.raises(RuntimeError):
        import_partnership(diary, edge_case)
    assert _counts(diary) == before


def test_deleted_records_are_not_exported_and_references_to_them_dropped(
    diary: Diary, edge_case: dict[str, Any]
) -> None:
    pk = import_partnership(diary, edge_case)
    source = entries.list_partnership_entries(diary.db, pk)[0][1]
    assert source.pk is not None
    with diary.write() as db:
        entries.set_entry_deleted(db, source.pk, True)
    out = export_partnership(diary.db, pk)
    assert "source_entry" not in out["actions"][0]
    assert all(n["id"] != source.id for e in out["events"] for n in e["entries"])
    other = open_diary_file(diary.path.with_name("again.sqlite3"), create=True)
    try:
        import_partnership(other, out)
    finally:
        other.close()


def test_save_file_writes_canonical_utf8(tmp_path: Path, edge_case: dict[str, Any]) -> None:
    target = tmp_path / "out.json"
    save_file(edge_case, target)
    text = target.read_text("utf-8")
    assert "Ääriarvot" in text and text.endswith("}\n")
    assert load_file(target) == edge_case
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_save_file_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="Cannot write"):
        save_file({}, tmp_path / "no" / "such" / "out.json")


def test_a_file_checked_first_is_imported_from_its_parsed_records(
    diary: Diary, edge_case: dict[str, Any]
) -> None:
    parsed = parse(edge_case)
    pk = import_partnership(diary, parsed)
    assert _without_stamp(export_partnership(diary.db, pk)) == _without_stamp(edge_case)
