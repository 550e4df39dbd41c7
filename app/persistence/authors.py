"""Who wrote each record: the authors table and the stamps on every authored table.

While a diary has an author (``Diary.set_author``), temporary triggers of its connection
(``install_stamps``) stamp every row inserted into an authored table with ``created_by`` and
``updated_by``, and every row updated with ``updated_by``, unless the statement set them itself
(an import keeps the authors its file names). The triggers live only in the connection that
opened the diary: nothing in the file depends on them, and a diary opened without an author
(the command line, a test) writes NULL, "unknown", as before.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from app.domain.authors import Author, valid_author_id
from app.persistence.rows import now_stamp
from app.persistence.schema import AUTHORED_TABLES


def install_stamps(conn: sqlite3.Connection, author_id: str | None) -> None:
    """Stamp this connection's writes with ``author_id`` from now on (None: stop stamping).

    The id is written into the triggers themselves (it is checked to hold only letters, digits
    and hyphens): statements that change no data, so no transaction is left open."""
    for table in AUTHORED_TABLES:
        conn.execute(f"DROP TRIGGER IF EXISTS temp.stamp_insert_{table}")
        conn.execute(f"DROP TRIGGER IF EXISTS temp.stamp_update_{table}")
    if author_id is None:
        return
    if not valid_author_id(author_id):
        raise ValueError(f"not an author id: {author_id!r}")
    me = f"'{author_id}'"
    for table in AUTHORED_TABLES:
        conn.execute(
            f"CREATE TEMP TRIGGER stamp_insert_{table} AFTER INSERT ON main.{table} "
            "WHEN NEW.created_by IS NULL OR NEW.updated_by IS NULL BEGIN "
            f"UPDATE {table} SET created_by = coalesce(NEW.created_by, {me}), "
            f"updated_by = coalesce(NEW.updated_by, {me}) WHERE pk = NEW.pk; END"
        )
        conn.execute(
            f"CREATE TEMP TRIGGER stamp_update_{table} AFTER UPDATE ON main.{table} "
            f"WHEN NEW.updated_by IS OLD.updated_by AND OLD.updated_by IS NOT {me} BEGIN "
            f"UPDATE {table} SET updated_by = {me} WHERE pk = NEW.pk; END"
        )


def register(db: Database, author: Author) -> None:
    """Record the author's name under their id (a later name replaces an earlier one)."""
    db.execute(
        "INSERT INTO authors (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET "
        "name = excluded.name, updated_at = ? WHERE authors.name IS NOT excluded.name",
        [author.id, author.name, now_stamp()],
    )


def list_authors(db: Database) -> list[Author]:
    """Every author the diary knows, by name."""
    found = db.execute("SELECT id, name FROM authors ORDER BY lower(name), id").fetchall()
    return [Author(r[0], r[1]) for r in found]


def partnership_authors(db: Database, partnership_pk: int) -> list[Author]:
    """The authors of a partnership's records (those the authors table names, and any id it
    does not, with the id as its label), sorted by what is shown."""
    ids: set[str] = set()
    for table in AUTHORED_TABLES:
        key = "pk" if table == "partnerships" else "partnership_pk"
        for column in ("created_by", "updated_by"):
            ids.update(
                r[0]
                for r in db.execute(
                    f"SELECT DISTINCT {column} FROM {table} WHERE {key} = ? AND {column} IS NOT NULL",
                    [partnership_pk],
                )
            )
    names = {a.id: a.name for a in list_authors(db)}
    found = [Author(i, names.get(i, "")) for i in ids]
    return sorted(found, key=lambda a: (a.label.lower(), a.id))


Stamp = tuple[str | None, str | None]  # (created_by, updated_by)


def record_authors(db: Database, table: str, pks: list[int]) -> dict[int, Stamp]:
    """Who created and who last changed each of the rows ``pks`` of an authored table."""
    if table not in AUTHORED_TABLES:
        raise ValueError(f"not an authored table: {table}")
    found: dict[int, Stamp] = {}
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        sql = (
            f"SELECT pk, created_by, updated_by FROM {table} "
            f"WHERE pk IN ({','.join('?' * len(chunk))})"
        )
        found.update((r[0], (r[1], r[2])) for r in db.execute(sql, chunk))
    return found


def author_names(db: Database) -> dict[str, str]:
    """Each known author's label (the name, or the id when no name was given) by id."""
    return {a.id: a.label for a in list_authors(db)}


def keep_authors(db: Database, authors: dict[str, str]) -> None:
    """Add a partnership file's authors; a name the diary already has stays."""
    for author_id, name in authors.items():
        db.execute("INSERT OR IGNORE INTO authors (id, name) VALUES (?, ?)", [author_id, name])


def keep_audit(
    db: Database, table: str, partnership_pk: int, record_id: str, fields: list[str | None]
) -> None:
    """Set a record's created_at, updated_at, created_by and updated_by from a file (each one
    the file leaves out keeps its value)."""
    assert table in AUTHORED_TABLES
    db.execute(
        f"UPDATE {table} SET created_at = coalesce(?, created_at), "
        "updated_at = coalesce(?, updated_at), created_by = coalesce(?, created_by), "
        "updated_by = coalesce(?, updated_by) WHERE partnership_pk = ? AND id = ?",
        [*fields, partnership_pk, record_id],
    )


def audit_rows(db: Database, table: str, partnership_pk: int) -> list[tuple[str, ...]]:
    """(id, created_at, updated_at, created_by, updated_by) of the records a known author
    wrote in ``table``."""
    assert table in AUTHORED_TABLES
    return [
        tuple(r)
        for r in db.execute(
            f"SELECT id, created_at, updated_at, created_by, updated_by FROM {table} "
            "WHERE partnership_pk = ? AND created_by IS NOT NULL",
            [partnership_pk],
        )
    ]


def stored_names(db: Database) -> dict[str, str]:
    """Each author's name as stored (possibly empty), by id."""
    return {str(r[0]): str(r[1]) for r in db.execute("SELECT id, name FROM authors")}


def diary_id(db: Database) -> str | None:
    """The id of this diary (made once by migration 0007)."""
    row = db.execute("SELECT value FROM settings WHERE key = 'diary_id'").fetchone()
    return str(row[0]) if row else None
