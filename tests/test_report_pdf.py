"""The feedback report PDF: private records never appear, shared ones all do, in every variant;
hidden names stay hidden; hostile text prints literally; the same input gives the same bytes."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from test_report_support import Planted, pdf_text, plant

from app.domain import Action, Entry, EntryType, Event, EventKind, Person, Role, Visibility
from app.persistence import actions, entries, events, partnerships
from app.persistence.diary import Diary
from app.report import SECTIONS, ReportOptions
from app.services import feedback
from reports.feedback import BuildCancelled, build_feedback_pdf

TODAY = date(2025, 11, 20)


def _build(diary: Diary, pk: int, **options: object) -> bytes:
    opts = ReportOptions(generated_on=TODAY, **options)  # type: ignore[arg-type]
    return build_feedback_pdf(feedback.report_data(diary, pk, opts))


def _flat(text: str) -> str:
    """Text with line breaks and hyphen-free wraps joined, for matching multi-word names."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def planted(diary: Diary) -> Planted:
    return plant(diary)


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("hide", [False, True])
@pytest.mark.parametrize("sections", [SECTIONS, *((s,) for s in SECTIONS)])
def test_no_private_marker_in_any_variant(
    diary: Diary, planted: Planted, language: str, hide: bool, sections: tuple[str, ...]
) -> None:
    text = pdf_text(
        _build(diary, planted.pk, language=language, hide_names=hide, sections=sections)
    )
    assert [m for m in planted.private if m in text] == []
    if hide:
        words = {w for name in planted.names for w in name.split() if len(w) > 3}
        assert [w for w in words if w in text] == []


@pytest.mark.parametrize("language", ["en", "fi"])
@pytest.mark.parametrize("hide", [False, True])
def test_every_shared_marker_in_the_full_report(
    diary: Diary, planted: Planted, language: str, hide: bool
) -> None:
    text = pdf_text(_build(diary, planted.pk, language=language, hide_names=hide))
    lowered = text.lower()
    assert [m for m in planted.shared if m.lower() not in lowered] == []
    flat = _flat(text)
    if hide:
        assert all(label in flat for label in planted.labels)
        # A person without title or pseudonym is named by organization only.
        assert (
            "Representative of Tehdas Oy" if language == "en" else "Edustaja, Tehdas Oy"
        ) in flat
    else:
        assert all(name in flat for name in planted.names)


def test_hidden_names_are_replaced_inside_shared_text(diary: Diary, planted: Planted) -> None:
    text = _flat(pdf_text(_build(diary, planted.pk, hide_names=True)))
    assert "SHRDmentionQ21 agreed with HR director (Tehdas Oy) and Provider lead." in text
    assert "Doctor A idea." in text  # "Oskarin", a Finnish genitive, is hidden as a whole


def test_metadata_carries_no_private_text_and_no_author_unless_typed(
    diary: Diary, planted: Planted
) -> None:
    meta = PdfReader(io.BytesIO(_build(diary, planted.pk))).metadata
    assert meta is not None
    assert meta.get("/Author", "") == ""
    assert "Marker Partnership" in str(meta.get("/Title"))
    assert not any(m in str(v) for v in meta.values() for m in planted.private + planted.names)
    typed = PdfReader(io.BytesIO(_build(diary, planted.pk, author="Facilitator X"))).metadata
    assert typed is not None and typed.get("/Author") == "Facilitator X"


def test_period_leaves_out_what_lies_outside_it(diary: Diary, planted: Planted) -> None:
    text = pdf_text(
        _build(diary, planted.pk, period_from=date(2025, 6, 1), period_to=date(2025, 10, 31))
    )
    assert "SHRDdecisionQ15" not in text  # recorded in March
    assert "SHRDevent2Q9" in text and "SHRDevent0Q9" not in text
    assert "SHRDactionlateQ19" in text  # still open at the end of the period


def test_overdue_actions_are_marked(diary: Diary, planted: Planted) -> None:
    text = pdf_text(_build(diary, planted.pk, sections=("actions",)))
    late = text.index("SHRDactionlateQ19")
    assert "OVERDUE" in text[late : late + 200]


def test_fonts_are_embedded_and_finnish_letters_extract(diary: Diary, planted: Planted) -> None:
    pdf = _build(diary, planted.pk, language="fi")
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        content = page.get_contents()
        assert content is not None
        stream = content.get_data()
        for name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            if f"{name} ".encode() not in stream:
                continue  # listed in the shared resources but never selected
            assert "DejaVuSans" in font["/BaseFont"]
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # the TrueType is embedded
    text = pdf_text(pdf)
    assert "Mitä olemme tähän mennessä saavuttaneet" in text
    assert "Áilu Ŋuvttá Čalmmiid" in _flat(text)


