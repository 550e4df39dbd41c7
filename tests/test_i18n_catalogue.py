"""The Finnish catalogue covers every message of the code, is current, and compiles to the .mo
the application reads; counts take the right plural form in both languages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from test_rules_support import Build, day

import app.i18n as i18n
from app.domain.validation import Problem
from app.exchange.errors import SHOWN_PROBLEMS, ExchangeError
from app.i18n import set_language, translator
from app.rules import evaluate

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources/i18n"
PO = I18N / "fi/LC_MESSAGES/kumppani.po"
MO = PO.with_suffix(".mo")
POT = I18N / "kumppani.pot"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale="fi")


def _keys(catalogue: Catalog) -> set[tuple[str | None, object]]:
    return {(m.context, m.id) for m in catalogue if m.id}


def _strings(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, tuple | list) else (message.string,)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The messages of the code now, extracted exactly as ``make i18n`` does."""
    keywords = re.search(r"^KEYWORDS\s*:=\s*(.+)$", (ROOT / "Makefile").read_text(), re.M)
    assert keywords is not None
    out = tmp_path_factory.mktemp("extract") / "kumppani.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    command = [str(pybabel), "extract", "-F", "babel.cfg", "--no-default-keywords"]
    command += [*keywords.group(1).split(), "-o", str(out), "."]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return _read(out)


def test_the_catalogue_and_template_hold_exactly_the_messages_of_the_code(
    extracted: Catalog,
) -> None:
    code = _keys(extracted)
    catalogue = _keys(_read(PO))
    assert sorted(map(str, code - catalogue)) == [], "new messages: run `make i18n`"
    assert sorted(map(str, catalogue - code)) == [], "messages no longer used: run `make i18n`"
    assert _keys(_read(POT)) == code, "the template is stale: run `make i18n`"


def test_every_message_has_a_finnish_translation_with_the_same_placeholders() -> None:
    catalogue = _read(PO)
    assert catalogue.num_plurals == 2
    untranslated, mismatched = [], []
    for m in catalogue:
        if not m.id:
            continue
        strings = _strings(m)
        if m.fuzzy or not all(strings):
            untranslated.append(m.id)
        sources = m.id if isinstance(m.id, tuple) else (m.id,) * len(strings)
        for source, text in zip(sources, strings, strict=True):
            if text and set(PLACEHOLDER.findall(text)) - set(PLACEHOLDER.findall(source)):
                mismatched.append((source, text))
            # A Finnish singular may leave the count out ("Viimeisimmästä tilaisuudesta");
            # every other placeholder must be kept.
            left_out = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
            if text and left_out - {"{n}", "{events}"}:
                mismatched.append((source, text))
    assert untranslated == []
    assert mismatched == []


def test_no_branch_file_waits_to_be_folded() -> None:
    strays = [str(p.relative_to(ROOT)) for p in sorted(I18N.glob("*/*.po"))]
    assert strays == [], "fold them: python -m app.i18n_tools fold --all, then make i18n"


def test_the_compiled_catalogue_is_the_compiled_po() -> None:
    fresh = io.BytesIO()
    write_mo(fresh, _read(PO))
    assert MO.read_bytes() == fresh.getvalue(), "the .mo is stale: run `make i18n-compile`"


@pytest.fixture
def fresh_translators() -> Iterator[None]:
    translator.cache_clear()
    yield
    translator.cache_clear()
    set_language("en")


def test_the_application_reads_only_the_compiled_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_translators: None
) -> None:
    copy = tmp_path / "i18n"
    shutil.copytree(I18N, copy)
    (copy / "fi/stray-branch.po").write_text('msgid "Due"\nmsgstr "Eräpäivä"\n', "utf-8")
    monkeypatch.setattr(i18n, "locale_dir", lambda: copy)
    assert translator("fi")("Due") == "Määräaika"
    assert translator("fi").pgettext("spreadsheet column", "Date") == "Päivämäärä"
    assert translator("fi")("Date") == "Päivä"
    assert translator("sv")("Due") == "Due"  # no catalogue: the English text


# -- plural forms through the real call sites ----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 page. The preview", "2 pages. The preview"),
        ("fi", "1 sivu. Esikatselu", "2 sivua. Esikatselu"),
    ],
)
def test_a_reports_page_count(lang: str, one: str, two: str, fresh_translators: None) -> None:
    from ui.dialogs.report_dialog import page_count_text

    set_language(lang)
    assert page_count_text(1).startswith(one)
    assert page_count_text(2).startswith(two)


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "… and 1 more problem.", "… and 2 more problems."),
        ("fi", "… ja 1 muu ongelma.", "… ja 2 muuta ongelmaa."),
    ],
)
def test_the_hidden_problems_of_an_import(
    lang: str, one: str, two: str, fresh_translators: None
) -> None:
    set_language(lang)
    problems = [
        Problem(f"people[{i}].name", "must not be empty") for i in range(SHOWN_PROBLEMS + 2)
    ]
    assert str(ExchangeError(problems[:-1])).splitlines()[-1].strip() == one
    assert str(ExchangeError(problems)).splitlines()[-1].strip() == two


def _drifting_boat(b: Build) -> str:
    warning = {w.id: w for w in evaluate(b.snap, day(45))}["drifting-boat"]
    return warning.message


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "No action has been made from 5 of the 6 ideas recorded at the last event "
            "(2025-02-10).",
        ),
        (
            "fi",
            "Viimeisimmässä tilaisuudessa (10.2.2025) kirjatuista ideoista 5/6 on yhä ilman "
            "toimenpidettä.",
        ),
    ],
)
def test_a_warning_counts_ideas_and_actions(
    lang: str, expected: str, fresh_translators: None
) -> None:
    set_language(lang)
    b = Build()
    ideas = b.ideas_of(b.event(40, ideas=6))
    b.action(41, source=ideas[0])
    assert _drifting_boat(b) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "No action has been made from 3 of the 3 ideas recorded at the last 3 events"),
        ("fi", "Viimeisimmissä 3 tilaisuudessa (10.2.2025 alkaen) kirjatuista ideoista 3/3"),
    ],
)
def test_a_warning_counts_events(lang: str, expected: str, fresh_translators: None) -> None:
    set_language(lang)
    b = Build()
    for offset in range(3):
        b.event(40 + offset, ideas=1)
    assert _drifting_boat(b).startswith(expected)


def test_no_message_counts_with_a_bracketed_plural() -> None:
    """A count takes plural forms: "1 page(s)" reads as careless in English and in Finnish."""
    singular_only = [
        m.id for m in _read(POT) if isinstance(m.id, str) and re.search(r"\w\((s|a|ä)\)", m.id)
    ]
    assert singular_only == []
