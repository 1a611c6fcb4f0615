package dev.quire.store;

import dev.quire.model.SearchQuery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The story-wide search index: each scene's text in an FTS5 table under the scene's id, kept current by the
 * transaction that changes the scene. It narrows a search to the scenes that can match; the exact matches are
 * found by {@link SearchQuery}.
 */
public final class SearchIndex {

    private final Database db;

    public SearchIndex(Database db) {
        this.db = db;
    }

    /** A scene that may hold matches: its id, its number in story order (from 1), its title and its text. */
    public record Candidate(long sceneId, int number, String title, String text) {
    }

    /**
     * The scenes of the story that may hold matches for {@code query}, in story order: those whose text contains
     * its literal text when the index can look that up, else every scene (a regular expression, a short text).
     */
    public List<Candidate> candidates(long storyId, SearchQuery query) {
        String literal = query.indexable();
        return db.read("search the story", c -> literal.isEmpty()
                ? Statements.query(c, "SELECT id, position, title, text FROM scene WHERE story_id = ? ORDER BY position",
                        rs -> new Candidate(rs.getLong(1), rs.getInt(2) + 1, rs.getString(3), rs.getString(4)),
                        storyId)
                : Statements.query(c, """
                        SELECT s.id, s.position, s.title, s.text FROM scene_search f JOIN scene s ON s.id = f.rowid
                        WHERE scene_search MATCH ? AND s.story_id = ? ORDER BY s.position""",
                        rs -> new Candidate(rs.getLong(1), rs.getInt(2) + 1, rs.getString(3), rs.getString(4)),
                        phrase(literal), storyId));
    }

    /** The text as one FTS5 phrase: quoted, its own quotes doubled, so nothing in it is query syntax. */
    static String phrase(String literal) {
        return "\"" + literal.replace("\"", "\"\"") + "\"";
    }

    /** Puts the scene's current text in the index, in place of what was there. */
    static void put(Connection c, long sceneId, String text) throws SQLException {
        Statements.update(c, "DELETE FROM scene_search WHERE rowid = ?", sceneId);
        Statements.update(c, "INSERT INTO scene_search (rowid, text) VALUES (?, ?)", sceneId, text);
    }

    static void remove(Connection c, long sceneId) throws SQLException {
        Statements.update(c, "DELETE FROM scene_search WHERE rowid = ?", sceneId);
    }

    /** Indexes every scene the index does not hold yet, and forgets scenes that are gone. */
    static void build(Connection c) throws SQLException {
        Statements.update(c, "DELETE FROM scene_search WHERE rowid NOT IN (SELECT id FROM scene)");
        Statements.update(c, """
                INSERT INTO scene_search (rowid, text)
                SELECT id, text FROM scene WHERE id NOT IN (SELECT rowid FROM scene_search)""");
    }
}
