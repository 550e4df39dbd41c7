"""The diary schema: the only place where tables are defined.

Every diary, fresh or years old, goes through ``MIGRATIONS.apply``; each migration runs in one
transaction together with its record and its ``user_version`` bump. Never edit a migration that
has shipped: add a new one and a fixture database for the version it creates
(``tests/fixtures/schema-v<N>.sqlite3``).
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("kumppani")

# 'KMPN' — marks a file as a Kumppani diary (PRAGMA application_id).
APPLICATION_ID = 0x4B4D504E

_TIMESTAMPS = """
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
"""

_V1 = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    f"""CREATE TABLE partnerships (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT,
        started_on TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fi')),
        thresholds TEXT,
        deleted_at TEXT,
        {_TIMESTAMPS}
    )""",
    f"""CREATE TABLE phases (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('negotiation', 'commitment', 'execution')),
        from_on TEXT NOT NULL,
        note TEXT,
        confirmed_open TEXT,
        {_TIMESTAMPS}
    )""",
    "CREATE INDEX phases_partnership ON phases(partnership_pk, seq)",
    f"""CREATE TABLE organizations (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('customer', 'provider', 'facilitator', 'other')),
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    f"""CREATE TABLE people (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        organization_pk INTEGER NOT NULL REFERENCES organizations(pk),
        name TEXT NOT NULL,
        title TEXT,
        level TEXT CHECK (level IN ('top', 'middle', 'operational')),
        sponsor INTEGER NOT NULL DEFAULT 0,
        pseudonym TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    "CREATE INDEX people_organization ON people(organization_pk)",
    f"""CREATE TABLE objectives (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        indicator TEXT,
        target TEXT,
        due_on TEXT,
        owner_pk INTEGER REFERENCES people(pk),
        deleted_at TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    f"""CREATE TABLE events (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('meeting', 'workshop', 'interview', 'focus_group',
            'questionnaire', 'pilot', 'feedback_meeting', 'other')),
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes >= 0),
        phase TEXT CHECK (phase IS NULL OR phase IN ('negotiation', 'commitment', 'execution')),
        purpose TEXT,
        deleted_at TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    "CREATE INDEX events_partnership_date ON events(partnership_pk, date)",
    """CREATE TABLE participants (
        event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
        person_pk INTEGER NOT NULL REFERENCES people(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        invited INTEGER NOT NULL DEFAULT 1,
        attended INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (event_pk, person_pk)
    )""",
    "CREATE INDEX participants_person ON participants(person_pk)",
    f"""CREATE TABLE entries (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('note', 'idea', 'decision', 'obstacle',
            'observation', 'accomplishment', 'assessment')),
        text TEXT NOT NULL,
        visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'private')),
        tensions TEXT NOT NULL DEFAULT '',
        deleted_at TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    # Covering for the views that list a partnership's entries event by event (the history's
    # listing): they never read the rows themselves, which the text makes large.
    "CREATE INDEX entries_event ON entries(event_pk, seq, partnership_pk, deleted_at, type, "
    "visibility)",
    "CREATE INDEX entries_partnership_type ON entries(partnership_pk, type)",
    """CREATE TABLE ratings (
        pk INTEGER PRIMARY KEY,
        event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        organization_pk INTEGER NOT NULL REFERENCES organizations(pk),
        dimension TEXT NOT NULL CHECK (dimension IN ('commitment', 'partner_commitment',
            'equity', 'efficiency', 'clarity', 'action_confidence')),
        value REAL NOT NULL CHECK (value >= 1 AND value <= 5),
        respondent_pk INTEGER REFERENCES people(pk)
    )""",
    "CREATE INDEX ratings_event ON ratings(event_pk, seq)",
    f"""CREATE TABLE actions (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        owner_pk INTEGER REFERENCES people(pk),
        organization_pk INTEGER REFERENCES organizations(pk),
        created_on TEXT NOT NULL,
        due_on TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
        done_on TEXT,
        source_entry_pk INTEGER REFERENCES entries(pk),
        deleted_at TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    "CREATE INDEX actions_partnership_due ON actions(partnership_pk, due_on)",
    "CREATE INDEX actions_source ON actions(source_entry_pk)",
    f"""CREATE TABLE checklist_marks (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        item TEXT NOT NULL,
        done_on TEXT NOT NULL,
        note TEXT,
        evidence TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, item)
    )""",
    f"""CREATE TABLE checklist_custom (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        item TEXT NOT NULL,
        phase TEXT NOT NULL,
        text TEXT,
        hidden INTEGER NOT NULL DEFAULT 0,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, item)
    )""",
    f"""CREATE TABLE feedback_reports (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        generated_on TEXT NOT NULL,
        audience TEXT NOT NULL,
        sections TEXT,
        sha256 TEXT,
        options TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    f"""CREATE TABLE warning_acks (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        warning TEXT NOT NULL,
        acknowledged_on TEXT NOT NULL,
        severity TEXT NOT NULL,
        evidence_count INTEGER NOT NULL DEFAULT 0,
        -- JSON list of "kind:pk" of the evidence seen: new evidence brings the warning back.
        evidence TEXT,
        note TEXT,
        {_TIMESTAMPS}
    )""",
    "CREATE INDEX warning_acks_partnership ON warning_acks(partnership_pk, warning)",
    # Full-text search over entries and over event titles and purposes. External content keeps
    # one copy of the text. The repositories keep the index in step (app/persistence/fts.py):
    # triggers cannot write to FTS5 tables while trusted_schema is OFF, which we keep for safety
    # with diary files that come from elsewhere.
    """CREATE VIRTUAL TABLE entries_fts USING fts5(
        text, content='entries', content_rowid='pk', tokenize='unicode61 remove_diacritics 0'
    )""",
    """CREATE VIRTUAL TABLE events_fts USING fts5(
        title, purpose, content='events', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 0'
    )""",
    # The partner-facing view of entries: reports read shared entries through this view only.
    """CREATE VIEW shared_entries AS
        SELECT * FROM entries WHERE visibility = 'shared' AND deleted_at IS NULL""",
]


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    for statement in _V1:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")


