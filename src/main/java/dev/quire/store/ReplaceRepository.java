package dev.quire.store;

import dev.quire.model.Prose;
import dev.quire.model.SceneRevision;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replaces across a story: every changed scene's new text in one transaction, with a revision of each scene just
 * before and just after, so the whole replace can be undone as one step. Nothing is overwritten silently: a scene
 * whose text is no longer what the replace was worked out from stops it before anything is written.
 */
public final class ReplaceRepository {

    private final Database db;

    public ReplaceRepository(Database db) {
        this.db = db;
    }

    /** One scene's change: the text it was worked out from, and the scene's new text. */
    public record SceneChange(long sceneId, String expected, Prose replaced) {
    }

    /** A replace as kept: what was replaced with what, how many places, when, which scenes, and whether undone. */
    public record Replace(long id, long storyId, String find, String replacement, int changes, Instant created,
                          List<Long> sceneIds, boolean undone) {
    }

    /**
     * Applies the changes as one transaction.
     *
     * @throws PersistenceException when a scene is gone or its text changed since the replace was worked out;
     *                              then nothing is written
     */
    public Replace apply(long storyId, String find, String replacement, int changes, List<SceneChange> scenes) {
        return db.write("replace across the story", c -> {
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO story_replace (story_id, find, replacement, changes, created_at) VALUES (?, ?, ?, ?, ?)""",
                    storyId, find, replacement, changes, now);
            List<Long> ids = new ArrayList<>();
            for (SceneChange change : scenes) {
                Optional<String[]> row = Statements.one(c,
                        "SELECT text, spans, word_count, title FROM scene WHERE id = ? AND story_id = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                        change.sceneId(), storyId);
                if (row.isEmpty()) {
                    throw new PersistenceException("A scene of the story was deleted while the replace was being"
                            + " prepared. Nothing was replaced; search again.");
                }
                if (!row.get()[0].equals(change.expected())) {
                    throw new PersistenceException("“" + row.get()[3] + "” changed while the replace was being"
                            + " prepared. Nothing was replaced; search again to see its text as it is now.");
                }
                long before = SceneRepository.addRevision(c, change.sceneId(), SceneRevision.Kind.AUTOSAVE,
                        row.get()[0], row.get()[1], Integer.parseInt(row.get()[2]), now);
                long after = write(c, change.sceneId(), change.replaced(), now);
                Statements.update(c, """
                        INSERT INTO story_replace_scene (replace_id, scene_id, before_revision, after_revision)
                        VALUES (?, ?, ?, ?)""", id, change.sceneId(), before, after);
                ids.add(change.sceneId());
            }
            StoryRepository.touch(c, storyId);
            return new Replace(id, storyId, find, replacement, changes, Instant.ofEpochMilli(now), ids, false);
        });
    }

    /**
     * Undoes a replace as one step: each scene it changed gets back its text from just before, and the text it has
     * now is kept as a revision first, so any typing since the replace stays recoverable.
     *
     * @return the scenes whose text changed back
     */
    public List<Long> undo(long replaceId) {
        return db.write("undo the replace", c -> {
            boolean undone = Statements.one(c, "SELECT undone_at IS NOT NULL FROM story_replace WHERE id = ?",
                    rs -> rs.getInt(1) != 0, replaceId).orElseThrow(() ->
                    new PersistenceException("That replace is no longer in the library."));
            if (undone) {
                return List.<Long>of();
            }
            long now = Columns.now();
            record Back(long sceneId, String text, String spans) {
            }
            List<Back> backs = Statements.query(c, """
                    SELECT r.scene_id, v.text, v.spans FROM story_replace_scene r
                    JOIN scene_revision v ON v.id = r.before_revision WHERE r.replace_id = ?""",
                    rs -> new Back(rs.getLong(1), rs.getString(2), rs.getString(3)), replaceId);
            List<Long> ids = new ArrayList<>();
            for (Back back : backs) {
                Optional<String[]> current = Statements.one(c, "SELECT text, spans, word_count FROM scene WHERE id = ?",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, back.sceneId());
                if (current.isEmpty()) {
                    continue;
                }
                SceneRepository.addRevision(c, back.sceneId(), SceneRevision.Kind.BEFORE_RESTORE, current.get()[0],
                        current.get()[1], Integer.parseInt(current.get()[2]), now);
                write(c, back.sceneId(), Columns.prose(back.text(), back.spans()), now);
                ids.add(back.sceneId());
            }
            Statements.update(c, "UPDATE story_replace SET undone_at = ? WHERE id = ?", now, replaceId);
            return ids;
        });
    }

    /** The story's newest replace that is not undone, if any. */
    public Optional<Replace> latest(long storyId) {
        return db.read("read the last replace", c -> Statements.one(c, """
                SELECT id FROM story_replace WHERE story_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1""",
                rs -> rs.getLong(1), storyId)).flatMap(this::get);
    }

    public Optional<Replace> get(long replaceId) {
        return db.read("read the replace", c -> {
            List<Long> ids = Statements.query(c, "SELECT scene_id FROM story_replace_scene WHERE replace_id = ?"
                    + " ORDER BY scene_id", rs -> rs.getLong(1), replaceId);
            return Statements.one(c, "SELECT * FROM story_replace WHERE id = ?",
                    rs -> new Replace(rs.getLong("id"), rs.getLong("story_id"), rs.getString("find"),
                            rs.getString("replacement"), rs.getInt("changes"), Columns.instant(rs, "created_at"), ids,
                            Columns.nullableLong(rs, "undone_at") != null),
                    replaceId);
        });
    }

    /** Writes the scene's text (not counted as words written) and keeps it as a revision; its id. */
    private static long write(Connection c, long sceneId, Prose prose, long now) throws SQLException {
        String spans = Columns.spans(prose.spans());
        WordLog.rebase(c, sceneId, prose);
        Statements.update(c, "UPDATE scene SET text = ?, spans = ?, word_count = ?, updated_at = ? WHERE id = ?",
                prose.text(), spans, prose.wordCount(), now, sceneId);
        SearchIndex.put(c, sceneId, prose.text());
        return SceneRepository.addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, prose.text(), spans,
                prose.wordCount(), now);
    }
}
