package dev.quire.store;

import dev.quire.model.Price;
import dev.quire.model.RequestUsage;
import dev.quire.model.TokenUsage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every request's usage as the provider reported it, and the prices the writer set. */
public final class UsageRepository {

    /** A request's counts; any may be null when the provider did not report it. */
    public record Counts(Integer input, Integer output, Integer cacheRead, Integer cacheWrite) {
        public boolean isEmpty() {
            return input == null && output == null && cacheRead == null && cacheWrite == null;
        }
    }

    private final Database db;

    public UsageRepository(Database db) {
        this.db = db;
    }

    /**
     * Records the usage of the request that served variant {@code index} of a generation (its provider and model, or
     * the variant's own in a mixed set), with the conversation message it wrote, if any.
     */
    public void recordVariant(long generationId, int index, Long messageId, Counts counts, Instant at) {
        db.write("record what a request used", c -> Statements.update(c, """
                INSERT INTO request_usage (story_id, generation_id, variant_idx, message_id, kind, provider, model,
                                           input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
                                           cache_ttl, at)
                SELECT g.story_id, g.id, ?, ?, CASE WHEN g.frame = '' THEN 'generation' ELSE g.frame END,
                       coalesce(v.provider, g.provider), coalesce(v.model, g.model), ?, ?, ?, ?,
                       json_extract(g.parameters, '$.cacheTtl'), ?
                FROM generation g LEFT JOIN variant v ON v.generation_id = g.id AND v.idx = ?
                WHERE g.id = ?""",
                index, messageId, counts.input(), counts.output(), counts.cacheRead(), counts.cacheWrite(),
                at.toEpochMilli(), index, generationId));
    }

    /** Records the usage of a continuation of a variant. */
    public void recordContinuation(long continuationId, Counts counts, Instant at) {
        db.write("record what a request used", c -> Statements.update(c, """
                INSERT INTO request_usage (story_id, generation_id, variant_idx, continuation_id, kind, provider, model,
                                           input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, at)
                SELECT g.story_id, g.id, v.idx, k.id, 'continuation', k.provider, k.model, ?, ?, ?, ?, ?
                FROM continuation k JOIN variant v ON v.id = k.variant_id JOIN generation g ON g.id = v.generation_id
                WHERE k.id = ?""",
                counts.input(), counts.output(), counts.cacheRead(), counts.cacheWrite(), at.toEpochMilli(),
                continuationId));
    }

    /** The requests since {@code since} (all when null), of one story or all (null), oldest first. */
    public List<RequestUsage> requests(Long storyId, Instant since) {
        return db.read("read what requests used", c -> Statements.query(c, """
                SELECT at, coalesce(story_id, 0), provider, model, kind, input_tokens, output_tokens,
                       cache_read_tokens, cache_write_tokens, cache_ttl
                FROM request_usage
                WHERE (? IS NULL OR story_id = ?) AND at >= ?
                ORDER BY at, id""", UsageRepository::request, storyId, storyId,
                since == null ? Long.MIN_VALUE : since.toEpochMilli()));
    }

    /** The usage recorded for each variant of a generation, by variant index (continuations added in). */
    public Map<Integer, TokenUsage> forGeneration(long generationId) {
        return db.read("read what a generation used", c -> {
            Map<Integer, TokenUsage> byVariant = new java.util.TreeMap<>();
            for (Object[] row : Statements.query(c, """
                    SELECT coalesce(variant_idx, 0), input_tokens, output_tokens, cache_read_tokens, cache_write_tokens
                    FROM request_usage WHERE generation_id = ?""",
                    rs -> new Object[] {rs.getInt(1), tokens(rs, 2)}, generationId)) {
                byVariant.merge((Integer) row[0], (TokenUsage) row[1], TokenUsage::plus);
            }
            return byVariant;
        });
    }

    /** A generation's requests, each with the index of the variant it served (continuations included). */
    public List<Map.Entry<Integer, RequestUsage>> forGenerationRequests(long generationId) {
        return db.read("read what a generation used", c -> Statements.query(c, """
                SELECT at, coalesce(story_id, 0), provider, model, kind, input_tokens, output_tokens,
                       cache_read_tokens, cache_write_tokens, cache_ttl, coalesce(variant_idx, 0)
                FROM request_usage WHERE generation_id = ? ORDER BY id""",
                rs -> Map.entry(rs.getInt(11), request(rs)), generationId));
    }

    /** The request that wrote a conversation message, if its usage was recorded. */
    public Optional<RequestUsage> requestForMessage(long messageId) {
        return db.read("read what a reply used", c -> Statements.one(c, """
                SELECT at, coalesce(story_id, 0), provider, model, kind, input_tokens, output_tokens,
                       cache_read_tokens, cache_write_tokens, cache_ttl
                FROM request_usage WHERE message_id = ? ORDER BY id DESC LIMIT 1""",
                UsageRepository::request, messageId));
    }

    /** The usage of the request that wrote a conversation message, if it was recorded. */
    public Optional<TokenUsage> forMessage(long messageId) {
        return db.read("read what a reply used", c -> Statements.one(c, """
                SELECT NULL, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens
                FROM request_usage WHERE message_id = ? ORDER BY id DESC LIMIT 1""",
                rs -> tokens(rs, 2), messageId));
    }

    private static RequestUsage request(ResultSet rs) throws SQLException {
        return new RequestUsage(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), tokens(rs, 6), "1h".equals(rs.getString(10)));
    }

    private static TokenUsage tokens(ResultSet rs, int first) throws SQLException {
        return new TokenUsage(1, rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2),
                rs.getLong(first + 3));
    }

    // ---- prices the writer set ----

    public List<Price> prices() {
        return db.read("read the prices", c -> Statements.query(c, """
                SELECT provider, model, input, output, cache_write, cache_read, cache_write_1h, currency, updated_at
                FROM price ORDER BY provider, model""", UsageRepository::price));
    }

    public void putPrice(Price p) {
        db.write("save a price", c -> Statements.update(c, """
                INSERT INTO price (provider, model, input, output, cache_write, cache_read, cache_write_1h, currency,
                                   updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(provider, model) DO UPDATE SET input = excluded.input, output = excluded.output,
                    cache_write = excluded.cache_write, cache_read = excluded.cache_read,
                    cache_write_1h = excluded.cache_write_1h, currency = excluded.currency,
                    updated_at = excluded.updated_at""",
                p.provider(), p.model(), p.input(), p.output(), p.cacheWrite(), p.cacheRead(), p.cacheWrite1h(),
                p.currency(), Instant.now().toEpochMilli()));
    }

    private static Price price(ResultSet rs) throws SQLException {
        return new Price(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), nullable(rs, 5),
                nullable(rs, 6), nullable(rs, 7), rs.getString(8),
                LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(9)), ZoneOffset.UTC).toString(), true);
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }
}
