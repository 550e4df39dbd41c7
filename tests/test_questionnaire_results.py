"""Waves in the diary: answers stored per item, ratings for the plot only where an instrument
maps to Kumppani's dimensions, and results per dimension and side with n, the minimum group
size, the change from the baseline and the previous wave, and the split by level."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import Dimension, Level
from app.domain.questionnaire import Response
from app.persistence import events as event_repo
from app.persistence.diary import Diary
from app.scores import parse_instrument, pulse
from app.services.questionnaires import (
    add_responses,
    list_wave_summaries,
    start_wave,
    wave_results,
)
from tests.questionnaire_support import org_pks, small_partnership

OWN = {
    "id": "own-synergy",
    "name": {"en": "Our own", "fi": "Oma"},
    "scale": {"kind": "points", "min": 1, "max": 7},
    "dimensions": [
        {"id": "synergy", "label": {"en": "Synergy", "fi": "Synergia"}},
        {"id": "voice", "label": {"en": "Voice", "fi": "Ääni"}, "maps_to": "trust"},
    ],
    "items": [
        {"id": "a", "dimension": "synergy", "text": {"en": "A"}},
        {"id": "b", "dimension": "synergy", "text": {"en": "B"}, "reverse": True},
        {"id": "c", "dimension": "voice", "text": {"en": "C"}},
    ],
}


def test_a_custom_instrument_is_stored_scored_and_only_its_mapped_dimension_plotted(
    diary: Diary,
) -> None:
    pk = small_partnership(diary)
    orgs = org_pks(diary, pk)
    own = parse_instrument(OWN)
    wave = start_wave(diary, pk, own, day=date(2025, 3, 1), title="Spring")
    add_responses(
        diary,
        pk,
        wave,
        [
            Response(orgs["org-emp"], {"a": 7, "b": 1, "c": 7}, Level.TOP),
            Response(orgs["org-emp"], {"a": 5, "b": 3, "c": 4}, Level.OPERATIONAL),
            Response(orgs["org-ohs"], {"a": 2, "b": 6}),
        ],
    )
    result = wave_results(diary, pk, by_level=True)
    assert result is not None and result.instrument.id == "own-synergy"
    synergy = result.dimension("synergy")
    assert synergy is not None
    # employer: (7 + 7)/2 = 7 and (5 + 5)/2 = 5 → mean 6 of two respondents
    assert synergy.sides[orgs["org-emp"]].n == 2
    assert synergy.sides[orgs["org-emp"]].mean == pytest.approx(6.0)
    # one provider respondent is fewer than the minimum group size of 2: n only, no mean
    assert synergy.sides[orgs["org-ohs"]].n == 1 and not synergy.sides[orgs["org-ohs"]].shown
    assert synergy.levels[(orgs["org-emp"], Level.TOP)].n == 1
    assert result.responses == {orgs["org-emp"]: 2, orgs["org-ohs"]: 1}
    # the plot: only "voice" maps (to trust), on 1–5: 7 → 5, 4 → 3
    event = event_repo.get_event(diary.db, wave.event or 0)
    assert event is not None
    assert sorted((r.dimension, r.value) for r in event.ratings) == [
        (Dimension.TRUST, 3.0),
        (Dimension.TRUST, 5.0),
    ]


def test_change_from_baseline_and_previous_wave_of_the_same_instrument(diary: Diary) -> None:
    pk = small_partnership(diary)
    emp = org_pks(diary, pk)["org-emp"]
    p = pulse()
    values = [(date(2025, 1, 10), 2), (date(2025, 4, 10), 3), (date(2025, 8, 10), 5)]
    for day, value in values:
        wave = start_wave(diary, pk, p, day=day)
        add_responses(diary, pk, wave, [Response(emp, {"trust": value}) for _ in range(2)])
    result = wave_results(diary, pk)
    assert result is not None
    trust = result.dimension("trust")
    assert trust is not None
    assert trust.from_baseline[emp] == pytest.approx(3.0)
    assert trust.from_previous[emp] == pytest.approx(2.0)
    first = list_wave_summaries(diary, pk)[0]
    assert first.as_json() == {
        "id": first.id,
        "title": "Kumppani pulse",
        "date": "2025-01-10",
        "instrument": "kumppani-pulse",
        "responses": {"org-emp": 2},
    }
