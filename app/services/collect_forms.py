"""Collecting filled questionnaire forms (PDF) back into their wave: all of them, or none.

``preview_forms`` reads every file (pypdf), matches it to the partnership, its wave and its
people, and says for each file what it found or what is wrong with it and what to do: a form of
another partnership or wave, a form nobody filled in (or filled in and not saved), a form without
the organization or a required answer, a value outside the scale, a file that is not a form. A
form collected before, or twice in the same batch, counts once: an identical copy is passed
over (and named), a copy with different answers is refused. ``collect_forms`` stores the
wave's new responses in one transaction, and only when no file has a problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from app.backup.policy import BackupPolicy
from app.domain import Level, Organization, Person
from app.domain.questionnaire import (
    FIELD_COMMENT,
    FIELD_FORM,
    FIELD_LEVEL,
    FIELD_NAME,
    FIELD_ORGANIZATION,
    FIELD_PARTNERSHIP,
    FIELD_WAVE,
    ITEM_PREFIX,
    Response,
    Wave,
)
from app.i18n import _
from app.persistence import partnerships as partnership_repo
from app.persistence import questionnaires as repo
from app.persistence.diary import Diary
from app.scores.instrument_model import Instrument
from app.services.questionnaires import add_responses, stored_instrument
from app.services.undo import UndoStack

# A questionnaire form is small; a bigger file is not one of ours (and is not read into memory).
MAX_FORM_BYTES = 20 * 1024 * 1024


@dataclass
class FormRow:
    """One file of the batch: what was found in it, or what is wrong with it."""

    path: Path
    label: str | None = None  # a spreadsheet row: "answers.xlsx, row 4"
    form: str | None = None
    wave: str | None = None
    response: Response | None = None
    organization: str = ""  # the organization's name, for the preview
    answered: int = 0
    problem: str | None = None  # refused: what is wrong and what to do
    passed_over: str | None = None  # counted once: why this file adds nothing

    @property
    def name(self) -> str:
        return self.label or self.path.name


@dataclass
class CollectPreview:
    partnership_pk: int
    wave: Wave | None
    instrument: Instrument | None
    rows: list[FormRow] = field(default_factory=list)

    @property
    def problems(self) -> list[FormRow]:
        return [r for r in self.rows if r.problem]

    @property
    def new_responses(self) -> list[Response]:
        return [r.response for r in self.rows if r.response and not r.problem and not r.passed_over]

    @property
    def ok(self) -> bool:
        return self.wave is not None and not self.problems


class CollectError(ValueError):
    """Nothing was collected; the message names every file refused and what to do."""

    def __init__(self, preview: CollectPreview, message: str | None = None) -> None:
        self.preview = preview
        lines = [message or _("Nothing was collected. Please see to these files:")]
        lines += [f"  {r.name}: {r.problem}" for r in preview.problems]
        super().__init__("\n".join(lines))


def _value(fields: dict[str, Any], name: str) -> str:
    found = fields.get(name)
    value = found.get("/V") if found is not None else None
    if value is None:
        return ""
    text = str(value)
    if text.startswith("/"):  # a radio button's choice is a PDF name
        text = text[1:]
    return "" if text == "Off" else text.strip()


def read_fields(path: Path) -> dict[str, str]:
    """The form fields of a PDF with their values ("" when empty); ValueError when the file is
    not a readable PDF."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValueError(_("the file cannot be read ({error})").format(error=exc)) from exc
    if size > MAX_FORM_BYTES:
        raise ValueError(_("the file is too big to be a questionnaire form"))
    try:
        fields = PdfReader(path).get_fields() or {}
    # A damaged or foreign file can make pypdf fail in many ways; each means "not readable".
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        raise ValueError(_("the file is not a readable PDF")) from None
    return {name: _value(fields, name) for name in fields}


class Matcher:
    def __init__(self, diary: Diary, partnership_pk: int) -> None:
        db = diary.db
        self.orgs: dict[str, Organization] = {
            o.id: o for o in partnership_repo.list_organizations(db, partnership_pk)
        }
        self.people: list[Person] = partnership_repo.list_people(db, partnership_pk)

    def person(self, name: str, organization: int) -> Person | None:
        key = name.casefold()
        return next(
            (
                p
                for p in self.people
                if p.organization == organization and p.name.strip().casefold() == key
            ),
            None,
        )


def _answers(
    row: FormRow, fields: dict[str, str], instrument: Instrument
) -> dict[str, float] | None:
    answers: dict[str, float] = {}
    for number, item in enumerate(instrument.items, 1):
        text = fields.get(ITEM_PREFIX + item.id, "")
        if not text:
            if item.required:
                row.problem = _(
                    "statement {n} has no answer, and it needs one: ask the respondent to "
                    "answer it, or leave this form out"
                ).format(n=number)
                return None
            continue
        try:
            value = float(text)
        except ValueError:
            value = None
        if value is None or not value.is_integer() or int(value) not in instrument.scale.points():
            row.problem = _(
                "statement {n} has the answer {value}, which is not on the scale {low}–{high}: "
                "correct the form, or leave it out"
            ).format(
                n=number, value=text[:20], low=instrument.scale.low, high=instrument.scale.high
            )
            return None
        answers[item.id] = value
    return answers


def _read_row(
    path: Path, partnership_id: str, wave: Wave, instrument: Instrument, match: Matcher
) -> FormRow:
    row = FormRow(path)
    try:
        fields = read_fields(path)
    except ValueError as exc:
        row.problem = _("{error}: collect only the forms Kumppani wrote").format(error=exc)
        return row
    return check_fields(row, fields, partnership_id, wave, instrument, match)


