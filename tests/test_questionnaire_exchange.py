"""Questionnaires in the diary and in the partnership file (version 2: instruments, waves,
responses): stored per item, scored per dimension, round-tripped by both import paths, and a
bad answer refused by its path with nothing written."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from importlib import resources
from itertools import count
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.domain import Dimension
from app.exchange import (
    ExchangeError,
    Mode,
    check_file,
    dumps,
    export_partnership,
    import_partnership,
)
from app.persistence import events as event_repo
from app.persistence import questionnaires as repo
from app.persistence.diary import Diary
from app.scores import shipped_instruments
from app.services.imports import import_partnership_file
from tests.test_exchange_v2 import V1, V2, Importer, _without_stamp

EXAMPLE = shipped_instruments()["example-collaboration-climate"].definition


@pytest.fixture(params=["kumppani_import", "in_memory"])
def load(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Importer]:
    """Both import paths: a file checked record by record (``check_file``) and stored, or the
    parsed JSON in memory."""
    files = count()

    def through_file(diary: Diary, data: dict[str, Any], mode: Mode = "refuse") -> int:
        path = tmp_path / f"import-{next(files)}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        return import_partnership_file(diary, check_file(path), mode)

    yield through_file if request.param == "kumppani_import" else import_partnership


def with_questionnaires(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["instruments"] = [json.loads(json.dumps(EXAMPLE, sort_keys=True))]
    doc["waves"] = [
        {
            "id": "w1",
            "title": "Baseline",
            "instrument": EXAMPLE["id"],
            "date": "2024-02-01",
            "event": "e1",
            "language": "fi",
        },
        {"id": "w2", "title": "Follow-up", "instrument": EXAMPLE["id"], "date": "2024-09-01"},
    ]
    doc["responses"] = [
        {
            "id": "r1",
            "wave": "w1",
            "form": "f1",
            "organization": "c",
            "level": "top",
            "answers": {"S1": 7, "S2": 6, "S3": 2, "P1": 5},
        },
        {
            "id": "r2",
            "wave": "w1",
            "organization": "s",
            "person": "p2",
            "pseudonym": "Bea",
            "answers": {"S1": 3, "T1": 4.5},
            "comment": "Hard to say.",
        },
        {
            "id": "r3",
            "wave": "w2",
            "organization": "c",
            "level": "operational",
            "answers": {"S1": 6, "S2": 6, "S3": 1},
        },
    ]
    return doc


def test_questionnaires_round_trip_through_both_import_paths(
    diary: Diary, load: Importer, tmp_path: Path
) -> None:
    doc = with_questionnaires(V2)
    pk = load(diary, doc)
    first = export_partnership(diary.db, pk)
    assert _without_stamp(first) == _without_stamp(doc)
    waves = repo.list_waves(diary.db, pk)
    assert [w.id for w in waves] == ["w1", "w2"]
    stored = repo.list_responses(diary.db, waves[0].pk or 0)
    assert stored[1].answers == {"S1": 3.0, "T1": 4.5} and stored[1].pseudonym == "Bea"
    event = event_repo.get_event(diary.db, waves[0].event or 0)
    assert event is not None and event.id == "e1"
    again = dumps(_without_stamp(export_partnership(diary.db, pk)))
    assert again == dumps(_without_stamp(first))


def test_the_export_follows_the_json_schema(diary: Diary, load: Importer) -> None:
    schema = json.loads(
        resources.files("resources").joinpath("schema/exchange-v2.schema.json").read_text("utf-8")
    )
    pk = load(diary, with_questionnaires(V2))
    jsonschema.validate(export_partnership(diary.db, pk), schema)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["responses"][0]["answers"].update(S1=9), "responses[0].answers.S1"),
        (lambda d: d["responses"][0]["answers"].update(X9=1), "responses[0].answers.X9"),
        (lambda d: d["responses"][1].update(wave="w9"), "responses[1].wave"),
        (lambda d: d["responses"][1].update(organization="nobody"), "responses[1].organization"),
        (lambda d: d["responses"][2].update(level="ceo"), "responses[2].level"),
        (lambda d: d["waves"][1].update(instrument="nope"), "waves[1].instrument"),
        (lambda d: d["waves"][0].update(event="e9"), "waves[0].event"),
        (lambda d: d["instruments"][0]["items"][0].update(dimension="x"), "instruments[0]"),
        (lambda d: d["responses"][2].update(id="r1"), "responses[2].id"),
        (lambda d: d["responses"][2].update(wave="w1", form="f1"), "responses[2].form"),
    ],
)
def test_a_bad_questionnaire_value_is_refused_by_its_path(
    diary: Diary, load: Importer, change: Any, path: str
) -> None:
    doc = with_questionnaires(V2)
    change(doc)
    with pytest.raises(ExchangeError) as caught:
        load(diary, doc)
    assert path in str(caught.value)
    assert diary.db.execute("SELECT count(*) FROM partnerships").fetchone()[0] == 0


def test_a_version_1_file_keeps_importing_with_rating_based_answers(
    diary: Diary, load: Importer
) -> None:
    pk = load(diary, copy.deepcopy(V1))
    ratings = [
        r for e in event_repo.list_events(diary.db, pk, with_details=True) for r in e.ratings
    ]
    assert ratings and all(isinstance(r.dimension, Dimension) for r in ratings)
    assert repo.list_waves(diary.db, pk) == []
    v1 = copy.deepcopy(V1)
    v1["waves"] = []
    with pytest.raises(ExchangeError, match="waves: unknown field"):
        load(diary, v1)
