"""The diaries the benchmark measures: N entries in ONE partnership, made once and cached.

Each diary holds the large partnership (``size`` entries, about 25 per event, over years) and a
small second one to switch from; a few entries carry a word found nowhere else (the rare word
of the search). Next to it are cached, under ``bench/data/`` (git-ignored): the large
partnership's exchange file (what the import reads) and a plain SQLite file with the same texts
under a plain FTS5 index, the floor of the search and of the import.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.backup.opening import open_diary_file
from app.domain import Entry, EntryType
from app.persistence import entries as entries_repo
from app.persistence import events as events_repo
from bench import generator

RARE = "kvarkkiseminaari"
WORDS = {"rare": RARE, "common": "että", "prefix": "m"}
SMALL_ONE = 250  # entries of the second partnership
PLAIN_VERSION = 1


def sizes_for(size: int) -> generator.Sizes:
    """``size`` entries in the first partnership, ``SMALL_ONE`` in the second."""
    total = size + SMALL_ONE
    return generator.Sizes(
        partnerships=2,
        events=total // 25,
        entries=total,
        actions=max(total // 20, 10),
        waves=24,
        years=max(2.0, size / 25_000),
        largest_share=size / total,
    )


def _with_rare_word(path: Path) -> None:
    diary = open_diary_file(path)
    try:
        with diary.write() as db:
            found = events_repo.list_events(db, 1)
            for event in (found[0], found[len(found) // 2], found[-1]):
                text = f"The {RARE} was planned for the spring."
                entries_repo.insert_entry(db, 1, Entry(event.pk or 0, EntryType.NOTE, text))
    finally:
        diary.close()


def diary(size: int, data_dir: Path) -> Path:
    """The cached diary of ``size`` entries in one partnership (made the first time)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / generator.cache_name(f"one-{size}", sizes_for(size))
    if path.exists():
        return path
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    for leftover in (partial, partial.with_name(partial.name + "-wal")):
        leftover.unlink(missing_ok=True)
    generator.generate(partial, sizes_for(size))
    _with_rare_word(partial)
    os.replace(partial, path)
    return path


def exchange_file(source: Path, partnership_id: str) -> Path:
    """The large partnership's exchange file, written once next to the diary."""
    out = source.with_suffix(".json")
    if out.exists():
        return out
    from app.exchange import export_stream, save_file

    opened = open_diary_file(source)
    try:
        pk = opened.db.execute("SELECT pk FROM partnerships WHERE id = ?", [partnership_id])
        save_file(export_stream(opened.db, int(pk.fetchone()[0])), out)
    finally:
        opened.close()
    return out


def plain_copy(source: Path) -> Path:
    """The entries of the large partnership in plain SQLite: a table and a plain FTS5 index
    (the same tokenizer, no prefix index), built by ``plain_insert``."""
    out = source.with_name(source.stem + f"-plain{PLAIN_VERSION}.sqlite3")
    if not out.exists():
        partial = out.with_name(out.name + ".part")
        partial.unlink(missing_ok=True)
        plain_insert(source, partial)
        os.replace(partial, out)
    return out


def plain_insert(source: Path, target: Path) -> None:
    """Insert the large partnership's entries into a new plain SQLite file with executemany in
    one transaction, with a plain FTS5 index: the floor of an import."""
    rows = sqlite3.connect(source).execute(
        "SELECT id, event_pk, seq, type, text, visibility, tensions FROM entries "
        "WHERE partnership_pk = 1 ORDER BY pk"
    )
    conn = sqlite3.connect(target)
    try:
        conn.execute(
            "CREATE TABLE entries (pk INTEGER PRIMARY KEY, id TEXT, event INTEGER, seq INTEGER, "
            "type TEXT, text TEXT, visibility TEXT, tensions TEXT)"
        )
        conn.execute(
            "CREATE VIRTUAL TABLE entries_fts USING fts5(text, content='entries', "
            "content_rowid='pk', tokenize='unicode61 remove_diacritics 0')"
        )
        with conn:
            conn.executemany(
                "INSERT INTO entries (id, event, seq, type, text, visibility, tensions) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
    finally:
        conn.close()
