package dev.quire.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plain JDBC on a library file, beside (never through) the store: how the tests count rows, read
 * pragmas and damage a library on purpose. Each call opens and closes its own connection.
 */
public final class Jdbc {

    private Jdbc() {
    }

    public static long queryLong(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql + " on " + file + ": " + e.getMessage(), e);
        }
    }

    public static String queryString(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError("could not run " + sql + " on " + file + ": " + e.getMessage(), e);
        }
    }

    public static long count(Path file, String table) {
        return queryLong(file, "SELECT count(*) FROM " + table);
    }

    /** Runs statements with foreign keys off (SQLite's default for a plain connection). */
    public static void execute(Path file, String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not change " + file + ": " + e.getMessage(), e);
        }
    }
}
