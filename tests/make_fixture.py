"""Make ``tests/fixtures/schema-v<N>.sqlite3``: a diary of the current schema with the demo in it.

The demo is the one every fixture holds (``tests/fixtures/demo-v2.json``), not the shipped one,
which keeps learning what the app learns; the migration tests compare with it. ``*.sqlite3`` is
ignored by git: add the new fixture with ``git add -f``.

Run ``python -m tests.make_fixture`` from the repository root when a new schema version is added
(and, until version 1 ships, after an edit of migration 0001).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from app.backup.opening import open_diary_file
from app.exchange import import_partnership
from app.persistence.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


def main() -> Path:
    target = FIXTURES / f"schema-v{SCHEMA_VERSION}.sqlite3"
    demo = json.loads((FIXTURES / "demo-v2.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "diary.sqlite3"
        diary = open_diary_file(path, create=True)
        import_partnership(diary, demo, mode="replace")
        diary.close()  # checkpoints the write-ahead log: one self-contained file
        shutil.copyfile(path, target)
    return target


if __name__ == "__main__":
    print(main())
