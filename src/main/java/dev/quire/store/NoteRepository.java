package dev.quire.store;

import dev.quire.model.Note;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return db.read("list the notes", c -> Statements.query(c,
                "SELECT * FROM note WHERE story_id = ? ORDER BY id", NoteRepository::note, storyId));
    }

    /** The notes the writer chose to send to the model, oldest first. */
    public List<Note> shared(long storyId) {
        return db.read("list the shared notes", c -> Statements.query(c,
                "SELECT * FROM note WHERE story_id = ? AND shared = 1 ORDER BY id", NoteRepository::note, storyId));
    }

    public Optional<Note> get(long id) {
        return db.read("load the note", c -> get(c, id));
    }

    public Note add(Note note) {
        return db.write("save the note", c -> {
            long id = Statements.insert(c, """
                    INSERT INTO note (story_id, text, shared, source_kind, source_id, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    note.storyId(), note.text(), note.shared(), note.sourceKind(), note.sourceId(), Columns.now());
            StoryRepository.touch(c, note.storyId());
            return get(c, id).orElseThrow();
        });
    }

    public void setShared(long id, boolean shared) {
        db.write("change whether the note is shared", c -> {
            requireOne(Statements.update(c, "UPDATE note SET shared = ? WHERE id = ?", shared, id), id);
            return null;
        });
    }

    public void setText(long id, String text) {
        db.write("save the note", c -> {
            requireOne(Statements.update(c, "UPDATE note SET text = ? WHERE id = ?", text, id), id);
            return null;
        });
    }

    public void delete(long id) {
        db.write("delete the note", c -> Statements.update(c, "DELETE FROM note WHERE id = ?", id));
    }

    private static void requireOne(int updated, long id) {
        if (updated != 1) {
            throw new PersistenceException("The note " + id + " is no longer in the library; it may have been"
                    + " deleted.");
        }
    }

    private static Optional<Note> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM note WHERE id = ?", NoteRepository::note, id);
    }

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(rs.getLong("id"), rs.getLong("story_id"), rs.getString("text"), rs.getInt("shared") == 1,
                rs.getString("source_kind"), Columns.nullableLong(rs, "source_id"), Columns.instant(rs, "created_at"));
    }
}
