"""Importing questionnaire answers from a CSV file into a new questionnaire event.

The file: a header row, then one row per respondent. Columns: ``respondent`` (a person's id or
name; empty for an anonymous answer; the column may be left out), ``organization`` (id or name;
required), and any of the instrument's items (for the built-in pulse: the six dimension names).
Values are numbers on the instrument's scale (1–5 for the pulse; ``4,5`` and ``4.5`` both read as
4.5), or empty for no answer. UTF-8 with or without BOM; comma or semicolon separated (the
header decides); CRLF or LF; quoted fields may hold newlines. Column names ignore case,
surrounding spaces, and spaces or hyphens instead of underscores.

All or nothing: ``parse_responses`` collects EVERY problem (row and column named); if there is
any, ``import_responses`` raises ``ResponsesError`` listing them all and writes nothing.
Decisions on the edge cases (tested): a row whose fields are all empty (a spreadsheet's trailing
``;;;;``) is skipped silently; a row naming an organization but answering no item is skipped
and reported in ``ParsedResponses.skipped``, not an error; a row with more fields than the
header is an error; a file with no answers at all is an error; the same named respondent twice
is an error; a respondent from another organization than the row's is an error.

Size: the file is read as a stream, a row at a time, and at most ``MAX_ROWS`` rows after the
header are read (a questionnaire wave of a partnership has tens of respondents; a file with more
rows than this is refused with a message, whatever follows, so memory stays flat). A field may
hold at most ``csv.field_size_limit()`` characters (131,072); a longer one is a problem of its
row. Answers are plain decimal numbers (``4``, ``4.5``, ``4,5``) on the instrument's scale.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.domain import Dimension, Event, EventKind, Organization, Person, Rating
from app.exchange.errors import SHOWN_PROBLEMS
from app.i18n import _, ngettext
from app.persistence import events as event_repo
from app.persistence import partnerships as partnership_repo
from app.persistence.diary import Diary
from app.scores.instrument_model import Instrument
from app.scores.instruments import pulse, score_respondent
from app.services.csv_stream import Unreadable, read_records, text_stream

RESPONDENT = "respondent"
ORGANIZATION = "organization"
# The most rows (after the header) a file may have.
MAX_ROWS = 10_000
# The largest file the window reads into memory for its preview (MAX_ROWS rows are far less).
MAX_FILE_BYTES = 16 * 1024 * 1024
# An answer: digits, optionally a decimal part after "." or "," (no exponents, no "nan").
_ANSWER = re.compile(r"[+-]?\d{1,6}(?:[.,]\d{1,6})?", re.ASCII)

Source = bytes | Path | BinaryIO


@dataclass(frozen=True, slots=True)
class CsvProblem:
    """One thing wrong with the file; ``row`` is the file's line-based row number (header = 1)."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("row {row}").format(row=self.row))
        if self.column:
            where.append(_("column {column}").format(column=self.column))
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True, slots=True)
class ResponseRow:
    """One respondent's answers, matched to the diary."""

    row: int
    organization_pk: int
    organization: str
    respondent_pk: int | None
    respondent: str  # as written in the file ("" for anonymous)
    answers: dict[str, float | None]  # item id → answer on the instrument's scale
    scores: dict[Dimension, float]  # per dimension on 1–5 (the ratings stored)


@dataclass
class ParsedResponses:
    columns: list[str] = field(default_factory=list)  # item ids, in the file's order
    rows: list[ResponseRow] = field(default_factory=list)
    problems: list[CsvProblem] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # rows with no answers
    respondents: set[int] = field(default_factory=set)  # named respondents seen so far

    @property
    def ok(self) -> bool:
        return not self.problems


