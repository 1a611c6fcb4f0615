package dev.quire.store;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.PlayedBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CharacterSheet sheets with their facts. A sheet and its facts are saved together, in one transaction. */
public final class CharacterRepository {

    private static final String FIELDS =
            "name, aliases, role, appearance, personality, psychology, backstory, desires, fears, voice, relationships,"
                    + " interests, private_notes, played_by";

    private final Database db;

    public CharacterRepository(Database db) {
        this.db = db;
    }

    /** The story's characters in binder order, with their facts. */
    public List<CharacterSheet> list(long storyId) {
        return db.read("load the characters", c -> {
            Map<Long, List<Fact>> facts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.* FROM character_fact f JOIN character ch ON ch.id = f.character_id
                    WHERE ch.story_id = ? ORDER BY f.character_id, f.position""")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        facts.computeIfAbsent(rs.getLong("character_id"), k -> new ArrayList<>()).add(fact(rs));
                    }
                }
            }
            List<CharacterSheet> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM character WHERE story_id = ? ORDER BY position, id")) {
                ps.setLong(1, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(character(rs, facts.getOrDefault(rs.getLong("id"), List.of())));
                    }
                }
            }
            return out;
        });
    }

    public Optional<CharacterSheet> get(long id) {
        return db.read("load the character", c -> get(c, id));
    }

    private static Optional<CharacterSheet> get(Connection c, long id) throws SQLException {
        List<Fact> facts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM character_fact WHERE character_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(fact(rs));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM character WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(character(rs, facts)) : Optional.empty();
            }
        }
    }

    public CharacterSheet create(CharacterSheet character) {
        return db.write("add the character " + character.name(), c -> {
            long now = Columns.now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO character (story_id, position, " + FIELDS
                    + ", created_at, updated_at) VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM character"
                    + " WHERE story_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, character.storyId());
                ps.setLong(2, character.storyId());
                int i = bindFields(ps, 3, character);
                ps.setLong(i, now);
                ps.setLong(i + 1, now);
                ps.executeUpdate();
            }
            long id = Columns.lastId(c);
            saveFacts(c, id, character.facts());
            StoryRepository.touch(c, character.storyId());
            return get(c, id).orElseThrow();
        });
    }

    /** Saves the sheet and its facts: facts with an id are updated, new ones added, missing ones removed. */
    public CharacterSheet update(CharacterSheet character) {
        return db.write("save " + character.name() + "'s sheet", c -> {
            StringBuilder set = new StringBuilder();
            for (String f : FIELDS.split(",")) {
                set.append(f.strip()).append(" = ?, ");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE character SET " + set + "updated_at = ? WHERE id = ?")) {
                int i = bindFields(ps, 1, character);
                ps.setLong(i, Columns.now());
                ps.setLong(i + 1, character.id());
                if (ps.executeUpdate() != 1) {
                    throw new PersistenceException(character.name() + " is no longer in the library; the sheet may"
                            + " have been deleted.");
                }
            }
            saveFacts(c, character.id(), character.facts());
            StoryRepository.touch(c, character.storyId());
            return get(c, character.id()).orElseThrow();
        });
    }

    public void delete(long id) {
        db.write("delete the character", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM character WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void saveFacts(Connection c, long characterId, List<Fact> facts) throws SQLException {
        List<Long> keep = new ArrayList<>();
        long now = Columns.now();
        for (int position = 0; position < facts.size(); position++) {
            Fact f = facts.get(position);
            if (f.id() > 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE character_fact SET position = ?, text = ?, source_message_id = ? WHERE id = ? AND character_id = ?")) {
                    ps.setInt(1, position);
                    ps.setString(2, f.text());
                    Columns.setNullable(ps, 3, f.sourceMessageId());
                    ps.setLong(4, f.id());
                    ps.setLong(5, characterId);
                    if (ps.executeUpdate() == 1) {
                        keep.add(f.id());
                        continue;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO character_fact (character_id, position, text, source_message_id, created_at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                ps.setLong(1, characterId);
                ps.setInt(2, position);
                ps.setString(3, f.text());
                Columns.setNullable(ps, 4, f.sourceMessageId());
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            keep.add(Columns.lastId(c));
        }
        StringBuilder ids = new StringBuilder();
        for (Long id : keep) {
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM character_fact WHERE character_id = ?"
                + (keep.isEmpty() ? "" : " AND id NOT IN (" + ids + ")"))) {
            ps.setLong(1, characterId);
            ps.executeUpdate();
        }
    }

    private static int bindFields(PreparedStatement ps, int start, CharacterSheet ch) throws SQLException {
        int i = start;
        ps.setString(i++, ch.name());
        ps.setString(i++, Columns.strings(ch.aliases()));
        for (CharacterSheet.Field field : CharacterSheet.Field.values()) {
            ps.setString(i++, ch.get(field));
        }
        ps.setString(i++, ch.playedBy().name());
        return i;
    }

    private static CharacterSheet character(ResultSet rs, List<Fact> facts) throws SQLException {
        return new CharacterSheet(rs.getLong("id"), rs.getLong("story_id"), rs.getString("name"),
                Columns.strings(rs.getString("aliases")), rs.getString("role"), rs.getString("appearance"),
                rs.getString("personality"), rs.getString("psychology"), rs.getString("backstory"),
                rs.getString("desires"), rs.getString("fears"), rs.getString("voice"), rs.getString("relationships"),
                rs.getString("interests"), rs.getString("private_notes"), PlayedBy.valueOf(rs.getString("played_by")),
                facts);
    }

    private static Fact fact(ResultSet rs) throws SQLException {
        return new Fact(rs.getLong("id"), rs.getString("text"), Columns.nullableLong(rs, "source_message_id"));
    }
}
