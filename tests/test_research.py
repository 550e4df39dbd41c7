"""The research export: a REFI-QDA project (.qdpx), XLSX and CSV, pseudonymized.

The structure checks are written from the published REFI-QDA project standard (QDA-XML
``Project.xsd`` version 1.0 and the REFI-QDA 1.5 specification): the namespace, the order of
the project's parts, the required attributes of each element, GUIDs, the ``internal://``
sources and that every reference resolves.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from research_support import PRIVATE_MARK, Planted, plant, real_name_forms

from app.i18n import set_language
from app.persistence.diary import Diary
from app.research import NS, build_study, export_research
from app.research.files import ResearchError
from ui.cli import main

GUID = re.compile(
    r"^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|"
    r"\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$"
)
# ProjectType's sequence, in the order the standard fixes.
PROJECT_PARTS = ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets",
                 "Graphs", "Description", "NoteRef"]  # fmt: skip
REQUIRED = {
    "Project": {"name"},
    "User": {"guid"},
    "Code": {"guid", "name", "isCodable"},
    "Variable": {"guid", "name", "typeOfVariable"},
    "Case": {"guid"},
    "TextSource": {"guid"},
    "PlainTextSelection": {"guid", "startPosition", "endPosition"},
    "Coding": {"guid"},
    "CodeRef": {"targetGUID"},
    "SourceRef": {"targetGUID"},
    "VariableRef": {"targetGUID"},
}
GUID_ATTRIBUTES = {"guid", "targetGUID", "creatingUser", "modifyingUser", "creatingUserGUID"}
VALUE_TAGS = {"Text": "TextValue", "Boolean": "BooleanValue", "Integer": "IntegerValue",
              "Float": "FloatValue", "Date": "DateValue", "DateTime": "DateTimeValue"}  # fmt: skip


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def local(element: ET.Element) -> str:
    assert element.tag.startswith(f"{{{NS}}}"), f"{element.tag} is outside the QDA-XML namespace"
    return element.tag.split("}", 1)[1]


@pytest.fixture
def planted(diary: Diary) -> Planted:
    return plant(diary)


def _export(diary: Diary, planted: Planted, path: Path, private: bool = False) -> Path:
    export_research(diary.db, planted.pk, path, include_private=private)
    return path


def _qdpx(diary: Diary, planted: Planted, tmp_path: Path, private: bool = False):  # type: ignore[no-untyped-def]
    path = _export(diary, planted, tmp_path / "study.qdpx", private)
    archive = zipfile.ZipFile(path)
    root = ET.fromstring(archive.read("project.qde"))
    return archive, root


def test_qdpx_has_the_structure_the_standard_requires(
    diary: Diary, planted: Planted, tmp_path: Path
) -> None:
    archive, root = _qdpx(diary, planted, tmp_path, private=True)
    assert archive.testzip() is None
    assert root.tag == q("Project")
    # The parts of the project in the standard's order, each at most once.
    parts = [local(c) for c in root]
    assert parts == sorted(parts, key=PROJECT_PARTS.index)
    assert len(parts) == len(set(parts))
    assert {"Users", "CodeBook", "Variables", "Cases", "Sources"} <= set(parts)
    guids: list[str] = []
    for element in root.iter():
        name = local(element)
        missing = REQUIRED.get(name, set()) - set(element.attrib)
        assert not missing, f"{name} lacks {missing}"
        for attribute in GUID_ATTRIBUTES & set(element.attrib):
            assert GUID.match(element.attrib[attribute]), (name, attribute)
        if "guid" in element.attrib:
            guids.append(element.attrib["guid"].lower())
    assert len(guids) == len(set(guids)), "a GUID is used twice"
    for code in root.iter(q("Code")):
        assert code.attrib["isCodable"] in {"true", "false"}
    for variable in root.iter(q("Variable")):
        assert variable.attrib["typeOfVariable"] in VALUE_TAGS


def test_every_reference_resolves(diary: Diary, planted: Planted, tmp_path: Path) -> None:
    archive, root = _qdpx(diary, planted, tmp_path, private=True)
    codable = {c.attrib["guid"] for c in root.iter(q("Code")) if c.attrib["isCodable"] == "true"}
    sources = {s.attrib["guid"] for s in root.iter(q("TextSource"))}
    variables = {v.attrib["guid"]: v.attrib["typeOfVariable"] for v in root.iter(q("Variable"))}
    users = {u.attrib["guid"] for u in root.iter(q("User"))}
    assert root.attrib["creatingUserGUID"] in users
    for ref in root.iter(q("CodeRef")):
        assert ref.attrib["targetGUID"] in codable
    for ref in root.iter(q("SourceRef")):
        assert ref.attrib["targetGUID"] in sources
    for element in root.iter():
        if "creatingUser" in element.attrib:
            assert element.attrib["creatingUser"] in users
    for holder in root.iter(q("VariableValue")):
        ref, value = list(holder)
        assert local(ref) == "VariableRef"
        kind = variables[ref.attrib["targetGUID"]]  # resolves
        assert local(value) == VALUE_TAGS[kind]
        if kind == "Boolean":
            assert value.text in {"true", "false"}
        if kind == "Date":
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.text or "")
    names = set(archive.namelist())
    for source in root.iter(q("TextSource")):
        # Either the text inline or a path to it, never both; the path is inside the archive.
        path = source.attrib.get("plainTextPath")
        assert (path is None) != (source.find(q("PlainTextContent")) is None)
        assert path is not None and path.startswith("internal://")
        assert f"Sources/{path.removeprefix('internal://')}" in names
    cases = {c.attrib["name"] for c in root.iter(q("Case"))}
    assert cases == {"P01", "P02", "P03", "Customer", "Provider"}


def test_selections_span_each_entry_and_carry_its_codes(
    diary: Diary, planted: Planted, tmp_path: Path
) -> None:
    archive, root = _qdpx(diary, planted, tmp_path, private=True)
    study = build_study(diary.db, planted.pk, include_private=True)
    assert study is not None
    code_names = {c.attrib["guid"]: c.attrib["name"] for c in root.iter(q("Code"))}
    sources = list(root.iter(q("TextSource")))
    assert len(sources) == len(study.events)
    for source, event in zip(sources, study.events, strict=True):
        path = source.attrib["plainTextPath"].removeprefix("internal://")
        text = archive.read(f"Sources/{path}").decode("utf-8")
        selections = source.findall(q("PlainTextSelection"))
        assert len(selections) == len(event.entries)
        for selection, entry in zip(selections, event.entries, strict=True):
            start, end = (
                int(selection.attrib["startPosition"]),
                int(selection.attrib["endPosition"]),
            )
            assert 0 <= start < end <= len(text)
            assert text[start:end] == entry.text
            applied = {
                code_names[c.find(q("CodeRef")).attrib["targetGUID"]]  # type: ignore[union-attr]
                for c in selection.findall(q("Coding"))
            }
            expected = {
                entry.type.value.capitalize(),
                *(t.value.capitalize() for t in entry.tensions),
            }
            if entry.visibility.value == "private":
                expected.add("Private entry")
            assert applied == expected
    all_texts = "".join(e.text for ev in study.events for e in ev.entries)
    assert "P01" in all_texts and "the customer" in all_texts  # names were replaced, not cut


def _all_output(diary: Diary, planted: Planted, tmp_path: Path, private: bool) -> str:
    """Every text of the three files the export writes, as one string."""
    qdpx = _export(diary, planted, tmp_path / "s.qdpx", private)
    texts = [
        zipfile.ZipFile(qdpx).read(n).decode("utf-8") for n in zipfile.ZipFile(qdpx).namelist()
    ]
    xlsx = _export(diary, planted, tmp_path / "s.xlsx", private)
    sheet = load_workbook(xlsx).active
    texts += [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    texts.append(_export(diary, planted, tmp_path / "s.csv", private).read_text("utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize("private", [False, True])
def test_no_real_name_survives_in_any_format(
    diary: Diary, planted: Planted, tmp_path: Path, private: bool
) -> None:
    written = " ".join(planted.texts)
    planted_forms = [f for f in real_name_forms() if re.search(rf"(?<!\w){f}(?!\w)", written, re.I)]
    assert len(planted_forms) >= 10  # the diary does name people in many forms
    output = _all_output(diary, planted, tmp_path, private)
    for form in real_name_forms():
        found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", output, re.IGNORECASE)
        assert found is None, (
            f"{form!r} survived: …{output[max(0, found.start() - 60) : found.end() + 60]}…"
        )
    assert ("P01" in output) and ("P02" in output)


def test_private_entries_only_with_the_flag_and_then_marked(
    diary: Diary, planted: Planted, tmp_path: Path
) -> None:
    assert PRIVATE_MARK not in _all_output(diary, planted, tmp_path, private=False)
    assert PRIVATE_MARK in _all_output(diary, planted, tmp_path, private=True)
    sheet = load_workbook(_export(diary, planted, tmp_path / "p.xlsx", True)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    marked = [r for r in rows[1:] if PRIVATE_MARK in str(r[header.index("Text")])]
    assert len(marked) == 1 and marked[0][header.index("Visibility")] == "Private"
    assert all(r[header.index("Visibility")] == "Shared" for r in rows[1:] if r not in marked)


def test_xlsx_and_csv_have_one_row_per_entry_with_every_attribute(
    diary: Diary, planted: Planted, tmp_path: Path
) -> None:
    sheet = load_workbook(_export(diary, planted, tmp_path / "t.xlsx")).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:3] == ["Entry id", "Event id", "Event date"]
    assert len(rows) - 1 == len(planted.texts) - 1  # the private entry left out
    formula = next(r for r in rows[1:] if str(r[header.index("Text")]).startswith("="))
    assert formula[header.index("Type")] == "Decision"
    assert formula[header.index("Tensions")] == "Roles, Logics"
    assert formula[header.index("Phase")] == "Negotiation"
    assert formula[header.index("Present")] == "P01, P02"
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=SUM"))
    assert cell.data_type == "s"  # text, never a formula
    text = _export(diary, planted, tmp_path / "t.csv").read_text("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == header
    assert len(table) == len(rows)
    assert any(r[header.index("Text")].startswith("'=SUM") for r in table)


def test_labels_follow_the_language(diary: Diary, planted: Planted, tmp_path: Path) -> None:
    set_language("fi")
    try:
        _archive, root = _qdpx(diary, planted, tmp_path)
    finally:
        set_language("en")
    names = {c.attrib["name"] for c in root.iter(q("Code"))}
    assert {"Idea", "Päätös", "Jännite"} <= names
    assert root.attrib["name"] == "Yhteiskehittämisen kumppanuus"


def test_a_wrong_file_ending_writes_nothing(diary: Diary, planted: Planted, tmp_path: Path) -> None:
    with pytest.raises(ResearchError, match=r"\.qdpx, \.xlsx or \.csv"):
        export_research(diary.db, planted.pk, tmp_path / "s.docx")
    assert not (tmp_path / "s.docx").exists()


def test_command_line(
    diary: Diary, planted: Planted, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(diary.path)
    diary.close()
    out = tmp_path / "cli.qdpx"
    command = ["--db", db, "research", "--partnership", "Pohjolan Tukku × Lähde", "--out"]
    assert main([*command, str(out)]) == 0
    assert "4 entries" in capsys.readouterr().out
    assert zipfile.ZipFile(out).read("project.qde").startswith(b"<?xml")
    assert main([*command, str(tmp_path / "x.pdf")]) == 2
    assert "must end in .qdpx" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
