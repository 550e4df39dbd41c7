"""Hostile partnership files through the real command: a clean refusal that leaves the diary as it
was, or a correct import — never a traceback, never half a file in the diary."""

from __future__ import annotations

import copy
import json
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.backup.opening import open_diary_file
from app.exchange import export_partnership, import_partnership, parse
from app.persistence.partnerships import partnership_pk_by_id
from ui.cli import main

EDGE: dict[str, Any] = json.loads(
    (Path(__file__).parent / "fixtures" / "edge-case.json").read_text("utf-8")
)

hostile_numbers = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**63, -(2**63) - 1, 10**400, 1.0, 0.5, 3, 5.000001, 525_601, 90]),
    st.floats(allow_nan=False, allow_infinity=False),
)
# Texts that look right but carry control characters (tab and line breaks are fine in texts).
hostile_texts = st.builds(
    lambda a, bad, b: a + bad + b,
    st.sampled_from(["", "Öljy ", "p1", "x"]),
    st.text(st.characters(max_codepoint=0x9F), min_size=1, max_size=3),
    st.sampled_from(["", " Oy", "z"]),
)
hostile = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**63, -(2**63) - 1, 10**400, 1.0, 0.5, 5.000001, 525_601]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(max_codepoint=0x9F), max_size=8),
    st.sampled_from(["\x00", "a\x1bb", "\x07", "2025-W01-1", "20250101", "2024-11-27", ""]),
    st.booleans(),
    st.none(),
    st.just([]),
    st.just({}),
)


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key and array position of the document."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield (*path, k)
            yield from _places(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield (*path, i)
            yield from _places(v, (*path, i))


PLACES = list(_places(EDGE))
# Where hostile values do most harm: numbers, ids, names, texts and dates.
SHARP = [
    p
    for p in PLACES
    if p[-1] in ("duration_minutes", "value", "version", "id", "name", "text", "exported_at")
]
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _v in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("a key twice")
    return dict(pairs)


@st.composite
def hostile_files(draw: st.DrawFn) -> str:
    doc = copy.deepcopy(EDGE)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(SHARP) | st.sampled_from(PLACES))
        target: Any = doc
        try:
            for step in where[:-1]:
                target = target[step]
            old = target[where[-1]]
            kind = (
                hostile_numbers
                if isinstance(old, (int, float)) and not isinstance(old, bool)
                else hostile_texts
                if isinstance(old, str)
                else hostile
            )
            target[where[-1]] = draw(kind | hostile) if draw(st.booleans()) else draw(kind)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    text = json.dumps(doc, ensure_ascii=False)
    if draw(st.booleans()):
        key = draw(st.sampled_from(['"name": ', '"id": ', '"value": ', '"version": ', '"text": ']))
        text = text.replace(key, key + json.dumps(draw(hostile)) + ", " + key, 1)
    return text


def _content(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "diary.sqlite3"
    other = copy.deepcopy(EDGE)
    other["partnership"]["id"] = "already-there"
    diary = open_diary_file(path, create=True)
    import_partnership(diary, other)
    diary.close()
    return path


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=hostile_files())
def test_a_hostile_file_is_refused_cleanly_or_imported_correctly(
    template: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "diary.sqlite3"
        shutil.copy(template, db)
        before = _content(db)
        source = Path(folder) / "in.json"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        code = main(["--db", str(db), "import", str(source)])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", err), repr(err)
        if code != 0:
            assert code == 2 and err.startswith("kumppani: "), err
            assert _content(db) == before
            return
        # Imported: the file was valid, and the diary holds exactly what it said.
        document = json.loads(text, object_pairs_hook=_repeats)  # no key was given twice
        assert not any(CONTROL.search(t) for t in _strings(document))
        diary = open_diary_file(db)
        try:
            pk = partnership_pk_by_id(diary.db, out.strip())
            assert pk is not None
            exported = export_partnership(diary.db, pk)
        finally:
            diary.close()
        assert parse(exported).partnership.name == parse(document).partnership.name
        assert len(exported["events"]) == len(document["events"])
