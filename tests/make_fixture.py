"""Make ``tests/fixtures/schema-v<N>.sqlite3``: a diary of the current schema with the demo in it.

Run ``python -m tests.make_fixture`` from the repository root when a new schema version is added
(and, until version 1 ships, after an edit of migration 0001).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from app.backup.opening import open_diary_file
from app.persistence.schema import SCHEMA_VERSION
from app.services.demo import load_demo


def main() -> Path:
    target = Path(__file__).parent / "fixtures" / f"schema-v{SCHEMA_VERSION}.sqlite3"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "diary.sqlite3"
        diary = open_diary_file(path, create=True)
        load_demo(diary)
        diary.close()  # checkpoints the write-ahead log: one self-contained file
        shutil.copyfile(path, target)
    return target


if __name__ == "__main__":
    print(main())
