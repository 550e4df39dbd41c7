"""Acceptance of issue 13: forms written, filled the way a PDF reader stores answers, collected
into their wave (answers and scores checked); each wrong form refused by file name with the
diary unchanged; a custom instrument with its own dimensions; a broken instrument file named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.backup.opening import open_diary_file
from app.domain import Dimension, Level
from app.paths import data_dir
from app.persistence import events as event_repo
from app.persistence import questionnaires as repo
from app.persistence.diary import Diary
from app.services.questionnaires import wave_results
from tests.pdf_forms import fill, pulse_answers
from tests.questionnaire_support import org_pks, small_partnership
from ui.cli import main

TABLES = ("questionnaire_responses", "questionnaire_answers", "ratings", "events")


@pytest.fixture
def forms(diary: Diary, diary_path: Path, tmp_path: Path) -> Path:
    small_partnership(diary)
    diary.close()
    out = tmp_path / "forms"
    args = ["--db", str(diary_path), "questionnaire", "form", "--partnership", "Pilot"]
    args += ["--instrument", "kumppani-pulse", "--copies", "4", "--title", "Spring", "--out"]
    assert main([*args, str(out)]) == 0
    return out


def _counts(diary_path: Path) -> list[int]:
    d = open_diary_file(diary_path)
    try:
        return [d.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]
    finally:
        d.close()


def _collect(diary_path: Path, *files: Path) -> int:
    args = ["--db", str(diary_path), "questionnaire", "collect", "--partnership", "Pilot"]
    return main([*args, *map(str, files)])


def test_forms_carry_hidden_ids_and_a_row_of_choices_per_item(forms: Path) -> None:
    paths = sorted(forms.glob("*.pdf"))
    assert [p.name for p in paths] == [f"spring-0{n}.pdf" for n in range(1, 5)]
    ids = set()
    for path in paths:
        fields = PdfReader(path).get_fields() or {}
        assert fields["kumppani_partnership"]["/V"] == "pilot"
        ids.add(fields["kumppani_form"]["/V"])
        assert {"organization", "level", "name", "comment", "item_trust"} <= set(fields)
        assert fields["kumppani_wave"]["/Ff"] & 1  # read-only, and hidden on the page
    assert len(ids) == 4  # every form its own id


def test_filled_forms_are_collected_with_answers_and_scores(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c, _d = sorted(forms.glob("*.pdf"))
    fill(a, tmp_path / "a.pdf", pulse_answers("org-emp", 5, level="top", comment="Hyvä alku"))
    fill(b, tmp_path / "b.pdf", pulse_answers("org-emp", 3, level="operational"))
    fill(c, tmp_path / "c.pdf", pulse_answers("org-ohs", 2, name="Olli", item_trust="1"))
    capsys.readouterr()
    assert _collect(diary_path, tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf") == 0
    out = capsys.readouterr().out
    assert "a.pdf: Työnantaja Oy, 7 answers" in out
    assert "Collected 3 new responses into the wave Spring." in out
    d = open_diary_file(diary_path)
    try:
        (wave,) = repo.list_waves(d.db, 1)
        stored = repo.list_responses(d.db, wave.pk or 0)
        orgs = org_pks(d, 1)
        assert [r.organization for r in stored] == [
            orgs["org-emp"],
            orgs["org-emp"],
            orgs["org-ohs"],
        ]
        assert stored[0].answers["trust"] == 5.0 and stored[0].level is Level.TOP
        assert stored[0].comment == "Hyvä alku" and stored[0].person is None
        assert stored[2].person is not None and stored[2].pseudonym is None  # Olli is a person
        assert stored[2].answers["trust"] == 1.0
        result = wave_results(d, 1)
        assert result is not None
        trust = result.dimension("trust")
        assert trust is not None
        assert trust.sides[orgs["org-emp"]].mean == pytest.approx(4.0)
        assert not trust.sides[orgs["org-ohs"]].shown  # one respondent < min group size 2
        event = event_repo.get_event(d.db, wave.event or 0)
        assert event is not None
        trust_ratings = sorted(r.value for r in event.ratings if r.dimension is Dimension.TRUST)
        assert trust_ratings == [1.0, 3.0, 5.0]
    finally:
        d.close()
    capsys.readouterr()
    assert (
        main(
            ["--db", str(diary_path), "questionnaire", "waves", "--partnership", "Pilot", "--json"]
        )
        == 0
    )
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {
            "id": wave.id,
            "title": "Spring",
            "date": wave.held_on.isoformat(),
            "instrument": "kumppani-pulse",
            "responses": {"org-emp": 2, "org-ohs": 1},
        }
    ]


def _refused(
    diary_path: Path, capsys: pytest.CaptureFixture[str], good: Path, bad: Path, why: str
) -> None:
    before = _counts(diary_path)
    capsys.readouterr()
    assert _collect(diary_path, good, bad) == 2
    err = capsys.readouterr().err
    assert f"{bad.name}: " in err and why in err, err
    assert good.name + ":" not in err.split("Nothing was collected")[1]
    assert _counts(diary_path) == before


def test_a_form_of_another_wave_is_refused_by_name(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    args = ["--db", str(diary_path), "questionnaire", "form", "--partnership", "Pilot"]
    assert main([*args, "--instrument", "kumppani-pulse", "--out", str(other)]) == 0
    good = fill(sorted(forms.glob("*.pdf"))[0], tmp_path / "good.pdf", pulse_answers("org-emp"))
    bad = fill(next(other.glob("*.pdf")), tmp_path / "later.pdf", pulse_answers("org-emp"))
    _refused(diary_path, capsys, good, bad, "another wave")


def test_an_unfilled_form_is_refused_by_name(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, *_ = sorted(forms.glob("*.pdf"))
    good = fill(a, tmp_path / "good.pdf", pulse_answers("org-emp"))
    _refused(diary_path, capsys, good, b, "has not been filled in")


def test_an_out_of_scale_value_is_refused_by_name(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, *_ = sorted(forms.glob("*.pdf"))
    good = fill(a, tmp_path / "good.pdf", pulse_answers("org-emp"))
    bad = fill(b, tmp_path / "bad.pdf", pulse_answers("org-ohs", item_equity="9"))
    _refused(diary_path, capsys, good, bad, "statement 3 has the answer 9")


def test_a_missing_required_answer_is_refused_by_name(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, *_ = sorted(forms.glob("*.pdf"))
    good = fill(a, tmp_path / "good.pdf", pulse_answers("org-emp"))
    answers = pulse_answers("org-ohs")
    del answers["item_clarity"]
    bad = fill(b, tmp_path / "bad.pdf", answers)
    _refused(diary_path, capsys, good, bad, "statement 5 has no answer")


def test_a_duplicate_counts_once_and_a_changed_copy_is_refused(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = sorted(forms.glob("*.pdf"))[0]
    first = fill(a, tmp_path / "first.pdf", pulse_answers("org-emp", 4))
    assert _collect(diary_path, first) == 0
    counted = _counts(diary_path)
    copy = shutil.copyfile(first, tmp_path / "copy.pdf")
    capsys.readouterr()
    assert _collect(diary_path, copy) == 0
    out = capsys.readouterr().out
    assert "copy.pdf: already collected: it counts once" in out
    assert "Collected 0 new responses" in out
    assert _counts(diary_path) == counted
    changed = fill(a, tmp_path / "changed.pdf", pulse_answers("org-emp", 2))
    assert _collect(diary_path, changed) == 2
    assert "changed.pdf: this form was collected before with other answers" in (
        capsys.readouterr().err
    )
    assert _counts(diary_path) == counted


def test_a_form_twice_in_one_batch_counts_once(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = sorted(forms.glob("*.pdf"))[0]
    one = fill(a, tmp_path / "one.pdf", pulse_answers("org-emp", 4))
    two = shutil.copyfile(one, tmp_path / "two.pdf")
    assert _collect(diary_path, one, two) == 0
    assert "two.pdf: the same form as one.pdf: it counts once" in capsys.readouterr().out
    assert _counts(diary_path)[0] == 1


def test_a_file_that_is_not_a_form_is_refused(
    forms: Path, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = fill(sorted(forms.glob("*.pdf"))[0], tmp_path / "good.pdf", pulse_answers("org-emp"))
    junk = tmp_path / "notes.pdf"
    junk.write_bytes(b"%PDF-1.4 this is not really a PDF")
    _refused(diary_path, capsys, good, junk, "not a readable PDF")


OWN = {
    "id": "own-synergy",
    "name": {"en": "Our synergy check", "fi": "Synergiakysely"},
    "validated": False,
    "scale": {"kind": "yes_no"},
    "dimensions": [
        {"id": "synergy", "label": {"en": "Synergy", "fi": "Synergia"}},
        {"id": "learning", "label": {"en": "Learning together", "fi": "Yhdessä oppiminen"}},
    ],
    "items": [
        {
            "id": "s1",
            "dimension": "synergy",
            "text": {"en": "We do more together.", "fi": "Saamme yhdessä enemmän aikaan."},
            "required": True,
        },
        {
            "id": "s2",
            "dimension": "synergy",
            "reverse": True,
            "text": {"en": "We duplicate work.", "fi": "Teemme päällekkäistä työtä."},
        },
        {
            "id": "l1",
            "dimension": "learning",
            "text": {"en": "I learnt something.", "fi": "Opin jotain uutta."},
        },
    ],
}


def test_a_custom_instrument_with_its_own_dimensions_is_collected_and_scored(
    diary: Diary, diary_path: Path, tmp_path: Path
) -> None:
    small_partnership(diary, min_group_size=2)
    diary.close()
    folder = data_dir() / "instruments"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "own.json").write_text(json.dumps(OWN), "utf-8")
    out = tmp_path / "own"
    args = ["--db", str(diary_path), "questionnaire", "form", "--partnership", "Pilot"]
    assert (
        main(
            [
                *args,
                "--instrument",
                "own-synergy",
                "--lang",
                "fi",
                "--copies",
                "2",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    a, b = sorted(out.glob("*.pdf"))
    fill(
        a,
        tmp_path / "a.pdf",
        {"organization": "org-emp", "item_s1": "1", "item_s2": "0", "item_l1": "1"},
    )
    fill(b, tmp_path / "b.pdf", {"organization": "org-emp", "item_s1": "1", "item_s2": "1"})
    assert _collect(diary_path, tmp_path / "a.pdf", tmp_path / "b.pdf") == 0
    d = open_diary_file(diary_path)
    try:
        result = wave_results(d, 1)
        assert result is not None and result.instrument.id == "own-synergy"
        emp = org_pks(d, 1)["org-emp"]
        synergy = result.dimension("synergy")
        assert synergy is not None
        # a: yes, not duplicating (0 reversed → 1) → 1.0; b: yes, duplicating → 0.5
        assert synergy.sides[emp].mean == pytest.approx(0.75) and synergy.sides[emp].n == 2
        learning = result.dimension("learning")
        assert learning is not None and learning.sides[emp].n == 1
        assert not learning.sides[emp].shown
        (wave,) = repo.list_waves(d.db, 1)
        event = event_repo.get_event(d.db, wave.event or 0)
        assert event is not None and event.ratings == []  # nothing maps to Kumppani's plot
    finally:
        d.close()


def test_a_broken_instrument_file_is_named_with_its_field(
    diary: Diary, diary_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small_partnership(diary)
    diary.close()
    folder = data_dir() / "instruments"
    folder.mkdir(parents=True, exist_ok=True)
    broken = dict(OWN, dimensions=[{"id": "synergy"}])
    (folder / "broken.json").write_text(json.dumps(broken), "utf-8")
    args = ["--db", str(diary_path), "questionnaire", "form", "--partnership", "Pilot"]
    assert main([*args, "--instrument", "own-synergy", "--out", str(tmp_path / "x")]) == 2
    captured = capsys.readouterr()
    assert "broken.json: dimensions[0].label: the field is missing" in captured.out
    assert "There is no instrument own-synergy" in captured.err
    assert not (tmp_path / "x").exists()


def test_a_form_carries_nothing_private_of_the_diary(
    diary: Diary, diary_path: Path, tmp_path: Path
) -> None:
    """Canary: a form goes to partners; a private entry, a private action and the people's names
    in the diary never reach it (only the partnership's and organizations' names do)."""
    from app.domain import Entry, EntryType, Event, EventKind, Visibility
    from app.persistence import entries as entry_repo

    pk = small_partnership(diary)
    with diary.write() as db:
        event_pk = event_repo.insert_event(
            db, pk, Event(EventKind.MEETING, "Kickoff CANARY-EVENT", "2025-01-10")
        )
        entry_repo.insert_entry(
            db,
            pk,
            Entry(
                event_pk,
                EntryType.OBSERVATION,
                "CANARY-PRIVATE Ääninen seemed tired",
                Visibility.PRIVATE,
            ),
        )
    diary.close()
    out = tmp_path / "forms"
    args = ["--db", str(diary_path), "questionnaire", "form", "--partnership", "Pilot"]
    assert main([*args, "--instrument", "kumppani-pulse", "--lang", "fi", "--out", str(out)]) == 0
    (form,) = out.glob("*.pdf")
    reader = PdfReader(form)
    text = "\n".join(page.extract_text() for page in reader.pages)
    raw = form.read_bytes()
    assert "Työnantaja Oy" in text  # the reading works: the sides are printed
    for secret in ("CANARY-PRIVATE", "CANARY-EVENT", "Ääninen", "Äänise", "Aino", "Olli"):
        assert secret not in text
        assert secret.encode() not in raw
