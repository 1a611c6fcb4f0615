package dev.quire.store;

import dev.quire.model.Generation;
import dev.quire.model.Variant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Variants continued in place. Each continuation is kept as a request of its own (as sent, with its own usage);
 * its text goes into the variant only when it ended well, in the same transaction, so a continuation that fails
 * leaves the variant as it was.
 */
public final class ContinuationRepository {

    /** One continuation of a variant. {@code status} is the variant status it ended with, or STREAMING. */
    public record Continuation(long id, long variantId, String provider, String model, String messagesJson,
                               String parametersJson, String text, Generation.Usage usage, Instant started,
                               Instant finished, Variant.Status status, String stopReason, String error) {
    }

    private final Database db;

    public ContinuationRepository(Database db) {
        this.db = db;
    }

    /** Records a continuation as streaming, before it is sent. */
    public long start(long variantId, String provider, String model, String messagesJson, String parametersJson) {
        return db.write("record the continuation", c -> Statements.insert(c, """
                INSERT INTO continuation (variant_id, provider, model, messages, parameters, started_at, status)
                VALUES (?, ?, ?, ?, ?, ?, 'STREAMING')""",
                variantId, provider, model, messagesJson, parametersJson, Columns.now()));
    }

    /** What the continuation has so far, while it streams. */
    public void saveText(long id, String text) {
        db.write("save the continuation", c -> Statements.update(c,
                "UPDATE continuation SET text = ? WHERE id = ?", text, id));
    }

    /**
     * Records how the continuation ended and, when {@code variant} is not null, the variant it made, in one
     * transaction.
     */
    public void finish(long id, String text, Variant.Status status, String stopReason, String error,
                       Generation.Usage usage, long generationId, Variant variant) {
        db.write("record the continuation's result", c -> {
            Statements.update(c, """
                    UPDATE continuation SET text = ?, status = ?, stop_reason = ?, error = ?, input_tokens = ?,
                                            output_tokens = ?, cached_input_tokens = ?, finished_at = ?
                    WHERE id = ?""",
                    text, status.name(), stopReason, error, usage.inputTokens(), usage.outputTokens(),
                    usage.cachedInputTokens(), Columns.now(), id);
            if (variant != null) {
                Outcomes.saveEnded(c, generationId, variant);
            }
            return null;
        });
    }

    /** A variant's continuations, oldest first. */
    public List<Continuation> forVariant(long variantId) {
        return db.read("load the variant's continuations", c -> Statements.query(c,
                "SELECT * FROM continuation WHERE variant_id = ? ORDER BY id", ContinuationRepository::row,
                variantId));
    }

    private static Continuation row(ResultSet rs) throws SQLException {
        return new Continuation(rs.getLong("id"), rs.getLong("variant_id"), rs.getString("provider"),
                rs.getString("model"), rs.getString("messages"), rs.getString("parameters"), rs.getString("text"),
                new Generation.Usage(null, Columns.nullableInt(rs, "input_tokens"),
                        Columns.nullableInt(rs, "output_tokens"), Columns.nullableInt(rs, "cached_input_tokens")),
                Columns.instant(rs, "started_at"), Columns.instant(rs, "finished_at"),
                Variant.Status.valueOf(rs.getString("status")), rs.getString("stop_reason"), rs.getString("error"));
    }
}
