"""The name matcher on the cases a careful tester tried: Finnish inflection and stem changes,
clitics, capitals, Unicode, short names, hyphenated names, e-mail addresses and handles, and
people whose names look alike. Also the unknown-name candidates offered for review."""

from __future__ import annotations

import pytest
from names_forms import IRREGULAR, finnish_forms

from app.names import Known, NameMatcher, fold, name_candidates
from app.names.finnish import rules, stems, weak_grades

P = "[name hidden]"


def _matcher(*names: str) -> NameMatcher:
    return NameMatcher([Known(i, f"[{n}]", (n,)) for i, n in enumerate(names)], P)


def _hide(text: str, *names: str) -> str:
    return _matcher(*names).hide(text).text


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("Päivi Virtanen", "Virtasen"),
        ("Päivi Virtanen", "Virtaselle"),
        ("Päivi Virtanen", "Virtasta"),
        ("Päivi Virtanen", "Virtaset"),
        ("Mikko Salo", "Mikon"),
        ("Pekka Salo", "Pekan"),
        ("Antti Salo", "Antin"),
        ("Satu Salo", "Sadun"),
        ("Eino Lahti", "Lahden"),
        ("Eino Koski", "Kosken"),
        ("Eino Östman", "Östmanin"),
        ("Eino Östman", "Östmanille"),
        ("Päivi Salo", "Päiviin"),
        ("Päivi Salo", "Päivillekin"),
        ("Päivi Salo", "Päivinsä"),
        ("Päivi Salo", "Päivikään"),
        ("Päivi Salo", "Päivillekinhän"),
        ("Mike Smith", "Mike'n"),
        ("Päivi Salo", "Päivi:n"),
        ("Mike Smith", "Smith's"),
        ("Päivi Salo", "PÄIVI"),
        ("Päivi Salo", "päivi"),
        ("Päivi Salo", "Pa\u0308ivi"),
        ("Päivi Salo", "Päi\u00advi"),
        ("Päivi Salo", "Päi\u200bvi"),
        ("Päivi Salo", "Paivi"),
        ("Jyrki Kärkkäinen", "Karkkainen"),
        ("Jyrki Kärkkäinen", "KARKKAISEN"),
        ("Anna-Liisa Virta", "Liisa"),
        ("Anna-Liisa Virta", "Liisalle"),
        ("Bo Ek", "Bo"),
        ("Bo Ek", "Ek"),
        ("Bo Ek", "Ekille"),
        ("Ann Aho", "Ahon"),
        ("Päivi Virtanen", "paivi.virtanen@example.fi"),
        ("Päivi Virtanen", "@pvirtanen"),
        ("Päivi Virtanen", "Päivi_Virtanen"),
    ],
)
def test_each_form_a_tester_tried_is_hidden(name: str, written: str) -> None:
    assert _hide(f"Sanoin ({written}), ja lähdin.", name) == f"Sanoin ([{name}]), ja lähdin."


@pytest.mark.parametrize("name", sorted(IRREGULAR))
def test_stem_changing_names_are_hidden_in_every_case(name: str) -> None:
    matcher = _matcher(name)
    for form in finnish_forms(name):
        assert matcher.hide(form).text == f"[{name}]", form


def test_a_full_name_in_any_order_or_inflection_is_one_replacement() -> None:
    text = "Päivi Virtasen ehdotus, VIRTANEN Päivi ja Anna-Liisa Östmanille. P. Virtanen kuittasi."
    assert _hide(text, "Päivi Virtanen", "Anna-Liisa Östman") == (
        "[Päivi Virtanen] ehdotus, [Päivi Virtanen] ja [Anna-Liisa Östman]. "
        "[Päivi Virtanen] kuittasi."
    )


def test_short_names_are_hidden_as_whole_words_only() -> None:
    text = "Bo ja Ek kävivät Bostonissa; ekaksi Ahola, Ahon ehdotus ja ahomansikat."
    assert _hide(text, "Bo Ek", "Ann Aho") == (
        "[Bo Ek] ja [Bo Ek] kävivät Bostonissa; ekaksi Ahola, [Ann Aho] ehdotus ja ahomansikat."
    )


