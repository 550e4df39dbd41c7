"""Kill a writing Kumppani at random moments: nothing acknowledged is lost, nothing is half done.

A child process opens the diary through the real path and writes in a loop; it prints a batch
number only after the commit returned (what the user would see as "saved"). The parent kills it
with SIGKILL at a random moment, then opens the diary as the next start would (taking over the
stale lock) and checks it. 30 rounds here; 300 with ``-m slow``.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.backup.files import list_backups
from app.backup.opening import open_diary_file
from app.lock import lock_path
from app.persistence.integrity import check_file
from tests.safety_helpers import make_diary

ROOT = Path(__file__).resolve().parent.parent

_WRITER = """
import sys
from app.domain import Entry, EntryType
from app.persistence import entries, events
from app.backup.opening import open_diary_file
d = open_diary_file(sys.argv[1])
ev = events.list_events(d.db, 1)[0]
batch = int(sys.argv[2])
print("ready", flush=True)
while True:
    with d.write() as db:
        # Three entries and a rename: one change the user sees as a whole.
        for part in range(3):
            entries.insert_entry(db, 1, Entry(ev.pk, EntryType.NOTE, f"batch {batch} part {part}"))
        db.execute("UPDATE partnerships SET description = ? WHERE pk = 1", [f"batch {batch}"])
    print(batch, flush=True)
    batch += 1
"""

_IMPORTER = """
import json, sys
from app.exchange.importer import import_partnership
from app.backup.opening import open_diary_file
d = open_diary_file(sys.argv[1])
data = json.loads(open(sys.argv[2], encoding="utf-8").read())
print("ready", flush=True)
while True:
    import_partnership(d, data, mode="copy")
    print("imported", flush=True)
"""

_BACKUPS = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from app.backup.make import make_backup
from app.backup.opening import open_diary_file
d = open_diary_file(sys.argv[1])
start = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=int(sys.argv[2]))
print("ready", flush=True)
for i in range(10_000):
    made = make_backup(d.db.conn, Path(sys.argv[3]), "diary", start + timedelta(seconds=i))
    print(made.name, flush=True)
"""


def _run_and_kill(script: str, args: list[str], rng: random.Random) -> list[str]:
    """Start ``script``, let it work for a random moment, SIGKILL it; returns its output lines."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    assert first == "ready", proc.stderr.read() if proc.stderr else first
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(proc.pid, signal.SIGKILL)
    # Read through the same buffered stream as the first line: communicate() would bypass the
    # lines that readline() already buffered.
    out = proc.stdout.read()
    proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()
    return out.split()


def _crash_rounds(tmp_path: Path, rounds: int) -> None:
    path = make_diary(tmp_path / "diary.sqlite3", events_count=1, entries_per_event=0)
    rng = random.Random(20260128)
    acknowledged: list[int] = []
    known: set[int] = set()  # changes found in the diary after earlier rounds
    next_batch = 0
    for _ in range(rounds):
        acknowledged += [int(x) for x in _run_and_kill(_WRITER, [str(path), str(next_batch)], rng)]
        assert lock_path(path).exists()  # left by the killed process
        d = open_diary_file(path)  # the stale lock is taken over; the WAL is recovered
        try:
            assert [r[0] for r in d.db.execute("PRAGMA integrity_check").fetchall()] == ["ok"]
            parts: dict[int, int] = {}
            for (text,) in d.db.execute("SELECT text FROM entries").fetchall():
                batch = int(text.split()[1])
                parts[batch] = parts.get(batch, 0) + 1
            assert set(parts.values()) <= {3}  # every change whole, none half-written
            assert set(acknowledged) <= set(parts)  # every acknowledged change is there
            # At most the one change committed but not yet printed when the kill came.
            unacked = set(parts) - set(acknowledged) - known
            assert len(unacked) <= 1, (sorted(unacked), next_batch, sorted(parts)[-5:])
            known = set(parts)
            (last,) = d.db.execute("SELECT description FROM partnerships").fetchone()
            if parts:
                assert last == f"batch {max(parts)}"
            next_batch = max(parts, default=-1) + 1
        finally:
            d.close()
    assert len(acknowledged) > rounds  # the kills really landed among writes


def test_killed_writer_loses_nothing_acknowledged(tmp_path: Path) -> None:
    _crash_rounds(tmp_path, 30)


@pytest.mark.slow
def test_killed_writer_loses_nothing_acknowledged_300_times(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("300 rounds take minutes: run with -m slow")
    _crash_rounds(tmp_path, 300)


def _exchange_file(tmp_path: Path) -> Path:
    from app.exchange.export import export_partnership

    source = make_diary(tmp_path / "source.sqlite3", events_count=20, entries_per_event=15)
    d = open_diary_file(source)
    document = export_partnership(d.db, 1)
    d.close()
    target = tmp_path / "partnership.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    return target


def test_crash_during_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    exchange = _exchange_file(tmp_path)
    path = make_diary(tmp_path / "diary.sqlite3", events_count=0, entries_per_event=0)
    rng = random.Random(7)
    for _ in range(8):
        imported = _run_and_kill(_IMPORTER, [str(path), str(exchange)], rng)
        d = open_diary_file(path)
        try:
            counts = d.db.execute(
                "SELECT p.pk, (SELECT count(*) FROM events e WHERE e.partnership_pk = p.pk), "
                "(SELECT count(*) FROM entries n WHERE n.partnership_pk = p.pk) "
                "FROM partnerships p WHERE p.pk > 1"
            ).fetchall()
        finally:
            d.close()
        assert all((events, entries) == (20, 300) for _pk, events, entries in counts), counts
        assert len(counts) >= len(imported)


def test_crash_during_backup_leaves_no_bad_backup_and_older_ones_untouched(
    tmp_path: Path,
) -> None:
    path = make_diary(tmp_path / "diary.sqlite3", events_count=30, entries_per_event=40)
    folder = tmp_path / "backups"
    rng = random.Random(11)
    seen: dict[str, bytes] = {}
    for day in range(10):
        _run_and_kill(_BACKUPS, [str(path), str(day), str(folder)], rng)
        for backup in list_backups(folder, "diary"):
            content = backup.path.read_bytes()
            if backup.path.name in seen:
                assert seen[backup.path.name] == content  # older backups untouched
            else:
                assert check_file(backup.path) == [], backup.path
                seen[backup.path.name] = content
    assert seen  # some backups were finished between the kills
