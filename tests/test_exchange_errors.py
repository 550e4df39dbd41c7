"""Every kind of bad partnership file is refused with the JSON path of each problem, and nothing
is written to the diary."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.exchange import ExchangeError, import_partnership, load_file
from app.persistence.diary import Diary

FIXTURES = Path(__file__).parent / "fixtures"
EDGE: dict[str, Any] = json.loads((FIXTURES / "edge-case.json").read_text("utf-8"))

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: object) -> Mutation:
    """A mutation that sets the field at a dotted path (numbers index arrays)."""

    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _drop(path: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        del node[last]

    return mutate


# The edge-case file's events are: [0] "e2" without people, [1] "e1" with two participants,
# two entries (n1, n2) and three ratings.
CASES: list[tuple[str, Mutation, str]] = [
    ("unknown top field", _set("colour", "red"), "colour: unknown field"),
    (
        "unknown nested field",
        _set("events.1.entries.0.mood", 1),
        "events[1].entries[0].mood: unknown field",
    ),
    ("missing top field", _drop("people"), "people: missing field"),
    (
        "missing nested field",
        _drop("events.1.participants.0.attended"),
        "events[1].participants[0].attended: missing field",
    ),
    ("null required", _set("partnership.name", None), "partnership.name: missing value"),
    (
        "dangling person",
        _set("events.1.participants.0.person", "p9"),
        'events[1].participants[0].person: no person "p9"',
    ),
    (
        "dangling organization",
        _set("people.0.organization", "zz"),
        'people[0].organization: no organization "zz"',
    ),
    (
        "dangling respondent",
        _set("events.1.ratings.1.respondent", "nobody"),
        'events[1].ratings[1].respondent: no person "nobody"',
    ),
    (
        "dangling owner",
        _set("partnership.objectives.1.owner", "p7"),
        'partnership.objectives[1].owner: no person "p7"',
    ),
    (
        "dangling source entry",
        _set("actions.0.source_entry", "n404"),
        'actions[0].source_entry: no entry "n404"',
    ),
    (
        "dangling evidence",
        _set("checklist.0.evidence", "nowhere"),
        'checklist[0].evidence: no event or entry "nowhere"',
    ),
    (
        "dangling audience",
        _set("reports.1.audience", "zz"),
        'reports[1].audience: must be "all" or an organization id; no organization "zz"',
    ),
    (
        "bad date",
        _set("partnership.started_on", "2024-02-30"),
        'partnership.started_on: must be a date YYYY-MM-DD, not "2024-02-30"',
    ),
    (
        "date as number",
        _set("actions.0.created_on", 20240301),
        "actions[0].created_on: must be a date YYYY-MM-DD, not 20240301",
    ),
    (
        "bad date-time",
        _set("events.1.date", "2024-03-01 08:05"),
        'events[1].date: must be a date YYYY-MM-DD or YYYY-MM-DDTHH:MM, not "2024-03-01 08:05"',
    ),
    (
        "bad exported_at",
        _set("exported_at", "yesterday"),
        'exported_at: must be an ISO 8601 date-time, not "yesterday"',
    ),
    (
        "rating too high",
        _set("events.1.ratings.0.value", 6),
        "events[1].ratings[0].value: must be from 1 to 5, not 6",
    ),
    (
        "rating too low",
        _set("events.1.ratings.0.value", 0.5),
        "events[1].ratings[0].value: must be from 1 to 5, not 0.5",
    ),
    (
        "rating a 400-digit integer",
        _set("events.1.ratings.0.value", 10**400),
        "events[1].ratings[0].value: must be from 1 to 5, not a number of 401 digits",
    ),
    (
        "duration of 2^63 minutes",
        _set("events.1.duration_minutes", 2**63),
        "events[1].duration_minutes: must be from 0 to 525600, not 9223372036854775808",
    ),
    (
        "duration over a year",
        _set("events.1.duration_minutes", 525_601),
        "events[1].duration_minutes: must be from 0 to 525600, not 525601",
    ),
    (
        "NUL in a name",
        _set("organizations.0.name", "Öljy\x00Oy"),
        "organizations[0].name: contains the control character U+0000, which a text cannot hold",
    ),
    (
        "ESC in an entry text",
        _set("events.1.entries.0.text", "red \x1b[31m text"),
        "events[1].entries[0].text: contains the control character U+001B, which a text "
        "cannot hold",
    ),
    (
        "BEL in a partnership id",
        _set("partnership.id", "edge\x07"),
        "partnership.id: contains the control character U+0007, which a text cannot hold",
    ),
    (
        "line break in an id",
        _set("people.0.id", "p\n1"),
        "people[0].id: contains the control character U+000A, which a text cannot hold",
    ),
    (
        "control character in a report section",
        _set("reports.0.sections", ["phase\x00"]),
        "reports[0].sections[0]: contains the control character U+0000, which a text cannot hold",
    ),
    (
        "exported_at a date only",
        _set("exported_at", "2025-06-01"),
        'exported_at: must be an ISO 8601 date-time, not "2025-06-01"',
    ),
    (
        "rating not a number",
        _set("events.1.ratings.0.value", "4"),
        'events[1].ratings[0].value: must be a number, not "4"',
    ),
    (
        "rating a boolean",
        _set("events.1.ratings.0.value", True),
        "events[1].ratings[0].value: must be a number, not true",
    ),
    (
        "negative duration",
        _set("events.1.duration_minutes", -5),
        "events[1].duration_minutes: must be from 0 to 525600, not -5",
    ),
    (
        "fractional duration",
        _set("events.1.duration_minutes", 1.5),
        "events[1].duration_minutes: must be a whole number, not 1.5",
    ),
    (
        "bad enum",
        _set("organizations.0.role", "client"),
        'organizations[0].role: must be one of "customer", "provider", "facilitator", "other", not "client"',
    ),
    (
        "bad tension",
        _set("events.1.entries.0.tensions.1", "power"),
        'events[1].entries[0].tensions[1]: must be one of "roles", "exploration", "logics", not "power"',
    ),
    (
        "tension twice",
        _set("events.1.entries.0.tensions", ["roles", "roles"]),
        "events[1].entries[0].tensions: a tension is listed twice",
    ),
    (
        "duplicate org id",
        _set("organizations.1.id", "c"),
        'organizations[1].id: the id "c" is used twice',
    ),
    (
        "duplicate entry id across events",
        _set(
            "events.0.entries", [{"id": "n1", "type": "note", "text": "t", "visibility": "shared"}]
        ),
        'events[1].entries[0].id: the id "n1" is used twice',
    ),
    (
        "duplicate action id",
        _set("actions.1.id", "a1"),
        'actions[1].id: the action id "a1" is listed twice',
    ),
    (
        "duplicate checklist item",
        _set("checklist.1.item", "neg.sponsors_named"),
        'checklist[1].item: the checklist item "neg.sponsors_named" is listed twice',
    ),
    (
        "person twice in an event",
        _set("events.1.participants.1.person", "p1"),
        "events[1].participants[1]: this person is listed twice",
    ),
    ("empty name", _set("organizations.0.name", "  "), "organizations[0].name: must not be empty"),
    ("empty id", _set("people.1.id", ""), "people[1].id: must not be empty"),
    (
        "name too long",
        _set("partnership.name", "x" * 201),
        "partnership.name: must be at most 200 characters",
    ),
    (
        "wrong language",
        _set("partnership.language", "sv"),
        "partnership.language: must be 'en' or 'fi'",
    ),
    (
        "no phases",
        _set("partnership.phases", []),
        "partnership.phases: a partnership needs at least one phase",
    ),
    (
        "phases out of order",
        _set("partnership.phases.1.from", "2023-01-01"),
        "partnership.phases[1].from: phases must be in chronological order",
    ),
    (
        "no organizations",
        lambda d: d.update(
            organizations=[], people=[], events=[], actions=[], reports=[], checklist=[]
        ),
        "organizations: a partnership needs at least one organization",
    ),
    (
        "done without date",
        _drop("actions.2.done_on"),
        "actions[2].done_on: a done or dropped action needs the date it ended",
    ),
    (
        "due before created",
        _set("actions.0.due_on", "2024-01-01"),
        "actions[0].due_on: must not be before the action was created",
    ),
    (
        "not an object",
        _set("events.1.participants.0", "p1"),
        "events[1].participants[0]: must be an object {…}",
    ),
    ("not an array", _set("events.1.entries", {}), "events[1].entries: must be an array […]"),
    (
        "sponsor not a flag",
        _set("people.0.sponsor", "yes"),
        'people[0].sponsor: must be true or false, not "yes"',
    ),
    (
        "sections not texts",
        _set("reports.0.sections", ["a", 1]),
        "reports[0].sections: must be an array of text strings",
    ),
    (
        "lone surrogate",
        _set("events.1.entries.0.text", "bad \ud800 text"),
        "events[1].entries[0].text: contains a broken character (a lone surrogate)",
    ),
    ("version as text", _set("version", "1"), "version: must be 1 or 2"),
    ("version as a decimal", _set("version", 1.0), "version: must be 1 or 2"),
    ("version as true", _set("version", True), "version: must be 1 or 2"),
]


@pytest.mark.parametrize(
    ("mutation", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_problem_is_named_by_its_path(diary: Diary, mutation: Mutation, expected: str) -> None:
    doc = copy.deepcopy(EDGE)
    mutation(doc)
    with pytest.raises(ExchangeError) as caught:
        import_partnership(diary, doc)
    assert expected in [str(p) for p in caught.value.problems], str(caught.value)
    assert expected in str(caught.value)
    assert diary.db.execute("SELECT count(*) FROM partnerships").fetchone()[0] == 0
    assert diary.db.execute("SELECT count(*) FROM organizations").fetchone()[0] == 0


def test_all_problems_are_collected_and_the_message_lists_the_first(diary: Diary) -> None:
    doc = copy.deepcopy(EDGE)
    for event in doc["events"]:
        for i in range(8):
            event["participants"].append({"person": f"ghost{i}", "attended": False})
    doc["organizations"][0]["role"] = "client"
    with pytest.raises(ExchangeError) as caught:
        import_partnership(diary, doc)
    problems = caught.value.problems
    assert len(problems) == 17
    message = str(caught.value)
    assert message.startswith("The file cannot be imported; nothing was changed.")
    assert "… and 7 more problems." in message
    assert "organizations[0].role" in message


def test_a_newer_version_is_refused_with_its_number(diary: Diary) -> None:
    doc = copy.deepcopy(EDGE)
    doc["version"] = 3
    doc["something_new"] = True  # not reported: a newer format may have new fields
    with pytest.raises(ExchangeError) as caught:
        import_partnership(diary, doc)
    assert "version 3" in str(caught.value) and "Update Kumppani" in str(caught.value)
    assert caught.value.problems == []


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ([1, 2], "it is not a JSON object"),
        ({"format": "something-else", "version": 1}, 'its "format" is not "kumppani-partnership"'),
        ({"version": 1}, 'its "format" is not "kumppani-partnership"'),
    ],
)
def test_other_json_is_not_a_partnership_file(
    diary: Diary, document: object, expected: str
) -> None:
    with pytest.raises(ExchangeError, match=expected):
        import_partnership(diary, document)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b'{"format": "kumppani-partnership",\n  "version": 1,,}',
            "is not valid JSON: Expecting property name enclosed in double quotes at line 2, column 16",
        ),
        (b"", "is not valid JSON: Expecting value at line 1, column 1"),
        (b'{"value": NaN}', "is not valid JSON"),
        (b"\xff\xfe\x00garbage", "is not a text file in UTF-8"),
    ],
    ids=["syntax", "empty", "nan", "binary"],
)
def test_unreadable_files_say_why(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ExchangeError) as caught:
        load_file(path)
    assert expected in str(caught.value)
    assert str(path) in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match="There is no file"):
        load_file(tmp_path / "nothing.json")
    with pytest.raises(ExchangeError, match="is a folder"):
        load_file(tmp_path)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(EDGE).encode())
    assert load_file(path) == EDGE


def test_a_key_twice_in_one_object_is_refused_with_its_path(tmp_path: Path, diary: Diary) -> None:
    # Python's reader keeps the last value silently; which one was meant cannot be known.
    text = json.dumps(EDGE, ensure_ascii=False)
    text = text.replace('"name": "Öljy Oy"', '"name": "Öljy Oy", "name": "Other Oy"', 1)
    text = text.replace('"format": ', '"version": 1, "format": ', 1)
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        load_file(path)
    assert [str(p) for p in caught.value.problems] == [
        "organizations[0].name: the field appears more than once",
        "version: the field appears more than once",
    ]
    assert diary.db.execute("SELECT count(*) FROM partnerships").fetchone()[0] == 0