def test_another_known_persons_name_is_never_given_this_persons_label() -> None:
    text = "Anna sanoi, että Annan mukaan Ann ja Annin tiimi."
    assert _hide(text, "Ann Aho", "Anna Berg") == (
        "[Anna Berg] sanoi, että [Anna Berg] mukaan [Ann Aho] ja [Ann Aho] tiimi."
    )


def test_a_shared_part_gets_the_placeholder_unless_the_neighbour_decides() -> None:
    text = "Anna ja Anna Korhonen sekä Virtanen."
    assert _hide(text, "Anna Virtanen", "Anna Korhonen") == (
        f"{P} ja [Anna Korhonen] sekä [Anna Virtanen]."
    )


def test_nothing_but_the_name_changes() -> None:
    text = "Hyvä\u00ad kokous:  Pa\u0308ivin\tidea\u200b (ks. liite) — kiitos!\n"
    assert (
        _hide(text, "Päivi Salo")
        == "Hyvä\u00ad kokous:  [Päivi Salo]\tidea\u200b (ks. liite) — kiitos!\n"
    )
    assert _hide("Ei nimiä tässä, Päiväkoti ja päivitys.", "Päivi Salo") == (
        "Ei nimiä tässä, Päiväkoti ja päivitys."
    )


def test_a_lower_case_label_is_capitalized_at_the_start_of_a_sentence() -> None:
    matcher = NameMatcher([Known(1, "the customer's HR director", ("Päivi Salo",))], P)
    assert matcher.hide("Päivi agreed. Then Päivi left.").text == (
        "The customer's HR director agreed. Then the customer's HR director left."
    )


def test_an_organization_is_matched_only_as_its_whole_name() -> None:
    matcher = NameMatcher(
        [Known("org", "the customer", ("Pohjolan Tukku Oy", "Pohjolan Tukku"), phrase=True)], P
    )
    text = "Pohjolan Tukun johto ja POHJOLAN TUKKU OY:n väki; tukku ja Pohjolan sää."
    assert matcher.hide(text).text == (
        "The customer johto ja the customer väki; tukku ja Pohjolan sää."
    )


def test_an_address_at_an_organizations_domain_is_the_organization() -> None:
    matcher = NameMatcher(
        [
            Known("org", "the customer", ("Pohjolan Tukku Oy", "Pohjolan Tukku"), phrase=True),
            Known(1, "[P1]", ("Päivi Virtanen",)),
        ],
        P,
    )
    text = "Write to info@pohjolantukku.fi, tilaukset@tukku.fi or paivi.virtanen@tukku.fi."
    assert matcher.hide(text).text == "Write to the customer, the customer or [P1]."
    assert matcher.hide("Mail info@example.fi").text == "Mail info@example.fi"


def test_the_rules_are_data_and_read_as_documented() -> None:
    r = rules()
    assert "lle" in r.cases and "kin" in r.clitics and "nsa" in r.possessives
    assert weak_grades("mikko", r) == {"miko"}
    assert weak_grades("satu", r) == {"sadu"}
    assert weak_grades("kusti", r) == set()  # st does not grade
    free, bound = stems("virtanen")
    assert free == {"virtanen"} and {"virtase", "virtas"} <= bound
    assert "lahde" in stems("lahti")[1] and "lahte" in stems("lahti")[1]
    assert "ostmani" in stems("ostman")[1]


def test_folding_maps_back_to_the_original_text() -> None:
    folded = fold("Pa\u0308i\u00advi")
    assert folded.text == "paivi"
    assert folded.span(0, 5, "Pa\u0308i\u00advi") == (0, 7)


def test_unknown_capitalized_words_are_offered_for_review() -> None:
    matcher = _matcher("Päivi Salo")
    texts = [
        "Kokouksessa Päivi ja Jukka Mäkinen sopivat. Helsinki oli paikka, HR mukana.",
        "Sovittiin, että Jukan tiimi ja Tehdas Oy hoitavat asian tammikuussa.",
    ]
    found = name_candidates(((t, matcher.find(t)) for t in texts), ["Tehdas Oy"])
    words = [c.word for c in found]
    assert words == ["Jukan", "Jukka", "Mäkinen"]
    assert "Jukka Mäkinen sopivat" in found[1].context
