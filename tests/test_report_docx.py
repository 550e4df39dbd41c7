"""The feedback report as DOCX, read back with python-docx: the PDF's sections as Word headings,
its tables, its charts as pictures, the shared entries and none of the private ones; names
hidden in every form as in the PDF; and the file properties carry nothing of the template."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from docx_support import docx_text, headings, pictures, raw_xml, read
from test_report_names import (
    FORMS,
    ORGANIZATION_FORMS,
    ORGANIZATIONS,
    PARTNERSHIP,
    TODAY,
    _document,
    _present,
)
from test_report_support import plant

from app.exchange import import_partnership
from app.names import fold_word
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import feedback
from reports.docx.build import build_feedback_docx

SECTION_TITLES = {
    "en": [
        "At a glance",
        "Where we are",
        "What we have achieved so far",
        "Decisions and the action plan",
        "Commitment over time",
        "Equity as the partners see it",
        "Shared observations and tensions",
        "Learning log",
        "Open questions and next steps",
    ],
    "fi": [
        "Yhdellä silmäyksellä",
        "Missä olemme",
        "Mitä olemme tähän mennessä saavuttaneet",
        "Päätökset ja toimintasuunnitelma",
        "Sitoutuminen ajan mittaan",
        "Tasapuolisuus kumppaneiden silmin",
        "Jaetut havainnot ja jännitteet",
        "Oppimispäiväkirja",
        "Avoimet kysymykset ja seuraavat askeleet",
    ],
}


def _docx(diary: Diary, pk: int, **options: Any) -> bytes:
    opts = ReportOptions(generated_on=date(2025, 11, 20), **options)
    return build_feedback_docx(feedback.report_data(diary, pk, opts))


@pytest.mark.parametrize("language", ["en", "fi"])
def test_the_docx_holds_the_sections_tables_and_charts(diary: Diary, language: str) -> None:
    planted = plant(diary)
    content = _docx(diary, planted.pk, language=language)
    assert headings(content) == SECTION_TITLES[language]
    doc = read(content)
    header_rows = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    action = "Action" if language == "en" else "Toimenpide"
    # The action tables: the completed ones first, after the tables of "At a glance".
    assert [row[0] for row in header_rows].count(action) >= 2 and len(doc.tables) >= 8
    # The phase timeline and the commitment chart, as PNG pictures with alternative text.
    images = pictures(content)
    assert len(images) == 2 and all(i.startswith(b"\x89PNG\r\n\x1a\n") for i in images)
    assert SECTION_TITLES[language][4] in docx_text(content)
    footer = doc.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and 'w:instr="PAGE"' in footer


def test_shared_entries_are_there_and_private_ones_nowhere(diary: Diary) -> None:
    planted = plant(diary)
    for options in ({}, {"hide_names": True}, {"anonymous": True, "language": "fi"}):
        content = _docx(diary, planted.pk, author="Helmi Haapaniemi", **options)
        text, xml = docx_text(content).lower(), raw_xml(content).lower()
        assert [m for m in planted.shared if m.lower() not in text] == []
        assert [m for m in planted.private if m.lower() in xml] == []


def test_the_properties_say_only_what_the_report_prints(diary: Diary) -> None:
    planted = plant(diary)
    props = read(_docx(diary, planted.pk, author="Helmi Haapaniemi")).core_properties
    assert (props.title, props.author) == (
        "Feedback report – Marker Partnership",
        "Helmi Haapaniemi",
    )
    assert "python-docx" not in f"{props.comments} {props.author} {props.last_modified_by}"
    hidden = read(_docx(diary, planted.pk, author="Helmi Haapaniemi", hide_names=True))
    assert "Haapaniemi" not in hidden.core_properties.author


def test_only_the_chosen_sections(diary: Diary) -> None:
    planted = plant(diary)
    content = _docx(diary, planted.pk, sections=("phase", "next"))
    assert headings(content) == [SECTION_TITLES["en"][1], SECTION_TITLES["en"][8]]
    assert len(pictures(content)) == 1  # the timeline; the commitment chart is not chosen


# -- names, as in test_report_names: the same diary, the same forms ---------------------------


@pytest.fixture
def names_pk(diary: Diary) -> int:
    return import_partnership(diary, _document())


def _folded(content: bytes) -> str:
    return " ".join(fold_word(docx_text(content)).split())


@pytest.mark.parametrize("language", ["en", "fi"])
def test_no_name_in_any_form_survives_hiding(diary: Diary, names_pk: int, language: str) -> None:
    shown = _folded(_docx(diary, names_pk, language=language, author="Päivi Virtanen"))
    assert _present(("Päivi Virtanen", "Mikko Östman", *ORGANIZATIONS), shown) == [
        "Päivi Virtanen",
        "Mikko Östman",
        *ORGANIZATIONS,
    ]
    content = _docx(diary, names_pk, language=language, hide_names=True, author="Päivi Virtanen")
    text = _folded(content)
    assert _present(FORMS, text) == []
    assert _present(ORGANIZATIONS, text) == list(ORGANIZATIONS[:2])
    assert "kaisa rantala" in text  # an unknown name is left for the review, as in the PDF


@pytest.mark.parametrize("language", ["en", "fi"])
def test_anonymous_shows_no_organization_or_partnership_name(
    diary: Diary, names_pk: int, language: str
) -> None:
    content = _docx(diary, names_pk, language=language, anonymous=True, author="Päivi Virtanen")
    text = _folded(content)
    assert _present(FORMS, text) == []
    assert _present((*ORGANIZATIONS, *ORGANIZATION_FORMS, PARTNERSHIP), text) == []
    props = read(content).core_properties
    assert props.author == ""
    neutral = "A co-creation partnership" if language == "en" else "Yhteiskehittämisen kumppanuus"
    assert neutral in props.title
    # The same hidden text as the PDF's: the report data is one for both.
    data = feedback.report_data(
        diary, names_pk, ReportOptions(generated_on=TODAY, language=language, anonymous=True)
    )
    assert re.sub(r"\s+", " ", data.observations[0].text) in re.sub(r"\s+", " ", docx_text(content))
