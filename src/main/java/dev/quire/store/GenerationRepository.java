package dev.quire.store;

import dev.quire.model.Generation;
import dev.quire.model.Variant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Generations as sent, and the variants they produced. Variant text is saved as it streams, so none is lost. */
public final class GenerationRepository {

    private final Database db;

    public GenerationRepository(Database db) {
        this.db = db;
    }

    /** Records a generation and an empty streaming variant for each of its {@code variantCount} texts. */
    public Generation create(Generation g) {
        return db.write("record the generation", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO generation (story_id, scene_id, conversation_id, frame, provider, model, messages,
                        parameters, seed, variant_count, estimated_input_tokens, input_tokens, output_tokens,
                        cached_input_tokens, started_at, finished_at, status, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, g.storyId());
                Columns.setNullable(ps, 2, g.sceneId());
                Columns.setNullable(ps, 3, g.conversationId());
                ps.setString(4, g.frame());
                ps.setString(5, g.provider());
                ps.setString(6, g.model());
                ps.setString(7, g.messagesJson());
                ps.setString(8, g.parametersJson() == null ? "{}" : g.parametersJson());
                Columns.setNullable(ps, 9, g.seed());
                ps.setInt(10, g.variantCount());
                Columns.setNullable(ps, 11, g.usage().estimatedInputTokens());
                Columns.setNullable(ps, 12, g.usage().inputTokens());
                Columns.setNullable(ps, 13, g.usage().outputTokens());
                Columns.setNullable(ps, 14, g.usage().cachedInputTokens());
                ps.setLong(15, g.started() == null ? Columns.now() : g.started().toEpochMilli());
                Columns.setNullable(ps, 16, g.finished() == null ? null : g.finished().toEpochMilli());
                ps.setString(17, g.status().name());
                ps.setString(18, g.error());
                ps.executeUpdate();
            }
            long id = Columns.lastId(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO variant (generation_id, idx, status) VALUES (?, ?, 'STREAMING')")) {
                for (int i = 0; i < g.variantCount(); i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.executeUpdate();
                }
            }
            return get(c, id).orElseThrow();
        });
    }

    public Optional<Generation> get(long id) {
        return db.read("load the generation", c -> get(c, id));
    }

    private static Optional<Generation> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM generation WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(generation(rs)) : Optional.empty();
            }
        }
    }

    /** Generations of variants for a scene, newest first; a scene discussion's replies are not among them. */
    public List<Generation> forScene(long sceneId) {
        return db.read("load the scene's generations", c -> {
            List<Generation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM generation WHERE scene_id = ? AND conversation_id IS NULL"
                            + " ORDER BY started_at DESC, id DESC")) {
                ps.setLong(1, sceneId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(generation(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Records how the generation ended, with the provider's usage. */
    public void finish(long id, Generation.Status status, Generation.Usage usage, String error) {
        db.write("record the generation's result", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE generation SET status = ?, input_tokens = ?, output_tokens = ?, cached_input_tokens = ?,
                                          finished_at = ?, error = ?
                    WHERE id = ?""")) {
                ps.setString(1, status.name());
                Columns.setNullable(ps, 2, usage.inputTokens());
                Columns.setNullable(ps, 3, usage.outputTokens());
                Columns.setNullable(ps, 4, usage.cachedInputTokens());
                ps.setLong(5, Columns.now());
                ps.setString(6, error);
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<Variant> variants(long generationId) {
        return db.read("load the variants", c -> {
            List<Variant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM variant WHERE generation_id = ? ORDER BY idx")) {
                ps.setLong(1, generationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(variant(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Variant> variant(long id) {
        List<Variant> found = variantsByIds(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The variants with these ids, in the order given; ids no longer in the library are left out. */
    public List<Variant> variantsByIds(List<Long> ids) {
        return db.read("load the variants", c -> {
            List<Variant> out = new ArrayList<>(ids.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM variant WHERE id = ?")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(variant(rs));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Saves what a variant has so far and its status; called as text streams in and when it ends. */
    public void saveVariant(long generationId, int index, String text, Variant.Status status, String stopReason,
                            String error) {
        db.write("save variant " + Variant.labelFor(index), c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE variant SET text = ?, status = ?, stop_reason = ?, error = ?
                    WHERE generation_id = ? AND idx = ?""")) {
                ps.setString(1, text);
                ps.setString(2, status.name());
                ps.setString(3, stopReason);
                ps.setString(4, error);
                ps.setLong(5, generationId);
                ps.setInt(6, index);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void rate(long variantId, Integer rating, String note) {
        db.write("save the variant's rating", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE variant SET rating = ?, note = ? WHERE id = ?")) {
                Columns.setNullable(ps, 1, rating);
                ps.setString(2, note == null ? "" : note);
                ps.setLong(3, variantId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Variant variant(ResultSet rs) throws SQLException {
        return new Variant(rs.getLong("id"), rs.getLong("generation_id"), rs.getInt("idx"), rs.getString("text"),
                Variant.Status.valueOf(rs.getString("status")), rs.getString("stop_reason"), rs.getString("error"),
                Columns.nullableInt(rs, "rating"), rs.getString("note"));
    }

    private static Generation generation(ResultSet rs) throws SQLException {
        return new Generation(rs.getLong("id"), rs.getLong("story_id"), Columns.nullableLong(rs, "scene_id"),
                Columns.nullableLong(rs, "conversation_id"), rs.getString("frame"), rs.getString("provider"),
                rs.getString("model"), rs.getString("messages"), rs.getString("parameters"),
                Columns.nullableLong(rs, "seed"), rs.getInt("variant_count"),
                new Generation.Usage(Columns.nullableInt(rs, "estimated_input_tokens"),
                        Columns.nullableInt(rs, "input_tokens"), Columns.nullableInt(rs, "output_tokens"),
                        Columns.nullableInt(rs, "cached_input_tokens")),
                Columns.instant(rs, "started_at"), Columns.instant(rs, "finished_at"),
                Generation.Status.valueOf(rs.getString("status")), rs.getString("error"));
    }
}
