package dev.quire.store;

import dev.quire.model.Prose;
import dev.quire.model.WordShares;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Words written per story and day, by source (the writer, a model, pasted text), net of cuts. A save adds the
 * difference it makes to the scene's words; changes that are not writing (an import, a replace, a restore) move
 * the scene's baseline without counting.
 */
public final class WordLog {

    private final Database db;

    public WordLog(Database db) {
        this.db = db;
    }

    /** A day's words: the local date and the net words from each source. */
    public record Day(LocalDate day, WordShares words) {
    }

    /** The story's days from {@code from} to {@code to} inclusive that have words, oldest first. */
    public List<Day> days(long storyId, LocalDate from, LocalDate to) {
        return db.read("read the words written", c -> Statements.query(c, """
                SELECT day, writer, model, other FROM words_written WHERE story_id = ? AND day >= ? AND day <= ?
                ORDER BY day""",
                rs -> new Day(LocalDate.parse(rs.getString(1)), new WordShares(rs.getInt(2), rs.getInt(3),
                        rs.getInt(4))),
                storyId, from.toString(), to.toString()));
    }

    /** The story's words written on {@code day}. */
    public WordShares on(long storyId, LocalDate day) {
        return days(storyId, day, day).stream().findFirst().map(Day::words).orElse(WordShares.NONE);
    }

    /**
     * Counts what saving {@code prose} as the scene's text adds to today's words. Runs before the scene's row is
     * updated: a scene with no baseline yet is measured from its stored text.
     */
    static void record(Connection c, long sceneId, Prose prose, long at) throws SQLException {
        Optional<Long> story = Statements.one(c, "SELECT story_id FROM scene WHERE id = ?", rs -> rs.getLong(1),
                sceneId);
        if (story.isEmpty()) {
            return;
        }
        WordShares before = baseline(c, sceneId);
        WordShares now = WordShares.of(prose);
        WordShares delta = now.minus(before);
        if (delta.writer() != 0 || delta.model() != 0 || delta.other() != 0) {
            Statements.update(c, """
                    INSERT INTO words_written (story_id, day, writer, model, other) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (story_id, day) DO UPDATE SET writer = writer + excluded.writer,
                        model = model + excluded.model, other = other + excluded.other""",
                    story.get(), day(at).toString(), delta.writer(), delta.model(), delta.other());
        }
        rebase(c, sceneId, now);
    }

    /** Sets the scene's baseline to {@code prose}'s words without counting them as written. */
    static void rebase(Connection c, long sceneId, Prose prose) throws SQLException {
        rebase(c, sceneId, WordShares.of(prose));
    }

    private static void rebase(Connection c, long sceneId, WordShares words) throws SQLException {
        Statements.update(c, """
                INSERT INTO scene_words (scene_id, writer, model, other) VALUES (?, ?, ?, ?)
                ON CONFLICT (scene_id) DO UPDATE SET writer = excluded.writer, model = excluded.model,
                    other = excluded.other""", sceneId, words.writer(), words.model(), words.other());
    }

    private static WordShares baseline(Connection c, long sceneId) throws SQLException {
        Optional<WordShares> kept = Statements.one(c, "SELECT writer, model, other FROM scene_words WHERE scene_id = ?",
                rs -> new WordShares(rs.getInt(1), rs.getInt(2), rs.getInt(3)), sceneId);
        if (kept.isPresent()) {
            return kept.get();
        }
        return Statements.one(c, "SELECT text, spans FROM scene WHERE id = ?",
                rs -> WordShares.of(Columns.prose(rs.getString(1), rs.getString(2))), sceneId)
                .orElse(WordShares.NONE);
    }

    /** Gives every scene that has none a baseline, from its text as stored. */
    static void baseline(Connection c) throws SQLException {
        List<Long> ids = Statements.query(c,
                "SELECT id FROM scene WHERE id NOT IN (SELECT scene_id FROM scene_words)", rs -> rs.getLong(1));
        for (long id : ids) {
            rebase(c, id, baseline(c, id));
        }
    }

    static LocalDate day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault());
    }
}
