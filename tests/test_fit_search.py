"""Search input is cleaned before it reaches FTS5, and ``kumppani search`` runs the same search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.persistence.search import MAX_QUERY_WORDS, clean_query, fts_query, search, search_keys
from ui.cli import main

DEMO_ID = "demo-pohjolan-tukku-lahde"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search") / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    return db


def _search(db: Path, capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "search", "--partnership", DEMO_ID, "--json", *words])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "word", ["pil\x00ot", "pilot\x00", "\ud800pilot", "pilot\udfff", "pi\x1blot"], ids=repr
)
def test_nul_and_broken_characters_are_dropped_not_sent_to_the_index(
    demo_db: Path, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    code, out, err = _search(demo_db, capsys, word)
    assert code == 0, err
    assert "Traceback" not in err
    found = json.loads(out)
    # NUL and ESC split the word, a lone surrogate vanishes: the rest is searched as text.
    assert isinstance(found["total"], int)


def test_the_same_search_as_the_window_with_private_entries_marked(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.backup.opening import open_diary_file
    from app.persistence.partnerships import find_partnership

    code, out, _err = _search(demo_db, capsys, "pilot")
    assert code == 0
    found = json.loads(out)
    diary = open_diary_file(demo_db)
    try:
        partnership = find_partnership(diary.db, DEMO_ID)
        assert partnership is not None and partnership.pk is not None
        expected = search(diary.db, partnership.pk, "pilot", limit=50)
    finally:
        diary.close()
    assert found["total"] >= len(expected) > 0
    assert [h["text"] for h in found["hits"]] == [h.snippet.text for h in expected]
    assert all("pilot" in h["text"].lower() for h in found["hits"])
    code = main(["--db", str(demo_db), "search", "--partnership", DEMO_ID, "pilot"])
    assert code == 0 and "pilot" in capsys.readouterr().out.lower()


def test_a_pasted_essay_is_cut_to_its_first_words(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    essay = " ".join(f"sana{i}" for i in range(5000))
    cleaned = clean_query(essay)
    assert cleaned.split() == [f"sana{i}" for i in range(MAX_QUERY_WORDS)]
    query = fts_query(essay)
    assert query is not None and query.count('"') == 2 * MAX_QUERY_WORDS
    code, out, err = _search(demo_db, capsys, essay)
    assert code == 0 and json.loads(out)["total"] == 0, err


def test_search_keys_take_hostile_text_directly(demo_db: Path) -> None:
    from app.backup.opening import open_diary_file

    diary = open_diary_file(demo_db)
    try:
        for text in ("\x00", "a\x00b", "\ud83d", '"\x00"*', "NEAR(\x00"):
            search_keys(diary.db, 1, text)  # no OperationalError, no UnicodeEncodeError
    finally:
        diary.close()


def test_a_search_without_words_is_a_user_error(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _search(demo_db, capsys, "\x00 \x07")
    assert code == 2 and err.startswith("kumppani: ")
