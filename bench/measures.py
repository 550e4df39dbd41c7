"""Measurements that need no fresh process: full-text search and durable saving of an entry.

Both run against the real code paths (``app.persistence.search`` and the editing service) on a
working copy of the large diary, never on the cached file, because saving changes the diary.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

from app.backup.opening import open_diary_file
from app.domain import Entry, EntryType
from app.persistence.diary import Diary
from app.persistence.rows import one
from bench.runner import Unavailable

# Common, medium and rare words of the generated text, Finnish and English, and a prefix:
# the search box is searched as the user types, so the last word is a prefix.
SEARCH_TERMS = (
    "työkyky",
    "sovittiin",
    "sairauspoissaolojen",
    "pilotin tavoite",
    "ehd",
    "return to work",
    "sponsor",
    "kuormitus",
)
FIRST_PAGE = 50


def largest_partnership(diary: Diary) -> tuple[int, str]:
    """The key and id of the partnership with the most entries."""
    row = one(
        diary.db,
        "SELECT p.pk AS pk, p.id AS id FROM partnerships p JOIN entries n "
        "ON n.partnership_pk = p.pk GROUP BY p.pk ORDER BY count(*) DESC, p.pk LIMIT 1",
    )
    if row is None:
        raise Unavailable("the diary has no entries")
    return int(row["pk"]), str(row["id"])


def partnership_refs(path: Path) -> dict[str, str]:
    """Keys and ids the probes need: the largest partnership's and another one's key."""
    diary = open_diary_file(path)
    try:
        pk, ref = largest_partnership(diary)
        other = one(
            diary.db,
            "SELECT pk FROM partnerships WHERE pk != ? AND deleted_at IS NULL ORDER BY pk LIMIT 1",
            [pk],
        )
    finally:
        diary.close()
    return {"pk": str(pk), "id": ref, "other_pk": str(other["pk"] if other else pk)}


def search_sampler(diary: Diary) -> Callable[[], float]:
    """A sampler of one search for the first page of hits, cycling through the terms."""
    try:
        from app.persistence.search import search
    except ImportError as exc:
        raise Unavailable(f"search is not built yet ({exc})") from exc
    pk, _id = largest_partnership(diary)
    terms = itertools.cycle(SEARCH_TERMS)
    # One warm-up pass: the first query pays for reading the index pages from disk.
    for term in SEARCH_TERMS:
        search(diary.db, pk, term, limit=FIRST_PAGE)

    def sample() -> float:
        term = next(terms)
        started = time.perf_counter()
        hits = search(diary.db, pk, term, limit=FIRST_PAGE)
        elapsed = (time.perf_counter() - started) * 1000
        if not hits:
            raise Unavailable(f"search for {term!r} found nothing; the generator changed?")
        return elapsed

    return sample


def save_entry_sampler(diary: Diary) -> Callable[[], float]:
    """A sampler of one entry saved the way live capture saves it (one durable transaction)."""
    mode = diary.db.conn.execute("PRAGMA synchronous").fetchone()[0]
    if mode < 2:
        raise Unavailable(f"the diary is not opened with synchronous FULL (it is {mode})")
    pk, _id = largest_partnership(diary)
    # The first write of a session waits for the full check (measured on its own, as
    # integrity_check_large_ms); a save is measured after it, as the user meets it.
    diary.verify()
    row = one(
        diary.db,
        "SELECT pk FROM events WHERE partnership_pk = ? ORDER BY date DESC LIMIT 1",
        [pk],
    )
    assert row is not None
    event_pk = int(row["pk"])
    save = _saver(diary)
    counter = itertools.count(1)

    def sample() -> float:
        entry = Entry(
            event=event_pk,
            type=EntryType.IDEA,
            text=f"Benchmark entry {next(counter)}: sovittiin kokeilla uutta mallia.",
        )
        started = time.perf_counter()
        save(pk, entry)
        return (time.perf_counter() - started) * 1000

    return sample


def integrity_check_sampler(diary: Diary) -> Callable[[], float]:
    """A sampler of the full check the diary runs before the first write of a session
    (``integrity_check``, foreign keys and the stored values' shapes), in milliseconds."""
    from app.persistence.connection import full_check

    def sample() -> float:
        started = time.perf_counter()
        full_check(diary.db.conn, diary.path)
        return (time.perf_counter() - started) * 1000

    return sample


def _saver(diary: Diary) -> Callable[[int, Entry], object]:
    """The editing service's ``create_entry`` (undoable, as the GUI saves), else the repository."""
    try:
        from app.services.editing import Editor
        from app.services.undo import UndoStack
    except ImportError:
        from app.persistence.entries import insert_entry

        def plain(partnership_pk: int, entry: Entry) -> object:
            with diary.write() as db:
                return insert_entry(db, partnership_pk, entry)

        return plain
    editor = Editor(diary, UndoStack(diary))
    return editor.create_entry


def open_copy(source: Path, work: Path) -> Diary:
    """Open a fresh working copy of ``source`` in ``work``."""
    import shutil

    target = work / f"work-{source.name}"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return open_diary_file(target)
