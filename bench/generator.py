"""Deterministic generator of the diaries the benchmarks run on.

``LARGE`` is a facilitator's diary after years of work: 20 partnerships, 2,000 events, 50,000
entries, 5,000 actions, facilitator ratings on most events and 20 questionnaire waves with
respondents. ``TYPICAL`` is one two-year partnership with 30 events. The same seed always gives
the same records (ids, text, dates); only the created/updated timestamps differ.

Everything is written through the repositories in ``app.persistence``, one transaction per
partnership, so the files are exactly what the application itself would write. Generated files
are cached in ``bench/data/`` under a name that carries ``GENERATOR_VERSION``, the sizes and a
digest of the schema: change the generator, bump the version.
"""

from __future__ import annotations

import hashlib
import os
import random
import uuid
from dataclasses import astuple, dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from app.backup.opening import open_diary_file
from app.domain import (
    Action,
    ActionStatus,
    Dimension,
    Entry,
    EntryType,
    Event,
    EventKind,
    FeedbackReport,
    Level,
    Objective,
    Organization,
    Participant,
    Partnership,
    Person,
    Phase,
    PhaseMove,
    Rating,
    Role,
    Tension,
    Visibility,
)
from app.persistence import actions as actions_repo
from app.persistence import entries as entries_repo
from app.persistence import events as events_repo
from app.persistence import partnerships as partnerships_repo
from app.persistence import records as records_repo
from app.persistence.diary import Diary
from bench import words

GENERATOR_VERSION = 2
DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 20261128


@dataclass(frozen=True, slots=True)
class Sizes:
    """How much a generated diary holds, in total over its partnerships."""

    partnerships: int
    events: int
    entries: int
    actions: int
    waves: int
    years: float = 3.0
    # Share of every total that goes to the first (largest) partnership.
    largest_share: float = 0.2


LARGE = Sizes(partnerships=20, events=2000, entries=50_000, actions=5000, waves=20)
TYPICAL = Sizes(
    partnerships=1, events=30, entries=180, actions=40, waves=1, years=2.0, largest_share=1.0
)
TINY = Sizes(partnerships=3, events=24, entries=200, actions=30, waves=3, years=1.0)

# Sides of a partnership that are rated: the customer and the provider.
_RATED_DIMENSIONS = (Dimension.COMMITMENT, Dimension.PARTNER_COMMITMENT, Dimension.EQUITY)
_ENTRY_TYPES = (
    [EntryType.NOTE] * 5
    + [EntryType.IDEA] * 3
    + [EntryType.DECISION] * 3
    + [EntryType.OBSERVATION] * 2
    + [EntryType.OBSTACLE] * 2
    + [EntryType.ACCOMPLISHMENT, EntryType.ASSESSMENT]
)
# Mostly meetings; feedback meetings about quarterly and a few pilots, as in a real partnership.
_EVENT_KINDS = (
    EventKind.MEETING,
    EventKind.WORKSHOP,
    EventKind.INTERVIEW,
    EventKind.FOCUS_GROUP,
    EventKind.OTHER,
    EventKind.FEEDBACK_MEETING,
    EventKind.PILOT,
)
_EVENT_WEIGHTS = (14, 3, 2, 1, 1, 0.5, 0.3)


def split(total: int, parts: int, largest_share: float) -> list[int]:
    """``total`` spread over ``parts``: the first gets ``largest_share``, the rest evenly."""
    if parts == 1:
        return [total]
    first = round(total * largest_share)
    rest, extra = divmod(total - first, parts - 1)
    return [first] + [rest + (1 if i < extra else 0) for i in range(parts - 1)]