class ResponsesError(ValueError):
    """The file cannot be imported; ``problems`` lists every reason, the message shows them."""

    def __init__(self, problems: Sequence[CsvProblem]) -> None:
        self.problems = list(problems)
        lines = [_("Nothing was imported. Please correct the file:")]
        # The first problems and a count, as the exchange importer does: a file with 5,000 bad
        # rows must not print 30,000 lines. ``problems`` keeps them all (the dialog lists them).
        lines += [f"  {p}" for p in self.problems[:SHOWN_PROBLEMS]]
        hidden = len(self.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            more = ngettext("… and {n} more problem.", "… and {n} more problems.", hidden)
            lines.append("  " + more.format(n=hidden))
        super().__init__("\n".join(lines))


# What a message must not echo from a file: control characters (an ESC would drive the
# terminal), line and paragraph separators, halves of surrogate pairs.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_SHOWN_CHARS = 60


def _shown(text: str) -> str:
    """``text`` of the file as a message may show it: one line, no control characters, short."""
    text = _UNSHOWABLE.sub("\ufffd", " ".join(text.split()))  # line breaks become spaces
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _normalize(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


class _Matcher:
    """Finds organizations and people by id, else by name (case-insensitive)."""

    def __init__(self, organizations: Sequence[Organization], people: Sequence[Person]) -> None:
        self.orgs = organizations
        self.people = people

    def organization(self, ref: str) -> Organization | None:
        key = ref.strip()
        return next((o for o in self.orgs if o.id == key), None) or next(
            (o for o in self.orgs if o.name.strip().casefold() == key.casefold()), None
        )

    def person(self, ref: str) -> Person | None:
        key = ref.strip()
        return next((p for p in self.people if p.id == key), None) or next(
            (p for p in self.people if p.name.strip().casefold() == key.casefold()), None
        )


def _header(
    record: list[str], instrument: Instrument, result: ParsedResponses
) -> dict[int, str] | None:
    """Column positions → normalized names; problems for unknown and duplicate columns."""
    known = {RESPONDENT, ORGANIZATION} | {i.id for i in instrument.items}
    columns: dict[int, str] = {}
    for position, raw in enumerate(record):
        name = _normalize(raw)
        if not name:
            if any(record[position:]):
                result.problems.append(
                    CsvProblem(1, str(position + 1), _("the column has no name"))
                )
            continue
        if name not in known:
            result.problems.append(CsvProblem(1, _shown(raw.strip()), _("unknown column")))
        elif name in columns.values():
            result.problems.append(
                CsvProblem(1, _shown(raw.strip()), _("the column appears twice"))
            )
        else:
            columns[position] = name
    if ORGANIZATION not in columns.values():
        result.problems.append(CsvProblem(1, ORGANIZATION, _("the column is missing")))
    result.columns = [n for n in columns.values() if n not in (RESPONDENT, ORGANIZATION)]
    return columns


def _number(text: str) -> float | None:
    text = text.strip()
    if not _ANSWER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def _who(
    line: int,
    fields: dict[str, str],
    matcher: _Matcher,
    result: ParsedResponses,
    problems: list[CsvProblem],
) -> tuple[Organization | None, Person | None]:
    """The row's organization and respondent, with a problem for each that does not fit."""
    org_ref = fields.get(ORGANIZATION, "").strip()
    org = matcher.organization(org_ref) if org_ref else None
    if org_ref and org is None:
        message = _("unknown organization {name}").format(name=_shown(org_ref))
        problems.append(CsvProblem(line, ORGANIZATION, message))
    elif not org_ref:
        problems.append(CsvProblem(line, ORGANIZATION, _("the organization is missing")))
    who = fields.get(RESPONDENT, "").strip()
    person = matcher.person(who) if who else None
    if who and person is None:
        problems.append(
            CsvProblem(line, RESPONDENT, _("unknown person {name}").format(name=_shown(who)))
        )
    elif person is not None and org is not None and person.organization != org.pk:
        message = _("{name} is not in {organization}").format(
            name=person.name, organization=org.name
        )
        problems.append(CsvProblem(line, RESPONDENT, message))
    elif person is not None and person.pk in result.respondents:
        message = _("{name} answered twice").format(name=person.name)
        problems.append(CsvProblem(line, RESPONDENT, message))
    return org, person


def _answers(
    line: int,
    fields: dict[str, str],
    instrument: Instrument,
    columns: list[str],
    problems: list[CsvProblem],
) -> dict[str, float | None]:
    """The row's answers by item; a problem for each value that is not on the scale."""
    answers: dict[str, float | None] = {}
    for name in columns:
        text = fields.get(name, "").strip()
        value = _number(text) if text else None
        if text and (value is None or not instrument.in_scale(value)):
            message = _("{value} is not a number from {low:g} to {high:g}").format(
                value=_shown(text), low=instrument.scale_min, high=instrument.scale_max
            )
            problems.append(CsvProblem(line, name, message))
        else:
            answers[name] = value
    return answers


def _row(
    line: int,
    record: list[str],
    width: int,
    columns: dict[int, str],
    matcher: _Matcher,
    instrument: Instrument,
    result: ParsedResponses,
) -> None:
    problems: list[CsvProblem] = []
    if any(f.strip() for f in record[width:]):
        problems.append(CsvProblem(line, None, _("the row has more fields than the header")))
    fields = {name: (record[pos] if pos < len(record) else "") for pos, name in columns.items()}
    org, person = _who(line, fields, matcher, result, problems)
    answers = _answers(line, fields, instrument, result.columns, problems)
    result.problems.extend(problems)
    if problems or org is None or org.pk is None:
        return
    if all(v is None for v in answers.values()):
        result.skipped.append(line)
        return
    who = fields.get(RESPONDENT, "").strip()
    if person is not None and person.pk is not None:
        result.respondents.add(person.pk)
    scores = score_respondent(instrument, answers)
    result.rows.append(
        ResponseRow(line, org.pk, org.name, person.pk if person else None, who, answers, scores)
    )


def parse_responses(
    data: Source,
    organizations: Sequence[Organization],
    people: Sequence[Person],
    instrument: Instrument | None = None,
) -> ParsedResponses:
    """Read and check a CSV file of answers (bytes, a path or an open binary file) without
    touching the diary."""
    instrument = instrument or pulse()
    result = ParsedResponses()
    try:
        if isinstance(data, Path):
            with data.open("rb") as raw:
                _parse_stream(text_stream(raw), organizations, people, instrument, result)
        else:
            _parse_stream(text_stream(data), organizations, people, instrument, result)
    except UnicodeDecodeError:
        return ParsedResponses(problems=[CsvProblem(None, None, _("The file is not UTF-8 text."))])
    except Unreadable as exc:
        result.problems.append(CsvProblem(None, None, str(exc)))
    if not result.problems and not result.rows:
        result.problems.append(CsvProblem(None, None, _("The file holds no answers.")))
    return result


def _parse_stream(
    stream: io.TextIOWrapper,
    organizations: Sequence[Organization],
    people: Sequence[Person],
    instrument: Instrument,
    result: ParsedResponses,
) -> None:
    records = read_records(stream)
    try:
        _first, header = next(records)
    except StopIteration:
        header = []
    except csv.Error as exc:
        raise Unreadable(_("The header row cannot be read: {reason}.").format(reason=exc)) from None
    if not any(f.strip() for f in header):
        result.problems.append(CsvProblem(None, None, _("The file has no header row.")))
        return
    columns = _header(header, instrument, result)
    if columns is None or ORGANIZATION not in columns.values():
        return
    matcher = _Matcher(organizations, people)
    line = 1
    for count in itertools.count(1):
        try:
            line, record = next(records)
        except StopIteration:
            return
        except csv.Error as exc:
            # A field past the limit (131,072 characters), a NUL in old Pythons: say where.
            result.problems.append(
                CsvProblem(line + 1, None, _("the row cannot be read: {reason}").format(reason=exc))
            )
            return
        if count > MAX_ROWS:
            message = ngettext(
                "The file has more than {n} row after the header; a questionnaire wave takes at "
                "most {n} answer. Nothing was read past row {row}: split the file.",
                "The file has more than {n} rows after the header; a questionnaire wave takes at "
                "most {n} answers. Nothing was read past row {row}: split the file.",
                MAX_ROWS,
            ).format(n=MAX_ROWS, row=line - 1)
            result.problems.append(CsvProblem(None, None, message))
            return
        if not any(f.strip() for f in record):
            continue  # an empty row, as spreadsheets leave at the end
        _row(line, record, len(header), columns, matcher, instrument, result)


def parse_for_partnership(
    diary: Diary, partnership_pk: int, data: Source, instrument: Instrument | None = None
) -> ParsedResponses:
    """``parse_responses`` against a stored partnership's organizations and people."""
    db = diary.db
    return parse_responses(
        data,
        partnership_repo.list_organizations(db, partnership_pk),
        partnership_repo.list_people(db, partnership_pk),
        instrument,
    )


def ratings_of(parsed: ParsedResponses) -> list[Rating]:
    """The ratings a parsed file becomes: one per respondent and scored dimension."""
    return [
        Rating(organization=r.organization_pk, dimension=d, value=v, respondent=r.respondent_pk)
        for r in parsed.rows
        for d, v in r.scores.items()
    ]


def import_responses(
    diary: Diary,
    partnership_pk: int,
    data: bytes | Path,
    day: date,
    title: str | None = None,
    instrument: Instrument | None = None,
) -> int:
    """Create a questionnaire event with the file's answers as ratings; returns its key.

    Raises ``ResponsesError`` (listing every problem) and writes nothing when the file is bad.
    """
    parsed = parse_for_partnership(diary, partnership_pk, data, instrument)
    if not parsed.ok:
        raise ResponsesError(parsed.problems)
    event = Event(
        kind=EventKind.QUESTIONNAIRE,
        title=(title or "").strip() or _("Questionnaire"),
        when=day.isoformat(),
        ratings=ratings_of(parsed),
    )
    with diary.write() as db:
        return event_repo.insert_event(db, partnership_pk, event)
