package dev.quire.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        return db.read("load the frames", c -> {
            List<StoredFrame> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM frame WHERE story_id IS NULL OR story_id = ? ORDER BY id")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(frame(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<StoredFrame> get(long id) {
        return db.read("load the frame", c -> get(c, id));
    }

    private static Optional<StoredFrame> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM frame WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(frame(rs)) : Optional.empty();
            }
        }
    }

    public StoredFrame create(StoredFrame frame) {
        return db.write("save the frame \"" + frame.name() + "\"", c -> {
            long now = Columns.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO frame (story_id, kind, name, template, based_on, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                if (frame.storyId() == null) {
                    ps.setNull(1, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(1, frame.storyId());
                }
                ps.setString(2, frame.kind());
                ps.setString(3, frame.name());
                ps.setString(4, frame.template());
                ps.setString(5, frame.basedOn());
                ps.setLong(6, now);
                ps.setLong(7, now);
                ps.executeUpdate();
            }
            return get(c, Columns.lastId(c)).orElseThrow();
        });
    }

    /** Saves a frame's name and template. */
    public void update(StoredFrame frame) {
        db.write("save the frame \"" + frame.name() + "\"", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE frame SET name = ?, template = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, frame.name());
                ps.setString(2, frame.template());
                ps.setLong(3, Columns.now());
                ps.setLong(4, frame.id());
                if (ps.executeUpdate() != 1) {
                    throw new PersistenceException("The frame \"" + frame.name()
                            + "\" is no longer in the library; it may have been deleted.");
                }
            }
            return null;
        });
    }

    public void delete(long id) {
        db.write("delete the frame", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM frame WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static StoredFrame frame(ResultSet rs) throws SQLException {
        long story = rs.getLong("story_id");
        Long storyId = rs.wasNull() ? null : story;
        return new StoredFrame(rs.getLong("id"), storyId, rs.getString("kind"), rs.getString("name"),
                rs.getString("template"), rs.getString("based_on"));
    }
}
