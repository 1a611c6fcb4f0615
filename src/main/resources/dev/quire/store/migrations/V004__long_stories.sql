-- Quire library, schema 4: chapters (grouped into optional parts), the story's canon, and what is known of each
-- summary (what text it was made from, whether the writer wrote it, why the last attempt to make it failed).
-- Scenes of an existing library belong to no chapter: the binder lists them as before, and the writer groups them.

CREATE TABLE chapter (
    id                 INTEGER PRIMARY KEY,
    story_id           INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    title              TEXT    NOT NULL DEFAULT '',
    part               TEXT    NOT NULL DEFAULT '',
    summary            TEXT    NOT NULL DEFAULT '',
    summary_hash       TEXT    NOT NULL DEFAULT '',
    summary_by_writer  INTEGER NOT NULL DEFAULT 0 CHECK (summary_by_writer IN (0, 1)),
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX chapter_story ON chapter(story_id, position);

ALTER TABLE scene ADD COLUMN chapter_id INTEGER REFERENCES chapter(id) ON DELETE SET NULL;
ALTER TABLE scene ADD COLUMN summary_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE scene ADD COLUMN summary_by_writer INTEGER NOT NULL DEFAULT 0 CHECK (summary_by_writer IN (0, 1));
ALTER TABLE scene ADD COLUMN summary_failure TEXT NOT NULL DEFAULT '';
ALTER TABLE scene ADD COLUMN summary_made_at INTEGER;
CREATE INDEX scene_chapter ON scene(chapter_id);

-- every summary kept before this version was typed by the writer
UPDATE scene SET summary_by_writer = 1 WHERE summary <> '';

CREATE TABLE canon_fact (
    id          INTEGER PRIMARY KEY,
    story_id    INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    source      TEXT    NOT NULL CHECK (source IN ('WRITER', 'SCENE', 'MESSAGE')),
    source_id   INTEGER,
    created_at  INTEGER NOT NULL
);
CREATE INDEX canon_fact_story ON canon_fact(story_id, position);

-- a writer's own frame, copied from a built-in before the canon existed, gets the canon slot where the built-ins
-- now have it (after the bible), so the canon is not left out of their prompts without a word
UPDATE frame SET template = replace(template, '{{bible}}', '{{bible}}' || char(10) || char(10) || '{{canon}}')
WHERE template LIKE '%{{bible}}%' AND template NOT LIKE '%{{canon}}%';
