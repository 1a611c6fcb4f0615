package dev.quire.store;

import dev.quire.model.CanonFact;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A story's canon: the facts the writer has established, in the order they were added. */
public final class CanonRepository {

    private final Database db;

    public CanonRepository(Database db) {
        this.db = db;
    }

    public List<CanonFact> list(long storyId) {
        return db.read("load the canon", c -> Statements.query(c,
                "SELECT * FROM canon_fact WHERE story_id = ? ORDER BY position, id", CanonRepository::fact, storyId));
    }

    public Optional<CanonFact> get(long id) {
        return db.read("load the canon fact", c -> get(c, id));
    }

    private static Optional<CanonFact> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM canon_fact WHERE id = ?", CanonRepository::fact, id);
    }

    private static CanonFact fact(ResultSet rs) throws SQLException {
        return new CanonFact(rs.getLong("id"), rs.getLong("story_id"), rs.getString("text"),
                CanonFact.Source.valueOf(rs.getString("source")), Columns.nullableLong(rs, "source_id"),
                Columns.instant(rs, "created_at"));
    }

    /** Adds a fact at the end of the canon. */
    public CanonFact add(CanonFact fact) {
        if (fact.text().isBlank()) {
            throw new IllegalArgumentException("A canon fact needs some text: say what is true in the story.");
        }
        return db.write("add to the canon", c -> {
            long id = Statements.insert(c, """
                    INSERT INTO canon_fact (story_id, position, text, source, source_id, created_at)
                    VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM canon_fact WHERE story_id = ?), ?, ?, ?, ?)""",
                    fact.storyId(), fact.storyId(), fact.text().strip(), fact.source().name(), fact.sourceId(),
                    Columns.now());
            StoryRepository.touch(c, fact.storyId());
            return get(c, id).orElseThrow();
        });
    }

    /** Changes a fact's words; its source stays. */
    public void edit(long id, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A canon fact needs some text; remove it instead.");
        }
        db.write("change the canon fact", c -> {
            if (Statements.update(c, "UPDATE canon_fact SET text = ? WHERE id = ?", text.strip(), id) != 1) {
                throw new PersistenceException("Canon fact " + id + " is no longer in the library.");
            }
            return null;
        });
    }

    /** Removes a fact; false when there was none with that id. */
    public boolean remove(long id) {
        return db.write("remove the canon fact", c -> Statements.update(c, "DELETE FROM canon_fact WHERE id = ?", id) == 1);
    }
}