# Version 2: indexes that keep the cost of a page of the history independent of the diary's
# size (issue 18). The listing walks a partnership's live events newest first through an index
# that holds everything it reads (no event row is read, nothing is sorted); the full-text
# indexes get prefix indexes for one- and two-letter prefixes, so the first page of "m" is read
# from one doclist instead of merging every word that starts with m.
_FTS_WITH_PREFIXES = [
    "DROP TABLE entries_fts",
    """CREATE VIRTUAL TABLE entries_fts USING fts5(
        text, content='entries', content_rowid='pk', tokenize='unicode61 remove_diacritics 0',
        prefix='1 2'
    )""",
    "INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')",
    "DROP TABLE events_fts",
    """CREATE VIRTUAL TABLE events_fts USING fts5(
        title, purpose, content='events', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 0', prefix='1 2'
    )""",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
]


@MIGRATIONS(name="0002_page_indexes")
def m0002_page_indexes(db: Database) -> None:
    db.execute("CREATE INDEX events_live_date ON events(partnership_pk, deleted_at, date)")
    for statement in _FTS_WITH_PREFIXES:
        db.execute(statement)
    db.execute("PRAGMA user_version = 2")


# Version 3: what version 2 of the exchange format (docs/exchange-format.md) needs for partner
# reports and warnings. Tables whose CHECK lists a vocabulary that grows (phases: "ended";
# ratings: "trust") are rebuilt; nothing refers to them, so a rebuild keeps every key.
_V2_PHASES = f"""CREATE TABLE phases_v2 (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('negotiation', 'commitment', 'execution', 'ended')),
        from_on TEXT NOT NULL,
        note TEXT,
        confirmed_open TEXT,
        {_TIMESTAMPS}
    )"""

