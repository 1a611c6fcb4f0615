-- Quire library, schema 1: the whole product's data model.
-- Times are epoch milliseconds (UTC). JSON columns hold arrays written by the store.

CREATE TABLE story (
    id            INTEGER PRIMARY KEY,
    title         TEXT    NOT NULL,
    premise       TEXT    NOT NULL DEFAULT '',
    style_guide   TEXT    NOT NULL DEFAULT '',
    about_writer  TEXT    NOT NULL DEFAULT '',
    avoid_list    TEXT    NOT NULL DEFAULT '[]',
    notes         TEXT    NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE character (
    id             INTEGER PRIMARY KEY,
    story_id       INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    aliases        TEXT    NOT NULL DEFAULT '[]',
    role           TEXT    NOT NULL DEFAULT '',
    appearance     TEXT    NOT NULL DEFAULT '',
    personality    TEXT    NOT NULL DEFAULT '',
    psychology     TEXT    NOT NULL DEFAULT '',
    backstory      TEXT    NOT NULL DEFAULT '',
    desires        TEXT    NOT NULL DEFAULT '',
    fears          TEXT    NOT NULL DEFAULT '',
    voice          TEXT    NOT NULL DEFAULT '',
    relationships  TEXT    NOT NULL DEFAULT '',
    interests      TEXT    NOT NULL DEFAULT '',
    private_notes  TEXT    NOT NULL DEFAULT '',
    played_by      TEXT    NOT NULL DEFAULT 'MODEL' CHECK (played_by IN ('MODEL', 'WRITER')),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX character_story ON character(story_id, position);

CREATE TABLE lore_entry (
    id          INTEGER PRIMARY KEY,
    story_id    INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    keywords    TEXT    NOT NULL DEFAULT '[]',
    content     TEXT    NOT NULL DEFAULT '',
    always_on   INTEGER NOT NULL DEFAULT 0 CHECK (always_on IN (0, 1)),
    enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX lore_entry_story ON lore_entry(story_id, position);

CREATE TABLE scene (
    id                INTEGER PRIMARY KEY,
    story_id          INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    title             TEXT    NOT NULL DEFAULT '',
    text              TEXT    NOT NULL DEFAULT '',
    spans             TEXT    NOT NULL DEFAULT '[]',
    word_count        INTEGER NOT NULL DEFAULT 0,
    summary           TEXT    NOT NULL DEFAULT '',
    pov_character_id  INTEGER REFERENCES character(id) ON DELETE SET NULL,
    pinned            INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX scene_story ON scene(story_id, position);

CREATE TABLE scene_character (
    scene_id      INTEGER NOT NULL REFERENCES scene(id) ON DELETE CASCADE,
    character_id  INTEGER NOT NULL REFERENCES character(id) ON DELETE CASCADE,
    PRIMARY KEY (scene_id, character_id)
) WITHOUT ROWID;
CREATE INDEX scene_character_character ON scene_character(character_id);

CREATE TABLE scene_revision (
    id          INTEGER PRIMARY KEY,
    scene_id    INTEGER NOT NULL REFERENCES scene(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('AUTOSAVE', 'ACCEPT', 'BEFORE_RESTORE', 'IMPORT')),
    text        TEXT    NOT NULL,
    spans       TEXT    NOT NULL DEFAULT '[]',
    word_count  INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL
);
CREATE INDEX scene_revision_scene ON scene_revision(scene_id, created_at);

CREATE TABLE conversation (
    id          INTEGER PRIMARY KEY,
    story_id    INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    scene_id    INTEGER REFERENCES scene(id) ON DELETE SET NULL,
    title       TEXT    NOT NULL DEFAULT '',
    frame       TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX conversation_story ON conversation(story_id);

CREATE TABLE generation (
    id                      INTEGER PRIMARY KEY,
    story_id                INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    scene_id                INTEGER REFERENCES scene(id) ON DELETE SET NULL,
    conversation_id         INTEGER REFERENCES conversation(id) ON DELETE SET NULL,
    frame                   TEXT    NOT NULL DEFAULT '',
    provider                TEXT    NOT NULL,
    model                   TEXT    NOT NULL,
    messages                TEXT    NOT NULL,
    parameters              TEXT    NOT NULL DEFAULT '{}',
    seed                    INTEGER,
    variant_count           INTEGER NOT NULL DEFAULT 1,
    estimated_input_tokens  INTEGER,
    input_tokens            INTEGER,
    output_tokens           INTEGER,
    cached_input_tokens     INTEGER,
    started_at              INTEGER NOT NULL,
    finished_at             INTEGER,
    status                  TEXT    NOT NULL
        CHECK (status IN ('PENDING', 'STREAMING', 'COMPLETE', 'PARTIAL', 'CANCELLED', 'FAILED')),
    error                   TEXT
);
CREATE INDEX generation_story ON generation(story_id);
CREATE INDEX generation_scene ON generation(scene_id);

CREATE TABLE variant (
    id             INTEGER PRIMARY KEY,
    generation_id  INTEGER NOT NULL REFERENCES generation(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    text           TEXT    NOT NULL DEFAULT '',
    status         TEXT    NOT NULL
        CHECK (status IN ('STREAMING', 'COMPLETE', 'CANCELLED', 'FAILED', 'INCOMPLETE')),
    stop_reason    TEXT,
    error          TEXT,
    rating         INTEGER,
    note           TEXT    NOT NULL DEFAULT '',
    UNIQUE (generation_id, idx)
);

CREATE TABLE message (
    id               INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
    parent_id        INTEGER REFERENCES message(id) ON DELETE CASCADE,
    role             TEXT    NOT NULL CHECK (role IN ('SYSTEM', 'USER', 'ASSISTANT')),
    text             TEXT    NOT NULL DEFAULT '',
    generation_id    INTEGER REFERENCES generation(id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL
);
CREATE INDEX message_conversation ON message(conversation_id, id);
CREATE INDEX message_parent ON message(parent_id);

CREATE TABLE character_fact (
    id                 INTEGER PRIMARY KEY,
    character_id       INTEGER NOT NULL REFERENCES character(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    text               TEXT    NOT NULL,
    source_message_id  INTEGER REFERENCES message(id) ON DELETE SET NULL,
    created_at         INTEGER NOT NULL
);
CREATE INDEX character_fact_character ON character_fact(character_id, position);

-- Frames the writer duplicated and edited; built-in frames ship as resources.
CREATE TABLE frame (
    id          INTEGER PRIMARY KEY,
    story_id    INTEGER REFERENCES story(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    template    TEXT    NOT NULL,
    based_on    TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

-- Provider settings. API keys are never stored here.
CREATE TABLE provider (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL UNIQUE,
    kind           TEXT    NOT NULL,
    base_url       TEXT    NOT NULL,
    default_model  TEXT    NOT NULL DEFAULT '',
    settings       TEXT    NOT NULL DEFAULT '{}'
);

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
