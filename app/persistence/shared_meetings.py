"""What partners may see of meetings beyond the feedback report: agendas, decisions as
records, and the e-mail addresses a calendar file invites people by.

``MeetingView`` is a ``SharedView`` (the same partner-facing rules) with two more reads. A
decision is read from the ``shared_entries`` view only, so a private decision never reaches
minutes; the sides that agreed come from ``decision_agreements``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.enums import DecisionStatus
from app.persistence.rows import rows, s2d
from app.persistence.shared import SharedView


@dataclass(frozen=True, slots=True)
class SharedDecision:
    """Where a shared decision entry stands (its text is the entry's, read with the entries)."""

    entry: int
    status: DecisionStatus | None
    review_on: date | None
    # The disagreement noted when the decision was contested: the partners' own words.
    disagreement: str | None
    agreed_by: tuple[int, ...]  # organization keys, in the order they were recorded


@dataclass(frozen=True, slots=True)
class SharedAgendaItem:
    title: str
    minutes: int
    purpose: str | None
    presenter: int | None  # a person key


class MeetingView(SharedView):
    """A ``SharedView`` that also reads agendas, decisions and people's e-mail addresses."""

    def agenda(self, event_pk: int) -> list[SharedAgendaItem]:
        """The live agenda items of one of the partnership's events, in running order (an
        agenda is planned with the partners: all of it is theirs to see)."""
        return [
            SharedAgendaItem(r["title"], r["minutes"], r["purpose"], r["presenter_pk"])
            for r in rows(
                self._db,
                "SELECT a.title, a.minutes, a.purpose, a.presenter_pk FROM agenda_items a "
                "JOIN events e ON e.pk = a.event_pk WHERE a.event_pk = ? "
                "AND e.partnership_pk = ? AND a.deleted_at IS NULL ORDER BY a.seq",
                [event_pk, self._pk],
            )
        ]

    def decisions(self, event_pk: int) -> dict[int, SharedDecision]:
        """The shared decision entries of one event, by entry key."""
        agreed: dict[int, list[int]] = {}
        for r in rows(
            self._db,
            "SELECT a.entry_pk, a.organization_pk FROM decision_agreements a "
            "JOIN shared_entries s ON s.pk = a.entry_pk "
            "WHERE s.event_pk = ? AND s.partnership_pk = ? ORDER BY a.entry_pk, a.seq",
            [event_pk, self._pk],
        ):
            agreed.setdefault(r["entry_pk"], []).append(r["organization_pk"])
        return {
            r["pk"]: SharedDecision(
                entry=r["pk"],
                status=DecisionStatus(r["decision_status"]) if r["decision_status"] else None,
                review_on=s2d(r["review_on"]),
                disagreement=r["disagreement"],
                agreed_by=tuple(agreed.get(r["pk"], ())),
            )
            for r in rows(
                self._db,
                "SELECT pk, decision_status, review_on, disagreement FROM shared_entries "
                "WHERE event_pk = ? AND partnership_pk = ? AND type = 'decision' ORDER BY seq",
                [event_pk, self._pk],
            )
        }

    def emails(self) -> dict[int, str]:
        """People's e-mail addresses by person key (only those who have one)."""
        return {
            r["pk"]: r["email"]
            for r in rows(
                self._db,
                "SELECT pk, email FROM people WHERE partnership_pk = ? AND email IS NOT NULL "
                "AND email != '' ORDER BY seq",
                [self._pk],
            )
        }
