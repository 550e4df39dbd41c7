"""An action's words repeat a private entry when they hold its whole text or any distinctive
word of it (six letters or more, any case or Unicode form)."""

from __future__ import annotations

import pytest

from app.domain.wording import repeats, shared_words

SECRET = "Ask Virtanen whether the CEO is leaving"


@pytest.mark.parametrize(
    "wording",
    [
        "",
        "   ",
        SECRET,
        SECRET.upper(),
        "Plan: ask  virtanen whether the ceo is leaving",
        "Talk to VIRTANEN",
        "Someone is leaving",
        "Someone is le\u0301aving".replace("e\u0301", "e"),
    ],
)
def test_wordings_that_repeat_the_private_entry(wording: str) -> None:
    assert repeats(wording, SECRET)


@pytest.mark.parametrize(
    "wording",
    ["Agree how key people hand over their work", "Ask the CEO about the plan", "Map the path"],
)
def test_wordings_of_the_facilitators_own(wording: str) -> None:
    assert not repeats(wording, SECRET)


def test_shared_words_lists_the_distinctive_words_once_in_entry_order() -> None:
    assert shared_words("leaving, Virtanen and leaving", SECRET) == ["virtanen", "leaving"]
    assert shared_words("Päivi kysyy", "PÄIVI kysyy") == []  # all shorter than six letters
    assert shared_words("Käärijä", "Ka\u0308a\u0308rija\u0308") == ["käärijä"]  # NFD folded
