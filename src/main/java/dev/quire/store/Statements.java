package dev.quire.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements without the ceremony: parameters bound in order, rows mapped, everything closed. Used on the
 * connection that {@link Database#read} or {@link Database#write} hands out, so an {@link SQLException} passes
 * through to them: they wrap it in a {@link PersistenceException} that names the action, and a write rolls back
 * every statement it ran.
 *
 * <p>Parameters may be {@code null}, {@link String}, {@link Long}, {@link Integer} or {@link Boolean} (stored as 1
 * or 0, as every flag in the schema is).
 */
final class Statements {

    /** Makes one value of the row the result set is on. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Statements() {
    }

    /** Every row, mapped, in the order the query gives. */
    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    /** The first row, mapped; empty when there is none or the mapper makes null of it (a NULL aggregate). */
    static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and says how many rows it changed. */
    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT and gives the id of the row it added. */
    static long insert(Connection c, String sql, Object... params) throws SQLException {
        update(c, sql, params);
        // SQLite's own answer for this connection; the driver's generated keys have changed between versions
        return one(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
    }

    /** Runs one statement once per row of parameters, as a batch. */
    static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(ps, params);
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            int at = i + 1;
            Object value = params[i];
            if (value == null) {
                ps.setNull(at, Types.NULL);
            } else if (value instanceof String s) {
                ps.setString(at, s);
            } else if (value instanceof Long l) {
                ps.setLong(at, l);
            } else if (value instanceof Integer n) {
                ps.setInt(at, n);
            } else if (value instanceof Double d) {
                ps.setDouble(at, d);
            } else if (value instanceof Boolean b) {
                ps.setInt(at, b ? 1 : 0);
            } else {
                throw new IllegalArgumentException("Cannot bind a " + value.getClass().getSimpleName()
                        + " as SQL parameter " + at);
            }
        }
    }
}