class _Writer:
    """Writes one partnership's records; all randomness comes from ``rng``."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng = rng
        self.language = language

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def sentence(self) -> str:
        rng = self.rng
        fi = self.language == "fi" and rng.random() < 0.85
        vocabulary = words.FI_WORDS if fi else words.EN_WORDS
        opener = rng.choice(words.FI_OPENERS if fi else words.EN_OPENERS)
        body = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 16)))
        return f"{opener} {body}."

    def text(self) -> str:
        """A diary line: mostly one to three sentences, now and then a long note."""
        count = self.rng.randint(8, 25) if self.rng.random() < 0.05 else self.rng.randint(1, 3)
        return " ".join(self.sentence() for _ in range(count))


def _people(w: _Writer, db: Database, pk: int, orgs: list[Organization]) -> list[Person]:
    rng = w.rng
    names = list(words.FI_NAMES if w.language == "fi" else words.EN_NAMES)
    rng.shuffle(names)
    people: list[Person] = []
    levels = (Level.TOP, Level.MIDDLE, Level.OPERATIONAL, Level.OPERATIONAL)
    for i, name in enumerate(names):
        org = orgs[i % len(orgs)]
        person = Person(
            name=name,
            organization=org.pk or 0,
            title=rng.choice(("CEO", "HR manager", "nurse", "physician", "supervisor")),
            level=levels[i % len(levels)],
            sponsor=i < 2,
            id=w.uid(),
        )
        partnerships_repo.insert_person(db, pk, person)
        people.append(person)
    return people


def _dates(rng: random.Random, start: date, days: int, count: int) -> list[str]:
    """``count`` sorted event dates (some with a time of day) within ``days`` of ``start``."""
    out = []
    for offset in sorted(rng.randrange(max(days, 1)) for _ in range(count)):
        day = start + timedelta(days=offset)
        if rng.random() < 0.6:
            out.append(f"{day.isoformat()}T{rng.choice(('09:00', '12:30', '14:00', '15:15'))}")
        else:
            out.append(day.isoformat())
    return out


def _ratings(
    w: _Writer, orgs: list[Organization], people: list[Person], wave: bool
) -> list[Rating]:
    """Facilitator ratings of both sides, or a questionnaire wave's respondent answers."""
    rng = w.rng
    rated = orgs[:2]
    out: list[Rating] = []
    if not wave:
        for org in rated:
            for dim in _RATED_DIMENSIONS:
                out.append(Rating(org.pk or 0, dim, float(rng.randint(1, 5))))
        return out
    for org in rated:
        named = [p for p in people if p.organization == org.pk][:4]
        respondents: list[int | None] = [p.pk for p in named] + [None] * 4
        for respondent in respondents:
            for dim in Dimension:
                out.append(Rating(org.pk or 0, dim, float(rng.randint(1, 5)), respondent))
    return out


# What the events of one partnership are drawn from: its organizations, people and phases.
_Context = tuple[list[Organization], list[Person], list[PhaseMove]]


def _events(
    w: _Writer,
    db: Database,
    pk: int,
    start: date,
    days: int,
    counts: tuple[int, int],
    ctx: _Context,
) -> list[Event]:
    n_events, n_waves = counts
    orgs, people, phases = ctx
    rng = w.rng
    wave_at = set(rng.sample(range(n_events), min(n_waves, n_events)))
    events: list[Event] = []
    for i, when in enumerate(_dates(rng, start, days, n_events)):
        wave = i in wave_at
        kind = (
            EventKind.QUESTIONNAIRE
            if wave
            else rng.choices(_EVENT_KINDS, weights=_EVENT_WEIGHTS)[0]
        )
        day = date.fromisoformat(when[:10])
        phase = Partnership("", start, phases=phases).phase_on(day)
        attendees = rng.sample(people, min(len(people), rng.randint(3, 6)))
        event = Event(
            kind=kind,
            title=(f"{kind.value.replace('_', ' ').title()} {i + 1}: " + w.sentence()[:60]),
            when=when,
            duration_minutes=rng.choice((60, 90, 120, None)),
            phase=phase,
            purpose=w.sentence() if rng.random() < 0.7 else None,
            participants=[Participant(p.pk or 0, True, rng.random() < 0.8) for p in attendees],
            ratings=_ratings(w, orgs, people, wave) if wave or rng.random() < 0.85 else [],
            id=w.uid(),
        )
        events_repo.insert_event(db, pk, event)
        events.append(event)
    return events


def _entries(
    w: _Writer, db: Database, pk: int, events: list[Event], count: int
) -> list[tuple[str, Entry]]:
    """``count`` entries spread at random over ``events``, as (event date, entry)."""
    rng = w.rng
    per_event = [0] * len(events)
    for _ in range(count):
        per_event[rng.randrange(len(events))] += 1
    out: list[tuple[str, Entry]] = []
    for event, n in zip(events, per_event, strict=True):
        for _ in range(n):
            kind = rng.choice(_ENTRY_TYPES)
            entry = Entry(
                event=event.pk or 0,
                type=kind,
                text=w.text(),
                visibility=(Visibility.SHARED if rng.random() < 0.15 else None),
                tensions=tuple(t for t in Tension if rng.random() < 0.08),
                id=w.uid(),
            )
            entries_repo.insert_entry(db, pk, entry)
            out.append((event.when, entry))
    return out


