"""The demonstration partnership evaluated along its history gives the warnings a reader of the
paper expects: abstract objectives from the start of commitment, a drifting boat while the
workshops and interviews produce ideas, no feedback in the autumn of the commitment year until
the interim report, and sponsors missing the feedback meetings."""

from __future__ import annotations

from datetime import date

import pytest

from app.persistence.diary import Diary
from app.rules import EvidenceKind, Severity, evaluate
from app.services import checklist, warnings
from app.services.demo import load_demo

EXPECTED = {
    "2024-02-20": set(),  # negotiation, still short
    "2024-03-10": {"objectives-unspecified"},  # committed with two abstract objectives
    "2024-05-20": {"objectives-unspecified", "drifting-boat"},  # interviews: ideas, no actions
    "2024-10-20": {"objectives-unspecified", "overdue-actions", "no-feedback"},
    "2024-11-26": {"objectives-unspecified", "overdue-actions"},  # interim report given
    "2024-11-28": {"objectives-unspecified", "overdue-actions", "sponsor-absent"},
    "2025-11-20": {"objectives-unspecified", "overdue-actions", "sponsor-absent"},
}


@pytest.fixture
def demo(diary: Diary) -> tuple[Diary, int]:
    return diary, load_demo(diary)


def test_demo_warnings_along_its_history(demo: tuple[Diary, int]) -> None:
    diary, pk = demo
    snapshot = warnings.load_snapshot(diary.db, pk)
    for day, expected in EXPECTED.items():
        found = {w.id for w in evaluate(snapshot, date.fromisoformat(day))}
        assert found == expected, day


def test_sponsors_missing_the_final_meeting(demo: tuple[Diary, int]) -> None:
    diary, pk = demo
    snapshot = warnings.load_snapshot(diary.db, pk)
    after = {w.id: w for w in evaluate(snapshot, date(2025, 11, 19))}
    final = after["sponsor-absent"]
    assert final.severity == Severity.CRITICAL
    people = {e.label for e in final.evidence if e.kind == EvidenceKind.PERSON}
    assert people == {"Mikko Häkkinen", "Hannu Väisänen", "Päivi Länsimäki"}
    events = [e.label for e in final.evidence if e.kind == EvidenceKind.EVENT]
    assert events == ["Final evaluation meeting with the exten… (2025-11-19)"]


def test_demo_checklist_marks_count(demo: tuple[Diary, int]) -> None:
    diary, pk = demo
    negotiating = checklist.status(diary.db, pk, date(2024, 3, 1))
    assert {i.id for i, _m in negotiating.done} == {
        "negotiation.shared_problem",
        "negotiation.facilitator_role",
        "negotiation.baseline_rating",
    }
    executing = checklist.status(diary.db, pk, date(2025, 12, 1))
    assert "assessment.final_meeting" in {i.id for i, _m in executing.done}


def test_an_acknowledged_sponsor_warning_returns_at_the_final_meeting(
    demo: tuple[Diary, int],
) -> None:
    diary, pk = demo
    earlier = date(2025, 6, 1)
    seen = next(
        r for r in warnings.review(diary.db, pk, earlier) if r.warning.id == "sponsor-absent"
    )
    warnings.acknowledge(diary, pk, seen.warning, earlier, "Talked with Hannu")
    quiet = {r.warning.id: r for r in warnings.review(diary.db, pk, date(2025, 11, 18))}
    assert quiet["sponsor-absent"].acknowledged
    back = {r.warning.id: r for r in warnings.review(diary.db, pk, date(2025, 11, 19))}
    assert not back["sponsor-absent"].acknowledged  # new evidence: the final meeting
