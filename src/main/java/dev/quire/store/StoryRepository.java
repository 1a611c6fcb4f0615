package dev.quire.store;

import dev.quire.model.Story;
import dev.quire.model.StorySummary;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Stories and their bibles. Deleting a story deletes everything in it. */
public final class StoryRepository {

    private final Database db;

    public StoryRepository(Database db) {
        this.db = db;
    }

    public Story create(Story story) {
        return db.write("create the story \"" + story.title() + "\"", c -> {
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO story (title, premise, style_guide, about_writer, avoid_list, notes, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    story.title(), story.premise(), story.styleGuide(), story.aboutWriter(),
                    Columns.strings(story.avoidList()), story.notes(), now, now);
            return get(c, id).orElseThrow();
        });
    }

    public Optional<Story> get(long id) {
        return db.read("load a story", c -> get(c, id));
    }

    private static Optional<Story> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM story WHERE id = ?", StoryRepository::story, id);
    }

    private static Story story(ResultSet rs) throws SQLException {
        return new Story(rs.getLong("id"), rs.getString("title"), rs.getString("premise"),
                rs.getString("style_guide"), rs.getString("about_writer"),
                Columns.strings(rs.getString("avoid_list")), rs.getString("notes"),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
    }

    /** The library's stories, most recently changed first, with scene and word totals. */
    public List<StorySummary> list() {
        return db.read("list the stories", c -> Statements.query(c, """
                SELECT s.id, s.title, s.premise, s.updated_at,
                       (SELECT count(*) FROM scene WHERE story_id = s.id) AS scenes,
                       (SELECT coalesce(sum(word_count), 0) FROM scene WHERE story_id = s.id) AS words
                FROM story s ORDER BY s.updated_at DESC, s.id DESC""",
                rs -> new StorySummary(rs.getLong("id"), rs.getString("title"), rs.getString("premise"),
                        rs.getInt("scenes"), rs.getInt("words"), Columns.instant(rs, "updated_at"))));
    }

    /** Saves title, bible and notes. */
    public void update(Story story) {
        db.write("save the story \"" + story.title() + "\"", c -> {
            requireOne(Statements.update(c, """
                    UPDATE story SET title = ?, premise = ?, style_guide = ?, about_writer = ?, avoid_list = ?,
                                     notes = ?, updated_at = ?
                    WHERE id = ?""",
                    story.title(), story.premise(), story.styleGuide(), story.aboutWriter(),
                    Columns.strings(story.avoidList()), story.notes(), Columns.now(), story.id()), story.id());
            return null;
        });
    }

    public void rename(long id, String title) {
        db.write("rename the story", c -> {
            requireOne(Statements.update(c, "UPDATE story SET title = ?, updated_at = ? WHERE id = ?",
                    title, Columns.now(), id), id);
            return null;
        });
    }

    /** Deletes the story with its scenes, characters, lore, conversations and generations. */
    public void delete(long id) {
        db.write("delete the story", c -> {
            Statements.update(c, "DELETE FROM story WHERE id = ?", id);
            SearchIndex.forgetMissing(c); // its scenes went with it; the index is not tied to them by a key
            return null;
        });
    }

    /** Marks the story as changed now, so the library lists it first. */
    static void touch(Connection c, long storyId) throws SQLException {
        Statements.update(c, "UPDATE story SET updated_at = ? WHERE id = ?", Columns.now(), storyId);
    }

    private static void requireOne(int rows, long id) {
        if (rows != 1) {
            throw new PersistenceException("Story " + id + " is no longer in the library; it may have been deleted.");
        }
    }
}
