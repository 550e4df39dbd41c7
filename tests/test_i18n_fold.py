"""Folding a branch's plain .po file into the catalogue: what the integrator runs after a merge."""

from __future__ import annotations

import gettext
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import app.i18n as i18n
from app.i18n import translator
from app.i18n_tools import main

ROOT = Path(__file__).resolve().parents[1]

BRANCH_PO = """\
msgid "A message of the branch"
msgstr "Haaran viesti"

msgid "Due"
msgstr "Määräaika"

msgid "{n} idea"
msgid_plural "{n} ideas"
msgstr[0] "{n} idea"
msgstr[1] "{n} ideaa"
"""


@pytest.fixture
def catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    copy = tmp_path / "i18n"
    shutil.copytree(ROOT / "resources/i18n", copy)
    monkeypatch.setattr(i18n, "locale_dir", lambda: copy)
    monkeypatch.setattr("app.i18n_tools.locale_dir", lambda: copy)
    translator.cache_clear()
    yield copy
    translator.cache_clear()


def test_a_branch_file_is_folded_compiled_and_deleted(catalogues: Path) -> None:
    branch = catalogues / "fi/new-feature.po"
    branch.write_text(BRANCH_PO, "utf-8")
    assert main(["fold", "--all"]) == 0
    assert not branch.exists()
    translator.cache_clear()
    fi = translator("fi")
    assert fi("A message of the branch") == "Haaran viesti"  # read from the recompiled .mo
    assert fi.ngettext("{n} idea", "{n} ideas", 2) == "{n} ideaa"
    assert fi("Due") == "Määräaika"


def test_a_conflicting_translation_keeps_the_catalogue_and_the_file(
    catalogues: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    branch = catalogues / "fi/old-words.po"
    branch.write_text('msgid "Due"\nmsgstr "Eräpäivä"\n', "utf-8")
    assert main(["fold", str(branch)]) == 1
    assert "Eräpäivä" in capsys.readouterr().err
    assert branch.exists()
    translator.cache_clear()
    assert translator("fi")("Due") == "Määräaika"
    assert main(["fold", "--overwrite", str(branch)]) == 0
    with (catalogues / "fi/LC_MESSAGES/kumppani.mo").open("rb") as mo:
        # Read directly: gettext keeps the catalogue it already loaded from this path.
        assert gettext.GNUTranslations(mo).gettext("Due") == "Eräpäivä"
    assert not branch.exists()
