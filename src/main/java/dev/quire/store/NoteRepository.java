package dev.quire.store;

import dev.quire.model.Note;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The writer's "yes, and" notes, per story. */
public final class NoteRepository {

    private final Database db;

    public NoteRepository(Database db) {
        this.db = db;
    }

    /** Every note of the story, oldest first. */
    public List<Note> list(long storyId) {
        return query("list the notes", "SELECT * FROM note WHERE story_id = ? ORDER BY id", storyId);
    }

    /** The notes the writer chose to send to the model, oldest first. */
    public List<Note> shared(long storyId) {
        return query("list the shared notes", "SELECT * FROM note WHERE story_id = ? AND shared = 1 ORDER BY id",
                storyId);
    }

    public Optional<Note> get(long id) {
        return db.read("load the note", c -> get(c, id));
    }

    public Note add(Note note) {
        return db.write("save the note", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO note (story_id, text, shared, source_kind, source_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, note.storyId());
                ps.setString(2, note.text());
                ps.setInt(3, note.shared() ? 1 : 0);
                ps.setString(4, note.sourceKind());
                Columns.setNullable(ps, 5, note.sourceId());
                ps.setLong(6, Columns.now());
                ps.executeUpdate();
            }
            StoryRepository.touch(c, note.storyId());
            return get(c, Columns.lastId(c)).orElseThrow();
        });
    }

    public void setShared(long id, boolean shared) {
        update("change whether the note is shared", "UPDATE note SET shared = ? WHERE id = ?", shared ? 1 : 0, id);
    }

    public void setText(long id, String text) {
        db.write("save the note", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE note SET text = ? WHERE id = ?")) {
                ps.setString(1, text);
                ps.setLong(2, id);
                requireOne(ps.executeUpdate(), id);
            }
            return null;
        });
    }

    public void delete(long id) {
        db.write("delete the note", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM note WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void update(String action, String sql, int value, long id) {
        db.write(action, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, value);
                ps.setLong(2, id);
                requireOne(ps.executeUpdate(), id);
            }
            return null;
        });
    }

    private static void requireOne(int updated, long id) {
        if (updated != 1) {
            throw new PersistenceException("The note " + id + " is no longer in the library; it may have been"
                    + " deleted.");
        }
    }

    private List<Note> query(String action, String sql, long storyId) {
        return db.read(action, c -> {
            List<Note> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(note(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<Note> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM note WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(note(rs)) : Optional.empty();
            }
        }
    }

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(rs.getLong("id"), rs.getLong("story_id"), rs.getString("text"), rs.getInt("shared") == 1,
                rs.getString("source_kind"), Columns.nullableLong(rs, "source_id"), Columns.instant(rs, "created_at"));
    }
}