def _actions(
    w: _Writer,
    db: Database,
    pk: int,
    entries: list[tuple[str, Entry]],
    people: list[Person],
    n: int,
) -> None:
    rng = w.rng
    sources = [(d, e) for d, e in entries if e.type in (EntryType.IDEA, EntryType.DECISION)]
    statuses = (
        [ActionStatus.DONE] * 9 + [ActionStatus.OPEN] * 5 + [ActionStatus.IN_PROGRESS] * 3
    ) + [ActionStatus.DROPPED]
    for _ in range(n):
        day_text, source = rng.choice(sources) if sources else (None, None)
        created = date.fromisoformat(day_text[:10]) if day_text else date(2023, 1, 1)
        status = rng.choice(statuses)
        owner = rng.choice(people)
        due = created + timedelta(days=rng.randint(7, 120))
        done = created + timedelta(days=rng.randint(1, 150)) if status.is_closed else None
        action = Action(
            text=w.sentence(),
            created_on=created,
            status=status,
            owner=owner.pk,
            organization=owner.organization,
            due_on=due if rng.random() < 0.9 else None,
            done_on=done,
            source_entry=source.pk if source and rng.random() < 0.6 else None,
            id=w.uid(),
        )
        actions_repo.insert_action(db, pk, action)


def _partnership(
    diary: Diary, rng: random.Random, index: int, counts: tuple[int, ...], years: float
) -> int:
    n_events, n_entries, n_actions, n_waves = counts
    language = "fi" if index % 3 != 2 else "en"
    w = _Writer(rng, language)
    days = int(365 * years)
    start = date(2022, 1, 10) + timedelta(days=rng.randrange(200))
    customer = rng.choice(words.CUSTOMER_NAMES)
    provider = rng.choice(words.PROVIDER_NAMES)
    phases = [
        PhaseMove(Phase.NEGOTIATION, start),
        PhaseMove(Phase.COMMITMENT, start + timedelta(days=days * 3 // 10)),
        PhaseMove(Phase.EXECUTION, start + timedelta(days=days * 55 // 100)),
    ]
    p = Partnership(
        name=f"{customer} × {provider} #{index + 1}",
        started_on=start,
        description=w.sentence(),
        language=language,
        phases=phases,
        id=w.uid(),
    )
    with diary.write() as db:
        pk = partnerships_repo.insert_partnership(db, p)
        orgs = [
            Organization(customer, Role.CUSTOMER, id=w.uid()),
            Organization(provider, Role.PROVIDER, id=w.uid()),
            Organization("Fasilitointi Kumppani", Role.FACILITATOR, id=w.uid()),
        ]
        for org in orgs:
            partnerships_repo.insert_organization(db, pk, org)
        people = _people(w, db, pk, orgs)
        for k in range(4):
            objective = Objective(
                text=w.sentence(),
                indicator=w.sentence()[:80] if k % 2 else None,
                due_on=start + timedelta(days=days * (k + 1) // 4),
                owner=people[k].pk,
                id=w.uid(),
            )
            partnerships_repo.insert_objective(db, pk, objective)
        ctx = (orgs, people, phases)
        events = _events(w, db, pk, start, days, (n_events, n_waves), ctx)
        entries = _entries(w, db, pk, events, n_entries)
        _actions(w, db, pk, entries, people, n_actions)
        for k in range(2):
            report = FeedbackReport(
                generated_on=start + timedelta(days=days * (k + 1) // 3), id=w.uid()
            )
            records_repo.insert_feedback_report(db, pk, report)
    return pk


def generate(path: Path, sizes: Sizes, seed: int = SEED) -> Path:
    """Write a new diary with ``sizes`` at ``path`` (which must not exist yet)."""
    rng = random.Random(seed)
    shares = [
        split(total, sizes.partnerships, sizes.largest_share)
        for total in (sizes.events, sizes.entries, sizes.actions, sizes.waves)
    ]
    diary = open_diary_file(path, create=True)
    try:
        for index in range(sizes.partnerships):
            counts = tuple(s[index] for s in shares)
            _partnership(diary, rng, index, counts, sizes.years)
    finally:
        diary.close()
    return path


def cache_name(label: str, sizes: Sizes, seed: int = SEED) -> str:
    """The cached file's name: the generator version, the sizes, the seed and the schema (a
    changed index or table makes a new file, so no measurement runs on a stale layout)."""
    from app.persistence import schema

    schema_text = Path(schema.__file__).read_bytes()
    digest = hashlib.sha256(repr((astuple(sizes), seed, schema_text)).encode()).hexdigest()[:10]
    return f"{label}-g{GENERATOR_VERSION}-{digest}.sqlite3"


def cached(label: str, sizes: Sizes, data_dir: Path = DATA_DIR, seed: int = SEED) -> Path:
    """The generated diary for ``sizes``, made once and then reused from ``data_dir``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / cache_name(label, sizes, seed)
    if path.exists():
        return path
    partial = path.with_name(path.name + f".{os.getpid()}.part")
    for leftover in (partial, partial.with_name(partial.name + "-wal")):
        leftover.unlink(missing_ok=True)
    generate(partial, sizes, seed)
    os.replace(partial, path)
    return path
