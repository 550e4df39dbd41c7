"""Migrations: a fresh diary and a migrated one have the same schema, and a diary written by an
earlier version (kept as a fixture file) opens and upgrades with its data intact.

While migration 0001 has not shipped and is still edited in place, its fixture must be made again
after each edit (``python -m tests.make_fixture``); once a version ships, its fixture is frozen.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app.backup.opening import open_diary_file
from app.exchange import export_partnership
from app.persistence import partnerships
from app.persistence.diary import Diary
from app.persistence.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from app.services.demo import demo_document

FIXTURES = Path(__file__).parent / "fixtures"
# The schema versions the migrations set (each migration's number is the version it sets;
# branches number theirs apart, so the list may have gaps until they are all merged).
VERSIONS = sorted({int(m.name[:4]) for m in MIGRATIONS.pending(Database(memory=True))})
# The demonstration partnership as the fixtures hold it: the demo changes (it teaches what the
# app learns), a fixture made by the code of its version does not.
FIXTURE_DEMO = json.loads((FIXTURES / "demo-v2.json").read_text("utf-8"))


def _schema(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """Every table, index, view and trigger with its SQL; the migrations log is not schema."""
    return sorted(
        conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE '_sqlite_migrations%'"
        ).fetchall()
    )


def test_fresh_diary_equals_one_migrated_step_by_step(diary: Diary, tmp_path: Path) -> None:
    # A database built by applying the migrations one at a time, outside the open path.
    conn = sqlite3.connect(tmp_path / "stepwise.sqlite3")
    db = Database(conn)
    while pending := MIGRATIONS.pending(db):
        MIGRATIONS.apply(db, stop_before=pending[1].name if len(pending) > 1 else None)
        assert len(MIGRATIONS.pending(db)) == len(pending) - 1
    assert _schema(conn) == _schema(diary.db.conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_every_migration_is_recorded_once(diary: Diary) -> None:
    names = [r[0] for r in diary.db.execute("SELECT name FROM _sqlite_migrations").fetchall()]
    assert names == [m.name for m in MIGRATIONS.pending(Database(memory=True))]
    assert diary.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _copy_fixture(version: int, tmp_path: Path) -> Path:
    target = tmp_path / f"schema-v{version}.sqlite3"
    shutil.copyfile(FIXTURES / f"schema-v{version}.sqlite3", target)
    return target


@pytest.mark.parametrize("version", VERSIONS, ids=lambda v: f"v{v}")
def test_schema_fixture_upgrades_with_its_data_intact(
    diary: Diary, tmp_path: Path, version: int
) -> None:
    """Every fixture, each made by the code of its version and never made again, upgrades to
    the current schema (the same as a fresh diary's) with the demo in it intact."""
    path = _copy_fixture(version, tmp_path)
    assert _user_version(path) == version
    old = open_diary_file(path)
    try:
        assert _schema(old.db.conn) == _schema(diary.db.conn)
        assert old.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert old.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert old.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert old.db.execute("PRAGMA foreign_key_check").fetchall() == []
        demo_id = demo_document()["partnership"]["id"]
        pk = partnerships.partnership_pk_by_id(old.db, demo_id)
        assert pk is not None
        exported = export_partnership(old.db, pk)
        exported.pop("exported_at")
        assert exported == FIXTURE_DEMO
        # The search index came along with the text it indexes.
        hits = old.db.execute(
            "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'drifting'"
        ).fetchone()[0]
        assert hits >= 1
        with old.write() as db:
            partnerships.set_thresholds(db, pk, {"idle_days": 30})
    finally:
        old.close()


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_fixture_files_are_kept_for_every_schema_version() -> None:
    assert VERSIONS[-1] == SCHEMA_VERSION
    for version in VERSIONS:
        assert (FIXTURES / f"schema-v{version}.sqlite3").is_file(), (
            f"add tests/fixtures/schema-v{version}.sqlite3 made by the code of that version"
        )
