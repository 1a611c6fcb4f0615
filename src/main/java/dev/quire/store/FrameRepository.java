package dev.quire.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Frames the writer duplicated and edited (the {@code frame} table). Built-in frames ship as resources and are
 * never stored, so they stay restorable whatever happens here.
 */
public final class FrameRepository {

    /**
     * One stored frame.
     *
     * @param storyId null for a frame every story can use
     * @param kind    the built-in kind it is for (co-writer, analyst, scene, continue, rewrite, critique, summary)
     * @param basedOn the key of the frame it was duplicated from, or null
     */
    public record StoredFrame(long id, Long storyId, String kind, String name, String template, String basedOn) {
    }

    private final Database db;

    public FrameRepository(Database db) {
        this.db = db;
    }

    /** The story's own frames and the library-wide ones, in the order they were made. */
    public List<StoredFrame> list(long storyId) {
        return db.read("load the frames", c -> Statements.query(c,
                "SELECT * FROM frame WHERE story_id IS NULL OR story_id = ? ORDER BY id", FrameRepository::frame,
                storyId));
    }

    public Optional<StoredFrame> get(long id) {
        return db.read("load the frame", c -> get(c, id));
    }

    private static Optional<StoredFrame> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM frame WHERE id = ?", FrameRepository::frame, id);
    }

    public StoredFrame create(StoredFrame frame) {
        return db.write("save the frame \"" + frame.name() + "\"", c -> {
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO frame (story_id, kind, name, template, based_on, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    frame.storyId(), frame.kind(), frame.name(), frame.template(), frame.basedOn(), now, now);
            return get(c, id).orElseThrow();
        });
    }

    /** Saves a frame's name and template. */
    public void update(StoredFrame frame) {
        db.write("save the frame \"" + frame.name() + "\"", c -> {
            if (Statements.update(c, "UPDATE frame SET name = ?, template = ?, updated_at = ? WHERE id = ?",
                    frame.name(), frame.template(), Columns.now(), frame.id()) != 1) {
                throw new PersistenceException("The frame \"" + frame.name()
                        + "\" is no longer in the library; it may have been deleted.");
            }
            return null;
        });
    }

    public void delete(long id) {
        db.write("delete the frame", c -> Statements.update(c, "DELETE FROM frame WHERE id = ?", id));
    }

    private static StoredFrame frame(ResultSet rs) throws SQLException {
        return new StoredFrame(rs.getLong("id"), Columns.nullableLong(rs, "story_id"), rs.getString("kind"),
                rs.getString("name"), rs.getString("template"), rs.getString("based_on"));
    }
}
