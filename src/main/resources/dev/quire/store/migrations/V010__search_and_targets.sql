-- Quire library: story-wide search, replace across a story, and word targets.
-- scene_search holds each scene's text a paragraph a row, under the rowid (scene id << 20 | paragraph index), so
-- a save re-indexes only the paragraphs it changed. The trigram tokenizer finds any run of three or more
-- characters, case-insensitively, so it narrows plain, whole-word and case-matched searches alike (the exact match
-- is confirmed outside SQL). It is kept current by the same transaction that saves a scene.
CREATE VIRTUAL TABLE scene_search USING fts5(text, tokenize = 'trigram');

-- What each scene's words are made of now, by source, so a save adds only its difference to the day's count.
CREATE TABLE scene_words (
    scene_id  INTEGER PRIMARY KEY REFERENCES scene(id) ON DELETE CASCADE,
    writer    INTEGER NOT NULL DEFAULT 0,
    model     INTEGER NOT NULL DEFAULT 0,
    other     INTEGER NOT NULL DEFAULT 0
);

-- Words written per story and day (local date, YYYY-MM-DD), net of cuts: the writer's, the model's, and text of
-- unknown origin (pasted).
CREATE TABLE words_written (
    story_id  INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    day       TEXT    NOT NULL,
    writer    INTEGER NOT NULL DEFAULT 0,
    model     INTEGER NOT NULL DEFAULT 0,
    other     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (story_id, day)
);

-- A replace across a story: what was replaced with what, and for each scene it changed the revisions of its text
-- just before and just after, so the whole replace can be undone as one step.
CREATE TABLE story_replace (
    id           INTEGER PRIMARY KEY,
    story_id     INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    find         TEXT    NOT NULL,
    replacement  TEXT    NOT NULL,
    changes      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    undone_at    INTEGER
);
CREATE TABLE story_replace_scene (
    replace_id       INTEGER NOT NULL REFERENCES story_replace(id) ON DELETE CASCADE,
    scene_id         INTEGER NOT NULL REFERENCES scene(id) ON DELETE CASCADE,
    before_revision  INTEGER NOT NULL REFERENCES scene_revision(id) ON DELETE CASCADE,
    after_revision   INTEGER NOT NULL REFERENCES scene_revision(id) ON DELETE CASCADE,
    PRIMARY KEY (replace_id, scene_id)
);
