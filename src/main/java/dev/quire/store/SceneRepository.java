package dev.quire.store;

import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.SceneRevision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scenes in story order, their text with provenance, and their revisions. Positions are kept
 * contiguous from 0 by every insert, move and delete.
 */
public final class SceneRepository {

    /** Autosaves closer together than this share one kept revision: the newest state of the window is the scene itself. */
    public static final Duration REVISION_SPACING = Duration.ofMinutes(10);

    private final Database db;

    public SceneRepository(Database db) {
        this.db = db;
    }

    /** The binder's view of a story: titles and word counts, no text. */
    public List<SceneHeader> headers(long storyId) {
        return db.read("list the scenes", c -> {
            List<SceneHeader> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, position, title, word_count, pinned FROM scene WHERE story_id = ? ORDER BY position")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SceneHeader(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                                rs.getInt(5) != 0));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Scene> get(long id) {
        return db.read("load the scene", c -> get(c, id));
    }

    /** Whole scenes of a story in order, for export and prompts. */
    public List<Scene> all(long storyId) {
        return db.read("load the scenes", c -> {
            List<Scene> out = new ArrayList<>();
            for (SceneHeader h : headers(storyId)) {
                get(c, h.id()).ifPresent(out::add);
            }
            return out;
        });
    }

    private static Optional<Scene> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM scene WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Scene(rs.getLong("id"), rs.getLong("story_id"), rs.getInt("position"),
                        rs.getString("title"), Columns.prose(rs.getString("text"), rs.getString("spans")),
                        rs.getString("summary"), Columns.nullableLong(rs, "pov_character_id"),
                        characterIds(c, id), rs.getInt("pinned") != 0, Columns.instant(rs, "updated_at")));
            }
        }
    }

    private static List<Long> characterIds(Connection c, long sceneId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT character_id FROM scene_character WHERE scene_id = ? ORDER BY character_id")) {
            ps.setLong(1, sceneId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Adds a scene at the end of the story. */
    public Scene append(Scene scene) {
        return insert(scene, Integer.MAX_VALUE);
    }

    /** Adds a scene at {@code position} (clamped to the story), shifting later scenes down. */
    public Scene insert(Scene scene, int position) {
        return db.write("add the scene \"" + scene.title() + "\"", c -> {
            int count = count(c, scene.storyId());
            int at = Math.max(0, Math.min(position, count));
            try (PreparedStatement shift = c.prepareStatement(
                    "UPDATE scene SET position = position + 1 WHERE story_id = ? AND position >= ?")) {
                shift.setLong(1, scene.storyId());
                shift.setInt(2, at);
                shift.executeUpdate();
            }
            long now = Columns.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO scene (story_id, position, title, text, spans, word_count, summary, pov_character_id,
                                       pinned, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, scene.storyId());
                ps.setInt(2, at);
                ps.setString(3, scene.title());
                ps.setString(4, scene.prose().text());
                ps.setString(5, Columns.spans(scene.prose().spans()));
                ps.setInt(6, scene.wordCount());
                ps.setString(7, scene.summary());
                Columns.setNullable(ps, 8, scene.povCharacterId());
                ps.setInt(9, scene.pinned() ? 1 : 0);
                ps.setLong(10, now);
                ps.setLong(11, now);
                ps.executeUpdate();
            }
            long id = Columns.lastId(c);
            replaceCharacters(c, id, scene.characterIds());
            StoryRepository.touch(c, scene.storyId());
            return get(c, id).orElseThrow();
        });
    }

    /**
     * Saves the scene's text. A revision is kept as well when the last one is older than
     * {@link #REVISION_SPACING}, so a long session leaves a trail of states without one per keystroke.
     */
    public void saveProse(long sceneId, Prose prose) {
        db.write("save the scene's text", c -> {
            long now = Columns.now();
            String spans = Columns.spans(prose.spans());
            int words = prose.wordCount();
            keepFirstState(c, sceneId, now);
            long storyId;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scene SET text = ?, spans = ?, word_count = ?, updated_at = ? WHERE id = ? RETURNING story_id")) {
                ps.setString(1, prose.text());
                ps.setString(2, spans);
                ps.setInt(3, words);
                ps.setLong(4, now);
                ps.setLong(5, sceneId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw missing(sceneId);
                    }
                    storyId = rs.getLong(1);
                }
            }
            Long last;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT max(created_at) FROM scene_revision WHERE scene_id = ?")) {
                ps.setLong(1, sceneId);
                try (ResultSet rs = ps.executeQuery()) {
                    last = rs.next() ? Columns.nullableLong(rs, "max(created_at)") : null;
                }
            }
            if (last == null || now - last >= REVISION_SPACING.toMillis()) {
                addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, prose.text(), spans, words, now);
            }
            StoryRepository.touch(c, storyId);
            return null;
        });
    }

    /**
     * The first time a scene's text changes, its text until then (an imported draft, a model's
     * first version, the sample) is kept as a revision, so it stays recoverable however it is rewritten.
     */
    private static void keepFirstState(Connection c, long sceneId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.text, s.spans, s.word_count FROM scene s
                WHERE s.id = ? AND s.text <> '' AND NOT EXISTS (SELECT 1 FROM scene_revision r WHERE r.scene_id = s.id)""")) {
            ps.setLong(1, sceneId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, rs.getString(1), rs.getString(2), rs.getInt(3),
                            now - 1);
                }
            }
        }
    }

    /**
     * Replaces the scene's text at once (an accepted composition) and keeps the result as a revision of {@code kind}.
     * The text it replaces is kept as a revision first, unless the newest revision already holds it: autosaves are
     * kept only every {@link #REVISION_SPACING}, and a replacement must not lose the typing since. Joins the
     * caller's transaction when there is one.
     *
     * @return the scene with its new text
     */
    public Scene replaceProse(long sceneId, Prose prose, SceneRevision.Kind kind) {
        return db.write("replace the scene's text", c -> {
            Scene current = get(c, sceneId).orElseThrow(() -> missing(sceneId));
            long now = Columns.now();
            String oldSpans = Columns.spans(current.prose().spans());
            if (!current.prose().isEmpty() && !isNewestRevision(c, sceneId, current.prose().text(), oldSpans)) {
                addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, current.prose().text(), oldSpans,
                        current.wordCount(), now);
            }
            String spans = Columns.spans(prose.spans());
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scene SET text = ?, spans = ?, word_count = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, prose.text());
                ps.setString(2, spans);
                ps.setInt(3, prose.wordCount());
                ps.setLong(4, now);
                ps.setLong(5, sceneId);
                ps.executeUpdate();
            }
            // same millisecond as the state it replaces: revisions() breaks the tie by id, newest first
            addRevision(c, sceneId, kind, prose.text(), spans, prose.wordCount(), now);
            StoryRepository.touch(c, current.storyId());
            return get(c, sceneId).orElseThrow(() -> missing(sceneId));
        });
    }

    private static boolean isNewestRevision(Connection c, long sceneId, String text, String spans) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT text, spans FROM scene_revision WHERE scene_id = ? ORDER BY created_at DESC, id DESC LIMIT 1""")) {
            ps.setLong(1, sceneId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1).equals(text) && rs.getString(2).equals(spans);
            }
        }
    }

    /** Saves title, summary, POV, characters present and the pin; the text is saved by {@link #saveProse}. */
    public void saveDetails(Scene scene) {
        db.write("save the scene \"" + scene.title() + "\"", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE scene SET title = ?, summary = ?, pov_character_id = ?, pinned = ?, updated_at = ?
                    WHERE id = ?""")) {
                ps.setString(1, scene.title());
                ps.setString(2, scene.summary());
                Columns.setNullable(ps, 3, scene.povCharacterId());
                ps.setInt(4, scene.pinned() ? 1 : 0);
                ps.setLong(5, Columns.now());
                ps.setLong(6, scene.id());
                if (ps.executeUpdate() != 1) {
                    throw missing(scene.id());
                }
            }
            replaceCharacters(c, scene.id(), scene.characterIds());
            StoryRepository.touch(c, scene.storyId());
            return null;
        });
    }

    /** Keeps the current text as a revision of the given kind (an accepted stitch, an import). */
    public SceneRevision keepRevision(long sceneId, SceneRevision.Kind kind, Prose prose) {
        return db.write("keep a revision of the scene", c -> {
            long now = Columns.now();
            long id = addRevision(c, sceneId, kind, prose.text(), Columns.spans(prose.spans()), prose.wordCount(), now);
            return new SceneRevision(id, sceneId, kind, prose, prose.wordCount(), java.time.Instant.ofEpochMilli(now));
        });
    }

    /** Revisions newest first. */
    public List<SceneRevision> revisions(long sceneId) {
        return db.read("list the scene's revisions", c -> {
            List<SceneRevision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM scene_revision WHERE scene_id = ? ORDER BY created_at DESC, id DESC")) {
                ps.setLong(1, sceneId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SceneRevision(rs.getLong("id"), sceneId,
                                SceneRevision.Kind.valueOf(rs.getString("kind")),
                                Columns.prose(rs.getString("text"), rs.getString("spans")), rs.getInt("word_count"),
                                Columns.instant(rs, "created_at")));
                    }
                }
            }
            return out;
        });
    }

    /** Puts a revision's text back into the scene, keeping the text it replaces as a revision first. */
    public void restore(SceneRevision revision) {
        db.write("restore the revision", c -> {
            Scene current = get(c, revision.sceneId()).orElseThrow(() -> missing(revision.sceneId()));
            Prose p = current.prose();
            addRevision(c, current.id(), SceneRevision.Kind.BEFORE_RESTORE, p.text(), Columns.spans(p.spans()),
                    p.wordCount(), Columns.now());
            saveProse(revision.sceneId(), revision.prose());
            return null;
        });
    }

    /** Moves a scene to {@code newPosition} (clamped), shifting the scenes between. */
    public void move(long sceneId, int newPosition) {
        db.write("move the scene", c -> {
            long storyId;
            int from;
            try (PreparedStatement ps = c.prepareStatement("SELECT story_id, position FROM scene WHERE id = ?")) {
                ps.setLong(1, sceneId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw missing(sceneId);
                    }
                    storyId = rs.getLong(1);
                    from = rs.getInt(2);
                }
            }
            int to = Math.max(0, Math.min(newPosition, count(c, storyId) - 1));
            if (to == from) {
                return null;
            }
            String shift = to > from
                    ? "UPDATE scene SET position = position - 1 WHERE story_id = ? AND position > ? AND position <= ?"
                    : "UPDATE scene SET position = position + 1 WHERE story_id = ? AND position >= ? AND position < ?";
            try (PreparedStatement ps = c.prepareStatement(shift)) {
                ps.setLong(1, storyId);
                if (to > from) {
                    ps.setInt(2, from);
                    ps.setInt(3, to);
                } else {
                    ps.setInt(2, to);
                    ps.setInt(3, from);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE scene SET position = ? WHERE id = ?")) {
                ps.setInt(1, to);
                ps.setLong(2, sceneId);
                ps.executeUpdate();
            }
            StoryRepository.touch(c, storyId);
            return null;
        });
    }

    /** Deletes a scene with its revisions; later scenes move up. */
    public void delete(long sceneId) {
        db.write("delete the scene", c -> {
            long storyId;
            int position;
            try (PreparedStatement ps = c.prepareStatement("SELECT story_id, position FROM scene WHERE id = ?")) {
                ps.setLong(1, sceneId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    storyId = rs.getLong(1);
                    position = rs.getInt(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM scene WHERE id = ?")) {
                ps.setLong(1, sceneId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scene SET position = position - 1 WHERE story_id = ? AND position > ?")) {
                ps.setLong(1, storyId);
                ps.setInt(2, position);
                ps.executeUpdate();
            }
            StoryRepository.touch(c, storyId);
            return null;
        });
    }

    private static int count(Connection c, long storyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM scene WHERE story_id = ?")) {
            ps.setLong(1, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void replaceCharacters(Connection c, long sceneId, List<Long> characterIds) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM scene_character WHERE scene_id = ?")) {
            del.setLong(1, sceneId);
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT OR IGNORE INTO scene_character (scene_id, character_id) VALUES (?, ?)")) {
            for (long characterId : characterIds) {
                ins.setLong(1, sceneId);
                ins.setLong(2, characterId);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static long addRevision(Connection c, long sceneId, SceneRevision.Kind kind, String text, String spans,
                                    int words, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO scene_revision (scene_id, kind, text, spans, word_count, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, sceneId);
            ps.setString(2, kind.name());
            ps.setString(3, text);
            ps.setString(4, spans);
            ps.setInt(5, words);
            ps.setLong(6, at);
            ps.executeUpdate();
        }
        return Columns.lastId(c);
    }

    private static PersistenceException missing(long sceneId) {
        return new PersistenceException("Scene " + sceneId + " is no longer in the library; it may have been deleted.");
    }
}
