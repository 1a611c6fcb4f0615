package dev.quire.store;

import dev.quire.model.LoreEntry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lore entries of a story. */
public final class LoreRepository {

    private final Database db;

    public LoreRepository(Database db) {
        this.db = db;
    }

    public List<LoreEntry> list(long storyId) {
        return db.read("load the lore", c -> Statements.query(c,
                "SELECT * FROM lore_entry WHERE story_id = ? ORDER BY position, id", LoreRepository::entry, storyId));
    }

    public Optional<LoreEntry> get(long id) {
        return db.read("load the lore entry", c -> get(c, id));
    }

    private static Optional<LoreEntry> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM lore_entry WHERE id = ?", LoreRepository::entry, id);
    }

    /**
     * When the entry's row was made. SQLite may give a deleted entry's id to the next one, so an id and this
     * time together name one entry.
     */
    public Optional<Instant> created(long id) {
        return db.read("read when the lore entry was created", c -> Statements.one(c,
                "SELECT created_at FROM lore_entry WHERE id = ?", rs -> Columns.instant(rs, "created_at"), id));
    }

    /** {@link #created} for every entry of the story, by id. */
    public Map<Long, Instant> createdInStory(long storyId) {
        return db.read("read when the lore entries were created", c -> {
            Map<Long, Instant> out = new HashMap<>();
            for (LoreEntryCreated e : Statements.query(c, "SELECT id, created_at FROM lore_entry WHERE story_id = ?",
                    rs -> new LoreEntryCreated(rs.getLong(1), Columns.instant(rs, "created_at")), storyId)) {
                out.put(e.id(), e.created());
            }
            return out;
        });
    }

    private record LoreEntryCreated(long id, Instant created) {
    }

    public LoreEntry create(LoreEntry entry) {
        return db.write("add the lore entry \"" + entry.title() + "\"", c -> {
            long now = Columns.now();
            long id = Statements.insert(c, """
                    INSERT INTO lore_entry (story_id, position, title, keywords, content, always_on, enabled,
                                            secondary_keywords, secondary_logic, priority, scan_depth, extensions,
                                            created_at, updated_at)
                    VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM lore_entry WHERE story_id = ?),
                            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entry.storyId(), entry.storyId(), entry.title(), Columns.strings(entry.keywords()),
                    entry.content(), entry.alwaysOn(), entry.enabled(), Columns.strings(entry.secondaryKeywords()),
                    entry.secondaryLogic().name(), entry.priority(), entry.scanDepth(), entry.extensions(), now, now);
            StoryRepository.touch(c, entry.storyId());
            return get(c, id).orElseThrow();
        });
    }

    /** Adds the entries at the end of their stories' lore, all or none. */
    public List<LoreEntry> createAll(List<LoreEntry> entries) {
        return db.write("add " + entries.size() + " lore entries", c -> {
            List<LoreEntry> out = new java.util.ArrayList<>();
            for (LoreEntry e : entries) {
                out.add(create(e));
            }
            return out;
        });
    }

    public void update(LoreEntry entry) {
        db.write("save the lore entry \"" + entry.title() + "\"", c -> {
            int saved = Statements.update(c, """
                    UPDATE lore_entry SET title = ?, keywords = ?, content = ?, always_on = ?, enabled = ?,
                                          secondary_keywords = ?, secondary_logic = ?, priority = ?,
                                          scan_depth = ?, extensions = ?, updated_at = ?
                    WHERE id = ?""",
                    entry.title(), Columns.strings(entry.keywords()), entry.content(), entry.alwaysOn(),
                    entry.enabled(), Columns.strings(entry.secondaryKeywords()), entry.secondaryLogic().name(),
                    entry.priority(), entry.scanDepth(), entry.extensions(), Columns.now(), entry.id());
            if (saved != 1) {
                throw new PersistenceException("The lore entry \"" + entry.title()
                        + "\" is no longer in the library; it may have been deleted.");
            }
            StoryRepository.touch(c, entry.storyId());
            return null;
        });
    }

    public void delete(long id) {
        db.write("delete the lore entry", c -> Statements.update(c, "DELETE FROM lore_entry WHERE id = ?", id));
    }

    private static LoreEntry entry(ResultSet rs) throws SQLException {
        return new LoreEntry(rs.getLong("id"), rs.getLong("story_id"), rs.getString("title"),
                Columns.strings(rs.getString("keywords")), rs.getString("content"), rs.getInt("always_on") != 0,
                rs.getInt("enabled") != 0, Columns.strings(rs.getString("secondary_keywords")),
                logic(rs.getString("secondary_logic")), rs.getInt("priority"), rs.getInt("scan_depth"),
                rs.getString("extensions"));
    }

    private static LoreEntry.SecondaryLogic logic(String stored) {
        try {
            return LoreEntry.SecondaryLogic.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            return LoreEntry.SecondaryLogic.AND_ANY;
        }
    }
}
