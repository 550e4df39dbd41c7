"""A warning states facts that can be checked: ``kumppani status --json`` names, per sponsor, the
events that sponsor missed, and every event in the evidence says who the warning says missed it.

The case of issue 12: one sponsor attends the latest feedback meeting and then misses two
meetings, while the other sponsor misses the feedback meeting.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.backup.opening import open_diary_file
from app.exchange import import_partnership
from ui.cli import main


def _event(eid: str, kind: str, title: str, day: str, *attendance: tuple[str, bool]) -> dict:
    return {
        "id": eid,
        "kind": kind,
        "title": title,
        "date": day,
        "entries": [],
        "participants": [
            {"person": who, "invited": True, "attended": came} for who, came in attendance
        ],
    }


DOCUMENT: dict[str, Any] = {
    "format": "kumppani-partnership",
    "version": 1,
    "partnership": {
        "id": "pt-facts",
        "name": "Facts",
        "started_on": "2025-01-01",
        "language": "en",
        "phases": [
            {"phase": "negotiation", "from": "2025-01-01"},
            {"phase": "commitment", "from": "2025-02-01"},
        ],
        "objectives": [],
    },
    "organizations": [
        {"id": "org-c", "name": "Employer", "role": "customer"},
        {"id": "org-p", "name": "OHS", "role": "provider"},
    ],
    "people": [
        {"id": "p-anna", "name": "Anna Asiakas", "organization": "org-c", "sponsor": True},
        {"id": "p-bert", "name": "Bert Tuottaja", "organization": "org-p", "sponsor": True},
        {"id": "p-olli", "name": "Olli Operatiivinen", "organization": "org-c"},
    ],
    "events": [
        _event(
            "ev-fb",
            "feedback_meeting",
            "Feedback on the first results",
            "2025-03-03",
            ("p-anna", True),
            ("p-bert", False),
            ("p-olli", True),
        ),
        _event("ev-m1", "meeting", "Planning meeting", "2025-03-17", ("p-anna", False)),
        _event("ev-m2", "meeting", "Follow-up meeting", "2025-03-31", ("p-anna", False)),
    ],
    "actions": [],
    "checklist": [],
    "reports": [],
}

ATTENDED = {
    "ev-fb": {"p-anna", "p-olli"},
    "ev-m1": set(),
    "ev-m2": set(),
}
INVITED_ABSENT = {"ev-fb": {"p-bert"}, "ev-m1": {"p-anna"}, "ev-m2": {"p-anna"}}


@pytest.fixture
def facts_db(diary_path: Path) -> Path:
    d = open_diary_file(diary_path, create=True)
    import_partnership(d, json.loads(json.dumps(DOCUMENT)))
    d.close()
    return diary_path


def _warnings(db: Path, day: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:
    code = main(["--db", str(db), "status", "--partnership", "pt-facts", "--as-of", day, "--json"])
    assert code == 0
    return {w["id"]: w for w in json.loads(capsys.readouterr().out)["warnings"]}


def test_each_sponsor_is_named_with_exactly_the_events_they_missed(
    facts_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _warnings(facts_db, "2025-04-01", capsys)
    absent = found["sponsor-absent"]
    assert absent["severity"] == "critical"  # Bert missed the latest feedback meeting
    assert absent["message"] == (
        "The sponsor Bert Tuottaja did not attend the latest feedback meeting, Feedback on the "
        "first results (2025-03-03). The sponsor Anna Asiakas missed the last 2 events they were "
        "invited to: Planning meeting (2025-03-17), Follow-up meeting (2025-03-31)."
    )
    people = [e["id"] for e in absent["evidence"] if e["kind"] == "person"]
    assert people == ["p-anna", "p-bert"]
    events = {e["id"]: e["missed_by"] for e in absent["evidence"] if e["kind"] == "event"}
    assert events == {"ev-fb": ["p-bert"], "ev-m1": ["p-anna"], "ev-m2": ["p-anna"]}


def test_every_event_in_every_warning_agrees_with_the_attendance(
    facts_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in ("2025-03-03", "2025-03-17", "2025-04-01", "2025-06-15", "2025-09-01"):
        for warning in _warnings(facts_db, day, capsys).values():
            for item in warning["evidence"]:
                if item["kind"] != "event":
                    assert "missed_by" not in item
                    continue
                missed = set(item["missed_by"])
                assert missed <= INVITED_ABSENT[item["id"]], (day, warning["id"])
                assert not missed & ATTENDED[item["id"]], (day, warning["id"])
                if warning["id"] == "sponsor-absent":
                    assert missed, day  # sponsor-absent names who missed each event it lists
            if warning["id"] == "sponsor-absent":
                # Anna attended the feedback meeting: never said to have missed it.
                assert "Anna Asiakas did not attend" not in warning["message"], day


def test_no_feedback_names_the_side_whose_management_had_none(
    facts_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _warnings(facts_db, "2025-05-20", capsys)
    assert found["no-feedback"]["message"] == (
        "No feedback has reached the management of OHS in 108 days of commitment and execution."
    )
    [meeting] = found["no-feedback"]["evidence"]
    assert (meeting["id"], meeting["missed_by"]) == ("ev-fb", ["p-bert"])
    later = _warnings(facts_db, "2025-09-01", capsys)["no-feedback"]
    assert "of Employer since 2025-03-03 (182 days ago)." in later["message"]
    assert later["severity"] == "critical"  # twice the window of 90 days
