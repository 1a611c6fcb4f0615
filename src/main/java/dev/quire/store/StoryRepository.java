package dev.quire.store;

import dev.quire.model.Story;
import dev.quire.model.StorySummary;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO story (title, premise, style_guide, about_writer, avoid_list, notes, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, story.title());
                ps.setString(2, story.premise());
                ps.setString(3, story.styleGuide());
                ps.setString(4, story.aboutWriter());
                ps.setString(5, Columns.strings(story.avoidList()));
                ps.setString(6, story.notes());
                ps.setLong(7, now);
                ps.setLong(8, now);
                ps.executeUpdate();
            }
            return get(c, Columns.lastId(c)).orElseThrow();
        });
    }

    public Optional<Story> get(long id) {
        return db.read("load a story", c -> get(c, id));
    }

    private static Optional<Story> get(java.sql.Connection c, long id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM story WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Story(rs.getLong("id"), rs.getString("title"), rs.getString("premise"),
                        rs.getString("style_guide"), rs.getString("about_writer"),
                        Columns.strings(rs.getString("avoid_list")), rs.getString("notes"),
                        Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at")));
            }
        }
    }

    /** The library's stories, most recently changed first, with scene and word totals. */
    public List<StorySummary> list() {
        return db.read("list the stories", c -> {
            List<StorySummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id, s.title, s.premise, s.updated_at,
                           (SELECT count(*) FROM scene WHERE story_id = s.id) AS scenes,
                           (SELECT coalesce(sum(word_count), 0) FROM scene WHERE story_id = s.id) AS words
                    FROM story s ORDER BY s.updated_at DESC, s.id DESC""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StorySummary(rs.getLong("id"), rs.getString("title"), rs.getString("premise"),
                            rs.getInt("scenes"),
                            rs.getInt("words"), Columns.instant(rs, "updated_at")));
                }
            }
            return out;
        });
    }

    /** Saves title, bible and notes. */
    public void update(Story story) {
        db.write("save the story \"" + story.title() + "\"", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE story SET title = ?, premise = ?, style_guide = ?, about_writer = ?, avoid_list = ?,
                                     notes = ?, updated_at = ?
                    WHERE id = ?""")) {
                ps.setString(1, story.title());
                ps.setString(2, story.premise());
                ps.setString(3, story.styleGuide());
                ps.setString(4, story.aboutWriter());
                ps.setString(5, Columns.strings(story.avoidList()));
                ps.setString(6, story.notes());
                ps.setLong(7, Columns.now());
                ps.setLong(8, story.id());
                requireOne(ps.executeUpdate(), story.id());
            }
            return null;
        });
    }

    public void rename(long id, String title) {
        db.write("rename the story", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET title = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, title);
                ps.setLong(2, Columns.now());
                ps.setLong(3, id);
                requireOne(ps.executeUpdate(), id);
            }
            return null;
        });
    }

    /** Deletes the story with its scenes, characters, lore, conversations and generations. */
    public void delete(long id) {
        db.write("delete the story", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM story WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Marks the story as changed now, so the library lists it first. */
    static void touch(java.sql.Connection c, long storyId) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET updated_at = ? WHERE id = ?")) {
            ps.setLong(1, Columns.now());
            ps.setLong(2, storyId);
            ps.executeUpdate();
        }
    }

    private static void requireOne(int rows, long id) {
        if (rows != 1) {
            throw new PersistenceException("Story " + id + " is no longer in the library; it may have been deleted.");
        }
    }
}
