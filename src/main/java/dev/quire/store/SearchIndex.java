package dev.quire.store;

import dev.quire.model.SearchQuery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * The scenes of the story that may hold matches for {@code query}, in story order: those with a paragraph that
     * contains its literal text when the index can look that up, else every scene (a regular expression, a short
     * text, or one that spans paragraphs).
     */
    public List<Candidate> candidates(long storyId, SearchQuery query) {
        String literal = query.indexable();
        boolean indexed = !literal.isEmpty() && literal.indexOf('\n') < 0;
        return db.read("search the story", c -> !indexed
                ? Statements.query(c, "SELECT id, position, title, text FROM scene WHERE story_id = ? ORDER BY position",
                        rs -> new Candidate(rs.getLong(1), rs.getInt(2) + 1, rs.getString(3), rs.getString(4)),
                        storyId)
                : Statements.query(c, """
                        SELECT s.id, s.position, s.title, s.text FROM scene s
                        WHERE s.story_id = ? AND s.id IN (SELECT rowid >> %d FROM scene_search WHERE scene_search MATCH ?)
                        ORDER BY s.position""".formatted(SHIFT),
                        rs -> new Candidate(rs.getLong(1), rs.getInt(2) + 1, rs.getString(3), rs.getString(4)),
                        storyId, phrase(literal)));
    }

    /** The text as one FTS5 phrase: quoted, its own quotes doubled, so nothing in it is query syntax. */
    static String phrase(String literal) {
        return "\"" + literal.replace("\"", "\"\"") + "\"";
    }

    /**
     * The index holds a scene a paragraph a row, under the rowid {@code sceneId << SHIFT | paragraph}, so a save
     * re-indexes only the paragraphs that changed: typing in a 10,000-word scene touches one short row.
     */
    static final int SHIFT = 20;
    private static final long PARAGRAPHS = 1L << SHIFT;

    /** Puts the scene's current text in the index in place of what was there, writing only changed paragraphs. */
    static void put(Connection c, long sceneId, String text) throws SQLException {
        String[] paragraphs = text.split("\n", -1);
        if (paragraphs.length >= PARAGRAPHS) {
            // no writer's scene has a million paragraphs; such text is still searched, by scanning
            remove(c, sceneId);
            return;
        }
        long first = sceneId << SHIFT;
        Map<Long, String> indexed = new HashMap<>();
        for (Object[] row : Statements.query(c, "SELECT rowid, text FROM scene_search WHERE rowid BETWEEN ? AND ?",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)}, first, first + PARAGRAPHS - 1)) {
            indexed.put((Long) row[0], (String) row[1]);
        }
        List<Object[]> changed = new ArrayList<>();
        for (int i = 0; i < paragraphs.length; i++) {
            String was = indexed.remove(first + i);
            if (!paragraphs[i].equals(was)) {
                if (was != null) {
                    Statements.update(c, "DELETE FROM scene_search WHERE rowid = ?", first + i);
                }
                changed.add(new Object[] {first + i, paragraphs[i]});
            }
        }
        if (!indexed.isEmpty()) {
            Statements.update(c, "DELETE FROM scene_search WHERE rowid BETWEEN ? AND ?", first + paragraphs.length,
                    first + PARAGRAPHS - 1);
        }
        Statements.batch(c, "INSERT INTO scene_search (rowid, text) VALUES (?, ?)", changed);
    }

    static void remove(Connection c, long sceneId) throws SQLException {
        Statements.update(c, "DELETE FROM scene_search WHERE rowid BETWEEN ? AND ?", sceneId << SHIFT,
                (sceneId << SHIFT) + PARAGRAPHS - 1);
    }

    /** Forgets the paragraphs of scenes that are gone. */
    static void forgetMissing(Connection c) throws SQLException {
        Statements.update(c, "DELETE FROM scene_search WHERE (rowid >> %d) NOT IN (SELECT id FROM scene)"
                .formatted(SHIFT));
    }

    /** Indexes every scene the index does not hold yet, and forgets scenes that are gone. */
    static void build(Connection c) throws SQLException {
        forgetMissing(c);
        List<Object[]> scenes = Statements.query(c, "SELECT id, text FROM scene WHERE id NOT IN"
                + " (SELECT DISTINCT rowid >> %d FROM scene_search)".formatted(SHIFT),
                rs -> new Object[] {rs.getLong(1), rs.getString(2)});
        for (Object[] scene : scenes) {
            put(c, (Long) scene[0], (String) scene[1]);
        }
    }
}
