"""The partner-facing view of one partnership: the only query path feedback reports read.

A ``SharedView`` selects, column by column, what may be shown to the partners. Entries come only
from the ``shared_entries`` view (shared and not deleted); free-text fields that hold the
facilitator's own thinking — event purposes, phase notes, checklist notes, warning notes,
partnership descriptions, private entries — are never selected here, so code that only holds a
``SharedView`` cannot leak them. Everything returned is a frozen record with exactly the shared
columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from app.domain import (
    ActionStatus,
    Dimension,
    EntryType,
    EventKind,
    Level,
    Phase,
    Role,
    Tension,
)
from app.domain.enums import DecisionStatus, Direction, Fate, Outcome
from app.domain.wording import repeats
from app.persistence.entries import text_to_tensions
from app.persistence.rows import one, rows, s2d


@dataclass(frozen=True, slots=True)
class SharedPartnership:
    pk: int
    name: str
    started_on: date
    language: str
    phases: tuple[tuple[Phase, date], ...]
    # The partners' vision and the scope of the pilot that tests it (both shared, both optional).
    vision: str | None = None
    pilot_scope: str | None = None
    # A side's questionnaire mean prints only with at least this many respondents.
    min_group_size: int = 3
    # The partners' end-of-cycle decisions (date, outcome); their notes are the facilitator's.
    outcomes: tuple[tuple[date, Outcome], ...] = ()
    id: str = ""


@dataclass(frozen=True, slots=True)
class SharedOrganization:
    pk: int
    name: str
    role: Role


@dataclass(frozen=True, slots=True)
class SharedPerson:
    pk: int
    name: str
    organization: int
    title: str | None
    pseudonym: str | None
    sponsor: bool
    level: Level | None = None

    @property
    def manager(self) -> bool:
        """A sponsor or a top-level manager of their organization."""
        return self.sponsor or self.level is Level.TOP


@dataclass(frozen=True, slots=True)
class SharedMeasurement:
    measured_on: date
    value: float
    note: str | None


@dataclass(frozen=True, slots=True)
class SharedObjective:
    text: str
    indicator: str | None
    target: str | None
    due_on: date | None
    owner: int | None
    target_value: float | None = None
    unit: str | None = None
    direction: Direction | None = None
    # Oldest first (by date, then as entered).
    measurements: tuple[SharedMeasurement, ...] = ()


@dataclass(frozen=True, slots=True)
class SharedEvent:
    pk: int
    kind: EventKind
    title: str
    when: str
    attendees: tuple[int, ...]
    # Everyone invited (those who came are in ``attendees``), the event's own phase, its id in
    # the exchange file and its length.
    invited: tuple[int, ...] = ()
    phase: Phase | None = None
    id: str = ""
    duration_minutes: int | None = None


@dataclass(frozen=True, slots=True)
class SharedEntry:
    pk: int
    event: int
    event_when: str
    type: EntryType
    text: str
    tensions: tuple[Tension, ...]
    # An idea parked or declined, and since when (None: still open, or made an action).
    fate: Fate | None = None
    fate_on: date | None = None
    # A decision's standing and the day it is to be reviewed.
    decision_status: DecisionStatus | None = None
    review_on: date | None = None


# An action partners may see: shared, and made from no entry or from a shared one, or else (made
# from a private entry) in the facilitator's own words: ``app.domain.wording.repeats`` says
# whether its text repeats the private entry (its whole text or a distinctive word of it).
_ACTION_ROWS = (
    "SELECT a.id, a.text, a.status, a.owner_pk, a.organization_pk, a.created_on, a.due_on, "
    "a.done_on, a.source_entry_pk, a.visibility, s.visibility AS source_visibility, "
    "s.text AS source_text FROM actions a LEFT JOIN entries s ON s.pk = a.source_entry_pk "
    "WHERE a.partnership_pk = ? AND a.deleted_at IS NULL ORDER BY a.seq"
)


def _shown(r: dict[str, Any]) -> bool:
    if r["visibility"] != "shared":
        return False
    if r["source_visibility"] is None or r["source_visibility"] == "shared":
        return True
    return not repeats(r["text"], r["source_text"] or "")


@dataclass(frozen=True, slots=True)
class SharedAction:
    text: str
    status: ActionStatus
    owner: int | None
    organization: int | None
    created_on: date
    due_on: date | None
    done_on: date | None
    source_entry: int | None
    id: str = ""


@dataclass(frozen=True, slots=True)
class SharedRating:
    event: int
    event_when: str
    event_kind: EventKind
    organization: int
    dimension: Dimension
    value: float
    respondent: int | None


class SharedView:
    """Read-only access to what partners may see of one partnership."""

    def __init__(self, db: Database, partnership_pk: int) -> None:
        self._db = db
        self._pk = partnership_pk

    @property
    def db(self) -> Database:
        """The diary's database, for the sibling shared reads (``shared_waves``)."""
        return self._db

    @property
    def pk(self) -> int:
        return self._pk

    def partnership(self) -> SharedPartnership | None:
        row = one(
            self._db,
            "SELECT pk, id, name, started_on, language, vision, pilot_scope, min_group_size "
            "FROM partnerships "
            "WHERE pk = ? AND deleted_at IS NULL",
            [self._pk],
        )
        if row is None:
            return None
        phases = tuple(
            (Phase(r["phase"]), s2d(r["from_on"]) or date.min)
            for r in rows(
                self._db,
                "SELECT phase, from_on FROM phases WHERE partnership_pk = ? ORDER BY seq",
                [self._pk],
            )
        )
        outcomes = tuple(
            (s2d(r["decided_on"]) or date.min, Outcome(r["outcome"]))
            for r in rows(
                self._db,
                "SELECT decided_on, outcome FROM cycle_decisions WHERE partnership_pk = ? "
                "ORDER BY seq",
                [self._pk],
            )
        )
        return SharedPartnership(
            pk=row["pk"],
            name=row["name"],
            started_on=s2d(row["started_on"]) or date.min,
            language=row["language"],
            phases=phases,
            vision=row["vision"],
            pilot_scope=row["pilot_scope"],
            min_group_size=max(2, int(row["min_group_size"] or 3)),
            outcomes=outcomes,
            id=row["id"],
        )

    def organizations(self) -> list[SharedOrganization]:
        return [
            SharedOrganization(pk=r["pk"], name=r["name"], role=Role(r["role"]))
            for r in rows(
                self._db,
                "SELECT pk, name, role FROM organizations WHERE partnership_pk = ? ORDER BY seq",
                [self._pk],
            )
        ]

    def people(self) -> list[SharedPerson]:
        return [
            SharedPerson(
                pk=r["pk"],
                name=r["name"],
                organization=r["organization_pk"],
                title=r["title"],
                pseudonym=r["pseudonym"],
                sponsor=bool(r["sponsor"]),
                level=Level(r["level"]) if r["level"] else None,
            )
            for r in rows(
                self._db,
                "SELECT pk, name, organization_pk, title, pseudonym, sponsor, level FROM people "
                "WHERE partnership_pk = ? ORDER BY seq",
                [self._pk],
            )
        ]

    def objectives(self) -> list[SharedObjective]:
        """Live objectives with their measurements (every one: the caller cuts at its date)."""
        measured: dict[int, list[SharedMeasurement]] = {}
        for r in rows(
            self._db,
            "SELECT objective_pk, measured_on, value, note FROM measurements "
            "WHERE partnership_pk = ? ORDER BY objective_pk, measured_on, seq",
            [self._pk],
        ):
            measured.setdefault(r["objective_pk"], []).append(
                SharedMeasurement(s2d(r["measured_on"]) or date.min, float(r["value"]), r["note"])
            )
        return [
            SharedObjective(
                text=r["text"],
                indicator=r["indicator"],
                target=r["target"],
                due_on=s2d(r["due_on"]),
                owner=r["owner_pk"],
                target_value=r["target_value"],
                unit=r["unit"],
                direction=Direction(r["direction"]) if r["direction"] else None,
                measurements=tuple(measured.get(r["pk"], ())),
            )
            for r in rows(
                self._db,
                "SELECT pk, text, indicator, target, due_on, owner_pk, target_value, unit, "
                "direction FROM objectives "
                "WHERE partnership_pk = ? AND deleted_at IS NULL ORDER BY seq",
                [self._pk],
            )
        ]

    def events(self) -> list[SharedEvent]:
        """Live events in date order with the people who attended and who were invited."""
        attended: dict[int, list[int]] = {}
        invited: dict[int, list[int]] = {}
        for r in rows(
            self._db,
            "SELECT p.event_pk, p.person_pk, p.invited, p.attended FROM participants p "
            "JOIN events e ON e.pk = p.event_pk "
            "WHERE e.partnership_pk = ? ORDER BY p.event_pk, p.seq",
            [self._pk],
        ):
            if r["attended"]:
                attended.setdefault(r["event_pk"], []).append(r["person_pk"])
            if r["invited"]:
                invited.setdefault(r["event_pk"], []).append(r["person_pk"])
        return [
            SharedEvent(
                pk=r["pk"],
                kind=EventKind(r["kind"]),
                title=r["title"],
                when=r["date"],
                attendees=tuple(attended.get(r["pk"], ())),
                invited=tuple(invited.get(r["pk"], ())),
                phase=Phase(r["phase"]) if r["phase"] else None,
                id=r["id"],
                duration_minutes=r["duration_minutes"],
            )
            for r in rows(
                self._db,
                "SELECT pk, id, kind, title, date, phase, duration_minutes FROM events "
                "WHERE partnership_pk = ? AND deleted_at IS NULL ORDER BY date, pk",
                [self._pk],
            )
        ]

    def entries(
        self,
        since: date | None = None,
        until: date | None = None,
        types: tuple[EntryType, ...] = (),
    ) -> list[SharedEntry]:
        """Shared entries of live events, read from the ``shared_entries`` view only; with
        ``since``/``until``, only those of events on those days or between them; with
        ``types``, only entries of those types."""
        # Events first (CROSS JOIN keeps that order), by date through events_live_date, then
        # each event's entries: only the period's rows are read, not every entry's.
        sql = (
            "SELECT s.pk, s.event_pk, s.type, s.text, s.tensions, s.fate, s.fate_on, "
            "s.decision_status, s.review_on, e.date FROM events e "
            "CROSS JOIN shared_entries s ON s.event_pk = e.pk "
            "WHERE e.partnership_pk = ? AND e.deleted_at IS NULL"
        )
        params: list[object] = [self._pk]
        if since is not None:
            sql += " AND e.date >= ?"
            params.append(since.isoformat())
        if until is not None:
            sql += " AND e.date < ?"  # a date-time of that day sorts after the bare day
            params.append((until + timedelta(days=1)).isoformat())
        if types:
            sql += f" AND s.type IN ({', '.join('?' for _ in types)})"
            params += [t.value for t in types]
        return [
            SharedEntry(
                pk=r["pk"],
                event=r["event_pk"],
                event_when=r["date"],
                type=EntryType(r["type"]),
                text=r["text"],
                tensions=text_to_tensions(r["tensions"]),
                fate=Fate(r["fate"]) if r["fate"] else None,
                fate_on=s2d(r["fate_on"]),
                decision_status=(
                    DecisionStatus(r["decision_status"]) if r["decision_status"] else None
                ),
                review_on=s2d(r["review_on"]),
            )
            for r in rows(self._db, sql + " ORDER BY e.date, e.pk, s.seq", params)
        ]

    def entry_counts(self, until: date | None = None) -> dict[EntryType, int]:
        """How many shared entries of live events there are of each type (up to ``until``),
        counted without reading a text."""
        sql = (
            "SELECT s.type, count(*) FROM events e CROSS JOIN shared_entries s "
            "ON s.event_pk = e.pk WHERE e.partnership_pk = ? AND e.deleted_at IS NULL"
        )
        params: list[object] = [self._pk]
        if until is not None:
            sql += " AND e.date < ?"
            params.append((until + timedelta(days=1)).isoformat())
        found = self._db.conn.execute(sql + " GROUP BY s.type", params)
        return {EntryType(r[0]): int(r[1]) for r in found}

    def actions(self) -> list[SharedAction]:
        """Live shared actions; one made from a private entry only in its own words."""
        return [
            SharedAction(
                text=r["text"],
                status=ActionStatus(r["status"]),
                owner=r["owner_pk"],
                organization=r["organization_pk"],
                created_on=s2d(r["created_on"]) or date.min,
                due_on=s2d(r["due_on"]),
                done_on=s2d(r["done_on"]),
                source_entry=r["source_entry_pk"],
                id=r["id"],
            )
            for r in rows(self._db, _ACTION_ROWS, [self._pk])
            if _shown(r)
        ]

    def private_actions(self, as_of: date) -> int:
        """How many actions left out of partner output had been made by ``as_of`` (counted,
        never read out)."""
        day = as_of.isoformat()
        return sum(
            1
            for r in rows(self._db, _ACTION_ROWS, [self._pk])
            if r["created_on"] <= day and not _shown(r)
        )

    def checklist_done(self) -> list[tuple[str, date, str | None]]:
        """Checklist items marked done as (item id, date, the partnership's own item text).

        The facilitator's notes on a mark stay out.
        """
        return self._checklist("done")

    def checklist_not_met(self) -> list[tuple[str, date, str | None]]:
        """Checklist items looked at and not met, as ``checklist_done`` gives the done ones.

        Never printed as completed; the facilitator's note on the mark stays out like any.
        """
        return self._checklist("not_met")

    def _checklist(self, status: str) -> list[tuple[str, date, str | None]]:
        return [
            (r["item"], s2d(r["marked_on"]) or date.min, r["text"])
            for r in rows(
                self._db,
                "SELECT m.item, m.marked_on, coalesce(c.text, m.text) AS text FROM checklist_marks m "
                "LEFT JOIN checklist_custom c "
                "ON c.partnership_pk = m.partnership_pk AND c.item = m.item "
                "WHERE m.partnership_pk = ? AND m.status = ? ORDER BY m.seq",
                [self._pk, status],
            )
        ]

    def reports_given(self) -> list[tuple[date, date | None]]:
        """Feedback reports given to the partners as (the day given, the end of its period),
        oldest first; drafts and minutes are not feedback."""
        return [
            (s2d(r["generated_on"]) or date.min, s2d(r["period_to"]))
            for r in rows(
                self._db,
                "SELECT generated_on, period_to FROM feedback_reports WHERE partnership_pk = ? "
                "AND status = 'given' AND kind = 'feedback_report' ORDER BY generated_on, seq",
                [self._pk],
            )
        ]

    def ratings(self) -> list[SharedRating]:
        return [
            SharedRating(
                event=r["event_pk"],
                event_when=r["date"],
                event_kind=EventKind(r["kind"]),
                organization=r["organization_pk"],
                dimension=Dimension(r["dimension"]),
                value=float(r["value"]),
                respondent=r["respondent_pk"],
            )
            for r in rows(
                self._db,
                "SELECT r.event_pk, r.organization_pk, r.dimension, r.value, r.respondent_pk, "
                "e.date, e.kind FROM ratings r JOIN events e ON e.pk = r.event_pk "
                "WHERE e.partnership_pk = ? AND e.deleted_at IS NULL "
                "ORDER BY e.date, r.event_pk, r.seq",
                [self._pk],
            )
        ]
