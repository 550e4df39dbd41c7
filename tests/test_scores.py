"""The scoring engine: instruments, respondents' scores, side scores, gap and equal weighting."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.domain import Dimension, Event, EventKind, Organization, Partnership, Rating, Role
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence.diary import Diary
from app.scores import (
    InstrumentError,
    load_instruments,
    parse_instrument,
    pulse,
    score_dimension,
    score_respondent,
    score_wave,
)
from app.series import latest_wave

C, P, F = 1, 2, 3  # organization keys
ROLES = {C: Role.CUSTOMER, P: Role.PROVIDER, F: Role.FACILITATOR}
D = Dimension.COMMITMENT


def rating(org: int, value: float, who: int | None = None, dim: Dimension = D) -> Rating:
    return Rating(organization=org, dimension=dim, value=value, respondent=who)


LICENSED = {
    "id": "licensed-demo",
    "name": "A licensed instrument",
    "validated": True,
    "scale": {"min": 0, "max": 4},
    "missing": {"min_items": 1, "min_share": 0.5},
    "items": [
        {"id": "q1", "dimension": "equity"},
        {"id": "q2", "dimension": "equity", "reverse": True},
        {"id": "q3", "dimension": "equity"},
        {"id": "q4", "dimension": "equity"},
        {"id": "q5", "dimension": "clarity"},
    ],
}


def test_pulse_has_one_item_per_dimension_and_is_not_validated() -> None:
    p = pulse()
    assert not p.validated and "not validated" in p.note.lower()
    assert p.dimensions() == tuple(Dimension)
    assert (p.scale_min, p.scale_max) == (1, 5)


def test_respondent_score_reverses_items_and_rescales_to_1_to_5() -> None:
    inst = parse_instrument(LICENSED)
    # equity: q1=4, q2=0 reversed→4, q3=2, q4 missing → mean 10/3 on 0–4 → 1 + 4·(10/3)/4
    scores = score_respondent(inst, {"q1": 4, "q2": 0, "q3": 2, "q4": None, "q5": 2})
    assert scores[Dimension.EQUITY] == pytest.approx(1 + 10 / 3)
    assert scores[Dimension.CLARITY] == pytest.approx(3.0)


def test_missing_answer_rule_leaves_a_dimension_unscored() -> None:
    inst = parse_instrument(LICENSED)
    # min_share 0.5 of four equity items → two answers needed; one is not enough.
    scores = score_respondent(inst, {"q1": 4, "q2": None, "q3": None, "q4": None, "q5": None})
    assert scores == {}
    assert inst.required_answers(Dimension.EQUITY) == 2


def test_values_outside_the_scale_and_unknown_items_are_refused() -> None:
    inst = pulse()
    with pytest.raises(ValueError):
        score_respondent(inst, {"commitment": 7})
    with pytest.raises(ValueError):
        score_respondent(inst, {"loyalty": 3})


def test_broken_instrument_files_get_a_clear_message() -> None:
    with pytest.raises(InstrumentError, match="items"):
        parse_instrument({"id": "x"})
    with pytest.raises(InstrumentError, match=r"items\[0\]\.dimension"):
        parse_instrument({"id": "x", "items": [{"id": "a", "dimension": "loyalty"}]})
    bad = dict(LICENSED, items=[{"id": "a", "dimension": "equity"}] * 2)
    with pytest.raises(InstrumentError, match=r"items\[1\]\.id: .*repeats"):
        parse_instrument(bad)


def test_a_facilitators_own_instrument_file_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "mine.json").write_text(json.dumps(LICENSED), "utf-8")
    found = load_instruments([tmp_path])
    assert {"kumppani-pulse", "licensed-demo"} <= set(found)


def test_sides_are_weighted_equally_however_many_respondents() -> None:
    ratings = [rating(C, v, who) for who, v in enumerate([5, 5, 5, 5, 5, 5, 5, 5, 5], 10)]
    ratings.append(rating(P, 1, 99))
    score = score_dimension(D, ratings, ROLES)
    assert score.customer is not None and score.customer.n == 9
    assert score.provider is not None and score.provider.n == 1
    # Pooled, the mean would be 4.6; each side counting once gives 3.0.
    assert score.partnership == pytest.approx(3.0)
    assert score.gap == pytest.approx(4.0)
    assert score.flagged


def test_one_respondent_side_has_no_sd_but_a_range() -> None:
    score = score_dimension(D, [rating(C, 4, 1), rating(P, 3, 2), rating(P, 5, 3)], ROLES)
    assert score.customer is not None
    assert (score.customer.n, score.customer.sd, score.customer.low) == (1, None, 4)
    assert score.provider is not None
    assert score.provider.sd == pytest.approx(1.41421356)
    assert (score.provider.low, score.provider.high) == (3, 5)


def test_anonymous_respondents_each_count_and_named_repeats_count_once() -> None:
    ratings = [rating(C, 2), rating(C, 4), rating(C, 5, 7), rating(C, 3, 7)]
    score = score_dimension(D, ratings, ROLES)
    assert score.customer is not None
    assert score.customer.n == 3  # two anonymous + one named (mean of 5 and 3)
    assert score.customer.mean == pytest.approx((2 + 4 + 4) / 3)


def test_gap_flag_threshold_is_inclusive_and_configurable() -> None:
    at = score_dimension(D, [rating(C, 4.0), rating(P, 3.5)], ROLES)
    below = score_dimension(D, [rating(C, 4.0), rating(P, 3.6)], ROLES)
    assert at.gap == pytest.approx(0.5) and at.flagged
    assert not below.flagged
    assert not score_dimension(D, [rating(C, 4.0), rating(P, 3.5)], ROLES, gap_flag=1.0).flagged
    negative = score_dimension(D, [rating(C, 2.0), rating(P, 3.0)], ROLES)
    assert negative.gap == pytest.approx(-1.0) and negative.flagged


def test_one_side_only_has_no_partnership_score_or_gap() -> None:
    score = score_dimension(D, [rating(C, 4), rating(F, 1)], ROLES)
    assert score.provider is None and score.partnership is None and score.gap is None
    assert not score.flagged


def test_wave_scores_only_rated_dimensions_in_dimension_order() -> None:
    ratings = [rating(C, 4, dim=Dimension.CLARITY), rating(P, 2, dim=Dimension.EQUITY)]
    wave = score_wave(5, date(2025, 3, 1), "Pulse", ratings, ROLES)
    assert [d.dimension for d in wave.dimensions] == [Dimension.EQUITY, Dimension.CLARITY]
    assert wave.score(Dimension.COMMITMENT) is None


def test_latest_wave_of_a_stored_partnership_uses_its_gap_threshold(diary: Diary) -> None:
    with diary.write() as db:
        pk = partnership_repo.insert_partnership(db, Partnership("P", date(2025, 1, 1)))
        c, p = Organization("Employer", Role.CUSTOMER), Organization("OHS", Role.PROVIDER)
        partnership_repo.insert_organization(db, pk, c)
        partnership_repo.insert_organization(db, pk, p)
        partnership_repo.set_thresholds(db, pk, {"gap_flag": 2.0})
        for day, values in (("2025-02-01", (5, 1)), ("2025-05-01", (4, 3))):
            ratings = [rating(c.pk or 0, values[0]), rating(p.pk or 0, values[1])]
            event_repo.insert_event(
                db, pk, Event(EventKind.QUESTIONNAIRE, f"Wave {day}", day, ratings=ratings)
            )
    wave = latest_wave(diary.db, pk)
    assert wave is not None and wave.day == date(2025, 5, 1)
    score = wave.score(D)
    assert score is not None and score.gap == pytest.approx(1.0) and not score.flagged
