package dev.quire.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table of a library file, plus its schema and header pragmas, as one
 * comparable value: "these two libraries are identical" in one assertEquals. Read with plain JDBC,
 * beside the store.
 */
public final class LibraryRows {

    private LibraryRows() {
    }

    public static Map<String, List<String>> of(Path library) {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + library.toAbsolutePath());
             Statement st = c.createStatement()) {
            List<String> header = new ArrayList<>();
            for (String pragma : new String[] {"application_id", "user_version"}) {
                try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
                    header.add(pragma + "=" + (rs.next() ? rs.getString(1) : "?"));
                }
            }
            out.put("(header)", header);
            List<String> tables = new ArrayList<>();
            List<String> schema = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
                while (rs.next()) {
                    schema.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
                    if (rs.getString(1).equals("table")) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            out.put("(schema)", schema);
            for (String table : tables) {
                out.put(table, rows(st, table));
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read " + library + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static List<String> rows(Statement st, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i == 1 ? "" : " | ").append(meta.getColumnName(i)).append('=').append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    public static long count(Path library, String table) {
        return of(library).get(table).size();
    }
}
