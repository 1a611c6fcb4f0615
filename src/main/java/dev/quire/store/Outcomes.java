package dev.quire.store;

import dev.quire.model.Variant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How a variant's status is kept. {@code variant.status} has the first schema's CHECK, so it holds the nearest of
 * its old values (COMPLETE for cut off, refused and filtered; CANCELLED for stopped) and {@code variant.outcome}
 * the status itself; rows from before it read their status as before, CANCELLED as STOPPED.
 */
final class Outcomes {

    private Outcomes() {
    }

    /** The value for the old {@code status} column. */
    static String column(Variant.Status status) {
        return switch (status) {
            case CUT_OFF, REFUSED, FILTERED -> "COMPLETE";
            case STOPPED -> "CANCELLED";
            default -> status.name();
        };
    }

    static Variant.Status read(String status, String outcome) {
        if (outcome != null) {
            return Variant.Status.valueOf(outcome);
        }
        return "CANCELLED".equals(status) ? Variant.Status.STOPPED : Variant.Status.valueOf(status);
    }

    static Variant variant(ResultSet rs) throws SQLException {
        return new Variant(rs.getLong("id"), rs.getLong("generation_id"), rs.getInt("idx"), rs.getString("text"),
                read(rs.getString("status"), rs.getString("outcome")), rs.getString("stop_reason"),
                rs.getString("error"), Columns.nullableInt(rs, "rating"), rs.getString("note"),
                rs.getString("refusal"), rs.getString("thinking"), Columns.nullableInt(rs, "output_tokens"));
    }

    static int saveEnded(Connection c, long generationId, Variant v) throws SQLException {
        return Statements.update(c, """
                UPDATE variant SET text = ?, status = ?, outcome = ?, stop_reason = ?, error = ?, refusal = ?,
                                   thinking = ?, output_tokens = ?
                WHERE generation_id = ? AND idx = ?""",
                v.text(), column(v.status()), v.status().name(), v.stopReason(), v.error(), v.refusal(),
                v.thinking(), v.outputTokens(), generationId, v.index());
    }
}