def check_fields(
    row: FormRow,
    fields: dict[str, str],
    partnership_id: str,
    wave: Wave,
    instrument: Instrument,
    match: Matcher,
) -> FormRow:
    """Check one respondent's fields (of a PDF form or a spreadsheet row) against the wave."""
    row.form, row.wave = fields.get(FIELD_FORM) or None, fields.get(FIELD_WAVE) or None
    if not row.form or not row.wave:
        row.problem = _("this is not a Kumppani questionnaire form: leave it out")
        return row
    if fields.get(FIELD_PARTNERSHIP) != partnership_id:
        row.problem = _("the form belongs to another partnership: collect it in that partnership")
        return row
    if row.wave != wave.id:
        row.problem = _(
            "the form belongs to another wave of this partnership: collect it separately, "
            "with the other forms of its wave"
        )
        return row
    org_ref = fields.get(FIELD_ORGANIZATION, "")
    answered = [i for i in instrument.items if fields.get(ITEM_PREFIX + i.id)]
    row.answered = len(answered)
    if not org_ref and not answered and not fields.get(FIELD_COMMENT):
        row.problem = _(
            "the form has not been filled in (or was not saved after filling in): open it, "
            "fill it in, save it and collect it again, or leave it out"
        )
        return row
    org = match.orgs.get(org_ref)
    if org is None or org.pk is None:
        row.problem = _(
            "the respondent's organization is not chosen: ask which it is and mark it, or "
            "leave this form out"
        )
        return row
    row.organization = org.name
    answers = _answers(row, fields, instrument)
    if answers is None:
        return row
    level_text = fields.get(FIELD_LEVEL, "")
    level = Level(level_text) if level_text in {x.value for x in Level} else None
    name = " ".join(fields.get(FIELD_NAME, "").split())[:200]
    person = match.person(name, org.pk) if name else None
    row.response = Response(
        organization=org.pk,
        answers=answers,
        level=level,
        person=person.pk if person else None,
        pseudonym=name if name and person is None else None,
        comment=fields.get(FIELD_COMMENT) or None,
        form=row.form,
    )
    return row


def _same(a: Response, b: Response) -> bool:
    keys = ("organization", "answers", "level", "person", "pseudonym", "comment")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def mark_duplicates(preview: CollectPreview, stored: dict[str, Response]) -> None:
    seen: dict[str, FormRow] = {}
    for row in preview.rows:
        if row.problem or row.response is None or row.form is None:
            continue
        earlier = stored.get(row.form)
        first = seen.get(row.form)
        if earlier is not None:
            if _same(earlier, row.response):
                row.passed_over = _("already collected: it counts once")
            else:
                row.problem = _(
                    "this form was collected before with other answers: leave this copy out, "
                    "or remove the earlier answers first"
                )
        elif first is not None:
            if _same(first.response, row.response):  # type: ignore[arg-type]
                row.passed_over = _("the same form as {file}: it counts once").format(
                    file=first.name
                )
            else:
                row.problem = _(
                    "the same form as {file} with other answers: keep the right copy only"
                ).format(file=first.name)
        else:
            seen[row.form] = row


def _choose_wave(diary: Diary, partnership_pk: int, paths: Sequence[Path]) -> Wave | None:
    """The wave the forms are for: that of the first form of this partnership."""
    waves = {w.id: w for w in repo.list_waves(diary.db, partnership_pk)}
    for path in paths:
        try:
            wave_id = read_fields(path).get(FIELD_WAVE)
        except ValueError:
            continue
        if wave_id in waves:
            return waves[wave_id]
    return None


def preview_forms(
    diary: Diary, partnership_pk: int, paths: Sequence[Path], wave_id: str | None = None
) -> CollectPreview:
    """Read and check every file without touching the diary."""
    partnership = partnership_repo.get_partnership(diary.db, partnership_pk)
    assert partnership is not None
    if wave_id is not None:
        wave = repo.get_wave(diary.db, partnership_pk, wave_id)
    else:
        wave = _choose_wave(diary, partnership_pk, paths)
    if wave is None or wave.pk is None:
        preview = CollectPreview(partnership_pk, None, None)
        for path in paths:
            preview.rows.append(
                FormRow(
                    path,
                    problem=_(
                        "no wave of this partnership has this form: write the forms with "
                        "Kumppani for this partnership, or collect it in its own partnership"
                    ),
                )
            )
        return preview
    instrument = stored_instrument(diary.db, partnership_pk, wave.instrument)
    preview = CollectPreview(partnership_pk, wave, instrument)
    match = Matcher(diary, partnership_pk)
    for path in paths:
        preview.rows.append(_read_row(path, partnership.id, wave, instrument, match))
    stored = {r.form: r for r in repo.list_responses(diary.db, wave.pk) if r.form}
    mark_duplicates(preview, stored)
    return preview


def collect_forms(
    diary: Diary,
    preview: CollectPreview,
    *,
    policy: BackupPolicy | None = None,
    undo: UndoStack | None = None,
) -> int:
    """Back up the diary, then store the new responses of a preview without problems; returns
    how many were added. Given ``undo``, the collection is one undoable step.

    Raises ``CollectError`` (nothing written, no backup made) when any file has a problem.
    """
    if not preview.ok or preview.wave is None:
        raise CollectError(preview)
    responses = preview.new_responses
    if not responses:
        return 0
    # The backup policy promises a backup before an import (app/services/imports.py).
    (policy or BackupPolicy(diary)).before_risky()
    return add_responses(diary, preview.partnership_pk, preview.wave, responses, undo)
