package dev.quire.store;

import java.util.List;
import java.util.Optional;

/** Spell check's per-story state: the words the writer added to the story's dictionary, and its language. */
public final class DictionaryRepository {

    private final Database db;

    public DictionaryRepository(Database db) {
        this.db = db;
    }

    /** The story's added words, in the order they were added. */
    public List<String> words(long storyId) {
        return db.read("read the story's dictionary", c -> Statements.query(c,
                "SELECT word FROM story_word WHERE story_id = ? ORDER BY added_at, word", rs -> rs.getString(1),
                storyId));
    }

    /** Adds a word; adding one that is there already changes nothing. */
    public void add(long storyId, String word) {
        db.write("add “" + word + "” to the story's dictionary", c -> Statements.update(c,
                "INSERT INTO story_word (story_id, word, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                storyId, word, Columns.now()));
    }

    public void remove(long storyId, String word) {
        db.write("take “" + word + "” out of the story's dictionary", c -> Statements.update(c,
                "DELETE FROM story_word WHERE story_id = ? AND word = ?", storyId, word));
    }

    /** The language the story is checked in ("en-GB"), when the writer chose one. */
    public Optional<String> language(long storyId) {
        return db.read("read the story's spelling language", c -> Statements.one(c,
                "SELECT language FROM story_spelling WHERE story_id = ?", rs -> rs.getString(1), storyId));
    }

    public void setLanguage(long storyId, String language) {
        db.write("save the story's spelling language", c -> Statements.update(c, """
                INSERT INTO story_spelling (story_id, language) VALUES (?, ?)
                ON CONFLICT(story_id) DO UPDATE SET language = excluded.language""", storyId, language));
    }
}
