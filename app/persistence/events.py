"""Events of the diary with their participants and ratings."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from app.domain import Dimension, Event, EventKind, Participant, Phase, Rating
from app.domain.model import AgendaItem
from app.persistence import fts
from app.persistence.rows import now_stamp, one, rows

# Plain dictionaries: ``EventKind(value)`` per row is slow when a view reads 400 events.
_KINDS = {k.value: k for k in EventKind}
_PHASES = {p.value: p for p in Phase}
_DIMENSIONS = {d.value: d for d in Dimension}


def _event(r: dict[str, Any]) -> Event:
    return Event(
        kind=_KINDS[r["kind"]],
        title=r["title"],
        when=r["date"],
        duration_minutes=r["duration_minutes"],
        phase=_PHASES[r["phase"]] if r["phase"] else None,
        purpose=r["purpose"],
        id=r["id"],
        pk=r["pk"],
        final_evaluation=bool(r["final_evaluation"]),
        place=r["place"],
    )


def event_days(db: Database, partnership_pk: int) -> list[date]:
    """The days of a partnership's live events in order, from the index alone (a timeline's
    markers: 8,000 events are 8,000 dates, not 8,000 rows read and built)."""
    found = db.conn.execute(
        "SELECT DISTINCT substr(date, 1, 10) FROM events INDEXED BY events_live_date "
        "WHERE partnership_pk = ? AND deleted_at IS NULL ORDER BY 1",
        [partnership_pk],
    )
    return [date.fromisoformat(r[0]) for r in found]


def list_events(
    db: Database, partnership_pk: int, *, with_details: bool = False, include_deleted: bool = False
) -> list[Event]:
    """Events of a partnership in date order; ``with_details`` loads participants and ratings."""
    deleted = "" if include_deleted else " AND deleted_at IS NULL"
    events = [
        _event(r)
        for r in rows(
            db,
            f"SELECT * FROM events WHERE partnership_pk = ?{deleted} ORDER BY date, pk",
            [partnership_pk],
        )
    ]
    if with_details and events:
        # Plain tuples, not a dictionary per row: a large diary has tens of thousands of each.
        by_pk = {e.pk: e for e in events}
        for event_pk, person, invited, attended in db.conn.execute(
            "SELECT p.event_pk, p.person_pk, p.invited, p.attended FROM participants p "
            "JOIN events e ON e.pk = p.event_pk "
            "WHERE e.partnership_pk = ? ORDER BY p.event_pk, p.seq",
            [partnership_pk],
        ):
            if event_pk in by_pk:
                by_pk[event_pk].participants.append(
                    Participant(person=person, invited=bool(invited), attended=bool(attended))
                )
        for event_pk, pk, org, dimension, value, respondent in db.conn.execute(
            "SELECT r.event_pk, r.pk, r.organization_pk, r.dimension, r.value, r.respondent_pk "
            "FROM ratings r JOIN events e ON e.pk = r.event_pk "
            "WHERE e.partnership_pk = ? ORDER BY r.event_pk, r.seq",
            [partnership_pk],
        ):
            if event_pk in by_pk:
                by_pk[event_pk].ratings.append(
                    Rating(org, _DIMENSIONS[dimension], value, respondent, pk)
                )
        for r in rows(
            db,
            "SELECT a.* FROM agenda_items a JOIN events e ON e.pk = a.event_pk "
            "WHERE e.partnership_pk = ? AND a.deleted_at IS NULL ORDER BY a.event_pk, a.seq",
            [partnership_pk],
        ):
            if r["event_pk"] in by_pk:
                by_pk[r["event_pk"]].agenda.append(_agenda_item(r))
    return events


def get_event(db: Database, pk: int) -> Event | None:
    """One event with its participants and ratings (also when it is in the deleted items)."""
    row = one(db, "SELECT * FROM events WHERE pk = ?", [pk])
    if row is None:
        return None
    event = _event(row)
    event.participants = list_participants(db, pk)
    event.ratings = list_ratings(db, pk)
    event.agenda = list_agenda(db, pk)
    return event


def event_pk_by_id(db: Database, partnership_pk: int, event_id: str) -> int | None:
    """The key of the partnership's live event whose id (as in the exchange file) is
    ``event_id``."""
    row = one(
        db,
        "SELECT pk FROM events WHERE partnership_pk = ? AND id = ? AND deleted_at IS NULL",
        [partnership_pk, event_id],
    )
    return int(row["pk"]) if row else None


def event_partnership(db: Database, event_pk: int) -> int | None:
    row = one(db, "SELECT partnership_pk FROM events WHERE pk = ?", [event_pk])
    return int(row["partnership_pk"]) if row else None


def insert_event(db: Database, partnership_pk: int, e: Event) -> int:
    """Store a new event with its participants and ratings; returns its key."""
    cur = db.execute(
        "INSERT INTO events (partnership_pk, id, kind, title, date, duration_minutes, phase, "
        "purpose, final_evaluation, place) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            partnership_pk,
            e.id,
            e.kind.value,
            e.title,
            e.when,
            e.duration_minutes,
            e.phase.value if e.phase else None,
            e.purpose,
            int(e.final_evaluation),
            e.place,
        ],
    )
    e.pk = int(cur.lastrowid or 0)
    fts.event_added(db, e.pk, e.title, e.purpose)
    set_participants(db, e.pk, e.participants)
    set_ratings(db, e.pk, e.ratings)
    set_agenda(db, e.pk, e.agenda)
    return e.pk


def update_event(db: Database, e: Event, *, details: bool = True) -> None:
    """Store an edited event; with ``details`` its participants and ratings are replaced too."""
    old = one(db, "SELECT title, purpose FROM events WHERE pk = ?", [e.pk])
    if (
        old is not None
        and e.pk is not None
        and (old["title"], old["purpose"]) != (e.title, e.purpose)
    ):
        fts.event_removed(db, e.pk, old["title"], old["purpose"])
        fts.event_added(db, e.pk, e.title, e.purpose)
    db.execute(
        "UPDATE events SET kind = ?, title = ?, date = ?, duration_minutes = ?, phase = ?, "
        "purpose = ?, final_evaluation = ?, place = ?, updated_at = ? WHERE pk = ?",
        [
            e.kind.value,
            e.title,
            e.when,
            e.duration_minutes,
            e.phase.value if e.phase else None,
            e.purpose,
            int(e.final_evaluation),
            e.place,
            now_stamp(),
            e.pk,
        ],
    )
    if details and e.pk is not None:
        set_participants(db, e.pk, e.participants)
        set_ratings(db, e.pk, e.ratings)
        set_agenda(db, e.pk, e.agenda)


def set_event_deleted(db: Database, pk: int, deleted: bool) -> None:
    db.execute(
        "UPDATE events SET deleted_at = ? WHERE pk = ?", [now_stamp() if deleted else None, pk]
    )


# -- participants ---------------------------------------------------------------------------


def _participant(r: dict[str, Any]) -> Participant:
    return Participant(
        person=r["person_pk"], invited=bool(r["invited"]), attended=bool(r["attended"])
    )


def list_participants(db: Database, event_pk: int) -> list[Participant]:
    return [
        _participant(r)
        for r in rows(db, "SELECT * FROM participants WHERE event_pk = ? ORDER BY seq", [event_pk])
    ]


def set_participants(db: Database, event_pk: int, participants: list[Participant]) -> None:
    db.execute("DELETE FROM participants WHERE event_pk = ?", [event_pk])
    db.conn.executemany(
        "INSERT INTO participants (event_pk, person_pk, seq, invited, attended) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (event_pk, p.person, seq, int(p.invited), int(p.attended))
            for seq, p in enumerate(participants)
        ],
    )


# -- ratings --------------------------------------------------------------------------------


def _rating(r: dict[str, Any]) -> Rating:
    return Rating(
        organization=r["organization_pk"],
        dimension=_DIMENSIONS[r["dimension"]],
        value=r["value"],
        respondent=r["respondent_pk"],
        pk=r["pk"],
    )


def list_ratings(db: Database, event_pk: int) -> list[Rating]:
    return [
        _rating(r)
        for r in rows(db, "SELECT * FROM ratings WHERE event_pk = ? ORDER BY seq", [event_pk])
    ]


def set_ratings(db: Database, event_pk: int, ratings: list[Rating]) -> None:
    db.execute("DELETE FROM ratings WHERE event_pk = ?", [event_pk])
    if not ratings:
        return
    db.conn.executemany(
        "INSERT INTO ratings (event_pk, seq, organization_pk, dimension, value, respondent_pk) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (event_pk, seq, r.organization, r.dimension.value, r.value, r.respondent)
            for seq, r in enumerate(ratings)
        ],
    )
    keys = db.conn.execute("SELECT pk FROM ratings WHERE event_pk = ? ORDER BY seq", [event_pk])
    for r, (pk,) in zip(ratings, keys.fetchall(), strict=True):
        r.pk = int(pk)


# -- agenda ---------------------------------------------------------------------------------


def _agenda_item(r: dict[str, Any]) -> AgendaItem:
    return AgendaItem(
        title=r["title"],
        minutes=r["minutes"],
        purpose=r["purpose"],
        presenter=r["presenter_pk"],
        id=r["id"],
        pk=r["pk"],
    )


def list_agenda(db: Database, event_pk: int) -> list[AgendaItem]:
    """The live agenda items of an event in running order."""
    return [
        _agenda_item(r)
        for r in rows(
            db,
            "SELECT * FROM agenda_items WHERE event_pk = ? AND deleted_at IS NULL ORDER BY seq",
            [event_pk],
        )
    ]


def set_agenda(db: Database, event_pk: int, items: list[AgendaItem]) -> None:
    """Make the event's agenda ``items``, matched by id: an item kept keeps its row (and the
    entries written under it), a new one is inserted, one left out is deleted softly (undo
    brings the very same row back). Each item's ``pk`` is set."""
    stored = {
        r["id"]: r["pk"]
        for r in rows(db, "SELECT pk, id FROM agenda_items WHERE event_pk = ?", [event_pk])
    }
    kept: set[int] = set()
    for seq, item in enumerate(items):
        values = [item.title, item.minutes, item.purpose, item.presenter, seq]
        pk = stored.get(item.id)
        if pk is None:
            cur = db.execute(
                "INSERT INTO agenda_items (title, minutes, purpose, presenter_pk, seq, event_pk, "
                "id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [*values, event_pk, item.id],
            )
            pk = int(cur.lastrowid or 0)
        else:
            db.execute(
                "UPDATE agenda_items SET title = ?, minutes = ?, purpose = ?, presenter_pk = ?, "
                "seq = ?, deleted_at = NULL, updated_at = ? WHERE pk = ?",
                [*values, now_stamp(), pk],
            )
        item.pk = pk
        kept.add(pk)
    gone = [pk for pk in stored.values() if pk not in kept]
    for pk in gone:
        db.execute(
            "UPDATE agenda_items SET deleted_at = coalesce(deleted_at, ?) WHERE pk = ?",
            [now_stamp(), pk],
        )
