"""Checklist templates (schema, validation at load) and a partnership's checklist in the diary."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

import jsonschema
import pytest

from app.checklists import TemplateError, load_templates, template_items
from app.checklists.schema import SchemaProblem, validate
from app.checklists.templates import parse_template
from app.domain import (
    Entry,
    EntryType,
    Event,
    EventKind,
    Partnership,
    Phase,
    PhaseMove,
    ValidationError,
)
from app.persistence import entries, events, partnerships
from app.persistence.diary import Diary
from app.services import checklist


def _schema() -> dict[str, Any]:
    text = resources.files("resources").joinpath("checklists/schema.json").read_text("utf-8")
    return dict(json.loads(text))


def _doc(name: str) -> dict[str, Any]:
    path = resources.files("resources").joinpath(f"checklists/{name}.json")
    return dict(json.loads(path.read_text("utf-8")))


def test_shipped_templates_are_valid_by_jsonschema_too() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for t in load_templates():
        jsonschema.validate(_doc(t.name), schema)
    items = template_items()
    assert all(i.texts["fi"] and i.whys["fi"] and i.whys["en"] for i in items.values())
    meeting = {i.id for i in items.values() if i.scope == "meeting"}
    for needed in ("review_actions", "record_attendance", "capture_obstacles", "ideas_to_actions"):
        assert f"execution.meeting.{needed}" in meeting


BROKEN = [
    ("missing field", lambda d: d.pop("items"), "$", "'items' is missing"),
    ("unknown field", lambda d: d.update(extra=1), "$", "unknown field 'extra'"),
    ("bad id", lambda d: d["items"][2].update(id="Bad Id"), "$.items[2].id", "not a valid id"),
    ("no finnish", lambda d: d["items"][0]["why"].pop("fi"), "$.items[0].why", "'fi'"),
    ("empty text", lambda d: d["items"][1]["text"].update(en=""), "$.items[1].text.en", "empty"),
    ("bad scope", lambda d: d["items"][0].update(scope="daily"), "$.items[0].scope", "one of"),
    ("wrong type", lambda d: d.update(items={}), "$.items", "type array"),
    ("bad version", lambda d: d.update(version=2), "$.version", "must be 1"),
    ("boolean", lambda d: d.update(version=True), "$.version", "must be 1"),
]


@pytest.mark.parametrize(("label", "breaks", "path", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_malformed_template_names_the_place(label: str, breaks, path: str, words: str) -> None:
    doc = _doc("negotiation")
    breaks(doc)
    schema = _schema()
    with pytest.raises(SchemaProblem) as caught:
        validate(doc, schema)
    assert caught.value.path == path and words in caught.value.message
    # the hand-written checker and jsonschema agree that it is broken
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)
    with pytest.raises(TemplateError, match=r"negotiation\.json is damaged at"):
        parse_template("negotiation", doc, schema)


def test_a_broken_file_at_load_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.checklists import templates

    real = templates._read

    def fake(name: str) -> Any:
        if name == "commitment":
            raise TemplateError(templates._("The checklist file commitment.json is missing."))
        return real(name)

    load_templates.cache_clear()
    monkeypatch.setattr(templates, "_read", fake)
    try:
        with pytest.raises(TemplateError, match=r"commitment\.json"):
            load_templates()
    finally:
        load_templates.cache_clear()


# -- a partnership's checklist ----------------------------------------------------------------


def _partnership(diary: Diary) -> tuple[int, Event, Entry]:
    with diary.write() as db:
        p = Partnership("Pilot", date(2025, 1, 1))
        p.phases = [PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1))]
        pk = partnerships.insert_partnership(db, p)
        ev = Event(EventKind.MEETING, "Kick-off", "2025-01-10", id="ev1")
        events.insert_event(db, pk, ev)
        en = Entry(ev.pk or 0, EntryType.DECISION, "We go on", id="en1")
        entries.insert_entry(db, pk, en)
    return pk, ev, en


def test_marking_an_item_done_with_evidence_counts_from_its_date(diary: Diary) -> None:
    pk, _ev, _en = _partnership(diary)
    before = checklist.status(diary.db, pk, date(2025, 2, 1))
    assert before.phase == Phase.NEGOTIATION and not before.done
    assert "negotiation.sponsors_named" in {i.id for i in before.open}
    checklist.mark_done(
        diary, pk, "negotiation.sponsors_named", date(2025, 1, 10), " named ", "ev1"
    )
    after = checklist.status(diary.db, pk, date(2025, 2, 1))
    assert [(i.id, m.note, m.evidence) for i, m in after.done] == [
        ("negotiation.sponsors_named", "named", "ev1")
    ]
    assert len(after.open) == len(before.open) - 1
    assert not checklist.status(diary.db, pk, date(2025, 1, 9)).done  # as of before the mark
    data = after.as_json()
    assert data["done"] == 1 and data["open"] == len(after.open)


def test_bad_marks_change_nothing(diary: Diary) -> None:
    pk, _ev, _en = _partnership(diary)
    with pytest.raises(ValidationError, match="evidence"):
        checklist.mark_done(
            diary, pk, "negotiation.sponsors_named", date(2025, 1, 10), None, "nope"
        )
    with pytest.raises(ValidationError, match="item"):
        checklist.mark_done(diary, pk, "negotiation.nothing", date(2025, 1, 10))
    assert not checklist.status(diary.db, pk, date(2025, 2, 1)).done
    checklist.mark_done(diary, pk, "negotiation.motives", date(2025, 1, 10), None, "en1")
    checklist.unmark(diary, pk, "negotiation.motives")
    assert not checklist.status(diary.db, pk, date(2025, 2, 1)).done


def test_custom_items_and_hidden_template_items(diary: Diary) -> None:
    pk, _ev, _en = _partnership(diary)
    own = checklist.add_custom(diary, pk, Phase.NEGOTIATION, "  Visit the   clinic ")
    assert own.text() == "Visit the clinic" and own.custom
    with pytest.raises(ValidationError):
        checklist.add_custom(diary, pk, Phase.NEGOTIATION, "   ")
    sponsors = template_items()["negotiation.sponsors_named"]
    checklist.set_hidden(diary, pk, sponsors, True)
    ids = {i.id for i in checklist.status(diary.db, pk, date(2025, 2, 1)).open}
    assert own.id in ids and sponsors.id not in ids
    assert [i.id for i in checklist.hidden_items(diary.db, pk)] == [sponsors.id]
    checklist.set_hidden(diary, pk, sponsors, False)
    assert sponsors.id in {i.id for i in checklist.status(diary.db, pk, date(2025, 2, 1)).open}
    checklist.set_hidden(diary, pk, own, True)
    assert own.id not in {i.id for i in checklist.all_items(diary.db, pk)}


def test_execution_shows_assessment_items_but_not_meeting_reminders(diary: Diary) -> None:
    pk, _ev, _en = _partnership(diary)
    with diary.write() as db:
        partnerships.add_phase(db, pk, PhaseMove(Phase.EXECUTION, date(2025, 6, 1)))
    ids = {i.id for i in checklist.status(diary.db, pk, date(2025, 6, 2)).open}
    assert "assessment.final_meeting" in ids and "execution.handover" in ids
    assert not any(i.startswith("execution.meeting.") for i in ids)
    assert all(i.scope == "meeting" for i in checklist.meeting_reminders())
