package dev.quire.store;

import dev.quire.model.ContentHash;
import dev.quire.model.SummaryState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of each scene's summary besides its text: what it was made from, whether the writer wrote it, and
 * why the last attempt to make it failed. Staleness is worked out from the scene's text as it is now, so a change
 * made anywhere, even to the library file directly, shows.
 */
public final class SummaryRepository {

    /** A scene's summary as it stands, with whether it still describes the scene's text. */
    public record SceneSummary(long sceneId, int position, String title, String summary, SummaryState state,
                               boolean stale, int words) {
        public boolean missing() {
            return summary.isBlank();
        }
    }

    private final Database db;

    public SummaryRepository(Database db) {
        this.db = db;
    }

    private static final String COLUMNS = """
            SELECT id, position, title, summary, summary_hash, summary_by_writer, summary_failure, summary_made_at,
                   text, word_count
            FROM scene""";

    /** Every scene of the story in order, with its summary and whether it is stale. */
    public List<SceneSummary> list(long storyId) {
        return db.read("load the summaries", c -> Statements.query(c,
                COLUMNS + " WHERE story_id = ? ORDER BY position", SummaryRepository::summary, storyId));
    }

    /** One scene's summary; its text alone is read and hashed, not the story's. */
    public Optional<SceneSummary> get(long sceneId) {
        return db.read("load the summary", c -> Statements.one(c, COLUMNS + " WHERE id = ?",
                SummaryRepository::summary, sceneId));
    }

    private static SceneSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        SummaryState state = new SummaryState(rs.getString("summary_hash"), rs.getInt("summary_by_writer") != 0,
                rs.getString("summary_failure"), Columns.instant(rs, "summary_made_at"));
        String summary = rs.getString("summary");
        return new SceneSummary(rs.getLong("id"), rs.getInt("position"), rs.getString("title"), summary, state,
                !summary.isBlank() && state.isStaleFor(rs.getString("text")), rs.getInt("word_count"));
    }

    /** The ids of the story's scenes whose summary no longer describes their text. */
    public java.util.Set<Long> stale(long storyId) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (SceneSummary s : list(storyId)) {
            if (s.stale()) {
                out.add(s.sceneId());
            }
        }
        return out;
    }

    /**
     * Keeps a summary the model made from {@code sourceText}, unless the scene's text changed meanwhile (then it
     * is kept but shows stale at once). Returns false when the scene is gone.
     */
    public boolean saveMade(long sceneId, String summary, String sourceText) {
        return db.write("save the scene's summary", c -> Statements.update(c, """
                UPDATE scene SET summary = ?, summary_hash = ?, summary_by_writer = 0, summary_failure = '',
                                 summary_made_at = ?
                WHERE id = ?""", summary.strip(), ContentHash.of(sourceText), Columns.now(), sceneId) == 1);
    }

    /**
     * As {@link #saveMade(long, String, String)}, but a summary the writer wrote or edited is kept unless
     * {@code overwriteWriters}: checked in the same statement, so one typed while the model worked is not lost.
     * Returns false when the summary was not saved (the writer's is there, or the scene is gone).
     */
    public boolean saveMade(long sceneId, String summary, String sourceText, boolean overwriteWriters) {
        return db.write("save the scene's summary", c -> Statements.update(c, """
                UPDATE scene SET summary = ?, summary_hash = ?, summary_by_writer = 0, summary_failure = '',
                                 summary_made_at = ?
                WHERE id = ? AND (summary_by_writer = 0 OR summary = '' OR ?)""", summary.strip(),
                ContentHash.of(sourceText), Columns.now(), sceneId, overwriteWriters) == 1);
    }

    /** The last attempt failed: the summary there was stays, marked with why. */
    public void failed(long sceneId, String reason) {
        db.write("note the failed summary", c -> {
            Statements.update(c, "UPDATE scene SET summary_failure = ?, summary_made_at = ? WHERE id = ?",
                    reason == null || reason.isBlank() ? "failed" : reason, Columns.now(), sceneId);
            return null;
        });
    }

    /** Fills in what a summary kept before schema 4 was made from: the text as it was when the library upgraded. */
    static void backfill(Connection c) throws SQLException {
        Map<Long, String> texts = new LinkedHashMap<>();
        for (Object[] row : Statements.query(c, "SELECT id, text FROM scene WHERE summary <> '' AND summary_hash = ''",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
            texts.put((Long) row[0], (String) row[1]);
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        texts.forEach((id, text) -> rows.add(new Object[] {ContentHash.of(text), id}));
        Statements.batch(c, "UPDATE scene SET summary_hash = ? WHERE id = ?", rows);
    }
}
