"""The report's summary parts, read back from real PDFs and Word documents: the minimum group
size, "At a glance", equity as the partners see it, and the learning log with the vision."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pytest
from docx_support import docx_text
from test_report_support import pdf_text

from app.domain import (
    Action,
    Dimension,
    Entry,
    EntryType,
    Event,
    EventKind,
    Objective,
    Organization,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Rating,
    Role,
    Visibility,
)
from app.domain.enums import DecisionStatus, Direction, Level
from app.domain.model import DecisionRecord, Measurement, Participant
from app.persistence import actions, entries, events, partnerships
from app.persistence.diary import Diary
from app.report import ReportOptions
from app.services import feedback
from reports.docx.build import build_feedback_docx
from reports.feedback import build_feedback_pdf

TODAY = date(2025, 11, 20)


@dataclass
class Built:
    pk: int
    customer: int
    provider: int


def _wave(
    db: object, pk: int, when: str, sides: dict[int, list[int]], value: float, title: str
) -> None:
    ev = Event(EventKind.QUESTIONNAIRE, title, when)
    ev.ratings = [
        Rating(org, d, value, person)
        for org, people in sides.items()
        for person in people
        for d in (Dimension.COMMITMENT, Dimension.EQUITY)
    ]
    events.insert_event(db, pk, ev)  # type: ignore[arg-type]


def build(diary: Diary, customer_answers: int = 3, provider_answers: int = 1) -> Built:
    with diary.write() as db:
        p = Partnership(
            "Glance Partnership",
            date(2025, 1, 1),
            phases=[
                PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1)),
                PhaseMove(Phase.EXECUTION, date(2025, 6, 1)),
            ],
            vision="VISIONtext every worker well",
            pilot_scope="PILOTtext two depots only",
        )
        pk = partnerships.insert_partnership(db, p)
        cust = partnerships.insert_organization(db, pk, Organization("Tukku Oy", Role.CUSTOMER))
        prov = partnerships.insert_organization(db, pk, Organization("Apila Oy", Role.PROVIDER))
        c_people = [
            partnerships.insert_person(
                db, pk, Person(f"Asiakas{i} Virtanen", cust, level=Level.TOP, sponsor=i == 0)
            )
            for i in range(4)
        ]
        p_people = [
            partnerships.insert_person(db, pk, Person(f"Tarjoaja{i} Mäkinen", prov))
            for i in range(3)
        ]
        _wave(
            db,
            pk,
            "2025-03-01",
            {cust: c_people[:customer_answers], prov: p_people[:provider_answers]},
            3.0,
            "Baseline survey",
        )
        _wave(
            db,
            pk,
            "2025-09-01",
            {cust: c_people[:customer_answers], prov: p_people[:provider_answers]},
            4.0,
            "Autumn survey",
        )
        meeting = Event(EventKind.MEETING, "Steering group", "2025-06-10")
        meeting.participants = [Participant(c_people[0], attended=True)]
        ev = events.insert_event(db, pk, meeting)

        def entry(type_: EntryType, text: str, vis: Visibility = Visibility.SHARED) -> int:
            return entries.insert_entry(db, pk, Entry(ev, type_, text, vis))

        entry(EntryType.IDEA, "IDEAopen a shared idea from Asiakas1 Virtasen team")
        entry(EntryType.IDEA, "PRIVideaMARKER", Visibility.PRIVATE)
        entry(EntryType.ASSESSMENT, "LEARNshared the depots learned fast")
        entry(EntryType.ASSESSMENT, "PRIVassessMARKER", Visibility.PRIVATE)
        entry(EntryType.ACCOMPLISHMENT, "ACCOMPdone first pilot week")
        decision = Entry(ev, EntryType.DECISION, "DECreview weekly stand-ups", Visibility.SHARED)
        decision.decision = DecisionRecord(DecisionStatus.AGREED, review_on=date(2025, 11, 1))
        entries.insert_entry(db, pk, decision)
        actions.insert_action(
            db,
            pk,
            Action(
                "ACTlate send the plan",
                date(2025, 6, 10),
                organization=cust,
                due_on=date(2025, 10, 1),
            ),
        )
        actions.insert_action(
            db,
            pk,
            Action(
                "ACTprivate from a private idea",
                date(2025, 6, 10),
                visibility=Visibility.PRIVATE,
                due_on=date(2025, 7, 1),
            ),
        )
        objective = Objective(
            "OBJwellbeing of Asiakas2 Virtanen's depot",
            indicator="Share of staff feeling well",
            target="80 %",
            target_value=80,
            unit="%",
            direction=Direction.UP,
            due_on=date(2026, 3, 1),
            measurements=[
                Measurement(date(2025, 3, 1), 40, "MEASnote by Asiakas3 Virtanen"),
                Measurement(date(2025, 8, 1), 70),
                Measurement(date(2025, 12, 1), 99),  # after the report's date
            ],
        )
        partnerships.insert_objective(db, pk, objective)
        partnerships.insert_objective(db, pk, Objective("OBJnoindicator be a good partner"))
    return Built(pk, cust, prov)


def _options(**kw: object) -> ReportOptions:
    return ReportOptions(generated_on=TODAY, **kw)  # type: ignore[arg-type]


def _pdf(diary: Diary, pk: int, **kw: object) -> str:
    return re.sub(
        r"\s+", " ", pdf_text(build_feedback_pdf(feedback.report_data(diary, pk, _options(**kw))))
    )


def _docx(diary: Diary, pk: int, **kw: object) -> str:
    data = feedback.report_data(diary, pk, _options(**kw))
    return re.sub(r"\s+", " ", docx_text(build_feedback_docx(data)))


def _means(text: str) -> list[str]:
    return re.findall(r"\d[.,]\d\s+\(n = (\d+)\)", text)


# -- the minimum group size ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_sides_with_one_or_two_answers_never_print_a_mean(diary: Diary, kind: str) -> None:
    b = build(diary, customer_answers=2, provider_answers=1)
    read = _pdf if kind == "pdf" else _docx
    text = read(diary, b.pk)
    assert _means(text) == []
    assert "fewer than 3 answers" in text
    data = feedback.report_data(diary, b.pk, _options())
    assert data.commitment == ()  # no chart point either
    assert all(r.gap is None for r in data.questionnaire.rows)  # type: ignore[union-attr]
    fi = read(diary, b.pk, language="fi")
    assert "alle 3 vastausta" in fi and _means(fi) == []


def test_the_minimum_is_the_partnerships_own_setting(diary: Diary) -> None:
    b = build(diary, customer_answers=2, provider_answers=1)
    with diary.write() as db:
        stored = partnerships.get_partnership(db, b.pk)
        assert stored is not None
        stored.min_group_size = 2
        partnerships.update_partnership(db, stored)
    text = _pdf(diary, b.pk)
    # The customer's two answers now print; the provider's one never does.
    assert set(_means(text)) == {"2"}
    assert "fewer than 2 answers" in text


# -- at a glance --------------------------------------------------------------------------------


def test_at_a_glance_stands_as_of_the_reports_date(diary: Diary) -> None:
    b = build(diary)
    data = feedback.report_data(diary, b.pk, _options())
    g = data.glance
    assert g.phase is Phase.EXECUTION and g.phase_since == date(2025, 6, 1)
    first = g.objectives[0]
    # 70 on 1 August is above the line from 40 (March) to 80 (next March): on track; the
    # measurement of December is after the report's date and not seen.
    assert (first.latest, first.latest_on, first.standing.value) == (
        70,
        date(2025, 8, 1),
        "on_track",
    )
    assert g.objectives[1].standing.value == "not_measured"
    kinds = [(i.kind.value, i.text.split()[0]) for i in g.to_decide]
    assert kinds == [
        ("overdue_action", "ACTlate"),
        ("idea", "IDEAopen"),
        ("no_indicator", "OBJnoindicator"),
        ("review", "DECreview"),
    ]
    text = _pdf(diary, b.pk)
    assert "At a glance" in text and "On track" in text and "70 % (2025-08-01)" in text
    assert "99" not in text.split("Where we are")[0]
    for marker in ("PRIVideaMARKER", "PRIVassessMARKER", "ACTprivate"):
        assert marker not in text


def test_hidden_names_stay_hidden_on_the_first_page(diary: Diary) -> None:
    b = build(diary)
    for kind in (_pdf, _docx):
        text = kind(diary, b.pk, hide_names=True, language="fi")
        assert "Virta" not in text and "Asiakas1" not in text
        assert "Yhdellä silmäyksellä" in text and "OBJwellbeing" in text
        assert "MEASnote" not in text and "PRIVideaMARKER" not in text


def test_a_report_given_moves_the_achievements_line(diary: Diary) -> None:
    from app.domain import FeedbackReport
    from app.persistence import records

    b = build(diary)
    assert "Achieved so far" in _pdf(diary, b.pk)
    with diary.write() as db:
        records.insert_feedback_report(
            db, b.pk, FeedbackReport(date(2025, 7, 1), period_to=date(2025, 7, 1))
        )
    text = _pdf(diary, b.pk)
    assert "Achieved since the last report (2025-07-01)" in text
    # The accomplishment was in June: before the last report, so not "since".
    first_page = text.split("Where we are")[0]
    assert "ACCOMPdone" not in first_page


# -- equity and the learning log -----------------------------------------------------------------


def test_equity_compares_the_latest_wave_with_the_first_and_previous(diary: Diary) -> None:
    b = build(diary, customer_answers=3, provider_answers=1)
    data = feedback.report_data(diary, b.pk, _options())
    customer, provider = data.equity.sides
    assert customer.meetings_attended == 1 and provider.meetings_attended == 0
    assert customer.actions_owned == 1 and customer.actions_done == 0
    change = customer.changes[0]
    assert change.since_baseline == pytest.approx(1.0)
    # One provider answer per wave: no mean, no change.
    assert all(c.latest is None and c.short[2] for c in provider.changes)
    text = _pdf(diary, b.pk)
    assert "Equity as the partners see it" in text and "▲ +1.0" in text
    fi = _docx(diary, b.pk, language="fi")
    assert "▲ +1,0" in fi and "alle 3 vastausta" in fi


def test_the_learning_log_prints_shared_assessments_and_the_vision_beside_the_pilot(
    diary: Diary,
) -> None:
    b = build(diary)
    for text in (_pdf(diary, b.pk), _docx(diary, b.pk)):
        log = text[text.index("Learning log") :]
        assert "LEARNshared" in log and "PRIVassessMARKER" not in text
        assert "VISIONtext" in log and "PILOTtext" in log


def test_facts_dated_after_the_end_date_leave_the_summary_parts_unchanged(diary: Diary) -> None:
    from app.domain import ActionStatus, FeedbackReport
    from app.domain.enums import Fate
    from app.domain.model import IdeaFate
    from app.persistence import measurements, records

    b = build(diary, customer_answers=3, provider_answers=3)
    chosen = ("glance", "phase", "accomplishments", "actions", "commitment", "equity", "learning")
    options = {"sections": chosen, "period_to": date(2025, 11, 20)}
    made = date(2026, 1, 10)

    def text() -> str:
        data = feedback.report_data(diary, b.pk, ReportOptions(generated_on=made, **options))  # type: ignore[arg-type]
        return pdf_text(build_feedback_pdf(data))

    before = text()
    later = date(2025, 12, 5)
    with diary.write() as db:
        people = [p.pk for p in partnerships.list_people(db, b.pk)]
        _wave(
            db, b.pk, "2025-12-01", {b.customer: people[:4], b.provider: people[4:]}, 1.0, "LATER"
        )
        ev = events.insert_event(db, b.pk, Event(EventKind.MEETING, "LATERmeeting", "2025-12-02"))
        for kind in (EntryType.IDEA, EntryType.ASSESSMENT, EntryType.ACCOMPLISHMENT):
            entries.insert_entry(db, b.pk, Entry(ev, kind, f"LATER{kind.value}", Visibility.SHARED))
        actions.insert_action(db, b.pk, Action("LATERaction", later, due_on=later))
        for a in actions.list_actions(db, b.pk):
            if a.text.startswith("ACTlate"):
                a.status, a.done_on = ActionStatus.DONE, later
                actions.update_action(db, a)
        for _when, e in entries.list_partnership_entries(db, b.pk):
            if e.text.startswith("IDEAopen"):
                e.fate = IdeaFate(Fate.DECLINED, "LATERreason", later)
                entries.update_entry(db, e)
        (objective, _other) = partnerships.list_objectives(db, b.pk)
        measurements.insert_measurement(
            db, b.pk, objective.pk or 0, Measurement(date(2025, 12, 3), 100)
        )
        records.insert_feedback_report(db, b.pk, FeedbackReport(later, period_to=later))
        partnerships.add_phase(db, b.pk, PhaseMove(Phase.ENDED, later))
    assert text() == before
