"""Generated partnership files: every valid file survives import → export → import → export."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.backup.opening import open_diary_file
from app.exchange import export_partnership, import_partnership

ROLES = ["customer", "provider", "facilitator", "other"]
KINDS = ["meeting", "workshop", "interview", "focus_group", "questionnaire", "pilot", "other"]
TYPES = ["note", "idea", "decision", "obstacle", "observation", "accomplishment", "assessment"]
DIMENSIONS = ["commitment", "partner_commitment", "equity", "efficiency", "clarity"]

storable = st.characters(blacklist_categories=("Cc", "Cs"))
texts = st.text(storable, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
names = st.text(storable, min_size=1, max_size=60).filter(lambda s: s.strip() != "")
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
optional = st.one_of(st.none(), texts)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(days)
    orgs = [
        {"id": f"o{i}", "name": draw(names), "role": draw(st.sampled_from(ROLES))}
        for i in range(draw(st.integers(1, 3)))
    ]
    people = []
    for i in range(draw(st.integers(0, 4))):
        person: dict[str, Any] = {
            "id": f"p{i}",
            "name": draw(names),
            "organization": draw(st.sampled_from(orgs))["id"],
            "sponsor": draw(st.booleans()),
        }
        level = draw(st.sampled_from([None, "top", "middle", "operational"]))
        if level:
            person["level"] = level
        people.append(person)
    events, entry_ids = [], []
    for i in range(draw(st.integers(0, 4))):
        day = draw(days).isoformat()
        if draw(st.booleans()):
            day += f"T{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
        chosen = (
            draw(st.lists(st.sampled_from(people), unique_by=lambda p: p["id"])) if people else []
        )
        entries = []
        for _j in range(draw(st.integers(0, 3))):
            entry_ids.append(f"n{len(entry_ids)}")
            entry: dict[str, Any] = {
                "id": entry_ids[-1],
                "type": draw(st.sampled_from(TYPES)),
                "text": draw(texts),
                "visibility": draw(st.sampled_from(["shared", "private"])),
            }
            tensions = draw(
                st.lists(st.sampled_from(["roles", "exploration", "logics"]), unique=True)
            )
            if tensions:
                entry["tensions"] = tensions
            entries.append(entry)
        event: dict[str, Any] = {
            "id": f"e{i}",
            "kind": draw(st.sampled_from(KINDS)),
            "title": draw(names),
            "date": day,
            "participants": [
                {"person": p["id"], "invited": draw(st.booleans()), "attended": draw(st.booleans())}
                for p in chosen
            ],
            "entries": entries,
        }
        purpose = draw(optional)
        if purpose is not None:
            event["purpose"] = purpose
        ratings = [
            {
                "organization": draw(st.sampled_from(orgs))["id"],
                "dimension": draw(st.sampled_from(DIMENSIONS)),
                "value": draw(st.one_of(st.integers(1, 5), st.floats(1, 5))),
            }
            for _k in range(draw(st.integers(0, 3)))
        ]
        if ratings:
            event["ratings"] = ratings
        events.append(event)
    actions = []
    for i in range(draw(st.integers(0, 3))):
        created = draw(days)
        status = draw(st.sampled_from(["open", "in_progress", "done", "dropped"]))
        action: dict[str, Any] = {
            "id": f"a{i}",
            "text": draw(texts),
            "organization": draw(st.sampled_from(orgs))["id"],
            "created_on": created.isoformat(),
            "status": status,
        }
        if status in ("done", "dropped"):
            action["done_on"] = (created + timedelta(days=draw(st.integers(0, 400)))).isoformat()
        if entry_ids and draw(st.booleans()):
            action["source_entry"] = draw(st.sampled_from(entry_ids))
        actions.append(action)
    return {
        "format": "kumppani-partnership",
        "version": 1,
        "partnership": {
            "id": draw(texts),
            "name": draw(names),
            "description": draw(optional),
            "started_on": start.isoformat(),
            "language": draw(st.sampled_from(["en", "fi"])),
            "phases": [{"phase": "negotiation", "from": start.isoformat(), "note": draw(optional)}],
        },
        "organizations": orgs,
        "people": people,
        "events": events,
        "actions": actions,
    }


def _export_after_import(folder: Path, name: str, document: dict[str, Any]) -> dict[str, Any]:
    diary = open_diary_file(folder / name, create=True)
    try:
        out = export_partnership(diary.db, import_partnership(diary, document))
    finally:
        diary.close()
    out.pop("exported_at")
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_files_round_trip(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = _export_after_import(Path(folder), "a.sqlite3", document)
        second = _export_after_import(Path(folder), "b.sqlite3", first)
    assert first == second
    # Nothing of the original was lost on the way in: same records, same texts.
    assert first["partnership"]["name"] == document["partnership"]["name"]
    assert sorted(n["text"] for e in first["events"] for n in e["entries"]) == sorted(
        n["text"] for e in document["events"] for n in e["entries"]
    )
    assert len(first["actions"]) == len(document["actions"])