def test_same_input_gives_byte_identical_pdfs(diary: Diary, planted: Planted) -> None:
    first = _build(diary, planted.pk, language="fi", hide_names=True)
    second = _build(diary, planted.pk, language="fi", hide_names=True)
    assert first == second
    assert first != _build(diary, planted.pk, language="en", hide_names=True)


def _add_entry(diary: Diary, pk: int, text: str, title: str = "Hostile") -> None:
    with diary.write() as db:
        ev = Event(EventKind.MEETING, title, "2025-08-01")
        event_pk = events.insert_event(db, pk, ev)
        entries.insert_entry(db, pk, Entry(event_pk, EntryType.NOTE, text, Visibility.SHARED))


def test_a_200000_character_note_paginates(diary: Diary, planted: Planted) -> None:
    words = [f"word{i % 997}" for i in range(30_000)]
    note = " ".join(words)[:199_990] + " ENDMARKER"
    assert len(note) == 200_000
    _add_entry(diary, planted.pk, note)
    pdf = _build(diary, planted.pk, sections=("observations",))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 20
    assert "ENDMARKER" in reader.pages[-1].extract_text()


def test_a_long_report_gets_a_table_of_contents_and_an_outline(
    diary: Diary, planted: Planted
) -> None:
    _add_entry(diary, planted.pk, " ".join(f"filler{i}" for i in range(15_000)))
    reader = PdfReader(io.BytesIO(_build(diary, planted.pk)))
    # The page the managers read first comes before the contents.
    assert "At a glance" in reader.pages[1].extract_text()
    assert "Contents" in reader.pages[2].extract_text()
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["At a glance", "Where we are"]
    assert "Open questions and next steps" in titles
    short = PdfReader(io.BytesIO(_build(diary, planted.pk, sections=("phase",))))
    assert "Contents" not in short.pages[1].extract_text()


def test_html_like_text_prints_literally(diary: Diary, planted: Planted) -> None:
    hostile = "<b>not bold</b> & <script>alert('x')</script> <para> &amp; <br/> ]]>\x00"
    _add_entry(diary, planted.pk, hostile, title="<i>title</i>")
    text = _flat(pdf_text(_build(diary, planted.pk)))
    assert "<b>not bold</b> & <script>alert('x')</script> <para> &amp; <br/> ]]>" in text
    assert "<i>title</i>" in text


def test_emoji_and_right_to_left_names_do_not_break_the_build(
    diary: Diary, planted: Planted
) -> None:
    with diary.write() as db:
        org = partnerships.list_organizations(db, planted.pk)[0].pk
        assert org is not None
        partnerships.insert_person(db, planted.pk, Person("שרה כהן", org, title="مديرة"))
        partnerships.insert_person(db, planted.pk, Person("مريم 👩‍⚕️", org))
    _add_entry(diary, planted.pk, "Kiitos 🎉🤝 — שלום עולם — مرحبا", title="Työpaja 🚀")
    for hide in (False, True):
        pdf = _build(diary, planted.pk, hide_names=hide)
        assert "Kiitos" in pdf_text(pdf)


def test_progress_is_reported_and_cancel_stops_the_build(diary: Diary, planted: Planted) -> None:
    data = feedback.report_data(diary, planted.pk, ReportOptions(generated_on=TODAY))
    seen: list[float] = []
    build_feedback_pdf(data, progress=seen.append)
    assert seen[-1] == 1.0 and len(seen) > 3
    assert seen == sorted(seen) or max(seen) == 1.0
    with pytest.raises(BuildCancelled):
        build_feedback_pdf(data, cancelled=lambda: True)


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError):
        ReportOptions(generated_on=TODAY, sections=("nonsense",))
    with pytest.raises(ValueError):
        ReportOptions(generated_on=TODAY, language="sv")
    with pytest.raises(ValueError):
        ReportOptions(generated_on=TODAY, period_from=TODAY, period_to=date(2020, 1, 1))
    with pytest.raises(feedback.ReportError):
        feedback.parse_sections("phase,bogus")


def test_a_given_report_is_recorded_with_its_hash_and_can_be_removed(
    diary: Diary, planted: Planted
) -> None:
    options = replace(ReportOptions(generated_on=TODAY), hide_names=True, language="fi")
    pdf = build_feedback_pdf(feedback.report_data(diary, planted.pk, options))
    record = feedback.record_given(diary, planted.pk, pdf, options)
    given = feedback.list_given(diary, planted.pk)
    assert [g.sha256 for g in given] == [feedback.sha256(pdf)]
    assert given[0].sections == SECTIONS and given[0].generated_on == TODAY
    assert given[0].options == {
        "from": None,
        "to": None,
        "language": "fi",
        "hide_names": True,
        "anonymous": False,
    }
    assert record.pk is not None
    feedback.remove_given(diary, record.pk)
    assert feedback.list_given(diary, planted.pk) == []


