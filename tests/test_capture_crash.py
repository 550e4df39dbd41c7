"""A capture session killed at a random moment loses no entry it had acknowledged.

The child process captures entries through the real editing service (each one committed by
``Editor.create_entry`` before it returns) and prints each entry's id only after that. The parent
kills it with SIGKILL at a random moment, reopens the diary through the real open path and checks
that every printed id is there, and that the file is intact.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from test_editing_seed import seed

from app.backup.opening import open_diary_file
from app.domain import Event, EventKind
from app.persistence import entries
from app.services.editing import Editor
from app.services.undo import UndoStack

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent(
    """
    import sys
    from app.domain import Entry, EntryType
    from app.backup.opening import open_diary_file
    from app.services.editing import Editor
    from app.services.undo import UndoStack

    path, partnership, event = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    diary = open_diary_file(path)
    editor = Editor(diary, UndoStack(diary))
    types = list(EntryType)
    print("ready", flush=True)
    n = 0
    while True:
        entry = Entry(event, types[n % len(types)], f"line {n} " + "word " * (n % 50))
        editor.create_entry(partnership, entry)
        print(entry.id, flush=True)
        n += 1
    """
)


def _run_and_kill(path: Path, partnership: int, event: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(partnership), str(event)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.05, 0.6))
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate()
    # A line cut off by the kill was never acknowledged.
    return [line for line in out.split("\n")[:-1] if line]


def test_every_acknowledged_entry_survives_a_kill(diary_path: Path) -> None:
    rng = random.Random(20241128)
    diary = open_diary_file(diary_path, create=True)
    s = seed(diary)
    event = Editor(diary, UndoStack(diary)).create_event(
        s.partnership, Event(EventKind.MEETING, "Crash test", "2024-02-01")
    )
    diary.close()
    acknowledged: list[str] = []
    for _ in range(4):
        acknowledged += _run_and_kill(diary_path, s.partnership, event, rng)
        again = open_diary_file(diary_path)
        try:
            stored = {e.id for e in entries.list_entries(again.db, event)}
            assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            again.close()
        missing = [i for i in acknowledged if i not in stored]
        assert not missing
    assert len(acknowledged) > 4
