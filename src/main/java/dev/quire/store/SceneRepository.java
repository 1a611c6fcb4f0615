package dev.quire.store;

import dev.quire.model.ContentHash;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.model.SceneRevision;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return db.read("list the scenes", c -> Statements.query(c,
                "SELECT id, position, title, word_count, pinned FROM scene WHERE story_id = ? ORDER BY position",
                rs -> new SceneHeader(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5) != 0),
                storyId));
    }

    public Optional<Scene> get(long id) {
        return db.read("load the scene", c -> get(c, id));
    }

    /** Whole scenes of a story in order, for export and prompts. */
    public List<Scene> all(long storyId) {
        return db.read("load the scenes", c -> all(c, storyId));
    }

    /** Two statements however long the story: the scenes with their text and spans, then who is in each. */
    static List<Scene> all(Connection c, long storyId) throws SQLException {
        Map<Long, List<Long>> present = new HashMap<>();
        for (long[] pair : Statements.query(c, """
                SELECT sc.scene_id, sc.character_id FROM scene_character sc JOIN scene s ON s.id = sc.scene_id
                WHERE s.story_id = ? ORDER BY sc.scene_id, sc.character_id""",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, storyId)) {
            present.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
        }
        return Statements.query(c, "SELECT * FROM scene WHERE story_id = ? ORDER BY position",
                rs -> scene(rs, present.getOrDefault(rs.getLong("id"), List.of())), storyId);
    }

    private static Optional<Scene> get(Connection c, long id) throws SQLException {
        List<Long> characterIds = Statements.query(c,
                "SELECT character_id FROM scene_character WHERE scene_id = ? ORDER BY character_id",
                rs -> rs.getLong(1), id);
        return Statements.one(c, "SELECT * FROM scene WHERE id = ?", rs -> scene(rs, characterIds), id);
    }

    private static Scene scene(ResultSet rs, List<Long> characterIds) throws SQLException {
        return new Scene(rs.getLong("id"), rs.getLong("story_id"), rs.getInt("position"), rs.getString("title"),
                Columns.prose(rs.getString("text"), rs.getString("spans")), rs.getString("summary"),
                Columns.nullableLong(rs, "pov_character_id"), characterIds, rs.getInt("pinned") != 0,
                Columns.instant(rs, "updated_at"));
    }

    /**
     * Whether the scene's styles, as stored, cover its text exactly: empty when they do, else what is wrong. A scene
     * whose text was changed in the file itself still loads (its styles are fitted), and the library check says so.
     */
    public Optional<String> stylesProblem(long sceneId) {
        return db.read("check the scene's styles", c -> Statements.one(c, "SELECT text, spans FROM scene WHERE id = ?",
                rs -> Columns.stylesProblem(rs.getString(1), rs.getString(2)), sceneId)).flatMap(p -> p);
    }

    /**
     * Stores the scene's provenance as it loads ({@link Columns#fitted}: the text exactly as stored, any part the
     * stored spans do not cover of unknown origin), when the stored spans do not match the text. The state before is
     * kept as a revision first, all in one transaction; the text itself is not touched.
     *
     * @return what was wrong, or empty when nothing needed repair
     */
    public Optional<String> repairProvenance(long sceneId) {
        return db.write("repair the scene's provenance", c -> {
            Optional<String[]> row = Statements.one(c, "SELECT text, spans, word_count FROM scene WHERE id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, sceneId);
            if (row.isEmpty()) {
                throw missing(sceneId);
            }
            String text = row.get()[0];
            String stored = row.get()[1];
            Optional<String> problem = Columns.stylesProblem(text, stored);
            if (problem.isEmpty()) {
                return problem;
            }
            long now = Columns.now();
            // the revision keeps the spans as they were when they can be read at all, so it loads as the scene did
            String before = Columns.readSpans(stored).isEmpty() ? "[]" : stored;
            addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, text, before, Integer.parseInt(row.get()[2]), now - 1);
            Prose repaired = Columns.prose(text, stored);
            Statements.update(c, "UPDATE scene SET spans = ?, word_count = ?, updated_at = ? WHERE id = ?",
                    Columns.spans(repaired.spans()), repaired.wordCount(), now, sceneId);
            WordLog.rebase(c, sceneId, repaired);
            addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, text, Columns.spans(repaired.spans()),
                    repaired.wordCount(), now);
            return problem;
        });
    }

    /** Adds a scene at the end of the story. */
    public Scene append(Scene scene) {
        return insert(scene, Integer.MAX_VALUE);
    }

    /** Adds a scene at {@code position} (clamped to the story), shifting later scenes down. */
    public Scene insert(Scene scene, int position) {
        return db.write("add the scene \"" + scene.title() + "\"", c -> {
            int at = Math.max(0, Math.min(position, count(c, scene.storyId())));
            Statements.update(c, "UPDATE scene SET position = position + 1 WHERE story_id = ? AND position >= ?",
                    scene.storyId(), at);
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO scene (story_id, position, title, text, spans, word_count, summary, pov_character_id,
                                       pinned, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    scene.storyId(), at, scene.title(), scene.prose().text(), Columns.spans(scene.prose().spans()),
                    scene.wordCount(), scene.summary(), scene.povCharacterId(), scene.pinned(), now, now);
            replaceCharacters(c, id, scene.characterIds());
            SearchIndex.put(c, id, scene.prose().text());
            WordLog.rebase(c, id, scene.prose());
            if (!scene.summary().isBlank()) {
                // a summary that comes with a new scene (an import, the sample story) is the writer's, and current
                Statements.update(c, "UPDATE scene SET summary_hash = ?, summary_by_writer = 1, summary_made_at = ?"
                        + " WHERE id = ?", ContentHash.of(scene.prose().text()), now, id);
            }
            ChapterRepository.joinNeighbours(c, id);
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
            save(c, sceneId, prose, true);
            return null;
        });
    }

    /** Saves the scene's text, counting the words it adds as written today when {@code writing}. */
    private static void save(Connection c, long sceneId, Prose prose, boolean writing) throws SQLException {
        long now = Columns.now();
        String spans = Columns.spans(prose.spans());
        int words = prose.wordCount();
        keepFirstState(c, sceneId, now);
        if (writing) {
            WordLog.record(c, sceneId, prose, now);
        } else {
            WordLog.rebase(c, sceneId, prose);
        }
        long storyId = Statements.one(c,
                "UPDATE scene SET text = ?, spans = ?, word_count = ?, updated_at = ? WHERE id = ?"
                        + " RETURNING story_id",
                rs -> rs.getLong(1), prose.text(), spans, words, now, sceneId)
                .orElseThrow(() -> missing(sceneId));
        Optional<Long> last = Statements.one(c, "SELECT max(created_at) FROM scene_revision WHERE scene_id = ?",
                rs -> Columns.nullableLong(rs, "max(created_at)"), sceneId);
        if (last.isEmpty() || now - last.get() >= REVISION_SPACING.toMillis()) {
            addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, prose.text(), spans, words, now);
        }
        SearchIndex.put(c, sceneId, prose.text());
        StoryRepository.touch(c, storyId);
    }

    /** A scene's text as stored: the text, its spans as JSON, and its word count. */
    private record Stored(String text, String spans, int words) {
    }

    /**
     * The first time a scene's text changes, its text until then (an imported draft, a model's
     * first version, the sample) is kept as a revision, so it stays recoverable however it is rewritten.
     */
    private static void keepFirstState(Connection c, long sceneId, long now) throws SQLException {
        Optional<Stored> first = Statements.one(c, """
                SELECT s.text, s.spans, s.word_count FROM scene s
                WHERE s.id = ? AND s.text <> '' AND NOT EXISTS (SELECT 1 FROM scene_revision r WHERE r.scene_id = s.id)""",
                rs -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3)), sceneId);
        if (first.isPresent()) {
            Stored s = first.get();
            addRevision(c, sceneId, SceneRevision.Kind.AUTOSAVE, s.text(), s.spans(), s.words(), now - 1);
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
            WordLog.record(c, sceneId, prose, now);
            Statements.update(c, "UPDATE scene SET text = ?, spans = ?, word_count = ?, updated_at = ? WHERE id = ?",
                    prose.text(), spans, prose.wordCount(), now, sceneId);
            SearchIndex.put(c, sceneId, prose.text());
            // same millisecond as the state it replaces: revisions() breaks the tie by id, newest first
            addRevision(c, sceneId, kind, prose.text(), spans, prose.wordCount(), now);
            StoryRepository.touch(c, current.storyId());
            return get(c, sceneId).orElseThrow(() -> missing(sceneId));
        });
    }

    private static boolean isNewestRevision(Connection c, long sceneId, String text, String spans) throws SQLException {
        return Statements.one(c, """
                SELECT text, spans FROM scene_revision WHERE scene_id = ? ORDER BY created_at DESC, id DESC LIMIT 1""",
                rs -> rs.getString(1).equals(text) && rs.getString(2).equals(spans), sceneId).orElse(false);
    }

    /** Saves title, summary, POV, characters present and the pin; the text is saved by {@link #saveProse}. */
    public void saveDetails(Scene scene) {
        db.write("save the scene \"" + scene.title() + "\"", c -> {
            Optional<String[]> before = Statements.one(c, "SELECT summary, text FROM scene WHERE id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, scene.id());
            if (before.isEmpty()) {
                throw missing(scene.id());
            }
            Statements.update(c, """
                    UPDATE scene SET title = ?, summary = ?, pov_character_id = ?, pinned = ?, updated_at = ?
                    WHERE id = ?""",
                    scene.title(), scene.summary(), scene.povCharacterId(), scene.pinned(), Columns.now(), scene.id());
            if (!before.get()[0].equals(scene.summary())) {
                // the writer typed the summary: it is theirs, and it describes the text as it stands
                Statements.update(c, """
                        UPDATE scene SET summary_by_writer = 1, summary_hash = ?, summary_failure = '',
                                         summary_made_at = ?
                        WHERE id = ?""", ContentHash.of(before.get()[1]), Columns.now(), scene.id());
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
            return new SceneRevision(id, sceneId, kind, prose, prose.wordCount(), Instant.ofEpochMilli(now));
        });
    }

    /** Revisions newest first. */
    public List<SceneRevision> revisions(long sceneId) {
        return db.read("list the scene's revisions", c -> Statements.query(c,
                "SELECT * FROM scene_revision WHERE scene_id = ? ORDER BY created_at DESC, id DESC",
                rs -> new SceneRevision(rs.getLong("id"), sceneId, SceneRevision.Kind.valueOf(rs.getString("kind")),
                        Columns.prose(rs.getString("text"), rs.getString("spans")), rs.getInt("word_count"),
                        Columns.instant(rs, "created_at")),
                sceneId));
    }

    /** Puts a revision's text back into the scene, keeping the text it replaces as a revision first. */
    public void restore(SceneRevision revision) {
        db.write("restore the revision", c -> {
            Scene current = get(c, revision.sceneId()).orElseThrow(() -> missing(revision.sceneId()));
            Prose p = current.prose();
            addRevision(c, current.id(), SceneRevision.Kind.BEFORE_RESTORE, p.text(), Columns.spans(p.spans()),
                    p.wordCount(), Columns.now());
            save(c, revision.sceneId(), revision.prose(), false);
            return null;
        });
    }

    /** Where a scene is: its story and its position in it. */
    private record Place(long storyId, int position) {
    }

    private static Optional<Place> place(Connection c, long sceneId) throws SQLException {
        return Statements.one(c, "SELECT story_id, position FROM scene WHERE id = ?",
                rs -> new Place(rs.getLong(1), rs.getInt(2)), sceneId);
    }

    /** Moves a scene to {@code newPosition} (clamped), shifting the scenes between. */
    public void move(long sceneId, int newPosition) {
        db.write("move the scene", c -> {
            Place place = place(c, sceneId).orElseThrow(() -> missing(sceneId));
            long storyId = place.storyId();
            int from = place.position();
            int to = Math.max(0, Math.min(newPosition, count(c, storyId) - 1));
            if (to == from) {
                return null;
            }
            if (to > from) {
                Statements.update(c, "UPDATE scene SET position = position - 1"
                        + " WHERE story_id = ? AND position > ? AND position <= ?", storyId, from, to);
            } else {
                Statements.update(c, "UPDATE scene SET position = position + 1"
                        + " WHERE story_id = ? AND position >= ? AND position < ?", storyId, to, from);
            }
            Statements.update(c, "UPDATE scene SET position = ? WHERE id = ?", to, sceneId);
            ChapterRepository.joinNeighbours(c, sceneId);
            StoryRepository.touch(c, storyId);
            return null;
        });
    }

    /** Deletes a scene with its revisions; later scenes move up. */
    public void delete(long sceneId) {
        db.write("delete the scene", c -> {
            Optional<Place> place = place(c, sceneId);
            if (place.isEmpty()) {
                return null;
            }
            Statements.update(c, "DELETE FROM scene WHERE id = ?", sceneId);
            SearchIndex.remove(c, sceneId);
            Statements.update(c, "UPDATE scene SET position = position - 1 WHERE story_id = ? AND position > ?",
                    place.get().storyId(), place.get().position());
            StoryRepository.touch(c, place.get().storyId());
            return null;
        });
    }

    private static int count(Connection c, long storyId) throws SQLException {
        return Statements.one(c, "SELECT count(*) FROM scene WHERE story_id = ?", rs -> rs.getInt(1), storyId)
                .orElse(0);
    }

    private static void replaceCharacters(Connection c, long sceneId, List<Long> characterIds) throws SQLException {
        Statements.update(c, "DELETE FROM scene_character WHERE scene_id = ?", sceneId);
        List<Object[]> rows = new ArrayList<>();
        for (long characterId : characterIds) {
            rows.add(new Object[] {sceneId, characterId});
        }
        Statements.batch(c, "INSERT OR IGNORE INTO scene_character (scene_id, character_id) VALUES (?, ?)", rows);
    }

    static long addRevision(Connection c, long sceneId, SceneRevision.Kind kind, String text, String spans,
                                    int words, long at) throws SQLException {
        return Statements.insert(c, """
                INSERT INTO scene_revision (scene_id, kind, text, spans, word_count, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", sceneId, kind.name(), text, spans, words, at);
    }

    private static PersistenceException missing(long sceneId) {
        return new PersistenceException("Scene " + sceneId + " is no longer in the library; it may have been deleted.");
    }
}
