package dev.quire.store;

import dev.quire.model.LoreEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lore entries of a story. */
public final class LoreRepository {

    private final Database db;

    public LoreRepository(Database db) {
        this.db = db;
    }

    public List<LoreEntry> list(long storyId) {
        return db.read("load the lore", c -> {
            List<LoreEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM lore_entry WHERE story_id = ? ORDER BY position, id")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<LoreEntry> get(long id) {
        return db.read("load the lore entry", c -> get(c, id));
    }

    private static Optional<LoreEntry> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM lore_entry WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    public LoreEntry create(LoreEntry entry) {
        return db.write("add the lore entry \"" + entry.title() + "\"", c -> {
            long now = Columns.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO lore_entry (story_id, position, title, keywords, content, always_on, enabled,
                                            created_at, updated_at)
                    VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM lore_entry WHERE story_id = ?),
                            ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, entry.storyId());
                ps.setLong(2, entry.storyId());
                ps.setString(3, entry.title());
                ps.setString(4, Columns.strings(entry.keywords()));
                ps.setString(5, entry.content());
                ps.setInt(6, entry.alwaysOn() ? 1 : 0);
                ps.setInt(7, entry.enabled() ? 1 : 0);
                ps.setLong(8, now);
                ps.setLong(9, now);
                ps.executeUpdate();
            }
            StoryRepository.touch(c, entry.storyId());
            return get(c, Columns.lastId(c)).orElseThrow();
        });
    }

    public void update(LoreEntry entry) {
        db.write("save the lore entry \"" + entry.title() + "\"", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE lore_entry SET title = ?, keywords = ?, content = ?, always_on = ?, enabled = ?,
                                          updated_at = ?
                    WHERE id = ?""")) {
                ps.setString(1, entry.title());
                ps.setString(2, Columns.strings(entry.keywords()));
                ps.setString(3, entry.content());
                ps.setInt(4, entry.alwaysOn() ? 1 : 0);
                ps.setInt(5, entry.enabled() ? 1 : 0);
                ps.setLong(6, Columns.now());
                ps.setLong(7, entry.id());
                if (ps.executeUpdate() != 1) {
                    throw new PersistenceException("The lore entry \"" + entry.title()
                            + "\" is no longer in the library; it may have been deleted.");
                }
            }
            StoryRepository.touch(c, entry.storyId());
            return null;
        });
    }

    public void delete(long id) {
        db.write("delete the lore entry", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lore_entry WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static LoreEntry entry(ResultSet rs) throws SQLException {
        return new LoreEntry(rs.getLong("id"), rs.getLong("story_id"), rs.getString("title"),
                Columns.strings(rs.getString("keywords")), rs.getString("content"), rs.getInt("always_on") != 0,
                rs.getInt("enabled") != 0);
    }
}