_V2_RATINGS = """CREATE TABLE ratings_v2 (
        pk INTEGER PRIMARY KEY,
        event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        organization_pk INTEGER NOT NULL REFERENCES organizations(pk),
        dimension TEXT NOT NULL CHECK (dimension IN ('commitment', 'partner_commitment',
            'equity', 'efficiency', 'clarity', 'action_confidence', 'trust')),
        value REAL NOT NULL CHECK (value >= 1 AND value <= 5),
        respondent_pk INTEGER REFERENCES people(pk)
    )"""

_V2 = [
    _V2_PHASES,
    "INSERT INTO phases_v2 SELECT * FROM phases",
    "DROP TABLE phases",
    "ALTER TABLE phases_v2 RENAME TO phases",
    "CREATE INDEX phases_partnership ON phases(partnership_pk, seq)",
    _V2_RATINGS,
    "INSERT INTO ratings_v2 SELECT * FROM ratings",
    "DROP TABLE ratings",
    "ALTER TABLE ratings_v2 RENAME TO ratings",
    "CREATE INDEX ratings_event ON ratings(event_pk, seq)",
    "ALTER TABLE partnerships ADD COLUMN planned_end_on TEXT",
    "ALTER TABLE partnerships ADD COLUMN vision TEXT",
    "ALTER TABLE partnerships ADD COLUMN pilot_scope TEXT",
    "ALTER TABLE partnerships ADD COLUMN min_group_size INTEGER NOT NULL DEFAULT 3 "
    "CHECK (min_group_size BETWEEN 2 AND 50)",
    "ALTER TABLE objectives ADD COLUMN target_value REAL",
    "ALTER TABLE objectives ADD COLUMN unit TEXT",
    "ALTER TABLE objectives ADD COLUMN direction TEXT CHECK (direction IN ('up', 'down'))",
    f"""CREATE TABLE measurements (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        objective_pk INTEGER NOT NULL REFERENCES objectives(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        measured_on TEXT NOT NULL,
        value REAL NOT NULL,
        note TEXT,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    "CREATE INDEX measurements_objective ON measurements(objective_pk, seq)",
    f"""CREATE TABLE cycle_decisions (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        decided_on TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('continue', 'renegotiate', 'routine', 'end')),
        note TEXT,
        event_pk INTEGER REFERENCES events(pk),
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    "ALTER TABLE events ADD COLUMN final_evaluation INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE entries ADD COLUMN fate TEXT CHECK (fate IN ('parked', 'declined'))",
    "ALTER TABLE entries ADD COLUMN fate_reason TEXT",
    "ALTER TABLE entries ADD COLUMN fate_on TEXT",
    "ALTER TABLE entries ADD COLUMN revisit_on TEXT",
    "ALTER TABLE entries ADD COLUMN decision_status TEXT CHECK (decision_status IN "
    "('proposed', 'agreed', 'contested', 'revisited'))",
    "ALTER TABLE entries ADD COLUMN review_on TEXT",
    "ALTER TABLE entries ADD COLUMN disagreement TEXT",
    """CREATE TABLE decision_agreements (
        entry_pk INTEGER NOT NULL REFERENCES entries(pk) ON DELETE CASCADE,
        organization_pk INTEGER NOT NULL REFERENCES organizations(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        PRIMARY KEY (entry_pk, organization_pk)
    )""",
    "ALTER TABLE actions ADD COLUMN visibility TEXT NOT NULL DEFAULT 'shared' "
    "CHECK (visibility IN ('shared', 'private'))",
    # As when a version 1 file is read: an action made from a private entry is private.
    "UPDATE actions SET visibility = 'private' WHERE source_entry_pk IN "
    "(SELECT pk FROM entries WHERE visibility = 'private')",
    "ALTER TABLE checklist_marks RENAME COLUMN done_on TO marked_on",
    "ALTER TABLE checklist_marks ADD COLUMN status TEXT NOT NULL DEFAULT 'done' "
    "CHECK (status IN ('done', 'not_met'))",
    "ALTER TABLE checklist_marks ADD COLUMN text TEXT",
    "ALTER TABLE feedback_reports ADD COLUMN kind TEXT NOT NULL DEFAULT 'feedback_report' "
    "CHECK (kind IN ('feedback_report', 'minutes'))",
    "ALTER TABLE feedback_reports ADD COLUMN status TEXT NOT NULL DEFAULT 'given' "
    "CHECK (status IN ('draft', 'given'))",
    "ALTER TABLE feedback_reports ADD COLUMN period_from TEXT",
    "ALTER TABLE feedback_reports ADD COLUMN period_to TEXT",
    "ALTER TABLE feedback_reports ADD COLUMN names TEXT "
    "CHECK (names IN ('shown', 'hidden', 'anonymous'))",
    "ALTER TABLE feedback_reports ADD COLUMN language TEXT CHECK (language IN ('en', 'fi'))",
    "ALTER TABLE feedback_reports ADD COLUMN event_pk INTEGER REFERENCES events(pk)",
]


