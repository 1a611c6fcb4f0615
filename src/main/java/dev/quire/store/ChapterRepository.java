package dev.quire.store;

import dev.quire.model.Chapter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A story's chapters and which scenes each holds.
 *
 * <p>Story order is one sequence of scenes; a chapter holds a run of it. Scenes in no chapter come first (a
 * library from before chapters has all its scenes there), then each chapter's scenes in chapter order. Every
 * change here keeps that true, so the prompt, the export and the binder read the same order.
 */
public final class ChapterRepository {

    private final Database db;

    public ChapterRepository(Database db) {
        this.db = db;
    }

    public List<Chapter> list(long storyId) {
        return db.read("load the chapters", c -> list(c, storyId));
    }

    static List<Chapter> list(Connection c, long storyId) throws SQLException {
        return Statements.query(c, "SELECT * FROM chapter WHERE story_id = ? ORDER BY position, id",
                ChapterRepository::chapter, storyId);
    }

    public Optional<Chapter> get(long id) {
        return db.read("load the chapter", c -> get(c, id));
    }

    private static Optional<Chapter> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM chapter WHERE id = ?", ChapterRepository::chapter, id);
    }

    private static Chapter chapter(ResultSet rs) throws SQLException {
        return new Chapter(rs.getLong("id"), rs.getLong("story_id"), rs.getInt("position"), rs.getString("title"),
                rs.getString("part"), rs.getString("summary"), rs.getString("summary_hash"),
                rs.getInt("summary_by_writer") != 0);
    }

    /** Which chapter each scene of the story is in; a scene in none is absent. */
    public Map<Long, Long> sceneChapters(long storyId) {
        return db.read("load the chapters' scenes", c -> {
            Map<Long, Long> out = new LinkedHashMap<>();
            for (long[] row : Statements.query(c, """
                    SELECT id, chapter_id FROM scene WHERE story_id = ? AND chapter_id IS NOT NULL
                    ORDER BY position""", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, storyId)) {
                out.put(row[0], row[1]);
            }
            return out;
        });
    }

    /** A new, empty chapter after the last. */
    public Chapter create(long storyId, String title, String part) {
        return db.write("add the chapter \"" + title + "\"", c -> {
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO chapter (story_id, position, title, part, created_at, updated_at)
                    VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM chapter WHERE story_id = ?), ?, ?, ?, ?)""",
                    storyId, storyId, title, part == null ? "" : part, now, now);
            StoryRepository.touch(c, storyId);
            return get(c, id).orElseThrow();
        });
    }

    /**
     * A new chapter that begins at {@code sceneId}: it takes that scene and the ones after it in the same
     * chapter (or, for a scene in none, the rest of the scenes in none), and comes right after that chapter.
     */
    public Chapter startAt(long sceneId, String title) {
        return db.write("start a chapter", c -> {
            long[] place = Statements.one(c, "SELECT story_id, position, coalesce(chapter_id, -1) FROM scene WHERE id = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, sceneId)
                    .orElseThrow(() -> new PersistenceException("Scene " + sceneId
                            + " is no longer in the library; it may have been deleted."));
            long storyId = place[0];
            Long from = place[2] < 0 ? null : place[2];
            int after = from == null ? -1 : get(c, from).map(Chapter::position).orElse(-1);
            Statements.update(c, "UPDATE chapter SET position = position + 1 WHERE story_id = ? AND position > ?",
                    storyId, after);
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO chapter (story_id, position, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)""",
                    storyId, after + 1, title, now, now);
            if (from == null) {
                Statements.update(c, "UPDATE scene SET chapter_id = ? WHERE story_id = ? AND chapter_id IS NULL"
                        + " AND position >= ?", id, storyId, place[1]);
            } else {
                Statements.update(c, "UPDATE scene SET chapter_id = ? WHERE story_id = ? AND chapter_id = ?"
                        + " AND position >= ?", id, storyId, from, place[1]);
            }
            normalize(c, storyId);
            StoryRepository.touch(c, storyId);
            return get(c, id).orElseThrow();
        });
    }

    /** Renames a chapter and sets the part it belongs to ("" for none). */
    public void rename(long chapterId, String title, String part) {
        db.write("rename the chapter", c -> {
            if (Statements.update(c, "UPDATE chapter SET title = ?, part = ?, updated_at = ? WHERE id = ?",
                    title, part == null ? "" : part, Columns.now(), chapterId) != 1) {
                throw missing(chapterId);
            }
            return null;
        });
    }

    /** Moves a chapter, with its scenes, to {@code newPosition} (clamped) among the story's chapters. */
    public void move(long chapterId, int newPosition) {
        db.write("move the chapter", c -> {
            Chapter chapter = get(c, chapterId).orElseThrow(() -> missing(chapterId));
            List<Chapter> chapters = new ArrayList<>(list(c, chapter.storyId()));
            chapters.removeIf(ch -> ch.id() == chapterId);
            chapters.add(Math.max(0, Math.min(newPosition, chapters.size())), chapter);
            for (int i = 0; i < chapters.size(); i++) {
                Statements.update(c, "UPDATE chapter SET position = ? WHERE id = ?", i, chapters.get(i).id());
            }
            normalize(c, chapter.storyId());
            StoryRepository.touch(c, chapter.storyId());
            return null;
        });
    }

    /** Deletes a chapter; its scenes stay, joining the chapter before it (or none, for the first). */
    public void delete(long chapterId) {
        db.write("delete the chapter", c -> {
            Optional<Chapter> chapter = get(c, chapterId);
            if (chapter.isEmpty()) {
                return null;
            }
            long storyId = chapter.get().storyId();
            Optional<Long> before = Statements.one(c, """
                    SELECT id FROM chapter WHERE story_id = ? AND position < ? ORDER BY position DESC LIMIT 1""",
                    rs -> rs.getLong(1), storyId, chapter.get().position());
            Statements.update(c, "UPDATE scene SET chapter_id = ? WHERE chapter_id = ?", before.orElse(null),
                    chapterId);
            Statements.update(c, "DELETE FROM chapter WHERE id = ?", chapterId);
            normalize(c, storyId);
            StoryRepository.touch(c, storyId);
            return null;
        });
    }

    /** Puts a scene at the end of a chapter ({@code null}: with the scenes in no chapter, at their end). */
    public void assign(long sceneId, Long chapterId) {
        db.write("move the scene to the chapter", c -> {
            long storyId = Statements.one(c, "SELECT story_id FROM scene WHERE id = ?", rs -> rs.getLong(1), sceneId)
                    .orElseThrow(() -> new PersistenceException("Scene " + sceneId
                            + " is no longer in the library; it may have been deleted."));
            if (chapterId != null && get(c, chapterId).filter(ch -> ch.storyId() == storyId).isEmpty()) {
                throw missing(chapterId);
            }
            // last of the story for a moment; normalising then puts it last in its chapter
            Statements.update(c, """
                    UPDATE scene SET chapter_id = ?,
                                     position = (SELECT max(position) + 1 FROM scene WHERE story_id = ?)
                    WHERE id = ?""", chapterId, storyId, sceneId);
            normalize(c, storyId);
            StoryRepository.touch(c, storyId);
            return null;
        });
    }

    /** Keeps a chapter's summary, with what it was made from and whether the writer wrote it. */
    public void saveSummary(long chapterId, String summary, String sourceHash, boolean byWriter) {
        db.write("save the chapter's summary", c -> {
            if (Statements.update(c, """
                    UPDATE chapter SET summary = ?, summary_hash = ?, summary_by_writer = ?, updated_at = ?
                    WHERE id = ?""", summary, sourceHash, byWriter, Columns.now(), chapterId) != 1) {
                throw missing(chapterId);
            }
            return null;
        });
    }

    /**
     * Keeps a summary the model made from {@code sourceHash}, unless the writer's is there and
     * {@code overwriteWriters} is false (checked in the same statement). Returns false when it was not kept.
     */
    public boolean saveMadeSummary(long chapterId, String summary, String sourceHash, boolean overwriteWriters) {
        return db.write("save the chapter's summary", c -> Statements.update(c, """
                UPDATE chapter SET summary = ?, summary_hash = ?, summary_by_writer = 0, updated_at = ?
                WHERE id = ? AND (summary_by_writer = 0 OR summary = '' OR ?)""", summary.strip(), sourceHash,
                Columns.now(), chapterId, overwriteWriters) == 1);
    }

    /**
     * A scene added or moved among others joins its neighbours' chapter: the one before it, or for a scene now
     * last, the story's last chapter (a chapter just made and still empty is where a writer adds to).
     */
    static void joinNeighbours(Connection c, long sceneId) throws SQLException {
        long[] place = Statements.one(c, "SELECT story_id, position FROM scene WHERE id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, sceneId).orElse(null);
        if (place == null) {
            return;
        }
        long storyId = place[0];
        boolean last = Statements.one(c, "SELECT count(*) FROM scene WHERE story_id = ? AND position > ?",
                rs -> rs.getInt(1), storyId, place[1]).orElse(0) == 0;
        Optional<Long[]> before = Statements.one(c, """
                SELECT chapter_id FROM scene WHERE story_id = ? AND position < ? ORDER BY position DESC LIMIT 1""",
                rs -> new Long[] {Columns.nullableLong(rs, "chapter_id")}, storyId, place[1]);
        Long chapter;
        if (last) {
            chapter = Statements.one(c, "SELECT id FROM chapter WHERE story_id = ? ORDER BY position DESC LIMIT 1",
                    rs -> rs.getLong(1), storyId).orElse(null);
        } else if (before.isPresent()) {
            chapter = before.get()[0];
        } else {
            chapter = Statements.one(c, """
                    SELECT chapter_id FROM scene WHERE story_id = ? AND position > ? ORDER BY position LIMIT 1""",
                    rs -> Columns.nullableLong(rs, "chapter_id"), storyId, place[1]).orElse(null);
        }
        Statements.update(c, "UPDATE scene SET chapter_id = ? WHERE id = ?", chapter, sceneId);
        normalize(c, storyId);
    }

    /** Story order: scenes in no chapter first, then each chapter's scenes; positions renumbered from 0. */
    static void normalize(Connection c, long storyId) throws SQLException {
        Map<Long, Integer> chapterRank = new HashMap<>();
        List<Chapter> chapters = list(c, storyId);
        for (int i = 0; i < chapters.size(); i++) {
            chapterRank.put(chapters.get(i).id(), i);
            if (chapters.get(i).position() != i) {
                Statements.update(c, "UPDATE chapter SET position = ? WHERE id = ?", i, chapters.get(i).id());
            }
        }
        record Row(long id, int position, Long chapter) {
        }
        List<Row> rows = Statements.query(c, "SELECT id, position, chapter_id FROM scene WHERE story_id = ?",
                rs -> new Row(rs.getLong(1), rs.getInt(2), Columns.nullableLong(rs, "chapter_id")), storyId);
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt((Row r) -> r.chapter() == null ? -1
                : chapterRank.getOrDefault(r.chapter(), -1)).thenComparingInt(Row::position));
        List<Object[]> changes = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).position() != i) {
                changes.add(new Object[] {i, ordered.get(i).id()});
            }
        }
        Statements.batch(c, "UPDATE scene SET position = ? WHERE id = ?", changes);
    }

    private static PersistenceException missing(long chapterId) {
        return new PersistenceException("Chapter " + chapterId
                + " is no longer in the library; it may have been deleted.");
    }
}
