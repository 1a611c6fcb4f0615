package dev.quire.store;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.PlayedBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
            for (OwnedFact f : Statements.query(c, """
                    SELECT f.* FROM character_fact f JOIN character ch ON ch.id = f.character_id
                    WHERE ch.story_id = ? ORDER BY f.character_id, f.position""",
                    rs -> new OwnedFact(rs.getLong("character_id"), fact(rs)), storyId)) {
                facts.computeIfAbsent(f.characterId(), k -> new ArrayList<>()).add(f.fact());
            }
            return Statements.query(c, "SELECT * FROM character WHERE story_id = ? ORDER BY position, id",
                    rs -> character(rs, facts.getOrDefault(rs.getLong("id"), List.of())), storyId);
        });
    }

    private record OwnedFact(long characterId, Fact fact) {
    }

    public Optional<CharacterSheet> get(long id) {
        return db.read("load the character", c -> get(c, id));
    }

    private static Optional<CharacterSheet> get(Connection c, long id) throws SQLException {
        List<Fact> facts = Statements.query(c,
                "SELECT * FROM character_fact WHERE character_id = ? ORDER BY position", CharacterRepository::fact, id);
        return Statements.one(c, "SELECT * FROM character WHERE id = ?", rs -> character(rs, facts), id);
    }

    /**
     * When the character's row was made. SQLite may give a deleted character's id to the next one, so an id and
     * this time together name one character.
     */
    public Optional<Instant> created(long id) {
        return db.read("read when the character was created", c -> Statements.one(c,
                "SELECT created_at FROM character WHERE id = ?", rs -> Columns.instant(rs, "created_at"), id));
    }

    public CharacterSheet create(CharacterSheet character) {
        return db.write("add the character " + character.name(), c -> {
            long now = Columns.now();
            List<Object> params = new ArrayList<>(List.of(character.storyId(), character.storyId()));
            params.addAll(fields(character));
            params.add(now);
            params.add(now);
            long id = Statements.insert(c, "INSERT INTO character (story_id, position, " + FIELDS
                    + ", created_at, updated_at) VALUES (?, (SELECT coalesce(max(position) + 1, 0) FROM character"
                    + " WHERE story_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", params.toArray());
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
            List<Object> params = new ArrayList<>(fields(character));
            params.add(Columns.now());
            params.add(character.id());
            if (Statements.update(c, "UPDATE character SET " + set + "updated_at = ? WHERE id = ?",
                    params.toArray()) != 1) {
                throw new PersistenceException(character.name() + " is no longer in the library; the sheet may"
                        + " have been deleted.");
            }
            saveFacts(c, character.id(), character.facts());
            StoryRepository.touch(c, character.storyId());
            return get(c, character.id()).orElseThrow();
        });
    }

    public void delete(long id) {
        db.write("delete the character", c -> Statements.update(c, "DELETE FROM character WHERE id = ?", id));
    }

    private static void saveFacts(Connection c, long characterId, List<Fact> facts) throws SQLException {
        List<Long> keep = new ArrayList<>();
        long now = Columns.now();
        for (int position = 0; position < facts.size(); position++) {
            Fact f = facts.get(position);
            if (f.id() > 0 && Statements.update(c, """
                    UPDATE character_fact SET position = ?, text = ?, source_message_id = ?
                    WHERE id = ? AND character_id = ?""",
                    position, f.text(), f.sourceMessageId(), f.id(), characterId) == 1) {
                keep.add(f.id());
                continue;
            }
            keep.add(Statements.insert(c, """
                    INSERT INTO character_fact (character_id, position, text, source_message_id, created_at)
                    VALUES (?, ?, ?, ?, ?)""", characterId, position, f.text(), f.sourceMessageId(), now));
        }
        StringBuilder ids = new StringBuilder();
        for (Long id : keep) {
            ids.append(ids.length() == 0 ? "" : ",").append(id);
        }
        Statements.update(c, "DELETE FROM character_fact WHERE character_id = ?"
                + (keep.isEmpty() ? "" : " AND id NOT IN (" + ids + ")"), characterId);
    }

    /** The values of {@link #FIELDS}, in its order. */
    private static List<Object> fields(CharacterSheet ch) {
        List<Object> values = new ArrayList<>();
        values.add(ch.name());
        values.add(Columns.strings(ch.aliases()));
        for (CharacterSheet.Field field : CharacterSheet.Field.values()) {
            values.add(ch.get(field));
        }
        values.add(ch.playedBy().name());
        return values;
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
