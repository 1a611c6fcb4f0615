-- Quire library: spell check. The words the writer added to a story's dictionary (names the story's sheets and
-- lore already give count as known without being stored here), and the language a story is checked in.
CREATE TABLE story_word (
    story_id   INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,
    word       TEXT    NOT NULL,
    added_at   INTEGER NOT NULL,
    PRIMARY KEY (story_id, word)
);
CREATE TABLE story_spelling (
    story_id   INTEGER PRIMARY KEY REFERENCES story(id) ON DELETE CASCADE,
    language   TEXT    NOT NULL
);
