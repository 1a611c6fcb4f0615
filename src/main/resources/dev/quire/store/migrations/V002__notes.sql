-- Quire library, schema 2: "yes, and" notes. A shared note reaches the model; a private one never does.

CREATE TABLE note (
    id           INTEGER PRIMARY KEY,
    story_id     INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    text         TEXT    NOT NULL DEFAULT '',
    shared       INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    source_kind  TEXT    CHECK (source_kind IS NULL OR source_kind IN ('variant', 'scene', 'message')),
    source_id    INTEGER,
    created_at   INTEGER NOT NULL
);
CREATE INDEX note_story ON note(story_id, id);