def test_an_idea_that_became_an_action_is_no_longer_an_open_question(
    diary: Diary, planted: Planted
) -> None:
    with diary.write() as db:
        ev = Event(EventKind.WORKSHOP, "Idea workshop", "2025-08-02")
        event_pk = events.insert_event(db, planted.pk, ev)
        idea = Entry(event_pk, EntryType.IDEA, "SHRDconvertedideaQ22", Visibility.SHARED)
        idea_pk = entries.insert_entry(db, planted.pk, idea)
        action = Action("SHRDfromideaQ23", date(2025, 8, 2), source_entry=idea_pk)
        actions.insert_action(db, planted.pk, action)
    text = pdf_text(_build(diary, planted.pk, sections=("next",)))
    assert "SHRDfromideaQ23" in text and "SHRDideaQ15" in text
    assert "SHRDconvertedideaQ22" not in text


def test_a_given_name_shared_by_two_people_becomes_a_neutral_placeholder() -> None:
    from app.persistence.shared import SharedOrganization, SharedPerson
    from app.report.names import Namer

    org = SharedOrganization(1, "Tehdas Oy", Role.CUSTOMER)
    people = [
        SharedPerson(1, "Anna Virtanen", 1, "HR director", None, False),
        SharedPerson(2, "Anna Korhonen", 1, None, "Safety lead", False),
    ]
    namer = Namer(people, [org], hide=True, tr=lambda m: m)
    assert namer.text("Anna met Anna Korhonen. Virtanen's plan.") == (
        "[name hidden] met Safety lead. HR director (Tehdas Oy) plan."
    )
    shown = Namer(people, [org], hide=False, tr=lambda m: m)
    assert shown.text("Anna met Anna Korhonen") == "Anna met Anna Korhonen"
    assert shown.person(2) == "Anna Korhonen"


def test_a_partnership_with_nothing_recorded_yet_still_reads_well(diary: Diary) -> None:
    from app.domain import Organization, Partnership

    with diary.write() as db:
        pk = partnerships.insert_partnership(db, Partnership("Fresh start", date(2025, 11, 1)))
        partnerships.insert_organization(db, pk, Organization("Only Oy", Role.CUSTOMER))
    text = pdf_text(_build(diary, pk, language="fi"))
    assert "Fresh start" in text and "Tältä jaksolta ei ole kirjauksia." in text
    assert "Tällä jaksolla ei ole sitoutumisen arvioita." in text


def test_a_single_rated_event_draws_a_chart(diary: Diary) -> None:
    from app.domain import Dimension, Organization, Partnership, Phase, PhaseMove, Rating

    with diary.write() as db:
        moves = [PhaseMove(Phase.NEGOTIATION, date(2025, 1, 1))]
        pk = partnerships.insert_partnership(
            db, Partnership("One point", date(2025, 1, 1), phases=moves)
        )
        org = partnerships.insert_organization(db, pk, Organization("Only Oy", Role.CUSTOMER))
        ev = Event(EventKind.MEETING, "Kick-off", "2025-02-01")
        ev.ratings = [Rating(org, Dimension.COMMITMENT, 4.0)]
        events.insert_event(db, pk, ev)
    text = pdf_text(_build(diary, pk, sections=("commitment",)))
    # The facilitator's own rating: exempt from the minimum group size, labelled as such.
    assert "Only Oy" in text and "Latest ratings by the facilitator" in text
    assert "4.0" in text and "n = 1" not in text


def test_a_report_given_quiets_the_no_feedback_warning(diary: Diary) -> None:
    from app.domain import Organization, Partnership, Phase, PhaseMove
    from app.services.warnings import review

    with diary.write() as db:
        moves = [PhaseMove(Phase.COMMITMENT, date(2025, 1, 1))]
        p = Partnership("Quiet", date(2025, 1, 1), phases=moves)
        pk = partnerships.insert_partnership(db, p)
        partnerships.insert_organization(db, pk, Organization("Only Oy", Role.CUSTOMER))

    def warned() -> bool:
        return any(r.warning.id == "no-feedback" for r in review(diary.db, pk, TODAY))

    assert warned()
    options = ReportOptions(generated_on=TODAY)
    feedback.record_given(
        diary, pk, build_feedback_pdf(feedback.report_data(diary, pk, options)), options
    )
    assert not warned()
