"""End to end: a diary imported from the exchange format with people's names in every place a
report prints text and in every form a tester tried; the PDF (text, metadata, outline) with
names hidden shows none of them, and the anonymous PDF no organization or partnership name
either. Participant lists stay readable; the review lists replacements and unknown names."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from test_report_support import pdf_text

from app.domain import Phase
from app.exchange import import_partnership
from app.names import fold_word
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import checklist, feedback
from reports.feedback import build_feedback_pdf

TODAY = date(2025, 11, 20)
PARTNERSHIP = "Pohjolan Tukku & Päivi Virtasen tiimi"
ORGANIZATIONS = ("Pohjolan Tukku Oy", "Lähde Health Oy", "Tmi Jyrki Kärkkäinen Fysio")
# Every way the text below writes a known person's name.
FORMS = (
    "Päivi",
    "Virtanen",
    "Virtasen",
    "Virtaselle",
    "Virtasta",
    "Virtaset",
    "Virtasten",
    "PÄIVI",
    "päivi",
    "Paivi",
    "Päiviin",
    "Päivillekinhän",
    "Päivinsä",
    "Päivikään",
    "Päivi:n",
    "Mikko",
    "Mikon",
    "Östman",
    "Östmanille",
    "Östmanin",
    "Liisa",
    "Anna-Liisa",
    "Anna-Liisan",
    "Kärkkäinen",
    "Karkkaisen",
    "Kärkkäisen",
    "Bo",
    "Ek",
    "Ekin",
    "Ahon",
    "Ann's",
    "Jyrki",
    "Jyrkin",
    "paivi.virtanen@tukku.fi",
    "@pvirtanen",
    "Päivi_Virtanen",
    "Berg",
    "Annan",
)
# Written only in organization and partnership names (and their forms in the text).
ORGANIZATION_FORMS = ("Pohjolan", "Tukku", "Tukun", "Lähde Health", "Lähde Healthin", "Fysio")
ENTRY = (
    "Virtaselle ja Virtasta kiitos; Virtaset ja Virtasten talo. PÄIVI, päivi, Pa\u0308ivi, "
    "Päi\u00advi ja Päi\u200bvi sekä Paivi. Menen Päiviin, Päivillekinhän, Päivinsä, Päivikään, "
    "Päivi:n idea. Mikon ja Östmanille, Liisa ja Anna-Liisan sekä Karkkaisen ehdotus. Bo ja "
    "Ekin ja Ahon mielestä Ann's plan. Posti paivi.virtanen@tukku.fi, @pvirtanen, "
    "Päivi_Virtanen. Anna kiitti ja Annan mukaan Berg on samaa mieltä. Jyrkin vastaanotolla "
    "Pohjolan Tukun johto ja Lähde Healthin lääkäri; Tukku hoitaa tukkukaupan. Vieraana Kaisa "
    "Rantala."
)


def _document() -> dict[str, Any]:
    people = [
        ("p1", "Päivi Virtanen", "c", "HR manager", None),
        ("p2", "Mikko Östman", "s", "Occupational physician", None),
        ("p3", "Anna-Liisa Kärkkäinen", "c", None, None),
        ("p4", "Ann Aho", "s", "Nurse", None),
        ("p5", "Anna Berg", "c", "Safety lead", None),
        ("p6", "Bo Ek", "c", None, "Sponsor A"),
        ("p7", "Jyrki Kärkkäinen", "x", "Physiotherapist", None),
    ]
    everyone = [{"person": pid, "attended": True} for pid, *_ in people]
    return {
        "format": "kumppani-partnership",
        "version": 1,
        "partnership": {
            "id": "names",
            "name": PARTNERSHIP,
            "started_on": "2025-01-10",
            "language": "fi",
            "phases": [{"phase": "negotiation", "from": "2025-01-10"}],
            "objectives": [
                {
                    "id": "o1",
                    "text": "Virtasten tavoite",
                    "indicator": "Ahon mittari",
                    "target": "Liisan arvio",
                    "owner": "p1",
                }
            ],
        },
        "organizations": [
            {"id": "c", "name": ORGANIZATIONS[0], "role": "customer"},
            {"id": "s", "name": ORGANIZATIONS[1], "role": "provider"},
            {"id": "x", "name": ORGANIZATIONS[2], "role": "other"},
        ],
        "people": [
            {"id": pid, "name": name, "organization": org, "title": title, "pseudonym": pseudo}
            | {"sponsor": False}
            for pid, name, org, title, pseudo in people
        ],
        "events": [
            {
                "id": "e1",
                "kind": "workshop",
                "title": "Mikon ja Päivin työpaja Pohjolan Tukulla",
                "date": "2025-03-01",
                "participants": everyone,
                "entries": [
                    {"id": "n1", "type": "observation", "text": ENTRY, "visibility": "shared"}
                ],
                "ratings": [
                    {"organization": "c", "dimension": "commitment", "value": 3},
                    {"organization": "s", "dimension": "commitment", "value": 4},
                ],
            },
            {
                "id": "e2",
                "kind": "meeting",
                "title": "Palaveri Virtasten kanssa",
                "date": "2025-05-01",
                "participants": everyone[:2],
                "entries": [
                    {
                        "id": "n2",
                        "type": "decision",
                        "text": "Östmanin päätös",
                        "visibility": "shared",
                    }
                ],
                "ratings": [
                    {"organization": "c", "dimension": "commitment", "value": 4},
                    {"organization": "s", "dimension": "commitment", "value": 4},
                ],
            },
        ],
        "actions": [
            {
                "id": "a1",
                "text": "Östmanin ja Bo Ekin toimenpide",
                "owner": "p2",
                "created_on": "2025-03-01",
                "status": "open",
            },
            {
                "id": "a2",
                "text": "Jyrkin kysely",
                "owner": "p7",
                "created_on": "2025-03-01",
                "status": "open",
            },
        ],
        "checklist": [{"item": "custom:mikon-ja-paivin-kohta", "done_on": "2025-03-02"}],
    }


@pytest.fixture
def pk(diary: Diary) -> int:
    pk = import_partnership(diary, _document())
    item = checklist.add_custom(diary, pk, Phase.NEGOTIATION, "Sovittu Päivin kanssa")
    checklist.mark_done(diary, pk, item.id, date(2025, 3, 3))
    return pk


def _pdf(diary: Diary, pk: int, **options: Any) -> bytes:
    opts = ReportOptions(generated_on=TODAY, author="Päivi Virtanen", **options)
    return build_feedback_pdf(feedback.report_data(diary, pk, opts))


def _everything(pdf: bytes) -> str:
    """The page text, the metadata and the outline, folded (case, diacritics, spacing)."""
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata or {}
    outline = [i.title for i in reader.outline if not isinstance(i, list)]
    text = " ".join([pdf_text(pdf), *map(str, meta.values()), *outline])
    return " ".join(fold_word(text).split())


def _present(forms: tuple[str, ...], folded: str) -> list[str]:
    return [
        f for f in forms if re.search(rf"(?<![\w@.]){re.escape(fold_word(f))}(?![\w@])", folded)
    ]


@pytest.mark.parametrize("language", ["en", "fi"])
def test_names_show_when_not_hidden(diary: Diary, pk: int, language: str) -> None:
    text = _everything(_pdf(diary, pk, language=language))
    assert _present(("Päivi Virtanen", "Mikko Östman", *ORGANIZATIONS), text) == [
        "Päivi Virtanen",
        "Mikko Östman",
        *ORGANIZATIONS,
    ]


@pytest.mark.parametrize("language", ["en", "fi"])
def test_no_name_in_any_form_survives_hiding(diary: Diary, pk: int, language: str) -> None:
    pdf = _pdf(diary, pk, language=language, hide_names=True)
    text = _everything(pdf)
    assert _present(FORMS, text) == []
    # The organizations stay, except the sole trader's firm, which is its owner's name.
    assert _present(ORGANIZATIONS, text) == list(ORGANIZATIONS[:2])
    # "Anna" is not Ann Aho's name: never her label.
    assert "nurse (lahde health oy) kiitti" not in text
    assert "kaisa rantala" in text  # an unknown name is left for the review
    assert "tukku hoitaa tukkukaupan" in text  # an organization shown stays


@pytest.mark.parametrize("language", ["en", "fi"])
def test_anonymous_shows_no_organization_or_partnership_name(
    diary: Diary, pk: int, language: str
) -> None:
    pdf = _pdf(diary, pk, language=language, anonymous=True)
    text = _everything(pdf)
    assert _present(FORMS, text) == []
    assert _present((*ORGANIZATIONS, *ORGANIZATION_FORMS, PARTNERSHIP), text) == []
    assert "hoitaa tukkukaupan" in text  # the ordinary word in lower case stays
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None and meta.get("/Author", "") == ""
    neutral = "A co-creation partnership" if language == "en" else "Yhteiskehittämisen kumppanuus"
    assert neutral in str(meta.get("/Title"))


def test_participant_lists_read_as_lists_of_roles(diary: Diary, pk: int) -> None:
    hidden = " ".join(pdf_text(_pdf(diary, pk, hide_names=True, sections=("phase",))).split())
    assert "HR manager (Pohjolan Tukku Oy); Occupational physician (Lähde Health Oy)" in hidden
    anonymous = " ".join(pdf_text(_pdf(diary, pk, anonymous=True, sections=("phase",))).split())
    assert "the customer's HR manager; the provider's occupational physician" in anonymous
    finnish = " ".join(
        pdf_text(_pdf(diary, pk, anonymous=True, language="fi", sections=("phase",))).split()
    )
    assert "asiakkaan HR manager; palveluntuottajan occupational physician" in finnish


def test_the_review_lists_replacements_and_unknown_names(diary: Diary, pk: int) -> None:
    options = ReportOptions(generated_on=TODAY, hide_names=True)
    review = feedback.report_data(diary, pk, options).names_review
    replaced = {original for original, _label, _n in review.replaced}
    assert {"Virtaselle", "Päivillekinhän", "@pvirtanen"} <= replaced
    assert [c.word for c in review.candidates] == ["Kaisa", "Rantala"]


def test_an_owner_named_by_role_is_not_followed_by_the_role_again(diary: Diary, pk: int) -> None:
    text = " ".join(
        pdf_text(_pdf(diary, pk, anonymous=True, language="fi", sections=("actions",))).split()
    )
    assert "palveluntuottajan occupational physician" in text
    assert "(palveluntuottaja)" not in text and "(muu kumppani)" not in text
