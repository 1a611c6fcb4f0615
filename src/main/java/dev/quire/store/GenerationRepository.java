package dev.quire.store;

import dev.quire.model.Generation;
import dev.quire.model.Variant;
import dev.quire.model.VariantRequest;

import java.sql.Connection;
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
        return db.write("record the generation", c -> insert(c, g));
    }

    /**
     * Records a mixed set: one generation, and with each of its variants what that variant's column asked (in
     * {@code requests}, one per variant by index), in one transaction.
     */
    public Generation create(Generation g, List<VariantRequest> requests) {
        return db.write("record the generation", c -> {
            Generation created = insert(c, g);
            for (VariantRequest r : requests) {
                Statements.update(c, """
                        UPDATE variant SET provider = ?, model = ?, parameters = ?, instruction = ?, messages = ?,
                                           started_at = ?
                        WHERE generation_id = ? AND idx = ?""",
                        r.provider(), r.model(), r.parametersJson(), r.instruction(), r.messagesJson(),
                        r.started() == null ? Columns.now() : r.started().toEpochMilli(), created.id(), r.index());
            }
            return created;
        });
    }

    private static Generation insert(Connection c, Generation g) throws SQLException {
        long id = Statements.insert(c, """
                INSERT INTO generation (story_id, scene_id, conversation_id, frame, provider, model, messages,
                    parameters, seed, variant_count, estimated_input_tokens, input_tokens, output_tokens,
                    cached_input_tokens, started_at, finished_at, status, error, instruction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g.storyId(), g.sceneId(), g.conversationId(), g.frame(), g.provider(), g.model(), g.messagesJson(),
                g.parametersJson() == null ? "{}" : g.parametersJson(), g.seed(), g.variantCount(),
                g.usage().estimatedInputTokens(), g.usage().inputTokens(), g.usage().outputTokens(),
                g.usage().cachedInputTokens(), g.started() == null ? Columns.now() : g.started().toEpochMilli(),
                g.finished() == null ? null : g.finished().toEpochMilli(), g.status().name(), g.error(),
                g.instruction());
        List<Object[]> variants = new ArrayList<>();
        for (int i = 0; i < g.variantCount(); i++) {
            variants.add(new Object[] {id, i});
        }
        Statements.batch(c, "INSERT INTO variant (generation_id, idx, status) VALUES (?, ?, 'STREAMING')",
                variants);
        return get(c, id).orElseThrow();
    }

    /** What each variant of a mixed set asked, by index; empty for a set asked in one request. */
    public List<VariantRequest> requests(long generationId) {
        return db.read("load what the variants asked", c -> Statements.query(c,
                "SELECT * FROM variant WHERE generation_id = ? AND provider IS NOT NULL ORDER BY idx",
                rs -> new VariantRequest(rs.getInt("idx"), rs.getString("provider"), rs.getString("model"),
                        rs.getString("parameters"), rs.getString("instruction"), rs.getString("messages"),
                        Columns.nullableInt(rs, "input_tokens"), Columns.nullableInt(rs, "cached_input_tokens"),
                        Columns.instant(rs, "started_at"), Columns.instant(rs, "finished_at")),
                generationId));
    }

    /** Records when a mixed set's variant ended and the input its own request used. */
    public void finishRequest(long generationId, int index, Integer inputTokens, Integer cachedInputTokens) {
        db.write("record variant " + Variant.labelFor(index) + "'s request", c -> Statements.update(c, """
                UPDATE variant SET input_tokens = ?, cached_input_tokens = ?, finished_at = ?
                WHERE generation_id = ? AND idx = ? AND provider IS NOT NULL""",
                inputTokens, cachedInputTokens, Columns.now(), generationId, index));
    }

    public Optional<Generation> get(long id) {
        return db.read("load the generation", c -> get(c, id));
    }

    private static Optional<Generation> get(Connection c, long id) throws SQLException {
        return Statements.one(c, "SELECT * FROM generation WHERE id = ?", GenerationRepository::generation, id);
    }

    /** Generations of variants for a scene, newest first; a scene discussion's replies are not among them. */
    /**
     * Generations whose variants are prose for the story: not a summary or a check, whose answers are about the
     * text rather than text to stitch.
     */
    private static final String PROSE = "frame NOT LIKE 'summary%'"
            + " AND frame NOT IN ('chapter-summary', 'continuity', 'stereotype')";

    public List<Generation> forScene(long sceneId) {
        return db.read("load the scene's generations", c -> Statements.query(c,
                "SELECT * FROM generation WHERE scene_id = ? AND conversation_id IS NULL AND " + PROSE
                        + " ORDER BY started_at DESC, id DESC",
                GenerationRepository::generation, sceneId));
    }

    /**
     * Generations of variants in a story, oldest first, those for a new scene (none yet) among them; a
     * conversation's replies are not.
     */
    public List<Generation> forStory(long storyId) {
        return db.read("list the story's generations", c -> Statements.query(c,
                "SELECT * FROM generation WHERE story_id = ? AND conversation_id IS NULL AND " + PROSE
                        + " ORDER BY started_at, id",
                GenerationRepository::generation, storyId));
    }

    /** Records how the generation ended, with the provider's usage. */
    public void finish(long id, Generation.Status status, Generation.Usage usage, String error) {
        db.write("record the generation's result", c -> Statements.update(c, """
                UPDATE generation SET status = ?, input_tokens = ?, output_tokens = ?, cached_input_tokens = ?,
                                      finished_at = ?, error = ?
                WHERE id = ?""",
                status.name(), usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens(), Columns.now(),
                error, id));
    }

    /** Where a variant came from: its own provider and model (a mixed set's column), else its generation's, and the scene it was asked for. */
    public record VariantOrigin(long variantId, long generationId, Long sceneId, String provider, String model,
                                boolean hasText) {
    }

    /**
     * Every variant of the story's prose generations with its provider and model, in one statement; neither
     * conversation replies nor summaries nor continuity or stereotype checks are among them.
     */
    public List<VariantOrigin> origins(long storyId) {
        return db.read("load where the story's variants came from", c -> Statements.query(c,
                "SELECT v.id, g.id, g.scene_id, coalesce(v.provider, g.provider), coalesce(v.model, g.model),"
                        + " length(trim(v.text)) > 0 FROM variant v"
                        + " JOIN generation g ON g.id = v.generation_id WHERE g.story_id = ? AND g.conversation_id"
                        + " IS NULL AND " + PROSE.replace("frame", "g.frame") + " ORDER BY v.id",
                rs -> {
                    long scene = rs.getLong(3);
                    Long sceneId = rs.wasNull() ? null : scene;
                    return new VariantOrigin(rs.getLong(1), rs.getLong(2), sceneId, rs.getString(4), rs.getString(5),
                            rs.getInt(6) != 0);
                }, storyId));
    }

    public List<Variant> variants(long generationId) {
        return db.read("load the variants", c -> Statements.query(c,
                "SELECT * FROM variant WHERE generation_id = ? ORDER BY idx", GenerationRepository::variant,
                generationId));
    }

    public Optional<Variant> variant(long id) {
        List<Variant> found = variantsByIds(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The variants with these ids, in the order given; ids no longer in the library are left out. */
    public List<Variant> variantsByIds(List<Long> ids) {
        return db.read("load the variants", c -> {
            List<Variant> out = new ArrayList<>(ids.size());
            for (long id : ids) {
                Statements.one(c, "SELECT * FROM variant WHERE id = ?", GenerationRepository::variant, id)
                        .ifPresent(out::add);
            }
            return out;
        });
    }

    /** Saves what a variant has so far and its status; called as text streams in and when it ends. */
    public void saveVariant(long generationId, int index, String text, Variant.Status status, String stopReason,
                            String error) {
        db.write("save variant " + Variant.labelFor(index), c -> Statements.update(c, """
                UPDATE variant SET text = ?, status = ?, outcome = ?, stop_reason = ?, error = ?
                WHERE generation_id = ? AND idx = ?""",
                text, Outcomes.column(status), status.name(), stopReason, error, generationId, index));
    }

    /** Saves how a variant ended: its text, status, the model's refusal and thinking, and its own output tokens. */
    public void saveEnded(long generationId, Variant ended) {
        db.write("save variant " + ended.label(), c -> Outcomes.saveEnded(c, generationId, ended));
    }

    public void rate(long variantId, Integer rating, String note) {
        db.write("save the variant's rating", c -> Statements.update(c,
                "UPDATE variant SET rating = ?, note = ? WHERE id = ?", rating, note == null ? "" : note, variantId));
    }

    private static Variant variant(ResultSet rs) throws SQLException {
        return Outcomes.variant(rs);
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
                Generation.Status.valueOf(rs.getString("status")), rs.getString("error"),
                rs.getString("instruction"));
    }

    /** Records what the request behind one variant used; see {@link UsageRepository#recordVariant}. */
    public void recordUsage(long generationId, int index, Long messageId, UsageRepository.Counts counts) {
        new UsageRepository(db).recordVariant(generationId, index, messageId, counts, java.time.Instant.now());
    }
}
