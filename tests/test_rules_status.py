"""``kumppani status`` reports the warnings and the checklist of the day asked about."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.backup.opening import open_diary_file
from app.checklists import TemplateError, templates
from app.services.demo import load_demo
from ui.cli import main

DEMO = "demo-pohjolan-tukku-lahde"


@pytest.fixture
def demo_db(diary_path: Path) -> Path:
    d = open_diary_file(diary_path, create=True)
    load_demo(d)
    d.close()
    return diary_path


def _status(db: Path, day: str, capsys: pytest.CaptureFixture[str]) -> dict:
    code = main(["--db", str(db), "status", "--partnership", DEMO, "--as-of", day, "--json"])
    assert code == 0
    return dict(json.loads(capsys.readouterr().out))


def test_status_json_has_warnings_and_checklist(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    early = _status(demo_db, "2024-05-20", capsys)
    assert {w["id"] for w in early["warnings"]} == {"objectives-unspecified", "drifting-boat"}
    drifting = next(w for w in early["warnings"] if w["id"] == "drifting-boat")
    assert set(drifting) >= {"id", "severity", "message", "evidence", "suggestion"}
    assert all(e["kind"] == "event" and e["id"].startswith("ev-") for e in drifting["evidence"])
    assert early["checklist"]["phase"] == "commitment"
    assert early["checklist"]["open"] == len(early["checklist"]["open_items"])
    assert early["checklist"]["done"] == 0
    late = _status(demo_db, "2025-12-31", capsys)
    assert "sponsor-absent" in {w["id"] for w in late["warnings"]}
    # held without the sponsors: the demo leaves the item open
    assert "assessment.final_meeting" in {i["id"] for i in late["checklist"]["open_items"]}


def test_status_with_a_broken_template_says_so(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> tuple[templates.Template, ...]:
        raise TemplateError("The checklist file execution.json is damaged at $.items[0].")

    monkeypatch.setattr(templates, "load_templates", broken)
    code = main(["--db", str(demo_db), "status", "--partnership", DEMO])
    assert code == 2
    assert "execution.json is damaged" in capsys.readouterr().err
