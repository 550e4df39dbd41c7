"""Instruments as data: their own dimensions and scales, both languages, and clear messages."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from app.domain import Dimension
from app.scores import (
    InstrumentError,
    dimension_means,
    load_instruments,
    parse_instrument,
    pulse,
    read_instrument_file,
    score_respondent,
    shipped_instruments,
)

SCHEMA = json.loads(
    resources.files("resources").joinpath("schema/instrument.schema.json").read_text("utf-8")
)

OWN = {
    "id": "own-synergy",
    "name": {"en": "Our own", "fi": "Oma"},
    "scale": {"kind": "points", "min": 0, "max": 4},
    "dimensions": [
        {"id": "synergy", "label": {"en": "Synergy", "fi": "Synergia"}},
        {"id": "learning", "label": {"en": "Learning", "fi": "Oppiminen"}},
    ],
    "items": [
        {"id": "a", "dimension": "synergy", "text": {"en": "A", "fi": "A"}, "required": True},
        {"id": "b", "dimension": "synergy", "text": {"en": "B", "fi": "B"}, "reverse": True},
        {"id": "c", "dimension": "learning", "text": {"en": "C", "fi": "C"}},
    ],
}


def test_shipped_instruments_follow_the_schema_and_have_both_languages() -> None:
    shipped = shipped_instruments()
    assert {"kumppani-pulse", "example-collaboration-climate"} <= set(shipped)
    for instrument in shipped.values():
        jsonschema.validate(instrument.definition, SCHEMA)
        assert instrument.languages() == ("en", "fi")
        assert all(d.label.get("fi") for d in instrument.dimension_defs)
        assert all(instrument.scale.label(p, "fi") for p in instrument.scale.points())


def test_pulse_has_a_trust_item_in_the_glossarys_finnish_and_is_not_validated() -> None:
    p = pulse()
    assert not p.validated and "not validated" in p.note.lower()
    trust = p.item("trust")
    assert trust is not None and trust.dimension == "trust"
    assert trust.text["fi"] == (
        "Voin luottaa siihen, että kumppaniorganisaatio toimii sovitulla tavalla."
    )
    assert p.item("commitment") is not None
    assert p.item("commitment").text["fi"] == "Organisaationi on sitoutunut tähän kumppanuuteen."  # type: ignore[union-attr]
    assert {d.maps_to for d in p.dimension_defs} == set(Dimension)


def test_worked_example_has_its_own_dimensions_reverse_items_and_a_seven_point_scale() -> None:
    ex = shipped_instruments()["example-collaboration-climate"]
    assert ex.scale.points() == (1, 2, 3, 4, 5, 6, 7)
    assert "synergy" in ex.dimensions()
    assert ex.dimension("synergy").maps_to is None  # type: ignore[union-attr]
    assert sum(i.reverse for i in ex.items) == 4
    answers = {i.id: 7.0 for i in ex.items}
    means = dimension_means(ex, answers)
    # each subscale: 7, 7 and the reversed 7 → 1; mean 5
    assert means == pytest.approx({d: 5.0 for d in ex.dimensions()})
    # only the mapped ones reach Kumppani's plot, rescaled to 1–5: (5 − 1)/6·4 + 1
    assert set(score_respondent(ex, answers)) == {
        Dimension.CLARITY,
        Dimension.TRUST,
        Dimension.EQUITY,
    }


def test_an_instrument_of_its_own_dimensions_scores_every_dimension() -> None:
    own = parse_instrument(OWN)
    assert own.dimensions() == ("synergy", "learning")
    assert dimension_means(own, {"a": 4, "b": 1, "c": None}) == {"synergy": 3.5}
    assert score_respondent(own, {"a": 4, "b": 1, "c": 2}) == {}  # nothing maps to the plot


def test_yes_no_scale_has_default_labels() -> None:
    data = dict(OWN, scale={"kind": "yes_no"})
    own = parse_instrument(data)
    assert own.scale.points() == (0, 1)
    assert own.scale.label(1, "fi") == "kyllä"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "has space"}, "id"),
        ({"items": []}, "items"),
        ({"scale": {"kind": "points", "min": 5, "max": 1}}, "scale.max"),
        ({"scale": {"kind": "stars"}}, "scale.kind"),
        ({"scale": {"min": 1, "max": 5, "labels": {"9": "nine"}}}, "scale.labels.9"),
        ({"dimensions": [{"id": "synergy"}]}, "dimensions[0].label"),
        (
            {"dimensions": [{"id": "s", "label": "S", "maps_to": "loyalty"}]},
            "dimensions[0].maps_to",
        ),
        ({"colour": "red"}, "colour"),
        ({"missing": {"min_share": 2}}, "missing.min_share"),
    ],
)
def test_a_broken_instrument_names_the_field(change: dict[str, object], field: str) -> None:
    with pytest.raises(InstrumentError) as info:
        parse_instrument({**OWN, **change})
    assert str(info.value).startswith(field + ":"), str(info.value)


def test_an_item_of_an_undeclared_dimension_names_the_item_and_the_dimension() -> None:
    items = [*OWN["items"], {"id": "d", "dimension": "synergi"}]  # type: ignore[list-item]
    with pytest.raises(InstrumentError, match=r'^items\[3\]\.dimension: .*"synergi"'):
        parse_instrument({**OWN, "items": items})


def test_a_broken_file_in_the_folder_is_named_and_the_others_still_load(tmp_path: Path) -> None:
    (tmp_path / "own.json").write_text(json.dumps(OWN), "utf-8")
    broken = dict(OWN, id="broken", items=[{"id": "x", "dimension": "synergy", "reverse": "yes"}])
    (tmp_path / "broken.json").write_text(json.dumps(broken), "utf-8")
    (tmp_path / "garbage.json").write_text("{not json", "utf-8")
    problems: list[str] = []
    found = load_instruments([tmp_path], problems)
    assert "own-synergy" in found and "broken" not in found
    assert any(p.startswith("broken.json: items[0].reverse:") for p in problems)
    assert any(p.startswith("garbage.json:") for p in problems)
    with pytest.raises(InstrumentError, match=r"broken\.json"):
        read_instrument_file(tmp_path / "broken.json")