@MIGRATIONS(name="0003_exchange_v2")
def m0003_exchange_v2(db: Database) -> None:
    for statement in _V2:
        db.execute(statement)
    db.execute("PRAGMA user_version = 3")


# Version 4: meetings (issue 14). An event's place and its agenda of timed items; an entry
# remembers the agenda item it was written under and when it was written. Agenda items are
# deleted softly, so undoing an agenda edit brings back the very same row and the entries
# written under it keep their link.
_V4 = [
    "ALTER TABLE events ADD COLUMN place TEXT",
    f"""CREATE TABLE agenda_items (
        pk INTEGER PRIMARY KEY,
        event_pk INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        title TEXT NOT NULL,
        minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 600),
        purpose TEXT,
        presenter_pk INTEGER REFERENCES people(pk) ON DELETE SET NULL,
        deleted_at TEXT,
        {_TIMESTAMPS},
        UNIQUE (event_pk, id)
    )""",
    "CREATE INDEX agenda_items_event ON agenda_items(event_pk, seq)",
    "ALTER TABLE entries ADD COLUMN agenda_item_pk INTEGER "
    "REFERENCES agenda_items(pk) ON DELETE SET NULL",
    "ALTER TABLE entries ADD COLUMN written_at TEXT",
    "CREATE INDEX entries_agenda_item ON entries(agenda_item_pk)",
]


@MIGRATIONS(name="0004_meetings")
def m0004_meetings(db: Database) -> None:
    for statement in _V4:
        db.execute(statement)
    db.execute("PRAGMA user_version = 4")


