"""Importing questionnaire answers from CSV: every format variant and every bad input, exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.backup.opening import open_diary_file
from app.domain import Dimension, EventKind, Organization, Partnership, Person, Role
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence.diary import Diary
from app.services.responses_csv import ResponsesError, import_responses, parse_for_partnership
from ui.cli import main


@pytest.fixture
def pk(diary: Diary) -> int:
    with diary.write() as db:
        pk = partnership_repo.insert_partnership(db, Partnership("Pilot", date(2025, 1, 1)))
        emp = Organization("Työnantaja Oy", Role.CUSTOMER, id="org-emp")
        ohs = Organization("Terveyspalvelu", Role.PROVIDER, id="org-ohs")
        partnership_repo.insert_organization(db, pk, emp)
        partnership_repo.insert_organization(db, pk, ohs)
        partnership_repo.insert_person(db, pk, Person("Aino Ääninen", emp.pk or 0, id="p-aino"))
        partnership_repo.insert_person(db, pk, Person("Olli", ohs.pk or 0, id="p-olli"))
    return pk


def stored(diary: Diary, pk: int) -> list[tuple[str, str, float, bool]]:
    """(event title, dimension, value, has respondent) of every stored rating."""
    orgs = {o.pk: o.name for o in partnership_repo.list_organizations(diary.db, pk)}
    out = []
    for e in event_repo.list_events(diary.db, pk, with_details=True):
        assert e.kind == EventKind.QUESTIONNAIRE
        for r in e.ratings:
            out.append((orgs[r.organization], r.dimension.value, r.value, r.respondent is not None))
    return out


def do_import(diary: Diary, pk: int, data: bytes) -> int:
    return import_responses(diary, pk, data, date(2025, 5, 2), "Spring pulse")


def test_comma_file_with_names_ids_and_anonymous(diary: Diary, pk: int) -> None:
    data = (
        "respondent,organization,commitment,equity\n"
        "Aino Ääninen,Työnantaja Oy,4,3\n"
        "p-olli,org-ohs,5,\n"
        ",terveyspalvelu,2,4\n"
    ).encode()
    event_pk = do_import(diary, pk, data)
    event = event_repo.get_event(diary.db, event_pk)
    assert event is not None and event.title == "Spring pulse" and event.when == "2025-05-02"
    assert sorted(stored(diary, pk)) == sorted(
        [
            ("Työnantaja Oy", "commitment", 4.0, True),
            ("Työnantaja Oy", "equity", 3.0, True),
            ("Terveyspalvelu", "commitment", 5.0, True),
            ("Terveyspalvelu", "commitment", 2.0, False),
            ("Terveyspalvelu", "equity", 4.0, False),
        ]
    )


def test_bom_semicolons_crlf_and_decimal_comma(diary: Diary, pk: int) -> None:
    data = "\ufeffRespondent;Organization;Partner commitment;clarity\r\n;org-emp;3,5;2\r\n".encode()
    do_import(diary, pk, data)
    assert sorted(stored(diary, pk)) == [
        ("Työnantaja Oy", "clarity", 2.0, False),
        ("Työnantaja Oy", "partner_commitment", 3.5, False),
    ]


def test_quoted_fields_with_newlines_keep_row_numbers_right(diary: Diary, pk: int) -> None:
    data = (
        'organization,commitment\r\n"Työnantaja\r\nOy",4\r\n"org-ohs",7\r\n'.encode()
    )  # the first organization name holds a newline: unknown; row 4 has a bad value
    with pytest.raises(ResponsesError) as info:
        do_import(diary, pk, data)
    assert [str(p) for p in info.value.problems] == [
        # The name is shown on one line: a message never breaks where the file did.
        "row 2, column organization: unknown organization Työnantaja Oy",
        "row 4, column commitment: 7 is not a number from 1 to 5",
    ]
    ok = b'organization,commitment\n"Ty\xc3\xb6nantaja Oy",4\n"org-ohs","5"\n'
    do_import(diary, pk, ok)
    assert len(stored(diary, pk)) == 2


def test_every_problem_is_listed_and_nothing_is_imported(diary: Diary, pk: int) -> None:
    data = (
        "respondent,organization,commitment,loyalty,equity,Equity\n"
        "Aino Ääninen,Työnantaja Oy,7,,3,\n"
        "Nobody,Unknown Ltd,4,,x,\n"
        "Aino Ääninen,org-ohs,3,,,\n"
    ).encode()
    with pytest.raises(ResponsesError) as info:
        do_import(diary, pk, data)
    assert [str(p) for p in info.value.problems] == [
        "row 1, column loyalty: unknown column",
        "row 1, column Equity: the column appears twice",
        "row 2, column commitment: 7 is not a number from 1 to 5",
        "row 3, column organization: unknown organization Unknown Ltd",
        "row 3, column respondent: unknown person Nobody",
        "row 3, column equity: x is not a number from 1 to 5",
        "row 4, column respondent: Aino Ääninen is not in Terveyspalvelu",
    ]
    assert str(info.value).startswith("Nothing was imported.")
    assert event_repo.list_events(diary.db, pk) == []


def test_empty_rows_are_skipped_and_unanswered_rows_reported(diary: Diary, pk: int) -> None:
    data = b"organization;commitment\n;\n\norg-emp;4\norg-ohs;\n;;\n"
    parsed = parse_for_partnership(diary, pk, data)
    assert parsed.ok and parsed.skipped == [5]
    assert [(r.row, r.scores) for r in parsed.rows] == [(4, {Dimension.COMMITMENT: 4.0})]
    do_import(diary, pk, data)
    assert stored(diary, pk) == [("Työnantaja Oy", "commitment", 4.0, False)]


def test_files_that_cannot_be_read_at_all(diary: Diary, pk: int) -> None:
    cases = {
        b"": "The file has no header row.",
        b"organization,commitment\n\n": "The file holds no answers.",
        b"respondent,commitment\nAino,4\n": "row 1, column organization: the column is missing",
        "organization,commitment\nä,4\n".encode("latin-1"): "The file is not UTF-8 text.",
        b"organization,commitment\norg-emp,4,9\n": "row 2: the row has more fields than the header",
        b"respondent,organization,commitment\np-aino,org-emp,4\nAino \xc3\x84\xc3\xa4ninen,org-emp,3\n": (
            "row 3, column respondent: Aino Ääninen answered twice"
        ),
    }
    for data, message in cases.items():
        with pytest.raises(ResponsesError) as info:
            do_import(diary, pk, data)
        assert [str(p) for p in info.value.problems] == [message], data
    assert event_repo.list_events(diary.db, pk) == []


def test_cli_imports_and_reports_problems(
    diary_path: Path, tmp_path: Path, pk: int, diary: Diary, capsys: pytest.CaptureFixture[str]
) -> None:
    diary.close()
    good = tmp_path / "good.csv"
    good.write_text("organization,commitment\nTyönantaja Oy,4\n", "utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("organization,commitment\nTyönantaja Oy,7\nMars,3\n", "utf-8")
    args = ["--db", str(diary_path), "responses", "import", "--partnership", "Pilot"]
    assert main([*args, "--date", "2025-06-01", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 2, column commitment: 7 is not a number from 1 to 5" in err
    assert "row 3, column organization: unknown organization Mars" in err
    assert main([*args, "--date", "1.6.2025", str(good)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main([*args, "--date", "2025-06-01", "--title", "June", str(good)]) == 0
    assert "1 respondent" in capsys.readouterr().out
    reopened = open_diary_file(diary_path)
    try:
        (event,) = event_repo.list_events(reopened.db, pk, with_details=True)
        assert (event.title, event.when, len(event.ratings)) == ("June", "2025-06-01", 1)
    finally:
        reopened.close()


def test_imported_answers_are_exported_as_ratings_with_respondents(diary: Diary, pk: int) -> None:
    from app.exchange.export import export_partnership

    data = "respondent;organization;equity\nAino Ääninen;org-emp;4\n;org-ohs;2\n".encode()
    do_import(diary, pk, data)
    document = export_partnership(diary.db, pk)
    (event,) = document["events"]
    assert event["kind"] == "questionnaire" and event["date"] == "2025-05-02"
    assert sorted(event["ratings"], key=lambda r: r["organization"]) == [
        {"organization": "org-emp", "dimension": "equity", "value": 4, "respondent": "p-aino"},
        {"organization": "org-ohs", "dimension": "equity", "value": 2},
    ]
