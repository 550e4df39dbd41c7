"""Property: whatever form a known name takes — case, Unicode, inflection, clitics, e-mail — it
does not survive hiding; and a different known person's name never gets this person's label."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from names_forms import (
    CLITICS,
    GIVEN,
    IRREGULAR,
    POSSESSIVES,
    SURNAMES,
    decomposed,
    english_forms,
    finnish_forms,
    handles,
    with_invisible,
    with_suffixes,
    without_diacritics,
)

from app.names import Known, NameMatcher, name_parts

PLACEHOLDER = "[name hidden]"
# Synthetic Finnish-like names: syllables without k, p or t, so no stem changes apply.
_SYLLABLE = st.sampled_from(
    ["la", "mi", "no", "ra", "si", "va", "le", "hu", "jo", "ny", "sä", "mö"]
)
_ROOT = st.lists(_SYLLABLE, min_size=2, max_size=3).map("".join).map(str.capitalize)
_GIVEN = st.one_of(st.sampled_from(GIVEN), st.sampled_from(sorted(IRREGULAR)), _ROOT)
_SURNAME = st.one_of(
    st.sampled_from(SURNAMES),
    st.sampled_from(sorted(IRREGULAR)),
    _ROOT.map(lambda r: r + "nen"),
    _ROOT,
)


@st.composite
def written(draw: st.DrawFn, given_name: str, surname: str) -> str:
    """One way a text names the person: a form of a part, cased, encoded and suffixed."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(handles(given_name, surname)))
    part = draw(st.sampled_from([*name_parts_as_typed(given_name), surname]))
    if draw(st.booleans()):
        form = draw(st.sampled_from(finnish_forms(part)))
        clitic = draw(st.one_of(st.none(), st.integers(0, len(CLITICS) - 1)))
        possessive = draw(st.one_of(st.none(), st.integers(0, len(POSSESSIVES) - 1)))
        if form != part:
            form = with_suffixes(form, clitic, possessive)
    else:
        form = draw(st.sampled_from(english_forms(part)))
    case = draw(st.sampled_from([str, str.upper, str.lower]))
    form = case(form)
    encode = draw(st.sampled_from(["nfc", "nfd", "plain", "soft", "zero"]))
    if encode == "nfd":
        form = decomposed(form)
    elif encode == "plain":
        form = without_diacritics(form)
    elif encode in ("soft", "zero"):
        at = draw(st.integers(1, max(1, len(form) - 1)))
        form = with_invisible(form, at, "\u00ad" if encode == "soft" else "\u200b")
    return form


def name_parts_as_typed(name: str) -> list[str]:
    return [p for p in name.replace("-", " ").split() if p]


def _distinct(a: str, b: str) -> bool:
    return not set(name_parts(a)) & set(name_parts(b))


@settings(max_examples=400, deadline=None)
@given(data=st.data(), given_name=_GIVEN, surname=_SURNAME)
def test_no_form_of_a_known_name_survives_hiding(
    data: st.DataObject, given_name: str, surname: str
) -> None:
    matcher = NameMatcher([Known(1, "[P1]", (f"{given_name} {surname}",))], PLACEHOLDER)
    form = data.draw(written(given_name, surname))
    text = f"Kokouksessa {form} kertoi, että (sovittiin)."
    assert matcher.hide(text).text == "Kokouksessa [P1] kertoi, että (sovittiin)."


@settings(max_examples=300, deadline=None)
@given(
    data=st.data(),
    first=st.tuples(_GIVEN, _SURNAME),
    other=st.tuples(_GIVEN, _SURNAME),
)
def test_a_different_known_persons_name_never_gets_this_persons_label(
    data: st.DataObject, first: tuple[str, str], other: tuple[str, str]
) -> None:
    mine, theirs = " ".join(first), " ".join(other)
    if not _distinct(mine, theirs):
        return
    matcher = NameMatcher(
        [Known(1, "[MINE]", (mine,)), Known(2, "[THEIRS]", (theirs,))], PLACEHOLDER
    )
    form = data.draw(written(*other))
    hidden = matcher.hide(f"Puhuin: {form} ehdotti.").text
    # Their own label, or the placeholder when the word is a form of both names; never mine.
    assert hidden in ("Puhuin: [THEIRS] ehdotti.", f"Puhuin: {PLACEHOLDER} ehdotti.")