# Version 6: questionnaires (issue 13; exchange format v2 `instruments`, `waves`, `responses`).
# The instruments a partnership used are kept whole (their JSON), so its answers can be scored
# and read back even when the instrument file is gone or has changed; answers are kept per
# item on the instrument's own scale, and the scores are computed from them.
_V6 = [
    f"""CREATE TABLE questionnaire_instruments (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        definition TEXT NOT NULL,
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    f"""CREATE TABLE questionnaire_waves (
        pk INTEGER PRIMARY KEY,
        partnership_pk INTEGER NOT NULL REFERENCES partnerships(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        title TEXT NOT NULL,
        instrument_pk INTEGER NOT NULL REFERENCES questionnaire_instruments(pk),
        held_on TEXT NOT NULL,
        event_pk INTEGER REFERENCES events(pk) ON DELETE SET NULL,
        language TEXT CHECK (language IN ('en', 'fi')),
        {_TIMESTAMPS},
        UNIQUE (partnership_pk, id)
    )""",
    "CREATE INDEX questionnaire_waves_partnership ON questionnaire_waves(partnership_pk, seq)",
    f"""CREATE TABLE questionnaire_responses (
        pk INTEGER PRIMARY KEY,
        wave_pk INTEGER NOT NULL REFERENCES questionnaire_waves(pk) ON DELETE CASCADE,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        form TEXT,
        organization_pk INTEGER NOT NULL REFERENCES organizations(pk),
        level TEXT CHECK (level IN ('top', 'middle', 'operational')),
        person_pk INTEGER REFERENCES people(pk),
        pseudonym TEXT,
        comment TEXT,
        {_TIMESTAMPS},
        UNIQUE (wave_pk, id)
    )""",
    "CREATE INDEX questionnaire_responses_wave ON questionnaire_responses(wave_pk, seq)",
    # A form collected twice counts once.
    "CREATE UNIQUE INDEX questionnaire_responses_form ON questionnaire_responses(wave_pk, form) "
    "WHERE form IS NOT NULL",
    """CREATE TABLE questionnaire_answers (
        response_pk INTEGER NOT NULL REFERENCES questionnaire_responses(pk) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        item TEXT NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (response_pk, item)
    )""",
]


@MIGRATIONS(name="0006_questionnaires")
def m0006_questionnaires(db: Database) -> None:
    for statement in _V6:
        db.execute(statement)
    # Keep a larger number: on a diary of a branch that had version 7 first, 0006 runs last.
    if db.execute("PRAGMA user_version").fetchone()[0] < 6:
        db.execute("PRAGMA user_version = 6")


# A team of facilitators (docs/exchange-format.md): who wrote each record and who changed it
# last. Authors are the facilitators whose work is in the diary, by the short stable id their
# preferences hold; created_by and updated_by stay NULL for what was written before.
AUTHORED_TABLES = (
    "partnerships",
    "phases",
    "organizations",
    "people",
    "objectives",
    "measurements",
    "events",
    "entries",
    "actions",
    "cycle_decisions",
    "checklist_marks",
    "feedback_reports",
    "warning_acks",
)
_AUTHORS = [
    f"""CREATE TABLE authors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        {_TIMESTAMPS}
    )""",
    *(
        f"ALTER TABLE {t} ADD COLUMN {c} TEXT"
        for t in AUTHORED_TABLES
        for c in ("created_by", "updated_by")
    ),
    # The diary's own id, made once: a partnership file says which diary it came from.
    "INSERT OR IGNORE INTO settings (key, value) VALUES ('diary_id', lower(hex(randomblob(16))))",
]


@MIGRATIONS(name="0007_authors")
def m0007_authors(db: Database) -> None:
    for statement in _AUTHORS:
        db.execute(statement)
    db.execute("PRAGMA user_version = 7")


# Version 8: a person's optional e-mail address, for calendar invitations (kumppani ical).
@MIGRATIONS(name="0008_people_email")
def m0008_people_email(db: Database) -> None:
    db.execute("ALTER TABLE people ADD COLUMN email TEXT")
    db.execute("PRAGMA user_version = 8")


# Merging a colleague's diary (app/services/merge.py). Keyed by the partnership's text id, not
# its key: a merge stores the merged partnership anew, and these outlive that.
_MERGES = [
    # When this diary last met another diary (a merge either way), per partnership.
    """CREATE TABLE merges (
        partnership_id TEXT NOT NULL,
        diary TEXT NOT NULL,
        merged_at TEXT NOT NULL,
        PRIMARY KEY (partnership_id, diary)
    )""",
    # Records deleted for good (emptied, or deleted by a merge): the deletion travels.
    """CREATE TABLE tombstones (
        partnership_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'entry', 'action')),
        id TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT,
        PRIMARY KEY (partnership_id, kind, id)
    )""",
    # A version a merge replaced (the losing side of a conflict, or a record a merge deleted),
    # as the exchange file writes the record: it can be brought back.
    """CREATE TABLE revisions (
        pk INTEGER PRIMARY KEY,
        partnership_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('event', 'entry', 'action', 'objective')),
        record_id TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('conflict', 'deleted')),
        diary TEXT,
        body TEXT NOT NULL
    )""",
    "CREATE INDEX revisions_record ON revisions(partnership_id, kind, record_id)",
]


@MIGRATIONS(name="0011_merges")
def m0011_merges(db: Database) -> None:
    for statement in _MERGES:
        db.execute(statement)
    db.execute("PRAGMA user_version = 11")


# The schema version this code writes; a diary with a higher user_version is refused.
SCHEMA_VERSION = 11
